import { dayFromYmd } from '../domain/days';
import type { WallClock } from '../domain/review';
import type { Day } from '../domain/types';

const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Europe/Copenhagen at the instant `now` (the pane's "today", computed at the
 * boundary and passed into the pure core, which never reads the clock).
 * @example todayInCopenhagen(new Date('2021-06-30T22:30:00Z')) === dayFromYmd(2021, 7, 1)
 */
export function todayInCopenhagen(now: Date = new Date()): Day {
  const parts = COPENHAGEN_DATE.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return dayFromYmd(part('year'), part('month'), part('day'));
}

const COPENHAGEN_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The wall-clock date and time in Europe/Copenhagen at the instant `now`, to the minute (Tidspunkt
 * of a review line); computed at the boundary and passed into the pure core.
 * @example nowInCopenhagen(new Date('2021-06-30T22:30:00Z')) → { day: dayFromYmd(2021, 7, 1), minutes: 30 }
 */
export function nowInCopenhagen(now: Date = new Date()): WallClock {
  const parts = COPENHAGEN_TIME.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    day: dayFromYmd(part('year'), part('month'), part('day')),
    minutes: part('hour') * 60 + part('minute'),
  };
}
