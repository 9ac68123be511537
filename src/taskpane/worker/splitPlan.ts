import type { Block, WritePlan } from '../../domain/types';

/**
 * Cells of the verdict block per part: the Office adapter turns one part into its requests in a
 * few dozen milliseconds on the page, so applying a 20,000-case plan never blocks the pane long.
 */
export const APPLY_CELLS_PER_PART = 16_000;

const EMPTY_BLOCK: Block = { row: 1, col: 1, values: [] };

/**
 * One write plan as several, applied one after the other, that together write exactly what the
 * plan writes: the verdict block in row slices (the first part clears the earlier columns and
 * sets the widths), the generated sheets, deletions and log lines with the last part.
 * Hand-written: no library splits this project's own plan type.
 * @example splitPlan(plan, 16000).length === 1 // a plan of 17 cases stays whole
 */
export function splitPlan(plan: WritePlan, cellsPerPart: number = APPLY_CELLS_PER_PART): WritePlan[] {
  const vb = plan.verdictBlock;
  const width = vb.values.reduce((w, r) => Math.max(w, r.length), 1);
  const rows = Math.max(1, Math.floor(cellsPerPart / width));
  if (vb.values.length <= rows) return [plan];
  const parts: WritePlan[] = [];
  for (let i = 0; i < vb.values.length; i += rows) {
    const first = i === 0;
    parts.push({
      caseSheet: plan.caseSheet,
      clearColumns: first ? plan.clearColumns : null,
      verdictBlock: {
        row: vb.row + i,
        col: vb.col,
        values: vb.values.slice(i, i + rows),
        ...(vb.styles ? { styles: vb.styles.slice(i, i + rows) } : {}),
      },
      verdictColumnWidths: first ? plan.verdictColumnWidths : [],
      sheets: [],
      deleteSheets: [],
    });
  }
  const rest: WritePlan = {
    caseSheet: plan.caseSheet,
    clearColumns: null,
    verdictBlock: EMPTY_BLOCK,
    verdictColumnWidths: [],
    sheets: plan.sheets,
    deleteSheets: plan.deleteSheets,
    ...(plan.reviewAppend ? { reviewAppend: plan.reviewAppend } : {}),
  };
  if (rest.sheets.length > 0 || rest.deleteSheets.length > 0 || (rest.reviewAppend?.length ?? 0) > 0)
    parts.push(rest);
  return parts;
}
