import { dayFromYmd } from './days';
import { wallClockToEpochMs } from './copenhagen';

const HOUR = 3_600_000;
const at = (y: number, m: number, d: number, hh: number, mm: number) =>
  wallClockToEpochMs({ day: dayFromYmd(y, m, d), minutes: hh * 60 + mm });

describe('wallClockToEpochMs (Europe/Copenhagen)', () => {
  it.each([
    ['winter, CET = UTC+1', 2021, 1, 15, 10, 0, Date.UTC(2021, 0, 15, 9, 0)],
    ['summer, CEST = UTC+2', 2021, 7, 1, 10, 0, Date.UTC(2021, 6, 1, 8, 0)],
    ['just before the spring gap', 2021, 3, 28, 1, 59, Date.UTC(2021, 2, 28, 0, 59)],
    ['the first minute after the spring gap', 2021, 3, 28, 3, 0, Date.UTC(2021, 2, 28, 1, 0)],
    ['non-existent 02:30 moves forward to 03:30 CEST', 2021, 3, 28, 2, 30, Date.UTC(2021, 2, 28, 1, 30)],
    ['doubled 02:30 is the later (CET) occurrence', 2021, 10, 31, 2, 30, Date.UTC(2021, 9, 31, 1, 30)],
    ['01:59 before the autumn change is CEST', 2021, 10, 31, 1, 59, Date.UTC(2021, 9, 30, 23, 59)],
    ['03:00 after the autumn change is CET', 2021, 10, 31, 3, 0, Date.UTC(2021, 9, 31, 2, 0)],
  ])('%s', (_label, y, m, d, hh, mm, expected) => {
    expect(at(y, m, d, hh, mm)).toBe(expected);
  });

  it('treats minutes = null as midnight', () => {
    const day = dayFromYmd(2021, 3, 28);
    expect(wallClockToEpochMs({ day, minutes: null })).toBe(wallClockToEpochMs({ day, minutes: 0 }));
    expect(wallClockToEpochMs({ day, minutes: null })).toBe(Date.UTC(2021, 2, 27, 23, 0));
  });

  it('24 real hours across the spring change are 25 wall-clock hours', () => {
    // 27-03 12:00 → 28-03 13:00 is 25 wall-clock hours but only 24 real hours (02:00–03:00 does not exist).
    const start = at(2021, 3, 27, 12, 0);
    expect(at(2021, 3, 28, 12, 0) - start).toBe(23 * HOUR);
    expect(at(2021, 3, 28, 13, 0) - start).toBe(24 * HOUR);
  });

  it('the autumn change makes a wall-clock day 25 real hours', () => {
    expect(at(2021, 10, 31, 12, 0) - at(2021, 10, 30, 12, 0)).toBe(25 * HOUR);
  });
});
