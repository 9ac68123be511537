import type { Cell, SheetSnapshot, Snapshot } from '../types';

/** Test helper: a sheet snapshot from rows of cells (row 0 = Excel row 1). */
export function sheet(
  name: string,
  rows: readonly (readonly Cell[])[],
  merges: readonly string[] = [],
): SheetSnapshot {
  return { name, rows, merges };
}

/**
 * Test helper: a workbook snapshot. Sheets are given in workbook order, either as rows of cells
 * or as ready sheet snapshots.
 * @example snap({ Sagsoversigt: [["Sagsnr", "CPR"], [1, "010203-1234"]] }, { date1904: true })
 */
export function snap(
  sheets: Readonly<Record<string, readonly (readonly Cell[])[] | SheetSnapshot>>,
  opts: { date1904?: boolean; sheetNames?: readonly string[] } = {},
): Snapshot {
  const out: Record<string, SheetSnapshot> = {};
  for (const [name, s] of Object.entries(sheets)) {
    out[name] = Array.isArray(s) ? sheet(name, s as readonly (readonly Cell[])[]) : (s as SheetSnapshot);
  }
  return { date1904: opts.date1904 ?? false, sheetNames: opts.sheetNames ?? Object.keys(out), sheets: out };
}
