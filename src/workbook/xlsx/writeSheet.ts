import { a1, columnLetter, columnNumber } from '../../domain/address';
import type { PageSetup, PlanValue } from '../../domain/types';
import type { ColAttrs, FormulaRange, SheetIndex } from './readSheet';
import { NS_MAIN, NS_REL, escapeXml, prefixOf, startTag, utf8Declaration } from './xml';

export { NS_MAIN, NS_REL };

/**
 * Worksheet XML: whole new sheets (the tool's own), and edits to an existing sheet that touch
 * only the cells the plan names. Every other byte of an edited sheet is copied as it was: rows the
 * plan does not touch, cells left of the verdict block, row and column formatting, merges,
 * conditional formats, tables, drawings.
 */

/** One cell to write: its value and cell-format index (null = none). */
export interface CellWrite {
  readonly value: PlanValue;
  readonly xf: number | null;
  /** For a text value: its index in the shared-string table (else it is written inline). */
  readonly shared?: number;
}

/** A rectangular block of writes, top-left at (row, col), 1-based. */
export interface BlockWrite {
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly CellWrite[])[];
  /**
   * true: a null value without a format clears the cell (the verdict block owns its columns);
   * false: it leaves the cell as it is (appending lines to the review log).
   */
  readonly clearNulls: boolean;
}

/** The XML of one cell; '' when there is nothing to write. Text is always an inline string, never a formula. */
export function cellXml(ref: string, w: CellWrite, p = ''): string {
  const s = w.xf === null || w.xf === 0 ? '' : ` s="${w.xf}"`;
  const v = w.value;
  if (v === null) return s === '' ? '' : `<${p}c r="${ref}"${s}/>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return s === '' ? '' : `<${p}c r="${ref}"${s}/>`;
    return `<${p}c r="${ref}"${s}><${p}v>${String(v)}</${p}v></${p}c>`;
  }
  if (typeof v === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (w.shared !== undefined) return `<${p}c r="${ref}"${s} t="s"><${p}v>${w.shared}</${p}v></${p}c>`;
  const keep = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${keep}>${escapeXml(v)}</${p}t></${p}is></${p}c>`;
}

export interface ColWidth {
  readonly col: number;
  readonly width: number;
  /** A hidden column (a chart's helper cells). */
  readonly hidden?: boolean;
}

/** The <col> elements of a <cols> with `widths` set for their columns (other ranges split around them). */
export function mergeCols(existing: readonly ColAttrs[], widths: readonly ColWidth[], p: string): string {
  const ours = new Map(widths.map((w) => [w.col, w]));
  const out: ColAttrs[] = [];
  for (const c of existing) {
    let start = c.min;
    for (let x = c.min; x <= c.max + 1; x += 1) {
      if (x > c.max || ours.has(x)) {
        if (x > start) out.push({ min: start, max: x - 1, rest: c.rest });
        start = x + 1;
      }
    }
  }
  for (const [col, w] of ours) {
    out.push({
      min: col,
      max: col,
      rest: [
        ['width', String(w.width)],
        ...(w.hidden ? [['hidden', '1'] as const] : []),
        ['customWidth', '1'],
      ],
    });
  }
  out.sort((a, b) => a.min - b.min);
  return out
    .map((c) => startTag(`${p}col`, [['min', String(c.min)], ['max', String(c.max)], ...c.rest], true))
    .join('');
}

export interface NewSheet {
  readonly block: BlockWrite | null;
  readonly widths: readonly ColWidth[];
  readonly freezeRows: number;
  readonly validations: readonly { readonly sqref: string; readonly formula: string }[];
  readonly page?: PageSetup;
  /** Row heights in points (custom heights), by 1-based row. */
  readonly rowHeights?: ReadonlyMap<number, number>;
  /** The relationship id of the sheet's drawing (its chart), written as <drawing> after the print setup. */
  readonly drawingRelId?: string;
}

/** OOXML paper size codes (ECMA-376 Part 1, §18.3.1.63): 9 = A4. */
const PAPER_SIZE: Readonly<Record<PageSetup['paper'], number>> = { A4: 9 };

/** The print parts of a worksheet: <sheetPr> (goes first) and <pageMargins><pageSetup> (after the data). */
export function pageXml(page: PageSetup | undefined): { sheetPr: string; tail: string } {
  if (page === undefined) {
    return {
      sheetPr: '',
      tail: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    };
  }
  const m = page.margins;
  return {
    sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    tail:
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      // fitToHeight="0" (the default): as many pages tall as the content takes.
      `<pageSetup paperSize="${PAPER_SIZE[page.paper]}" orientation="${page.orientation}" fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight ?? 0}"/>`,
  };
}

/** The XML of a whole new worksheet. */
export function newSheetXml(sheet: NewSheet): string {
  const rows: string[] = [];
  let lastRow = 1;
  let lastCol = 1;
  const b = sheet.block;
  if (b !== null) {
    b.cells.forEach((cells, i) => {
      const r = b.row + i;
      let row = '';
      cells.forEach((w, j) => {
        row += cellXml(a1(r, b.col + j), w);
      });
      if (row !== '') {
        const ht = sheet.rowHeights?.get(r);
        rows.push(`<row r="${r}"${ht === undefined ? '' : ` ht="${ht}" customHeight="1"`}>${row}</row>`);
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, b.col + cells.length - 1);
      }
    });
  }
  const view =
    sheet.freezeRows > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const cols = sheet.widths.length > 0 ? `<cols>${mergeCols([], sheet.widths, '')}</cols>` : '';
  const dv =
    sheet.validations.length > 0
      ? `<dataValidations count="${sheet.validations.length}">${sheet.validations
          .map(
            (v) =>
              `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Ukendt værdi" error="Vælg en værdi fra listen." sqref="${escapeXml(v.sqref)}"><formula1>${escapeXml(v.formula)}</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`
      : '';
  // Element order per the schema (CT_Worksheet): sheetPr, dimension, sheetViews, sheetFormatPr,
  // cols, sheetData, …, dataValidations, …, pageMargins, pageSetup, …, drawing.
  const print = pageXml(sheet.page);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${print.sheetPr}` +
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows.join('')}</sheetData>${dv}${print.tail}` +
    `${sheet.drawingRelId === undefined ? '' : `<drawing r:id="${escapeXml(sheet.drawingRelId)}"/>`}</worksheet>`
  );
}

export interface ClearSpan {
  readonly first: number;
  readonly last: number;
  /** First row to clear (the generated block's header row; absent = 1). */
  readonly fromRow?: number;
  readonly toRow: number;
}

/** What to change in an existing worksheet. */
export interface SheetEdit {
  /** Cells to remove: columns first..last of rows fromRow..toRow, per span. */
  readonly clear: readonly ClearSpan[];
  readonly block: BlockWrite | null;
  readonly widths: readonly ColWidth[];
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const inside = (a: Rect, b: Rect): boolean =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** The areas an edit removes or writes. */
function touchedAreas(edit: SheetEdit): Rect[] {
  const out: Rect[] = [];
  for (const c of edit.clear)
    if (c.toRow >= (c.fromRow ?? 1))
      out.push({ top: c.fromRow ?? 1, left: c.first, bottom: c.toRow, right: c.last });
  const b = edit.block;
  if (b !== null && b.cells.length > 0) {
    let width = 0;
    for (const r of b.cells) width = Math.max(width, r.length);
    if (width > 0)
      out.push({ top: b.row, left: b.col, bottom: b.row + b.cells.length - 1, right: b.col + width - 1 });
  }
  return out;
}

/** The first of `ranges` that the edit would write into or clear, or null. */
export function touchedRange<R extends Rect>(ranges: readonly R[], edit: SheetEdit): R | null {
  const areas = touchedAreas(edit);
  return ranges.find((r) => areas.some((a) => overlaps(r, a))) ?? null;
}

/**
 * The first shared or array formula the edit would cut (its range partly inside the edited area),
 * or null. A range wholly inside is removed whole, which leaves nothing behind.
 */
export function cutFormula(formulas: readonly FormulaRange[], edit: SheetEdit): FormulaRange | null {
  const areas = touchedAreas(edit);
  if (areas.length === 0) return null;
  for (const f of formulas) {
    if (areas.some((a) => overlaps(f, a)) && !areas.some((a) => inside(f, a))) return f;
  }
  return null;
}

/**
 * Applies `edit` to a worksheet (its text and index from scanSheet) and returns the new text as
 * chunks (joined by the caller, so a large sheet is never copied more than once). Rows the edit
 * does not touch are copied as one slice; in a touched row the cells the edit does not remove
 * are copied byte for byte and the new ones merged in column order.
 */
export function editSheetXml(index: SheetIndex, edit: SheetEdit): string[] {
  const xml = index.xml;
  const out: string[] = [];
  const b = edit.block;
  const clear = edit.clear;
  const blockTop = b === null ? 0 : b.row;
  const blockBottom = b === null ? -1 : b.row + b.cells.length - 1;
  const blockLeft = b === null ? 0 : b.col;
  let width = 0;
  if (b !== null) for (const r of b.cells) width = Math.max(width, r.length);
  const blockRight = b === null ? -1 : b.col + width - 1;
  const clearBottom = Math.max(0, ...clear.map((c) => c.toRow));
  const lastTouched = Math.max(clearBottom, blockBottom);
  const firstTouchedCol = Math.min(...clear.map((c) => c.first), b === null ? Infinity : blockLeft);
  const sd = index.sheetData;
  const sdPrefix = prefixOf(sd.name);

  // --- Before <sheetData>: the declaration, <dimension> and <cols> (edits in text order).
  const headEdits: { start: number; end: number; text: string }[] = [];
  const rootPrefix = prefixOf(index.rootName);
  if (edit.widths.length > 0) {
    const c = index.cols;
    if (c !== null) {
      // The start tag as written (it may declare the prefix its children use), or rebuilt when empty.
      const open = c.selfClosing ? startTag(c.name, c.attrs) : xml.slice(c.start, c.openEnd);
      headEdits.push({
        start: c.start,
        end: c.end,
        text: `${open}${mergeCols(c.children, edit.widths, prefixOf(c.name))}</${c.name}>`,
      });
    } else {
      headEdits.push({
        start: sd.start,
        end: sd.start,
        text: `<${rootPrefix}cols>${mergeCols([], edit.widths, rootPrefix)}</${rootPrefix}cols>`,
      });
    }
  }
  const dim = index.dimension;
  if (b !== null && dim !== null && dim.ref !== '') {
    const [from, to = from] = dim.ref.split(':') as [string, string?];
    const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(to.replace(/\$/g, ''));
    const toCol = Math.max(m ? columnNumber(m[1] as string) : 1, blockRight);
    const toRow = Math.max(m ? Number(m[2]) : 1, blockBottom);
    const attrs = dim.attrs.map(([k, v]): [string, string] => [
      k,
      k === 'ref' ? `${from}:${columnLetter(toCol)}${toRow}` : v,
    ]);
    headEdits.push({ start: dim.start, end: dim.end, text: startTag(dim.name, attrs, true) });
  }
  headEdits.sort((x, y) => x.start - y.start);
  let at = 0;
  for (const e of headEdits) {
    out.push(at === 0 ? utf8Declaration(xml.slice(0, e.start)) : xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(at === 0 ? utf8Declaration(xml.slice(0, sd.start)) : xml.slice(at, sd.start));

  // --- <sheetData>
  out.push(sd.selfClosing ? `<${sd.name}>` : xml.slice(sd.start, sd.openEnd));
  let nextBlockRow = blockTop;
  const newCells = (row: number, p: string): string => {
    if (b === null || row < blockTop || row > blockBottom) return '';
    const cells = b.cells[row - blockTop] ?? [];
    let s = '';
    for (let j = 0; j < cells.length; j += 1) s += cellXml(a1(row, blockLeft + j), cells[j] as CellWrite, p);
    return s;
  };
  /** Writes the new rows of the block that come before row `before`. */
  const flushNewRows = (before: number): void => {
    if (b === null) return;
    while (nextBlockRow <= blockBottom && nextBlockRow < before) {
      const cells = newCells(nextBlockRow, sdPrefix);
      if (cells !== '') out.push(`<${sdPrefix}row r="${nextBlockRow}">${cells}</${sdPrefix}row>`);
      nextBlockRow += 1;
    }
  };
  /** Whether an existing cell at (row, col) is removed by the edit. */
  const removes = (row: number, col: number): boolean => {
    for (const c of clear)
      if (row >= (c.fromRow ?? 1) && row <= c.toRow && col >= c.first && col <= c.last) return true;
    if (b !== null && row >= blockTop && row <= blockBottom && col >= blockLeft && col <= blockRight) {
      const w = b.cells[row - blockTop]?.[col - blockLeft];
      if (w === undefined) return false;
      return b.clearNulls || w.value !== null || w.xf !== null;
    }
    return false;
  };

  let copyFrom = sd.openEnd;
  let i = 0;
  for (; i < index.rowCount; i += 1) {
    const rowNum = index.rowNum[i] as number;
    if (rowNum > lastTouched) break;
    if (rowNum < blockTop && rowNum > clearBottom) continue;
    const start = index.rowStart[i] as number;
    const end = index.rowEnd[i] as number;
    const first = index.rowFirstCell[i] as number;
    const count = index.rowCellCount[i] as number;
    const name = index.rowName[i] as string;
    const p = prefixOf(name);
    const add = newCells(rowNum, p);
    // Nothing in this row changes when no cell reaches the edited columns and nothing is added.
    const lastCol = count > 0 ? (index.cellCol[first + count - 1] as number) : 0;
    if (add === '' && lastCol < firstTouchedCol) {
      if (rowNum >= blockTop && rowNum <= blockBottom) nextBlockRow = Math.max(nextBlockRow, rowNum + 1);
      continue;
    }
    out.push(xml.slice(copyFrom, start));
    flushNewRows(rowNum);
    if (rowNum >= blockTop && rowNum <= blockBottom) nextBlockRow = Math.max(nextBlockRow, rowNum + 1);
    const pieces: { col: number; xml: string }[] = [];
    let tailFrom = index.rowOpenEnd[i] as number;
    for (let k = first; k < first + count; k += 1) {
      const col = index.cellCol[k] as number;
      const cs = index.cellStart[k] as number;
      const ce = index.cellEnd[k] as number;
      tailFrom = ce;
      if (removes(rowNum, col)) continue;
      const fix = index.cellTagFix.get(k);
      pieces.push({ col, xml: fix ? fix.tag + xml.slice(fix.openEnd, ce) : xml.slice(cs, ce) });
    }
    if (add !== '') {
      const cells = b?.cells[rowNum - blockTop] ?? [];
      for (let j = 0; j < cells.length; j += 1) {
        const c = cellXml(a1(rowNum, blockLeft + j), cells[j] as CellWrite, p);
        if (c !== '') pieces.push({ col: blockLeft + j, xml: c });
      }
      pieces.sort((x, y) => x.col - y.col);
    }
    // After the cells: an <extLst>, kept.
    const closeStart = index.rowCloseStart[i] as number;
    const tail = closeStart > tailFrom ? xml.slice(tailFrom, closeStart) : '';
    out.push(index.rowTag[i] as string, pieces.map((x) => x.xml).join(''), tail, `</${name}>`);
    copyFrom = end;
  }
  // The rest of sheetData: the rows after the last touched one, with the block's remaining rows before them.
  if (i < index.rowCount) {
    const start = index.rowStart[i] as number;
    out.push(xml.slice(copyFrom, start));
    flushNewRows(index.rowNum[i] as number);
    copyFrom = start;
  }
  const closeAt = sd.selfClosing ? sd.end : xml.lastIndexOf('<', sd.end - 1);
  if (i >= index.rowCount) {
    out.push(xml.slice(copyFrom, sd.selfClosing ? copyFrom : closeAt));
    flushNewRows(Infinity);
    out.push(sd.selfClosing ? `</${sd.name}>` : xml.slice(closeAt, sd.end));
  } else {
    out.push(xml.slice(copyFrom, sd.end));
  }
  out.push(xml.slice(sd.end));
  return out;
}
