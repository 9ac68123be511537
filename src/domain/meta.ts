import { findRuleSet, RULESET_IDS } from './rules';
import { CASE_SHEET, META_SHEET, REVIEW_SHEET, SETTINGS_SHEET, sameSheetName } from './sheetnames';
import type { Cell, GeneratedColumn, PlanValue, SheetBuild, SheetSnapshot, Snapshot } from './types';

export { META_SHEET };

/**
 * The tool's hidden `_Barometer` sheet, and how generated verdict columns are recognised.
 *
 * Positions are never remembered: a person inserts, deletes and moves columns in Excel, and a
 * remembered column number then names someone else's column. The verdict columns are found by
 * their own header cells in the case sheet's header row (the exact texts the tool writes), and
 * `_Barometer` only confirms, as text, which headers were written and what the two generic
 * columns (Udvælgelse, Bemærkninger) held.
 */

export const SELECTION_HEADER = 'Udvælgelse';
export const REMARKS_HEADER = 'Bemærkninger';
/** Header texts a person may well use for a column of their own: never taken on the text alone. */
const GENERIC_HEADERS: ReadonlySet<string> = new Set([SELECTION_HEADER, REMARKS_HEADER]);

export const META_NOTE = 'Børnesagsbarometer – genereret indhold. Redigér ikke.';

/** A verdict column header as the last run wrote it. */
export interface RecordedHeader {
  readonly text: string;
  /** For Udvælgelse and Bemærkninger: the fingerprint of the column's cells below the header. */
  readonly fingerprint: string | null;
}

/** What an earlier run generated, as `_Barometer` says, once it has been checked. */
export interface GeneratedMeta {
  /**
   * True when a sheet named `_Barometer` exists but its content is not what the tool writes
   * (a person's sheet, or one naming the review log or the settings as generated): it is then
   * neither believed nor overwritten.
   */
  readonly foreign: boolean;
  /** Sheets the tool generated (result sheets), by name. */
  readonly sheets: readonly string[];
  /** The verdict column headers in the order last written; null when none are recorded. */
  readonly headers: readonly RecordedHeader[] | null;
}

const NONE: GeneratedMeta = { foreign: false, sheets: [], headers: null };
const FOREIGN: GeneratedMeta = { foreign: true, sheets: [], headers: null };

/** Sheets the tool never generates, so a `_Barometer` listing one of them was not written by it. */
const NEVER_GENERATED = [CASE_SHEET, SETTINGS_SHEET, REVIEW_SHEET, META_SHEET];

const isEmpty = (c: Cell | undefined): boolean => c === null || c === undefined || c === '';
const textOf = (c: Cell | undefined): string | null => (typeof c === 'string' && c !== '' ? c : null);

/** True when row[from…] holds nothing. */
function restEmpty(row: readonly Cell[], from: number): boolean {
  for (let i = from; i < row.length; i += 1) if (!isEmpty(row[i])) return false;
  return true;
}

/**
 * Reads and checks the tool's metadata sheet. It is believed only when it is exactly what
 * buildMetaSheet writes: the note in A1, then rows ["ark", name], ["kolonne", header,
 * fingerprint?] (and, from earlier versions, ["kolonner", sheet, first, last], whose positions
 * are ignored), nothing else; an "ark" naming Sagsoversigt, Indstillinger, Gennemgang or
 * `_Barometer` itself makes it foreign. Absent → nothing generated.
 */
export function readMeta(snapshot: Snapshot): GeneratedMeta {
  const name = snapshot.sheetNames.find((n) => sameSheetName(n, META_SHEET));
  if (name === undefined) return NONE;
  const sheet = snapshot.sheets[name] ?? snapshot.sheets[META_SHEET];
  if (!sheet || sheet.merges.length > 0) return FOREIGN;
  const rows = sheet.rows;
  const first = rows[0] ?? [];
  if (first[0] !== META_NOTE || !restEmpty(first, 1)) return FOREIGN;
  const sheets: string[] = [];
  const headers: RecordedHeader[] = [];
  let hasColumns = false;
  for (let r = 1; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    if (restEmpty(row, 0)) continue;
    const key = row[0];
    if (key === 'ark') {
      const sheetName = textOf(row[1]);
      if (sheetName === null || !restEmpty(row, 2)) return FOREIGN;
      if (NEVER_GENERATED.some((n) => sameSheetName(n, sheetName))) return FOREIGN;
      if (!sheets.some((s) => sameSheetName(s, sheetName))) sheets.push(sheetName);
    } else if (key === 'kolonne') {
      const text = textOf(row[1]);
      const fp = row[2];
      if (text === null || !(isEmpty(fp) || typeof fp === 'string') || !restEmpty(row, 3)) return FOREIGN;
      headers.push({ text, fingerprint: typeof fp === 'string' && fp !== '' ? fp : null });
      hasColumns = true;
    } else if (key === 'kolonner') {
      // Written by versions that remembered positions: it says a block was written (on this sheet).
      if (textOf(row[1]) === null || !restEmpty(row, 4)) return FOREIGN;
      hasColumns = true;
    } else {
      return FOREIGN;
    }
  }
  return { foreign: false, sheets, headers: hasColumns && headers.length > 0 ? headers : null };
}

/** The metadata sheet to write: very hidden, the note in A1, then one row per fact. */
export function buildMetaSheet(meta: {
  readonly sheets: readonly string[];
  readonly headers: readonly RecordedHeader[] | null;
}): SheetBuild {
  const rows: PlanValue[][] = [[META_NOTE, null, null]];
  for (const name of meta.sheets) rows.push(['ark', name, null]);
  for (const h of meta.headers ?? []) rows.push(['kolonne', h.text, h.fingerprint]);
  return {
    name: META_SHEET,
    blocks: [{ row: 1, col: 1, values: rows }],
    columnWidths: [12, 30, 14],
    freezeRows: 0,
    visibility: 'veryHidden',
  };
}

// ---------------------------------------------------------------------------
// Fingerprints of the generic columns
// ---------------------------------------------------------------------------

/** 32-bit FNV-1a of a string's UTF-16 code units. Hand-written: eight lines, no library needed. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * An order-free fingerprint of a column's texts: their count and the sum of their hashes.
 * Blank cells do not count, so sorting the rows or inserting blank rows keeps it; any changed,
 * added or removed text changes it.
 * @example columnFingerprint(["OK", null, "OK"]) === columnFingerprint(["OK", "OK"])
 */
export function columnFingerprint(values: Iterable<PlanValue | Cell | undefined>): string {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    n += 1;
    sum = (sum + fnv1a(s)) >>> 0;
  }
  return `${n}:${sum.toString(16)}`;
}

function* columnCells(sheet: SheetSnapshot, headerRow: number, col: number): Generator<Cell | undefined> {
  for (let r = headerRow; r < sheet.rows.length; r += 1) yield sheet.rows[r]?.[col - 1];
}

// ---------------------------------------------------------------------------
// Recognising the generated columns
// ---------------------------------------------------------------------------

/** The header sequences the tool writes: one per rule set (its questions, Udvælgelse, Bemærkninger). */
function familySequences(): string[][] {
  const out: string[][] = [];
  for (const id of RULESET_IDS) {
    const rs = findRuleSet(id);
    if (rs) out.push([...rs.questions.map((q) => q.columnHeader), SELECTION_HEADER, REMARKS_HEADER]);
  }
  return out;
}

/** Every header text any rule set writes (for tests: none may read as one of the people's columns). */
export function generatedHeaderTexts(): string[] {
  return [...new Set(familySequences().flat())];
}

/**
 * The generated verdict columns of the case sheet, found by their header cells in its header row.
 *
 * - A question header ("2.3 4-måneders frist") is the tool's own wording: its column is generated.
 * - Udvælgelse and Bemærkninger are words a person may use for a column of their own, so such a
 *   column is taken only when it stands in the block's order right after a question column
 *   (directly or through the other generic column), or when its cells are exactly what the last
 *   run wrote there (the fingerprint in `_Barometer`), e.g. after it was moved on its own.
 * - A header found twice (a person's copy of a column) is taken once: the one in the longest run
 *   of the block, then the one whose cells match the fingerprint, then the rightmost.
 * Texts are compared exactly: "Bemærkning", "bemærkninger" or "Udvælgelse (egen)" are a person's.
 */
export function findGeneratedColumns(
  sheet: SheetSnapshot,
  headerRow: number,
  meta: GeneratedMeta,
): GeneratedColumn[] | null {
  const cells = sheet.rows[headerRow - 1] ?? [];
  const recorded = meta.headers;
  const sequences = recorded ? [recorded.map((h) => h.text), ...familySequences()] : familySequences();
  const known = new Set(sequences.flat());
  const candidates: GeneratedColumn[] = [];
  for (let c = 0; c < cells.length; c += 1) {
    const t = cells[c];
    if (typeof t === 'string' && known.has(t)) candidates.push({ col: c + 1, header: t });
  }
  if (candidates.length === 0) return null;

  // Runs: adjacent candidate columns whose headers follow each other in one of the sequences.
  const follows = (a: string, b: string): boolean =>
    sequences.some((s) => {
      const i = s.indexOf(a);
      return i >= 0 && s.indexOf(b) > i;
    });
  const runOf: number[] = [];
  let run = 0;
  candidates.forEach((c, i) => {
    const prev = candidates[i - 1];
    if (!prev || prev.col !== c.col - 1 || !follows(prev.header, c.header)) run += 1;
    runOf.push(run);
  });
  const runHasQuestion = new Set<number>();
  candidates.forEach((c, i) => {
    if (!GENERIC_HEADERS.has(c.header)) runHasQuestion.add(runOf[i] as number);
  });

  const fingerprints = new Map<string, string>();
  for (const h of recorded ?? []) if (h.fingerprint !== null) fingerprints.set(h.text, h.fingerprint);
  const matches = (c: GeneratedColumn): boolean => {
    const fp = fingerprints.get(c.header);
    return fp !== undefined && columnFingerprint(columnCells(sheet, headerRow, c.col)) === fp;
  };

  interface Taken {
    readonly column: GeneratedColumn;
    readonly run: number;
    readonly fp: boolean;
  }
  const taken: Taken[] = [];
  candidates.forEach((c, i) => {
    const r = runOf[i] as number;
    if (!GENERIC_HEADERS.has(c.header)) taken.push({ column: c, run: r, fp: false });
    else if (runHasQuestion.has(r)) taken.push({ column: c, run: r, fp: false });
    else if (matches(c)) taken.push({ column: c, run: r, fp: true });
  });
  const runSize = new Map<number, number>();
  for (const t of taken) runSize.set(t.run, (runSize.get(t.run) ?? 0) + 1);

  const best = new Map<string, Taken>();
  const score = (t: Taken): [number, number, number] => [
    runSize.get(t.run) ?? 0,
    t.fp || (GENERIC_HEADERS.has(t.column.header) && matches(t.column)) ? 1 : 0,
    t.column.col,
  ];
  const better = (a: Taken, b: Taken): boolean => {
    const x = score(a);
    const y = score(b);
    for (let i = 0; i < 3; i += 1)
      if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) > (y[i] as number);
    return false;
  };
  for (const t of taken) {
    const other = best.get(t.column.header);
    if (!other || better(t, other)) best.set(t.column.header, t);
  }
  const out = [...best.values()].map((t) => t.column).sort((a, b) => a.col - b.col);
  return out.length > 0 ? out : null;
}
