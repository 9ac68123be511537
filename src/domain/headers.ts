import { parseRange } from './address';
import { COLUMNS } from './columns';
import { foldKey } from './fold';
import type { Cell, ColumnId, SheetSnapshot } from './types';

/** Header rows are looked for among the first rows of a sheet (spec §2.1). */
export const HEADER_SEARCH_ROWS = 20;

const PARENS_RE = /\([^)]*\)?/g;

/**
 * The comparison key of a header (spec §2.1): text in parentheses removed, lower case,
 * æ→ae, ø→oe, å→aa, and only letters and digits kept (spaces, line breaks, punctuation and § go).
 * @example normalizeHeader("Barnets  cpr.nr. ") === "barnetscprnr"
 */
export function normalizeHeader(text: string): string {
  return foldKey(text.replace(PARENS_RE, ''));
}

const HEADER_KEYS: ReadonlyMap<string, ColumnId> = (() => {
  const map = new Map<string, ColumnId>();
  for (const c of COLUMNS) {
    for (const h of [c.header, ...c.aliases]) {
      const key = normalizeHeader(h);
      const other = map.get(key);
      if (other !== undefined && other !== c.id)
        throw new Error(`Header "${h}" is ambiguous (${other}, ${c.id})`);
      map.set(key, c.id);
    }
  }
  return map;
})();

/**
 * The known column a header names, exact after normalisation, or null.
 * @example matchHeader("Foranstaltning efter § 52, stk. 3, nr. 2 – 7. (ex. anbringelse)") === "foranstaltning"
 * @example matchHeader("Foranstaltningen effektueret") === "effektueret" (never "foranstaltning")
 */
export function matchHeader(text: string): ColumnId | null {
  return HEADER_KEYS.get(normalizeHeader(text)) ?? null;
}

function headerText(cell: Cell | undefined): string | null {
  return typeof cell === 'string' ? cell : null;
}

export interface DuplicateHeader {
  readonly id: ColumnId;
  /** 1-based column numbers in sheet order; the first is the one used. */
  readonly columns: readonly number[];
}

export interface HeaderRow {
  /** Excel row number. */
  readonly row: number;
  /** 1-based column number per known column (the first occurrence of a duplicate). */
  readonly columns: Partial<Record<ColumnId, number>>;
  /** Number of distinct known columns found. */
  readonly matched: number;
  readonly duplicates: readonly DuplicateHeader[];
}

/** Columns (1-based, inclusive) to leave out of header matching and data (an earlier run's verdicts). */
export interface ColumnSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * Cells of a sheet that are inside a merged area but not its top-left cell, as "row:col"
 * (1-based), limited to the given rows. Garbled merge references are ignored.
 */
export function mergedNonAnchors(sheet: SheetSnapshot, fromRow: number, toRow: number): Set<string> {
  const out = new Set<string>();
  for (const ref of sheet.merges) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    for (let row = Math.max(r.top, fromRow); row <= Math.min(r.bottom, toRow); row += 1) {
      for (let col = r.left; col <= r.right && col - r.left < 16384; col += 1) {
        if (row !== r.top || col !== r.left) out.add(`${row}:${col}`);
      }
    }
  }
  return out;
}

/**
 * The header row (spec §2.1): among the first 20 rows, the one matching the most known
 * headers; the first wins on ties. Decision: a merged header cell names only its top-left
 * column; a duplicated header uses its first (leftmost) column and is reported as a duplicate.
 * Returns null when no row has any known header.
 */
export function findHeaderRow(sheet: SheetSnapshot, excluded: ColumnSpan | null = null): HeaderRow | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const skip = mergedNonAnchors(sheet, 1, limit);
  let best: HeaderRow | null = null;
  for (let r = 0; r < limit; r += 1) {
    const cells = sheet.rows[r] ?? [];
    const columns: Partial<Record<ColumnId, number>> = {};
    const dup = new Map<ColumnId, number[]>();
    let matched = 0;
    for (let c = 0; c < cells.length; c += 1) {
      const col = c + 1;
      if (excluded && col >= excluded.first && col <= excluded.last) continue;
      const text = headerText(cells[c]);
      if (text === null) continue;
      const id = matchHeader(text);
      if (id === null || skip.has(`${r + 1}:${col}`)) continue;
      const first = columns[id];
      if (first === undefined) {
        columns[id] = col;
        matched += 1;
      } else {
        const list = dup.get(id) ?? [first];
        list.push(col);
        dup.set(id, list);
      }
    }
    if (matched > 0 && (best === null || matched > best.matched)) {
      best = {
        row: r + 1,
        columns,
        matched,
        duplicates: [...dup].map(([id, cols]) => ({ id, columns: cols })),
      };
    }
  }
  return best;
}
