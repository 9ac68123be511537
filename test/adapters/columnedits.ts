/**
 * Column edits a person makes in Excel between two runs (insert, delete, move columns), as data,
 * for the column-edit suites of the package adapter (test/workbook/columnedits.test.ts, through
 * the CLI) and of the Office and ExcelJS adapters (test/adapters/columnedits.test.ts).
 *
 * Each case is a list of operations on the case sheet, given relative to where the first run put
 * the verdict block. The same operations are applied to a model of the columns (`origins`), so a
 * test knows for every column of the edited sheet where it came from: an earlier column, or a
 * column the person inserted (and maybe typed into).
 */

import type ExcelJS from 'exceljs';

export type ColumnOp =
  /** Insert a column before `at`; with `typed`, the person types a header and a note per case row. */
  | { readonly op: 'insert'; readonly at: number; readonly typed: boolean }
  | { readonly op: 'delete'; readonly at: number }
  /** Cut `count` columns from `from` and insert them before `to` (a column of the sheet after the cut). */
  | { readonly op: 'move'; readonly from: number; readonly count: number; readonly to: number };

/** Where the first run put things: the verdict block's first and last column, the last data column. */
export interface Layout {
  readonly first: number;
  readonly last: number;
  readonly dataLast: number;
}

export interface EditCase {
  readonly name: string;
  ops(l: Layout): ColumnOp[];
}

const typed = (at: number): ColumnOp => ({ op: 'insert', at, typed: true });
const empty = (at: number): ColumnOp => ({ op: 'insert', at, typed: false });

export const EDIT_CASES: readonly EditCase[] = [
  { name: 'a typed column inserted left of the block, among the data', ops: () => [typed(4)] },
  { name: 'an empty column inserted among the data', ops: () => [empty(4)] },
  { name: 'a typed column inserted right before the block', ops: (l) => [typed(l.first)] },
  { name: 'a typed column inserted inside the block', ops: (l) => [typed(l.first + 3)] },
  { name: 'an empty column inserted inside the block', ops: (l) => [empty(l.first + 3)] },
  { name: 'a typed column inserted right after the block', ops: (l) => [typed(l.last + 1)] },
  { name: 'a data column left of the block deleted', ops: () => [{ op: 'delete', at: 3 }] },
  { name: 'a question column of the block deleted', ops: (l) => [{ op: 'delete', at: l.first + 2 }] },
  { name: 'the block’s Bemærkninger column deleted', ops: (l) => [{ op: 'delete', at: l.last }] },
  {
    name: 'the whole block moved left of the data',
    ops: (l) => [{ op: 'move', from: l.first, count: l.last - l.first + 1, to: 2 }],
  },
  {
    name: 'the whole block moved right, past a typed column',
    ops: (l) => [
      typed(l.last + 1),
      { op: 'move', from: l.first, count: l.last - l.first + 1, to: l.first + 1 },
    ],
  },
  {
    name: 'a data column moved right of the block',
    ops: (l) => [{ op: 'move', from: 4, count: 1, to: l.last }],
  },
  {
    name: 'two question columns swapped inside the block',
    ops: (l) => [{ op: 'move', from: l.first + 1, count: 1, to: l.first }],
  },
  {
    name: 'Udvælgelse moved away among the data',
    ops: (l) => [{ op: 'move', from: l.last - 1, count: 1, to: 3 }],
  },
  {
    name: 'Bemærkninger moved away among the data',
    ops: (l) => [{ op: 'move', from: l.last, count: 1, to: 3 }],
  },
  {
    name: 'several edits: a data column deleted, typed columns inserted inside and after the block',
    ops: (l) => [{ op: 'delete', at: 3 }, typed(l.first + 4), typed(l.last + 1)],
  },
];

/** The header a person types into an inserted column, and the note in each case row. */
export const TYPED_HEADER = 'Min kolonne';
export const typedNote = (row: number): string => `Note ${row}`;

/**
 * The origin of each column after the edits: the earlier column number, or null for a column the
 * person inserted. `origins[c - 1]` belongs to column c of the edited sheet.
 */
export function applyToOrigins(columns: number, ops: readonly ColumnOp[]): (number | null)[] {
  const origins: (number | null)[] = Array.from({ length: columns }, (_, i) => i + 1);
  for (const o of ops) {
    if (o.op === 'insert') origins.splice(o.at - 1, 0, null);
    else if (o.op === 'delete') origins.splice(o.at - 1, 1);
    else {
      const cut = origins.splice(o.from - 1, o.count);
      origins.splice(o.to - 1, 0, ...cut);
    }
  }
  return origins;
}

// ---------------------------------------------------------------------------
// Grids: a sheet's non-empty cells, "row:col" → value as JSON
// ---------------------------------------------------------------------------

export type Grid = ReadonlyMap<string, string>;

const rc = (key: string): [number, number] => key.split(':').map(Number) as [number, number];

/** The case sheet's header row: the row holding "Sag nummer". */
export function headerRowOf(grid: Grid): number {
  const hit = [...grid].find(([, v]) => v === JSON.stringify('Sag nummer'));
  if (!hit) throw new Error('no header row');
  return rc(hit[0])[0];
}

/** Per generated header text in the header row, the columns holding it. */
export function generatedColumnsOf(grid: Grid, texts: ReadonlySet<string>): Map<string, number[]> {
  const row = headerRowOf(grid);
  const out = new Map<string, number[]>();
  for (const [k, v] of [...grid].sort((a, b) => rc(a[0])[1] - rc(b[0])[1])) {
    const [r, c] = rc(k);
    const text = JSON.parse(v) as unknown;
    if (r === row && typeof text === 'string' && texts.has(text))
      out.set(text, [...(out.get(text) ?? []), c]);
  }
  return out;
}

/**
 * A column's cells below the header, as row → JSON; cell references in remarks read as "•" (they
 * name the data cells where they are now, which a column edit moves).
 */
function columnBelow(grid: Grid, col: number, headerRow: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const [k, v] of grid) {
    const [r, c] = rc(k);
    if (c === col && r > headerRow) out.set(r, v.replace(/Sagsoversigt![A-Z]+\d+/g, 'Sagsoversigt!•'));
  }
  return out;
}

/** The person's cells after the edit: every cell not in a column the first run generated. */
export function personalCells(
  edited: Grid,
  origins: readonly (number | null)[],
  generated: Iterable<number>,
): Grid {
  const old = new Set(generated);
  return new Map(
    [...edited].filter(([k]) => {
      const origin = origins[rc(k)[1] - 1] ?? null;
      return origin === null || !old.has(origin);
    }),
  );
}

/**
 * What a re-run after column edits must give: every cell of the person's exactly as it was, where
 * it was; each generated header once (no stale column); nothing else written; and each generated
 * column holding what the first run wrote in it (the data did not change).
 */
export function expectRerunKeeps(first: Grid, personal: Grid, out: Grid, texts: ReadonlySet<string>): void {
  expect([...personal].filter(([k, v]) => out.get(k) !== v)).toEqual([]);
  const firstGen = generatedColumnsOf(first, texts);
  const gen = generatedColumnsOf(out, texts);
  expect([...gen].filter(([, cols]) => cols.length !== 1)).toEqual([]);
  expect([...gen.keys()].sort()).toEqual([...firstGen.keys()].sort());
  const genCols = new Set([...gen.values()].flat());
  expect([...out.keys()].filter((k) => !personal.has(k) && !genCols.has(rc(k)[1]))).toEqual([]);
  const headerRow = headerRowOf(out);
  const firstHeaderRow = headerRowOf(first);
  for (const [text, cols] of gen) {
    const before = columnBelow(first, (firstGen.get(text) as number[])[0] as number, firstHeaderRow);
    expect([text, columnBelow(out, cols[0] as number, headerRow)]).toEqual([text, before]);
  }
}

/** The first run's layout, from its output grid. */
export function layoutOf(grid: Grid, texts: ReadonlySet<string>): Layout {
  const cols = [...generatedColumnsOf(grid, texts).values()].flat();
  return { first: Math.min(...cols), last: Math.max(...cols), dataLast: Math.min(...cols) - 1 };
}

/** Every non-empty cell of a sheet: "row:col" → its value as JSON. */
export function gridOfExcelJs(ws: ExcelJS.Worksheet): Grid {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value !== null && cell.value !== '') out.set(`${r}:${c}`, JSON.stringify(cell.value));
    });
  });
  return out;
}

/** The person's edits, made as Excel makes them: cells shift with their columns. */
export function editWithExcelJs(
  ws: ExcelJS.Worksheet,
  ops: readonly ColumnOp[],
  headerRow: number,
  lastRow: number,
): void {
  for (const o of ops) {
    if (o.op === 'insert') {
      const values: (string | null)[] = [];
      if (o.typed) {
        values[headerRow - 1] = TYPED_HEADER;
        for (let r = headerRow + 1; r <= lastRow; r += 1) values[r - 1] = typedNote(r);
      }
      ws.spliceColumns(o.at, 0, values);
    } else if (o.op === 'delete') {
      ws.spliceColumns(o.at, 1);
    } else {
      const cut: ExcelJS.CellValue[][] = [];
      for (let i = 0; i < o.count; i += 1)
        cut.push((ws.getColumn(o.from + i).values as ExcelJS.CellValue[]).slice(1));
      ws.spliceColumns(o.from, o.count);
      ws.spliceColumns(o.to, 0, ...cut);
    }
  }
}

/**
 * The verdict block of an output workbook as the tool finds it: the first row (of the first 20)
 * of a sheet holding at least three generated header texts, from the first to the last of them.
 * For tests that check what a run wrote (the block is intact right after a run).
 */
export function verdictBlockOf(
  wb: ExcelJS.Workbook,
  texts: ReadonlySet<string>,
): { sheet: string; first: number; last: number } | null {
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 20); r += 1) {
      const cols: number[] = [];
      ws.getRow(r).eachCell((c, col) => {
        if (typeof c.value === 'string' && texts.has(c.value)) cols.push(col);
      });
      if (cols.length >= 3) return { sheet: ws.name, first: Math.min(...cols), last: Math.max(...cols) };
    }
  }
  return null;
}
