import type { Day } from './types';

/**
 * Excel serial numbers ↔ Day numbers, and what a number format says about a cell.
 *
 * 1900 system: serial 1 = 01-01-1900 and Excel counts the non-existent 29-02-1900 as serial 60,
 * so serials 1–59 are one day off from Day numbers, serial 60 is not a date, and from serial 61
 * (01-03-1900) on serial = Day. 1904 system: serial 0 = 01-01-1904 = Day 1462.
 */

/** Day of 01-01-1904 (serial 0 in the 1904 date system). */
export const DAY_1904_OFFSET = 1462;
/** 31-12-9999, the last date Excel can show (1900 system serial). */
export const MAX_DAY = 2958465;

/**
 * The date and wall-clock minute of an Excel serial, or null when Excel shows no real date
 * (negative, the fake 29-02-1900 = serial 60, serial 0 in the 1900 system which Excel shows as
 * "00-01-1900", or past 31-12-9999). Minutes are rounded to the nearest minute; 1440 rolls over.
 * @example serialToDateTime(44256.5, false) → { day: 44256, minutes: 720 } (01-03-2021 12:00)
 */
export function serialToDateTime(serial: number, date1904: boolean): { day: Day; minutes: number } | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  let whole = Math.floor(serial);
  let minutes = Math.round((serial - whole) * 1440);
  if (minutes >= 1440) {
    whole += 1;
    minutes -= 1440;
  }
  let day: Day;
  if (date1904) {
    day = whole + DAY_1904_OFFSET;
  } else {
    // Decision: serial 0 ("00-01-1900", typically a formula pointing at an empty cell) and the
    // fake 29-02-1900 are not dates; the caller reports the cell as unreadable.
    if (whole === 0 || whole === 60) return null;
    day = whole < 60 ? whole + 1 : whole;
  }
  if (day > MAX_DAY) return null;
  return { day, minutes };
}

/**
 * The Excel serial of a Day (the inverse of serialToDateTime for whole days).
 * @example dayToSerial(44256, false) === 44256; dayToSerial(60, false) === 59 (28-02-1900)
 */
export function dayToSerial(day: Day, date1904: boolean): number {
  if (date1904) return day - DAY_1904_OFFSET;
  return day <= 60 ? day - 1 : day;
}

/** Strips quoted text, escaped and padding characters ("\x", "_x", "*x") from a format code. */
function stripLiterals(fmt: string): { plain: string; brackets: string[] } {
  let plain = '';
  const brackets: string[] = [];
  for (let i = 0; i < fmt.length; i += 1) {
    const ch = fmt[i] as string;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      i = end < 0 ? fmt.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 1;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      brackets.push(fmt.slice(i + 1, end < 0 ? fmt.length : end).toLowerCase());
      i = end < 0 ? fmt.length : end;
    } else {
      plain += ch;
    }
  }
  plain = plain.toLowerCase().replace(/am\/pm|a\/p/g, '');
  return { plain, brackets };
}

const ELAPSED_RE = /^(h+|m+|s+)$/;
const dateFormatCache = new Map<string, boolean>();
const timeFormatCache = new Map<string, boolean>();

/**
 * True when an Excel number format code shows a date or time: a d, m, y, h or s token (or the
 * Danish å for year) outside quotes and brackets, or an elapsed-time bracket like [h].
 * @example isDateFormat("dd-mm-yyyy") === true; isDateFormat("0%") === false; isDateFormat("General") === false
 */
export function isDateFormat(fmt: string): boolean {
  let v = dateFormatCache.get(fmt);
  if (v === undefined) {
    if (/^general$/i.test(fmt.trim())) {
      v = false;
    } else {
      const { plain, brackets } = stripLiterals(fmt);
      v = /[dmyhså]/.test(plain) || brackets.some((b) => ELAPSED_RE.test(b));
    }
    if (dateFormatCache.size < 1000) dateFormatCache.set(fmt, v);
  }
  return v;
}

/**
 * True when a number format shows a time of day: an h or s token outside quotes and brackets,
 * or an elapsed-time bracket [h] / [m] / [s].
 * @example formatHasTime("dd-mm-yyyy hh:mm") === true; formatHasTime("dd-mm-yyyy") === false
 */
export function formatHasTime(fmt: string): boolean {
  let v = timeFormatCache.get(fmt);
  if (v === undefined) {
    const { plain, brackets } = stripLiterals(fmt);
    v = /[hs]/.test(plain) || brackets.some((b) => ELAPSED_RE.test(b));
    if (timeFormatCache.size < 1000) timeFormatCache.set(fmt, v);
  }
  return v;
}

/**
 * The Day of a serial, rounded to the nearest minute like serialToDateTime, or -1 when Excel
 * shows no real date. Allocation-free for the hot path of date columns.
 */
export function serialDay(serial: number, date1904: boolean): Day {
  if (!(serial >= 0) || serial === Infinity) return -1;
  let whole = Math.floor(serial);
  if (Math.round((serial - whole) * 1440) >= 1440) whole += 1;
  if (date1904) whole += DAY_1904_OFFSET;
  else if (whole === 0 || whole === 60) return -1;
  else if (whole < 60) whole += 1;
  return whole > MAX_DAY ? -1 : whole;
}
