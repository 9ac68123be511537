import type { Day } from './types';

/**
 * Calendar arithmetic on Day numbers (days since 1899-12-30, proleptic Gregorian).
 * Pure integer maths (Howard Hinnant's civil-from-days), so the rule core needs no Date objects.
 */

/** Days from 1899-12-30 to 1970-01-01. */
const EPOCH_OFFSET = 25569;

export interface Ymd {
  readonly y: number;
  /** 1..12 */
  readonly m: number;
  /** 1..31 */
  readonly d: number;
}

/** @example dayFromYmd(2021, 3, 1) === 44256 */
export function dayFromYmd(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + EPOCH_OFFSET;
}

/** @example ymdFromDay(44256) → { y: 2021, m: 3, d: 1 } */
export function ymdFromDay(day: Day): Ymd {
  const z = day - EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);
}

/** True when y-m-d is a real calendar date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Adds calendar months with date-fns `addMonths` semantics: the day of month is kept, or
 * clamped to the last day of the target month.
 * @example addMonthsDay(dayFromYmd(2021, 10, 31), 4) === dayFromYmd(2022, 2, 28)
 */
export function addMonthsDay(day: Day, months: number): Day {
  const { y, m, d } = ymdFromDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Formats a day as dd-mm-yyyy, the form every Danish message and table uses. Integer maths and
 * one template string, so it is cheap enough for every reason sentence without a cache.
 * @example formatDay(44256) === "01-03-2021"
 */
export function formatDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  if (y < 0 || y > 9999) return `${pad2(d)}-${pad2(m)}-${y}`;
  // Ten character codes into one string: no intermediate strings for each reason's dates.
  return String.fromCharCode(
    ZERO + Math.floor(d / 10),
    ZERO + (d % 10),
    DASH,
    ZERO + Math.floor(m / 10),
    ZERO + (m % 10),
    DASH,
    ZERO + Math.floor(y / 1000),
    ZERO + (Math.floor(y / 100) % 10),
    ZERO + (Math.floor(y / 10) % 10),
    ZERO + (y % 10),
  );
}

const ZERO = 48; // "0"
const DASH = 45; // "-"

/** Formats minutes after midnight as HH:mm. */
export function formatMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The Day of a JS Date's UTC calendar date (for adapters and the CLI's "today"). */
export function dayFromUtcDate(date: Date): Day {
  return dayFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
