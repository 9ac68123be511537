import { dayFromYmd, formatDay } from './days';
import { dayToSerial, formatHasTime, isDateFormat, serialToDateTime } from './serial';

describe('serialToDateTime, 1900 system', () => {
  it.each([
    [1, '01-01-1900'],
    [2, '02-01-1900'],
    [31, '31-01-1900'],
    [59, '28-02-1900'],
    [61, '01-03-1900'],
    [44256, '01-03-2021'],
    [44255, '28-02-2021'],
    [43890, '29-02-2020'],
    [2958465, '31-12-9999'],
  ])('serial %d is %s', (serial, text) => {
    const r = serialToDateTime(serial, false);
    expect(r && formatDay(r.day)).toBe(text);
    expect(r?.minutes).toBe(0);
    expect(dayToSerial(r?.day ?? -1, false)).toBe(serial);
  });

  it.each([0, 0.5, 60, 60.25, -1, 2958466, NaN, Infinity])('serial %p is not a date', (serial) => {
    expect(serialToDateTime(serial, false)).toBeNull();
  });

  it.each([
    [44256.5, 44256, 720],
    [44256.25, 44256, 360],
    [44256 + 14 / 24 + 30 / 1440, 44256, 870],
    [44256 + 1 / 1440 - 1e-9, 44256, 1],
    [44256 + 0.4 / 1440, 44256, 0],
    [44256 + 1439.6 / 1440, 44257, 0],
    [44256.999999, 44257, 0],
    [59.5, 60, 720],
  ])('serial %d is day %d at minute %d', (serial, day, minutes) => {
    expect(serialToDateTime(serial, false)).toEqual({ day, minutes });
  });
});

describe('serialToDateTime, 1904 system', () => {
  it.each([
    [0, '01-01-1904'],
    [1, '02-01-1904'],
    [59, '29-02-1904'],
    [60, '01-03-1904'],
    [42794, '01-03-2021'],
  ])('serial %d is %s', (serial, text) => {
    const r = serialToDateTime(serial, true);
    expect(r && formatDay(r.day)).toBe(text);
    expect(dayToSerial(r?.day ?? -1, true)).toBe(serial);
  });

  it('is the 1900 serial minus 1462 for the same date', () => {
    const day = dayFromYmd(2021, 10, 31);
    expect(dayToSerial(day, false) - dayToSerial(day, true)).toBe(1462);
    expect(serialToDateTime(dayToSerial(day, true) + 0.75, true)).toEqual({ day, minutes: 1080 });
  });

  it('rejects negative serials', () => {
    expect(serialToDateTime(-0.5, true)).toBeNull();
  });
});

describe('isDateFormat / formatHasTime', () => {
  it.each([
    ['General', false, false],
    ['general', false, false],
    ['0', false, false],
    ['0%', false, false],
    ['0.00', false, false],
    ['#,##0.00 "kr."', false, false],
    ['0.00E+00', false, false],
    ['@', false, false],
    ['[Red]0', false, false],
    ['[Red]#,##0;[Blue]-#,##0', false, false],
    ['000000-0000', false, false],
    ['"dato: "0', false, false],
    ['\\d0', false, false],
    ['_m0', false, false],
    ['dd-mm-yyyy', true, false],
    ['d/m/yy', true, false],
    ['yyyy-mm-dd', true, false],
    ['dd-mm-åååå', true, false],
    ['[$-406]d. mmmm yyyy', true, false],
    ['[$-F800]dddd, mmmm dd, yyyy', true, false],
    ['mmm-yy', true, false],
    ['dd-mm-yyyy hh:mm', true, true],
    ['d/m/yyyy h:mm AM/PM', true, true],
    ['hh:mm', true, true],
    ['mm:ss', true, true],
    ['[h]:mm', true, true],
    ['[mm]', true, true],
    ['[Red]dd-mm-yyyy', true, false],
    ['"d"0', false, false],
  ])('%p: date %p, time %p', (fmt, date, time) => {
    expect(isDateFormat(fmt)).toBe(date);
    expect(formatHasTime(fmt)).toBe(time);
  });
});
