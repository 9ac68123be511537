import { TZDate, tzOffset } from '@date-fns/tz';
import { ymdFromDay } from './days';
import type { Day } from './types';
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
  const { y, m, d } = ymdFromDay(dt.day);
  return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0, COPENHAGEN).getTime();
}

const HOUR_MS = 3_600_000;
/** Day 0 (30-12-1899) as epoch ms: a Day's wall clock read as if it were UTC. */
const DAY0_MS = Date.UTC(1899, 11, 30);
/** Two DST changes of Europe/Copenhagen are at least 5 months apart (last Sunday of October to March). */
const MAX_SPAN_DAYS = 140;

/** Copenhagen's UTC offset (minutes) at an instant, from @date-fns/tz, remembered in `offsets` by UTC hour. */
function offsetAt(ms: number, offsets: Map<number, number> | undefined): number {
  const hour = Math.floor(ms / HOUR_MS);
  const known = offsets?.get(hour);
  if (known !== undefined) return known;
  const off = tzOffset(COPENHAGEN, new Date(hour * HOUR_MS));
  offsets?.set(hour, off);
  return off;
}

/**
 * Real minutes from one wall-clock time to another in Europe/Copenhagen (spec §4: a DST night counts
 * as the hour it is). When @date-fns/tz gives the same UTC offset 3 hours before the first and 3 hours
 * after the second (on a span too short to hold two DST changes), no change lies between and the
 * wall-clock difference is the real one; otherwise the exact instants (TZDate) decide.
 * @example elapsedCopenhagen({ day: d, minutes: 180 }, { day: d + 1, minutes: 240 }) === 1500 // 25 h, no DST
 */
export function elapsedCopenhagen(
  from: { day: Day; minutes: number },
  to: { day: Day; minutes: number },
  offsets?: Map<number, number>,
): number {
  const wall = (to.day - from.day) * 1440 + to.minutes - from.minutes;
  if (wall >= 0 && to.day - from.day <= MAX_SPAN_DAYS) {
    const a = DAY0_MS + from.day * 86_400_000 + from.minutes * 60_000 - 3 * HOUR_MS;
    const b = DAY0_MS + to.day * 86_400_000 + to.minutes * 60_000 + 3 * HOUR_MS;
    if (offsetAt(a, offsets) === offsetAt(b, offsets)) return wall;
  }
  return Math.round((wallClockToEpochMs(to) - wallClockToEpochMs(from)) / 60_000);
}
