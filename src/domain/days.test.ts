import { addMonths } from 'date-fns';
import { addMonthsDay, dayFromYmd, formatDay, isValidYmd, ymdFromDay } from './days';

describe('day numbers', () => {
  it.each([
    [1900, 3, 1, 61],
    [1970, 1, 1, 25569],
    [2021, 3, 1, 44256],
    [1899, 12, 30, 0],
    [1899, 12, 31, 1],
  ])('%i-%i-%i is day %i and back', (y, m, d, day) => {
    expect(dayFromYmd(y, m, d)).toBe(day);
    expect(ymdFromDay(day)).toEqual({ y, m, d });
  });

  it('round-trips every day from 1800 to 2200', () => {
    for (let day = dayFromYmd(1800, 1, 1); day <= dayFromYmd(2200, 12, 31); day += 1) {
      const { y, m, d } = ymdFromDay(day);
      if (!isValidYmd(y, m, d)) throw new Error(`invalid day at ${day}`); // throw, not expect(): 146,000 expect() calls took 20 s
      if (dayFromYmd(y, m, d) !== day) throw new Error(`mismatch at ${day}`);
    }
  });

  it.each([
    ['31-10-2021 + 4', dayFromYmd(2021, 10, 31), 4, '28-02-2022'],
    ['31-10-2023 + 4 (leap)', dayFromYmd(2023, 10, 31), 4, '29-02-2024'],
    ['30-11-2021 + 3', dayFromYmd(2021, 11, 30), 3, '28-02-2022'],
    ['15-01-2021 + 4', dayFromYmd(2021, 1, 15), 4, '15-05-2021'],
    ['31-12-2021 + 2', dayFromYmd(2021, 12, 31), 2, '28-02-2022'],
  ])('addMonthsDay %s', (_label, day, months, expected) => {
    expect(formatDay(addMonthsDay(day, months))).toBe(expected);
  });

  it('agrees with date-fns addMonths for every day of 2019-2025 and 1..12 months', () => {
    for (let day = dayFromYmd(2019, 1, 1); day <= dayFromYmd(2025, 12, 31); day += 1) {
      const { y, m, d } = ymdFromDay(day);
      for (const n of [1, 3, 4, 12]) {
        const ref = addMonths(new Date(y, m - 1, d), n);
        const got = ymdFromDay(addMonthsDay(day, n));
        if (got.y !== ref.getFullYear() || got.m !== ref.getMonth() + 1 || got.d !== ref.getDate()) {
          throw new Error(`differs at ${y}-${m}-${d} + ${n}`);
        }
      }
    }
  });
});
