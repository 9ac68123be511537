import { dayFromYmd } from '../domain/days';
import { nowInCopenhagen, todayInCopenhagen } from './today';

describe('todayInCopenhagen', () => {
  it.each([
    // [instant (UTC), expected Copenhagen date]
    ['2021-06-30T21:59:59Z', [2021, 6, 30]], // 23:59:59 CEST
    ['2021-06-30T22:00:00Z', [2021, 7, 1]], // 00:00 CEST: the next day already
    ['2021-12-31T22:59:59Z', [2021, 12, 31]], // 23:59:59 CET
    ['2021-12-31T23:00:00Z', [2022, 1, 1]], // 00:00 CET
    ['2024-02-28T23:30:00Z', [2024, 2, 29]], // leap day
    ['2021-03-28T01:30:00Z', [2021, 3, 28]], // the spring-forward night (03:30 CEST)
    ['2021-10-30T22:30:00Z', [2021, 10, 31]], // the fall-back night (00:30 CEST)
  ] as const)('%s is %j in Copenhagen', (iso, [y, m, d]) => {
    expect(todayInCopenhagen(new Date(iso))).toBe(dayFromYmd(y, m, d));
  });
});

describe('nowInCopenhagen', () => {
  it.each([
    ['2021-06-30T21:59:00Z', [2021, 6, 30], 23 * 60 + 59], // CEST = UTC+2
    ['2021-06-30T22:00:30Z', [2021, 7, 1], 0], // midnight, seconds dropped
    ['2021-12-31T12:15:00Z', [2021, 12, 31], 13 * 60 + 15], // CET = UTC+1
    ['2021-03-28T01:30:00Z', [2021, 3, 28], 3 * 60 + 30], // after spring-forward: 03:30
    ['2021-10-31T00:30:00Z', [2021, 10, 31], 2 * 60 + 30], // first 02:30 (CEST)
    ['2021-10-31T01:30:00Z', [2021, 10, 31], 2 * 60 + 30], // second 02:30 (CET)
  ] as const)('%s is %j at minute %i in Copenhagen', (iso, [y, m, d], minutes) => {
    expect(nowInCopenhagen(new Date(iso))).toEqual({ day: dayFromYmd(y, m, d), minutes });
  });
});
