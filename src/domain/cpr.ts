import { dayFromYmd, isValidYmd, ymdFromDay } from './days';
import { ERROR_VALUE, failure, type ParseFailure } from './failure';
import { stripInvisible } from './fold';
import { isDateFormat } from './serial';
import type { Cell, Cpr, Day } from './types';

/** Hints never echo the value: a CPR number must not appear in any message (spec §2.5). */
const BAD_FORMAT = failure(
  'invalid-cpr',
  'et gyldigt cpr-nummer',
  'Skriv cpr-nummeret som DDMMÅÅ-SSSS (10 cifre).',
);
const BAD_DATE = failure(
  'invalid-cpr',
  'et gyldigt cpr-nummer, fordi de første 6 cifre ikke er en rigtig fødselsdato',
  'Ret cpr-nummeret, så det begynder med barnets fødselsdato som DDMMÅÅ.',
);

const CPR_RE = /^(\d{2})(\d{2})(\d{2})[- ]?(\d{4})$/;

/** The full birth year from the two-digit year and the 7th digit (spec §2.5). */
export function cprCentury(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

function fromDigits(s: string): Cpr | ParseFailure {
  const m = CPR_RE.exec(s);
  if (!m) return BAD_FORMAT;
  const dd = Number(m[1]);
  const mm = Number(m[2]);
  const yy = Number(m[3]);
  const serial = m[4] as string;
  const y = cprCentury(yy, serial.charCodeAt(0) - 48);
  if (!isValidYmd(y, mm, dd)) return BAD_DATE;
  return { text: `${m[1]}${m[2]}${m[3]}-${serial}`, birthDay: dayFromYmd(y, mm, dd) };
}

/**
 * Reads a CPR number: text "DDMMYY-SSSS", "DDMMYYSSSS" or "DDMMYY SSSS", or a number cell.
 * No modulus-11 check (numbers issued since 2007 may fail it).
 * @example parseCpr("010203-1234") → { text: "010203-1234", birthDay: <01-02-1903> }
 */
export function parseCpr(cell: Cell): Cpr | null | ParseFailure {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = stripInvisible(cell).trim();
    return t === '' ? null : fromDigits(t);
  }
  if (typeof cell === 'number') return fromNumber(cell);
  if (typeof cell === 'boolean') return BAD_FORMAT;
  if ('error' in cell) return ERROR_VALUE;
  return isDateFormat(cell.fmt) ? BAD_FORMAT : fromNumber(cell.n);
}

function fromNumber(n: number): Cpr | ParseFailure {
  // Decision: a number cell lost its leading zero in Excel (0102031234 → 102031234), or shows it
  // through a "000000-0000" format; it is left-padded to 10 digits.
  if (!Number.isInteger(n) || n < 1 || n > 9_999_999_999) return BAD_FORMAT;
  return fromDigits(String(n).padStart(10, '0'));
}

/**
 * Completed years on a day. Decision: someone born 29-02 turns a year older on 01-03 in
 * non-leap years (the birthday has not been reached on 28-02).
 * @example ageOn(dayFromYmd(2010, 5, 1), dayFromYmd(2021, 4, 30)) === 10
 */
export function ageOn(birthDay: Day, on: Day): number {
  const b = ymdFromDay(birthDay);
  const o = ymdFromDay(on);
  const before = o.m < b.m || (o.m === b.m && o.d < b.d);
  return o.y - b.y - (before ? 1 : 0);
}

/**
 * The masked form shown in the task pane: the birth date and "••••".
 * @example maskCpr("010203-1234") === "010203-••••"
 */
export function maskCpr(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 6 ? `${digits.slice(0, 6)}-••••` : '••••••-••••';
}
