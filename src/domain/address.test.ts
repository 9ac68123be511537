import { a1, columnLetter, columnNumber, parseA1, parseRange } from './address';

describe('address', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s and back', (n, s) => {
    expect(columnLetter(n)).toBe(s);
    expect(columnNumber(s)).toBe(n);
  });

  it.each([0, -1, 1.5, NaN])('rejects column number %p', (n) => {
    expect(() => columnLetter(n)).toThrow(RangeError);
  });

  it('builds and parses A1 references', () => {
    expect(a1(7, 4)).toBe('D7');
    expect(parseA1('D7')).toEqual({ row: 7, col: 4 });
    expect(parseA1('$AB$12')).toEqual({ row: 12, col: 28 });
    expect(parseA1('ab12')).toEqual({ row: 12, col: 28 });
  });

  it.each(['', 'A0', '7D', 'A', '12', 'A1:B2', 'ABCD1'])('rejects %p', (ref) => {
    expect(() => parseA1(ref)).toThrow(RangeError);
  });

  it('parses ranges, normalising the corner order', () => {
    expect(parseRange('A1:C3')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRange('C3:A1')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(parseRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(() => parseRange('A1:B2:C3')).toThrow(RangeError);
  });
});
