/**
 * Independent oracles for the property tests: calendar days from JavaScript's own UTC calendar
 * (not src/domain/days.ts), spec §2.5's CPR centuries written as year ranges, and what "blank"
 * means (nothing, whitespace, or characters Excel shows as nothing).
 */
import type { Cell, Day } from '../../src/domain/types';
/** Characters Excel shows as nothing: zero-width, direction marks and overrides, soft hyphen, BOM. */
export const INVISIBLE = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u2060',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u180E',
  '\uFEFF',
  '\u00AD',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
] as const;

export const MS_DAY = 86_400_000;
/** Day number (days since 1899-12-30) of a calendar date, from JavaScript's own calendar. */
export function oracleDay(y: number, m: number, d: number): Day {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.round(dt.getTime() / MS_DAY) + 25569;
}
export function oracleYmd(day: Day): { y: number; m: number; d: number } {
  const dt = new Date((day - 25569) * MS_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
export function oracleDaysInMonth(y: number, m: number): number {
  return oracleYmd(oracleDay(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).d;
}
export const FIRST_DAY = oracleDay(1900, 1, 1);
export const LAST_DAY = oracleDay(9999, 12, 31);

/** Blank as Excel shows it: nothing, whitespace, or only characters that show as nothing. */
/** The invisible characters as a regex character-class body of \u{…} escapes. */
export const INVISIBLE_CLASS = INVISIBLE.map((c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`).join(
  '',
);
export const BLANK_RE = new RegExp(`^[\\s${INVISIBLE_CLASS}]*$`, 'u');
export const isBlankCell = (cell: Cell): boolean =>
  cell === null || (typeof cell === 'string' && BLANK_RE.test(cell));
export const isErrorCell = (cell: Cell): boolean =>
  typeof cell === 'object' && cell !== null && 'error' in cell;

/**
 * Spec §2.5 as year ranges per 7th digit: 0–3 → 1900–1999; 4 and 9 → 2000–2036 or 1937–1999;
 * 5–8 → 2000–2057 or 1858–1899.
 */
export const CPR_RANGES: Record<number, readonly (readonly [number, number])[]> = {
  0: [[1900, 1999]],
  1: [[1900, 1999]],
  2: [[1900, 1999]],
  3: [[1900, 1999]],
  4: [
    [2000, 2036],
    [1937, 1999],
  ],
  9: [
    [2000, 2036],
    [1937, 1999],
  ],
  5: [
    [2000, 2057],
    [1858, 1899],
  ],
  6: [
    [2000, 2057],
    [1858, 1899],
  ],
  7: [
    [2000, 2057],
    [1858, 1899],
  ],
  8: [
    [2000, 2057],
    [1858, 1899],
  ],
};
/** The one year in the 7th digit's ranges ending in yy (the ranges cover each yy exactly once). */
export function cprYear(yy: number, seventh: number): number {
  const years = (CPR_RANGES[seventh] ?? []).flatMap(([a, b]) => {
    const out: number[] = [];
    for (let y = a; y <= b; y += 1) if (y % 100 === yy) out.push(y);
    return out;
  });
  if (years.length !== 1) throw new Error(`spec ranges give ${years.length} years for ${yy}/${seventh}`);
  return years[0] as number;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
