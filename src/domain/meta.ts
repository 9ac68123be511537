import { META_SHEET, type Cell, type PlanValue, type SheetBuild, type Snapshot } from './types';

export { META_SHEET };

/** What an earlier run generated: whole sheets, and the verdict column block of the case sheet. */
export interface GeneratedMeta {
  readonly sheets: string[];
  readonly columns: { readonly sheet: string; readonly first: number; readonly last: number } | null;
}

export const META_NOTE = 'Børnesagsbarometer – genereret indhold. Redigér ikke.';

function text(cell: Cell | undefined): string | null {
  return typeof cell === 'string' && cell.trim() !== '' ? cell.trim() : null;
}

function int(cell: Cell | undefined): number | null {
  let n: number | null = null;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string' && /^\s*\d+\s*$/.test(cell)) n = Number(cell);
  else if (cell !== null && typeof cell === 'object' && 'n' in cell) n = cell.n;
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 16384 ? n : null;
}

/**
 * Reads the tool's hidden metadata sheet. Rows: ["ark", name] per generated sheet and
 * ["kolonner", sheet, first, last] for the verdict block; other rows are ignored. Absent or
 * garbled → empty (nothing generated).
 */
export function readMeta(snapshot: Snapshot): GeneratedMeta {
  const sheet = snapshot.sheets[META_SHEET];
  if (!sheet) return { sheets: [], columns: null };
  const sheets: string[] = [];
  let columns: GeneratedMeta['columns'] = null;
  for (const row of sheet.rows) {
    const key = text(row[0])?.toLowerCase();
    if (key === 'ark') {
      const name = text(row[1]);
      if (name !== null && name !== META_SHEET && !sheets.includes(name)) sheets.push(name);
    } else if (key === 'kolonner') {
      const name = text(row[1]);
      const first = int(row[2]);
      const last = int(row[3]);
      if (name !== null && first !== null && last !== null && first <= last)
        columns = { sheet: name, first, last };
    }
  }
  return { sheets, columns };
}

/** The metadata sheet to write: very hidden, a note in A1, then one row per fact. */
export function buildMetaSheet(meta: GeneratedMeta): SheetBuild {
  const rows: PlanValue[][] = [[META_NOTE, null, null, null]];
  for (const name of meta.sheets) rows.push(['ark', name, null, null]);
  if (meta.columns) rows.push(['kolonner', meta.columns.sheet, meta.columns.first, meta.columns.last]);
  return {
    name: META_SHEET,
    blocks: [{ row: 1, col: 1, values: rows }],
    columnWidths: [12, 30, 10, 10],
    freezeRows: 0,
    visibility: 'veryHidden',
  };
}
