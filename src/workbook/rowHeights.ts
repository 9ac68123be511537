import type { SheetBuild } from '../domain/types';
import { LOOKS } from './looks';

/** Excel's default column width in characters, for columns the build leaves unset. */
const DEFAULT_WIDTH = 8.43;
/** Points per text line at 11 pt (Excel's default row is 15 pt); scaled by the look's font size. */
const LINE_PER_POINT = 15 / 11;

/**
 * Lines a text needs in a wrapped cell `width` characters wide (a width unit is a "0" of the
 * default font), one or more per paragraph. An estimate that errs towards room to spare: a capital
 * counts 1.2 units, any other character 0.9, bold 10 % more, scaled by the font size; a line is
 * taken as 90 % full, as words wrap whole.
 */
export function wrappedLines(text: string, width: number, size = 11, bold = false): number {
  const scale = (size / 11) * (bold ? 1.1 : 1);
  const room = Math.max(1, width * 0.9);
  return text.split('\n').reduce((n, p) => {
    let units = 0;
    for (const ch of p) units += ch !== ch.toLowerCase() ? 1.2 : 0.9;
    return n + Math.max(1, Math.ceil((units * scale) / room));
  }, 0);
}

/**
 * Row heights in points for rows whose wrapped cells need more than one line. Hand-written
 * because neither Excel nor LibreOffice re-measures rows of a file on opening it (LibreOffice
 * printed Notat's two-line paragraphs in one-line rows, overlapping the next), and the .xlsx
 * format stores no "fit to content" flag that both honour.
 */
export function wrappedRowHeights(build: SheetBuild): Map<number, number> {
  const out = new Map<number, number>();
  for (const b of build.blocks) {
    b.values.forEach((vals, i) =>
      vals.forEach((v, j) => {
        const style = b.styles?.[i]?.[j] ?? null;
        if (style === null || typeof v !== 'string' || !LOOKS[style].wrap) return;
        const col = b.col + j;
        const w = build.columnWidths[col - 1] ?? 0;
        const look = LOOKS[style];
        const lines = wrappedLines(v, w > 0 ? w : DEFAULT_WIDTH, look.size, look.bold);
        if (lines < 2) return;
        const height = Math.ceil(lines * (look.size ?? 11) * LINE_PER_POINT);
        const row = b.row + i;
        out.set(row, Math.max(out.get(row) ?? 0, height));
      }),
    );
  }
  return out;
}
