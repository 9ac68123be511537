import { TZDate } from '@date-fns/tz';
import { ymdFromDay } from './days';
import type { DateTime } from './types';

export const COPENHAGEN = 'Europe/Copenhagen';

/**
 * The UTC instant (epoch ms) of a wall-clock time in Europe/Copenhagen; minutes = null counts
 * as 00:00. Resolved as @date-fns/tz's TZDate resolves it: a time that does not exist
 * (28-03-2021 02:30, clocks jump 02:00 → 03:00) moves forward by the gap (03:30 CEST = 01:30 UTC);
 * a time that occurs twice (31-10-2021 02:30) is the later occurrence, in standard time
 * (02:30 CET = 01:30 UTC).
 * @example wallClockToEpochMs({ day: dayFromYmd(2021, 1, 15), minutes: 600 }) === Date.UTC(2021, 0, 15, 9, 0)
 */
export function wallClockToEpochMs(dt: DateTime): number {
  const minutes = dt.minutes ?? 0;
  const key = dt.day * 1440 + minutes;
  const hit = instantCache.get(key);
  if (hit !== undefined) return hit;
  const { y, m, d } = ymdFromDay(dt.day);
  const ms = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0, COPENHAGEN).getTime();
  if (instantCache.size < 100_000) instantCache.set(key, ms);
  return ms;
}

/** Wall-clock minute → instant; a time-zone lookup costs microseconds, and case lists repeat times. */
const instantCache = new Map<number, number>();
