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
