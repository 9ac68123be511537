import { ageOn, cprCentury, maskCpr, parseCpr } from './cpr';
import { dayFromYmd, formatDay } from './days';
import { isFailure } from './failure';
import type { Cell } from './types';

describe('parseCpr: accepted forms', () => {
  it.each<[Cell, string, string]>([
    ['010203-1234', '010203-1234', '01-02-1903'],
    ['0102031234', '010203-1234', '01-02-1903'],
    ['010203 1234', '010203-1234', '01-02-1903'],
    ['  010203-1234 ', '010203-1234', '01-02-1903'],
    [102031234, '010203-1234', '01-02-1903'],
    [{ n: 102031234, fmt: '000000-0000' }, '010203-1234', '01-02-1903'],
    [1511104321, '151110-4321', '15-11-2010'],
    ['290216-4000', '290216-4000', '29-02-2016'],
  ])('%p', (cell, text, birth) => {
    const r = parseCpr(cell);
    if (r === null || isFailure(r)) throw new Error('expected a CPR');
    expect(r.text).toBe(text);
    expect(formatDay(r.birthDay)).toBe(birth);
  });

  it.each<Cell>([null, '', '   '])('blank %p', (cell) => {
    expect(parseCpr(cell)).toBeNull();
  });
});

describe('parseCpr: century from the 7th digit (spec §2.5)', () => {
  it.each([
    // 7th digit 0–3: 1900s whatever YY is
    ['010100-0000', 1900],
    ['010199-3999', 1999],
    ['010136-2000', 1936],
    // 4 and 9: 2000s when YY ≤ 36, else 1900s
    ['010136-4000', 2036],
    ['010137-4000', 1937],
    ['010136-9000', 2036],
    ['010137-9000', 1937],
    ['010100-4000', 2000],
    // 5–8: 2000s when YY ≤ 57, else 1800s
    ['010157-5000', 2057],
    ['010158-5000', 1858],
    ['010157-8999', 2057],
    ['010158-8999', 1858],
    ['010110-6000', 2010],
    ['010199-7000', 1899],
  ])('%s is born in %i', (text, year) => {
    const r = parseCpr(text);
    if (r === null || isFailure(r)) throw new Error('expected a CPR');
    expect(formatDay(r.birthDay).slice(6)).toBe(String(year));
  });

  it('matches the rule for every class and YY', () => {
    for (let yy = 0; yy <= 99; yy += 1) {
      expect(cprCentury(yy, 0)).toBe(1900 + yy);
      expect(cprCentury(yy, 4)).toBe(yy <= 36 ? 2000 + yy : 1900 + yy);
      expect(cprCentury(yy, 9)).toBe(yy <= 36 ? 2000 + yy : 1900 + yy);
      expect(cprCentury(yy, 5)).toBe(yy <= 57 ? 2000 + yy : 1800 + yy);
    }
  });
});

describe('parseCpr: rejected', () => {
  it.each<[Cell, string]>([
    ['010203-123', 'too short'],
    ['010203-12345', 'too long'],
    ['01-02-03-1234', 'extra separators'],
    ['abcdef-1234', 'letters'],
    ['320103-1234', 'day 32'],
    ['001203-1234', 'day 0'],
    ['011303-1234', 'month 13'],
    ['290221-4000', '29-02-2021 does not exist'],
    ['290200-3000', '29-02-1900 does not exist'],
    ['310421-4000', '31-04'],
    [true, 'boolean'],
    [0, 'zero'],
    [1020312.5, 'fraction'],
    [12345678901, 'eleven digits'],
    [{ n: 44256, fmt: 'dd-mm-yyyy' }, 'a date cell'],
    [{ error: '#N/A' }, 'error value'],
  ])('%p (%s)', (cell) => {
    const r = parseCpr(cell);
    expect(isFailure(r)).toBe(true);
  });

  it('never echoes the value in the failure', () => {
    for (const cell of ['320103-1234', '12345', '290221-4000']) {
      const r = parseCpr(cell);
      if (!isFailure(r)) throw new Error('expected failure');
      expect(`${r.what} ${r.hint}`).not.toMatch(/\d{4}/);
    }
  });

  it('does not check modulus 11', () => {
    expect(isFailure(parseCpr('010203-1235'))).toBe(false);
    expect(isFailure(parseCpr('010203-1234'))).toBe(false);
  });
});

describe('ageOn', () => {
  const d = dayFromYmd;
  it.each([
    [d(2010, 5, 1), d(2021, 4, 30), 10],
    [d(2010, 5, 1), d(2021, 5, 1), 11],
    [d(2010, 5, 1), d(2010, 5, 1), 0],
    [d(2003, 12, 31), d(2021, 12, 30), 17],
    [d(2003, 12, 31), d(2021, 12, 31), 18],
    [d(2008, 2, 29), d(2021, 2, 28), 12],
    [d(2008, 2, 29), d(2021, 3, 1), 13],
    [d(2008, 2, 29), d(2024, 2, 29), 16],
    [d(2021, 6, 1), d(2021, 5, 1), -1],
  ])('born %d, on %d: %d years', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('maskCpr', () => {
  it.each([
    ['010203-1234', '010203-••••'],
    ['0102031234', '010203-••••'],
    ['12', '••••••-••••'],
  ])('%s → %s', (text, masked) => {
    expect(maskCpr(text)).toBe(masked);
  });
});
