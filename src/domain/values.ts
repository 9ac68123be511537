import type { ColumnType } from './columns';
import { parseCpr } from './cpr';
import { dayFromYmd, formatDay, isValidYmd } from './days';
import { ERROR_VALUE, failure, type ParseFailure } from './failure';
import { foldKey, isBlankText, stripInvisible, trimText } from './fold';
import { parseMeasure } from './measures';
import { parsePlanStance } from './planStance';
import { formatHasTime, isDateFormat, serialDay, serialToDateTime } from './serial';
import type {
  BfuKind,
  Cell,
  ConversationException,
  Cpr,
  DateTime,
  Day,
  MeasureCode,
  PlanStance,
  Reassessment,
} from './types';

export { ERROR_VALUE, isFailure, type ParseFailure } from './failure';

/**
 * One parser per column type (spec §2.3). Each returns the value, null for a blank cell
 * (null, "" or whitespace-only text), or a shared ParseFailure constant with a Danish hint.
 * They run on millions of cells: precompiled regexes, number fast paths, constant failures.
 */
export type CellParser<T> = (cell: Cell, date1904: boolean) => T | null | ParseFailure;

// ---------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------

const DATE_FAIL = failure('invalid-date', 'en gyldig dato', 'Skriv datoen som dd-mm-åååå.');
const DATETIME_FAIL = failure(
  'invalid-date',
  'en gyldig dato',
  'Skriv datoen som dd-mm-åååå, eventuelt med klokkeslæt som dd-mm-åååå tt:mm.',
);
const EFFECTED_FAIL = failure(
  'invalid-date',
  'en gyldig dato',
  'Skriv datoen som dd-mm-åååå, eller skriv "Ikke effektueret".',
);
const YESNO_FAIL = failure('invalid-yesno', 'Ja eller Nej', 'Skriv Ja eller Nej.');
const YESNO_IRR_FAIL = failure(
  'invalid-yesno',
  'Ja, Nej eller Ikke relevant',
  'Skriv Ja, Nej eller Ikke relevant.',
);
const SAGSNR_FAIL = failure(
  'invalid-sagsnr',
  'et gyldigt sagsnummer',
  'Skriv sagsnummeret som et helt tal fra 1 og op.',
);
const BFU_FAIL = failure(
  'invalid-bfu',
  'en af de mulige værdier',
  'Skriv Ny undersøgelse, Opdatering, Ingen eller Ikke relevant.',
);
const BFU_JA_FAIL = failure(
  'invalid-bfu',
  'entydig, fordi Ja ikke siger, om det er en ny undersøgelse eller en opdatering',
  'Skriv Ny undersøgelse eller Opdatering.',
);
const REASSESS_FAIL = failure(
  'invalid-reassessment',
  'en af de mulige værdier',
  'Skriv Ja, Vurdering fremgår ikke eller Ikke foretaget.',
);
const REASSESS_NEJ_FAIL = failure(
  'invalid-reassessment',
  'entydig, fordi Nej kan betyde to forskellige svar',
  'Skriv "Vurdering fremgår ikke" eller "Ikke foretaget".',
);
const TEXT_FAIL = failure('invalid-text', 'en tekst', 'Skriv en tekst.');

// ---------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------

/** d-m-yyyy, d.m.yyyy, d/m/yyyy and the same with a 2-digit year; one separator throughout. */
const DMY_RE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\d)(.*)$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)(.*)$/;
/** "1. marts 2021", "1 marts 2021", "1. mar. 2021". */
const DMONTHY_RE = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s*(\d{4})(?!\d)(.*)$/i;
/** The optional time after a date: " 14:30", " kl. 14.30", ", kl. 14", "T14:30:00". */
const TIME_RE = /^(?:\s*,\s*|\s+|T)(kl\.?\s*)?(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?)?$/i;

// Decision: the three-letter Danish abbreviations (and "sept") are unambiguous, so "1. mar. 2021" is read too.
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1],
  ['jan', 1],
  ['februar', 2],
  ['feb', 2],
  ['marts', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['maj', 5],
  ['juni', 6],
  ['jun', 6],
  ['juli', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['oktober', 10],
  ['okt', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Minutes of a time suffix: -1 = no time, -2 = not a valid time. */
function timeOf(rest: string): number {
  if (rest.length === 0) return -1;
  const m = TIME_RE.exec(rest);
  if (!m) return -2;
  const h = Number(m[2]);
  // Without "kl." a bare hour is not a time ("01-03-2021 14" is rejected).
  if (m[3] === undefined && m[1] === undefined) return -2;
  const min = m[3] === undefined ? 0 : Number(m[3]);
  const sec = m[4] === undefined ? 0 : Number(m[4]);
  if (h > 23 || min > 59 || sec > 59) return -2;
  // Seconds are rounded to the nearest minute, like Excel serials.
  const total = h * 60 + min + (sec >= 30 ? 1 : 0);
  return total >= 1440 ? -2 : total;
}

/** Parsed text date: day, and minutes (-1 = no time), or null when unreadable. */
let textMinutes = -1;

/** Text dates repeat (a few years of days): cache day and minutes per raw text. */
const textDateCache = new Map<string, { day: Day; minutes: number }>();

/** Reads a §2.3 text date (cached); sets textMinutes; returns the Day or -1. */
function textDay(raw: string): Day {
  const hit = textDateCache.get(raw);
  if (hit !== undefined) {
    textMinutes = hit.minutes;
    return hit.day;
  }
  const day = textDayUncached(stripInvisible(raw).trim());
  if (textDateCache.size < 20_000) textDateCache.set(raw, { day, minutes: textMinutes });
  return day;
}

function textDayUncached(s: string): Day {
  textMinutes = -1;
  let y: number;
  let mo: number;
  let d: number;
  let rest: string;
  let m = DMY_RE.exec(s);
  if (m) {
    d = Number(m[1]);
    mo = Number(m[3]);
    const ys = m[4] as string;
    // Two-digit years are 2000–2099 (spec §2.3).
    y = ys.length === 2 ? 2000 + Number(ys) : Number(ys);
    rest = m[5] as string;
  } else if ((m = ISO_RE.exec(s))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    rest = m[4] as string;
  } else if ((m = DMONTHY_RE.exec(s))) {
    const month = MONTHS.get((m[2] as string).toLowerCase());
    if (month === undefined) return -1;
    d = Number(m[1]);
    mo = month;
    y = Number(m[3]);
    rest = m[4] as string;
  } else {
    return -1;
  }
  if (y < 1900 || !isValidYmd(y, mo, d)) return -1;
  const t = timeOf(rest);
  if (t === -2) return -1;
  textMinutes = t;
  return dayFromYmd(y, mo, d);
}

/**
 * A date (spec §2.3): an Excel serial (number cell, honouring the 1904 system) or a text form.
 * Decision: a time of day in a date-only column is accepted and dropped.
 * @example parseDate("01-03-2021", false) === 44256
 */
export const parseDate: CellParser<Day> = (cell, date1904) => {
  if (typeof cell === 'number') {
    const day = serialDay(cell, date1904);
    return day < 0 ? DATE_FAIL : day;
  }
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    const day = textDay(cell);
    return day < 0 ? DATE_FAIL : day;
  }
  if (typeof cell === 'boolean') return DATE_FAIL;
  if ('error' in cell) return ERROR_VALUE;
  const day = serialDay(cell.n, date1904);
  return day < 0 ? DATE_FAIL : day;
};

function serialDateTime(n: number, fmt: string | null, date1904: boolean): DateTime | ParseFailure {
  const r = serialToDateTime(n, date1904);
  if (r === null) return DATETIME_FAIL;
  // "No time of day": 00:00 and a format that shows no hours (a General number counts as none).
  if (r.minutes === 0 && (fmt === null || !formatHasTime(fmt))) return { day: r.day, minutes: null };
  return r;
}

/**
 * A date with an optional time of day; minutes = null when there is none (spec §2.3).
 * @example parseDateTime("01-03-2021 kl. 14.30", false) → { day: 44256, minutes: 870 }
 */
export const parseDateTime: CellParser<DateTime> = (cell, date1904) => {
  if (typeof cell === 'number') return serialDateTime(cell, null, date1904);
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    const day = textDay(cell);
    if (day < 0) return DATETIME_FAIL;
    return { day, minutes: textMinutes < 0 ? null : textMinutes };
  }
  if (typeof cell === 'boolean') return DATETIME_FAIL;
  if ('error' in cell) return ERROR_VALUE;
  return serialDateTime(cell.n, cell.fmt, date1904);
};

// ---------------------------------------------------------------------------
// Ja/Nej and choices
// ---------------------------------------------------------------------------

const YES_NO: ReadonlyMap<string, boolean> = new Map([
  ['ja', true],
  ['j', true],
  ['x', true],
  ['yes', true],
  ['1', true],
  ['true', true],
  ['nej', false],
  ['n', false],
  ['no', false],
  ['0', false],
  ['false', false],
]);

const yesNoCache = new Map<string, boolean | null>();

function yesNoText(s: string): boolean | undefined {
  let v = yesNoCache.get(s);
  if (v === undefined) {
    v = YES_NO.get(stripInvisible(s).trim().toLowerCase()) ?? null;
    if (yesNoCache.size < 1000) yesNoCache.set(s, v);
  }
  return v ?? undefined;
}

/** foldKey with a bounded cache: choice columns repeat a handful of values. */
const foldCache = new Map<string, string>();
function foldCached(s: string): string {
  let k = foldCache.get(s);
  if (k === undefined) {
    k = foldKey(s);
    if (foldCache.size < 5000) foldCache.set(s, k);
  }
  return k;
}

/**
 * Ja/Nej (spec §2.3): "Ja", "J", "X", "Yes", "1", TRUE and 1 → true; "Nej", "N", "No", "0",
 * FALSE and 0 → false; case-insensitive and trimmed. Anything else fails.
 */
export const parseYesNo: CellParser<boolean> = (cell) => {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    return yesNoText(cell) ?? YESNO_FAIL;
  }
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : YESNO_FAIL;
  if ('error' in cell) return ERROR_VALUE;
  return cell.n === 1 ? true : cell.n === 0 ? false : YESNO_FAIL;
};

/** Ja / Nej / Ikke relevant. */
export const parseYesNoIrrelevant: CellParser<boolean | 'ikke-relevant'> = (cell, date1904) => {
  if (typeof cell === 'string' && !isBlankText(cell)) {
    const yn = yesNoText(cell);
    if (yn !== undefined) return yn;
    return foldCached(cell) === 'ikkerelevant' ? 'ikke-relevant' : YESNO_IRR_FAIL;
  }
  const r = parseYesNo(cell, date1904);
  return r === YESNO_FAIL ? YESNO_IRR_FAIL : r;
};

/** Looks a text cell up in a table of folded keys; non-text cells fail with `fail`. */
function choice<T>(
  cell: Cell,
  table: ReadonlyMap<string, T | ParseFailure>,
  fail: ParseFailure,
): T | null | ParseFailure {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    return table.get(foldCached(cell)) ?? fail;
  }
  if (typeof cell === 'object' && 'error' in cell) return ERROR_VALUE;
  return fail;
}

// Decision: short and obvious forms are accepted; "Nej" means no investigation (Ingen), while a
// bare "Ja" cannot tell a new investigation from an update and fails (SEL § 50).
const BFU: ReadonlyMap<string, BfuKind | ParseFailure> = new Map<string, BfuKind | ParseFailure>([
  ['nyundersoegelse', 'ny'],
  ['ny', 'ny'],
  ['nybfu', 'ny'],
  ['nyboernefagligundersoegelse', 'ny'],
  ['boernefagligundersoegelse', 'ny'],
  ['50undersoegelse', 'ny'],
  ['opdatering', 'opdatering'],
  ['opdateret', 'opdatering'],
  ['opdateringafbfu', 'opdatering'],
  ['opdateringafundersoegelse', 'opdatering'],
  ['opdateringafboernefagligundersoegelse', 'opdatering'],
  ['ingen', 'ingen'],
  ['ingenundersoegelse', 'ingen'],
  ['ingenbfu', 'ingen'],
  ['nej', 'ingen'],
  ['afdaekning', 'afdaekning'],
  ['afdaekning19', 'afdaekning'],
  ['ikkerelevant', 'ikke-relevant'],
  ['ja', BFU_JA_FAIL],
  ['j', BFU_JA_FAIL],
  ['x', BFU_JA_FAIL],
]);

/** Børnefaglig undersøgelse: Ny undersøgelse / Opdatering / Ingen / Ikke relevant. */
export const parseBfu: CellParser<BfuKind> = (cell) => choice(cell, BFU, BFU_FAIL);

const REASSESSMENT: ReadonlyMap<string, Reassessment | ParseFailure> = new Map<
  string,
  Reassessment | ParseFailure
>([
  ['ja', 'ja'],
  ['j', 'ja'],
  ['x', 'ja'],
  ['yes', 'ja'],
  ['1', 'ja'],
  ['true', 'ja'],
  ['vurderingfremgaarikke', 'fremgaar-ikke'],
  ['fremgaarikke', 'fremgaar-ikke'],
  ['ikkeforetaget', 'ikke-foretaget'],
  ['ingengenvurdering', 'ikke-foretaget'],
  ['genvurderingikkeforetaget', 'ikke-foretaget'],
  // Decision: "Nej" could be either Nej row of table 6.14 (SEL § 155), so it fails with a hint.
  ['nej', REASSESS_NEJ_FAIL],
  ['n', REASSESS_NEJ_FAIL],
  ['no', REASSESS_NEJ_FAIL],
  ['0', REASSESS_NEJ_FAIL],
  ['false', REASSESS_NEJ_FAIL],
]);

/** Genvurdering: Ja / Vurdering fremgår ikke / Ikke foretaget. */
export const parseReassessment: CellParser<Reassessment> = (cell) => {
  if (typeof cell === 'boolean') return cell ? 'ja' : REASSESS_NEJ_FAIL;
  if (typeof cell === 'number') return cell === 1 ? 'ja' : cell === 0 ? REASSESS_NEJ_FAIL : REASSESS_FAIL;
  return choice(cell, REASSESSMENT, REASSESS_FAIL);
};

const EXCEPTIONS: ReadonlyMap<string, ConversationException> = new Map<string, ConversationException>([
  ['barnetoenskedeikkesamtale', 'oenskede-ikke'],
  ['modenhedellersagenskarakter', 'modenhed'],
  ['alderellerandreforhold', 'alder'],
  ['ikkerelevant', 'ikke-relevant'],
]);

/** Børnesamtale ikke afholdt: the three canonical values, or 'andet' for any other non-blank text. */
export const parseConversationException: CellParser<ConversationException> = (cell, date1904) => {
  const t = parseText(cell, date1904);
  if (t === null || typeof t !== 'string') return t;
  return EXCEPTIONS.get(foldCached(t)) ?? 'andet';
};

// Decision: "Ikke iværksat" is read as "Ikke effektueret" (the column's alias is "Iværksat");
// "Nej" is not accepted, so a vague answer cannot silently make 3.9 and 5.12 Ikke relevant.
const NOT_EFFECTED = new Set(['ikkeeffektueret', 'ikkeivaerksat']);

/** Foranstaltningen effektueret: a date, or "Ikke effektueret". */
export const parseEffected: CellParser<Day | 'ikke-effektueret'> = (cell, date1904) => {
  if (typeof cell === 'string' && !isBlankText(cell)) {
    const day = textDay(cell);
    if (day >= 0) return day;
    return NOT_EFFECTED.has(foldCached(cell)) ? 'ikke-effektueret' : EFFECTED_FAIL;
  }
  const r = parseDate(cell, date1904);
  return r === DATE_FAIL ? EFFECTED_FAIL : r;
};

// ---------------------------------------------------------------------------
// Numbers and text
// ---------------------------------------------------------------------------

// Decision (spec §2.5): a sagsnr has at most 8 digits. Nine or more may be a CPR number typed in the
// wrong column (as a number cell it loses its leading zero: 0409124706 → 409124706), which would
// then be shown everywhere as the case's number.
const DIGITS_RE = /^\d{1,8}$/;
const SAGSNR_MAX = 99_999_999;
const wholeSagsnr = (n: number): number | ParseFailure =>
  Number.isInteger(n) && n >= 1 && n <= SAGSNR_MAX ? n : SAGSNR_FAIL;

/** Sag nummer: a whole number from 1 to 99,999,999, as a number cell or text of digits. */
export const parseSagsnr: CellParser<number> = (cell) => {
  if (typeof cell === 'number') return wholeSagsnr(cell);
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    const t = stripInvisible(cell).trim();
    if (!DIGITS_RE.test(t)) return SAGSNR_FAIL;
    return wholeSagsnr(Number(t));
  }
  if (typeof cell === 'boolean') return SAGSNR_FAIL;
  if ('error' in cell) return ERROR_VALUE;
  return wholeSagsnr(cell.n);
};

/**
 * Text: trimmed of whitespace and invisible characters at either end; numbers as digits (a date-formatted number as dd-mm-yyyy); booleans as Ja/Nej.
 * Decision: TRUE/FALSE in a text column read as "Ja"/"Nej", the words a Danish reader would use.
 */
export const parseText: CellParser<string> = (cell, date1904) => {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    return trimText(cell);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : TEXT_FAIL;
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nej';
  if ('error' in cell) return ERROR_VALUE;
  if (isDateFormat(cell.fmt)) {
    const day = serialDay(cell.n, date1904);
    if (day >= 0) return formatDay(day);
  }
  return String(cell.n);
};

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

/** The parsed value of each column type. */
export interface ParsedByType {
  sagsnr: number;
  measure: MeasureCode;
  text: string;
  cpr: Cpr;
  date: Day;
  datetime: DateTime;
  yesno: boolean;
  'yesno-irrelevant': boolean | 'ikke-relevant';
  bfu: BfuKind;
  'conversation-exception': ConversationException;
  effected: Day | 'ikke-effektueret';
  reassessment: Reassessment;
  'plan-stance': PlanStance;
}

export const PARSERS: { readonly [K in ColumnType]: CellParser<ParsedByType[K]> } = {
  sagsnr: parseSagsnr,
  measure: (cell) => parseMeasure(cell),
  text: parseText,
  cpr: (cell) => parseCpr(cell),
  date: parseDate,
  datetime: parseDateTime,
  yesno: parseYesNo,
  'yesno-irrelevant': parseYesNoIrrelevant,
  bfu: parseBfu,
  'conversation-exception': parseConversationException,
  effected: parseEffected,
  reassessment: parseReassessment,
  'plan-stance': (cell) => parsePlanStance(cell),
};

/** Parses a cell as a column type. */
export function parseCell<K extends ColumnType>(
  type: K,
  cell: Cell,
  date1904: boolean,
): ParsedByType[K] | null | ParseFailure {
  return PARSERS[type](cell, date1904);
}
