/**
 * Keeping what people typed out of messages (spec §2.5: no CPR number or child's name in any
 * message). Messages print on terminals and in logs, so text taken from a workbook is shown only
 * when it is one of the names the tool itself knows; everything else is counted, not quoted, and
 * anything of CPR shape is masked wherever it comes from. Pure, for the CLI and the pane alike.
 */

/** What a CPR number in a message becomes. */
export const CPR_MASK = '••••••-••••';

/**
 * Separators people put inside a CPR number: spaces (also no-break and thin), dash and the dashes
 * Word and Excel substitute, dot, slash, underscore, colon, comma.
 */
const SEP = "[\\s\\u00a0\\u2009\\u202f\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212./_:,']";

/**
 * A CPR number in any written form: 10 digits (or 9, a number cell that lost its leading zero)
 * with at most three separator characters between any two of them ("120310-4118", "120310 4118",
 * "12.03.10-4118", "1203104118", "12 03 10 41 18", "120310 - 4118"), not part of a longer run of
 * digits; and any unbroken run of 9 or more digits (a CPR number with more digits typed on).
 * Decision: no date or modulus check, so a mistyped CPR number is masked too; a date range such as
 * "01-02-2024 – 03-04-2025" is no match (a run of 16 digits with separators).
 */
const CPR_RUN = new RegExp(`(?<!\\d${SEP}{0,3})\\d(?:${SEP}{0,3}\\d){8,9}(?!${SEP}{0,3}\\d)|\\d{9,}`, 'gu');

/**
 * True when the text holds a CPR number: a match of CPR_RUN whose first six digits are a date
 * (DDMMYY; 9 digits get their lost leading zero back). Used to refuse a value (a Kommune), so it
 * is stricter than the masking: "+45 12 34 56 78" is a phone number, not a CPR number.
 */
export function hasCprShape(text: string): boolean {
  for (const m of text.matchAll(CPR_RUN)) {
    const raw = m[0].replace(/\D/g, '');
    if (raw.length > 10) return true;
    const d = raw.padStart(10, '0');
    const dd = Number(d.slice(0, 2));
    const mm = Number(d.slice(2, 4));
    if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) return true;
  }
  return false;
}

/** The text with everything of CPR shape replaced by CPR_MASK. */
export function redactCpr(text: string): string {
  return text.replace(CPR_RUN, CPR_MASK);
}

/** `"a"`, `"a" og "b"`, `"a", "b" og "c"`. */
export function quoteList(items: readonly string[]): string {
  const q = items.map((s) => `"${s}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} og ${q[q.length - 1]}`;
}

/**
 * The known items quoted, the others only counted:
 * `"Sag nummer" og "Foranstaltning" samt 3 andre`, or `4 andre` when none is known.
 * Known items are masked for CPR shape too (a known name never has one; this is the last guard).
 */
export function knownAndCount(
  items: readonly string[],
  isKnown: (item: string) => boolean,
  others: (count: number, anyKnown: boolean) => string = (k) => `${k} ${k === 1 ? 'anden' : 'andre'}`,
): string {
  const known = items.filter(isKnown).map(redactCpr);
  const k = items.length - known.length;
  if (known.length === 0) return k === 0 ? 'ingen' : others(k, false);
  return k === 0 ? quoteList(known) : `${quoteList(known)} samt ${others(k, true)}`;
}

/**
 * Sheet names Excel, LibreOffice and Google Sheets give new sheets in Danish and English
 * ("Ark1", "Sheet2", "Blad3"): safe to show, since nobody typed them.
 */
const DEFAULT_SHEET_NAME = /^(ark|sheet|blad|tabelle|feuil|hoja|foglio|planilha)\s?\d{1,4}$/iu;

/** True for a sheet name the tool may show: one it knows, or a program's default name. */
export function isShowableSheetName(name: string, known: readonly string[]): boolean {
  const n = name.trim().toLowerCase();
  return DEFAULT_SHEET_NAME.test(n) || known.some((k) => k.trim().toLowerCase() === n);
}
