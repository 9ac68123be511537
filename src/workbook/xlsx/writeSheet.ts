import { a1, columnLetter } from '../../domain/address';
import type { PlanValue } from '../../domain/types';
import { columnOfRef, rawAttr } from './readSheet';
import { attr, escapeXml, rootPrefix, startTags } from './xml';

/**
 * Worksheet XML: whole new sheets (the tool's own), and edits to an existing sheet that touch
 * only the cells the plan names. Every other byte of an edited sheet is copied as it was: rows the
 * plan does not touch, cells left of the verdict block, row and column formatting, merges,
 * conditional formats, tables, drawings.
 */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

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
}

/** A <col> element's attributes and range. */
interface ColElement {
  readonly min: number;
  readonly max: number;
  /** The tag text without min/max, e.g. ` width="12" customWidth="1" style="3"`. */
  readonly rest: string;
}

/** The <cols> element's content with `widths` set for their columns (other ranges split around them). */
export function mergeCols(existing: string | null, widths: readonly ColWidth[], p: string): string {
  const cols: ColElement[] = [];
  if (existing !== null) {
    for (const t of startTags(existing, `${p}col`)) {
      const min = Number(attr(t.tag, 'min'));
      const max = Number(attr(t.tag, 'max'));
      if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
      const rest = t.tag
        .replace(new RegExp(`^<${p}col`), '')
        .replace(/\s(min|max)="[^"]*"/g, '')
        .replace(/\s*\/?>$/, '');
      cols.push({ min, max, rest });
    }
  }
  const ours = new Map(widths.map((w) => [w.col, w.width]));
  const out: ColElement[] = [];
  for (const c of cols) {
    let start = c.min;
    for (let x = c.min; x <= c.max + 1; x += 1) {
      if (x > c.max || ours.has(x)) {
        if (x > start) out.push({ min: start, max: x - 1, rest: c.rest });
        start = x + 1;
      }
    }
  }
  for (const [col, width] of ours) {
    out.push({ min: col, max: col, rest: ` width="${width}" customWidth="1"` });
  }
  out.sort((a, b) => a.min - b.min);
  return out.map((c) => `<${p}col min="${c.min}" max="${c.max}"${c.rest}/>`).join('');
}

export interface NewSheet {
  readonly block: BlockWrite | null;
  readonly widths: readonly ColWidth[];
  readonly freezeRows: number;
  readonly validations: readonly { readonly sqref: string; readonly formula: string }[];
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
        rows.push(`<row r="${r}">${row}</row>`);
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, b.col + cells.length - 1);
      }
    });
  }
  const view =
    sheet.freezeRows > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const cols = sheet.widths.length > 0 ? `<cols>${mergeCols(null, sheet.widths, '')}</cols>` : '';
  const dv =
    sheet.validations.length > 0
      ? `<dataValidations count="${sheet.validations.length}">${sheet.validations
          .map(
            (v) =>
              `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Ukendt værdi" error="Vælg en værdi fra listen." sqref="${escapeXml(v.sqref)}"><formula1>${escapeXml(v.formula)}</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${rows.join('')}</sheetData>${dv}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** What to change in an existing worksheet. */
export interface SheetEdit {
  /** Cells to remove: columns first..last of rows 1..toRow. */
  readonly clear: { readonly first: number; readonly last: number; readonly toRow: number } | null;
  readonly block: BlockWrite | null;
  readonly widths: readonly ColWidth[];
}

const isNameEnd = (c: number): boolean =>
  c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Applies `edit` to a worksheet's XML and returns the new XML as chunks (joined by the caller,
 * so a large sheet is never copied more than once).
 */
export function editSheetXml(xml: string, edit: SheetEdit): string[] {
  const p = rootPrefix(xml, 'worksheet');
  const out: string[] = [];
  const b = edit.block;
  const clear = edit.clear;
  const blockTop = b === null ? 0 : b.row;
  const blockBottom = b === null ? -1 : b.row + b.cells.length - 1;
  const blockLeft = b === null ? 0 : b.col;
  let width = 0;
  if (b !== null) for (const r of b.cells) width = Math.max(width, r.length);
  const blockRight = b === null ? -1 : b.col + width - 1;
  const lastTouched = Math.max(clear?.toRow ?? 0, blockBottom);
  const firstTouchedCol = Math.min(clear?.first ?? Infinity, b === null ? Infinity : blockLeft);

  // --- Before <sheetData>: <dimension> and <cols>.
  let dataStart = xml.indexOf(`<${p}sheetData`);
  while (dataStart >= 0 && !isNameEnd(xml.charCodeAt(dataStart + p.length + 10))) {
    dataStart = xml.indexOf(`<${p}sheetData`, dataStart + 1);
  }
  if (dataStart < 0) throw new Error('worksheet without sheetData');
  let head = xml.slice(0, dataStart);
  if (edit.widths.length > 0) {
    const colsOpen = head.indexOf(`<${p}cols`);
    if (colsOpen >= 0 && isNameEnd(head.charCodeAt(colsOpen + p.length + 5))) {
      const openEnd = head.indexOf('>', colsOpen);
      const selfClosing = head.charCodeAt(openEnd - 1) === 0x2f;
      const closeIdx = selfClosing ? openEnd + 1 : head.indexOf(`</${p}cols>`, openEnd);
      const inner = selfClosing ? '' : head.slice(openEnd + 1, closeIdx);
      const end = selfClosing ? openEnd + 1 : closeIdx + `</${p}cols>`.length;
      head = `${head.slice(0, colsOpen)}<${p}cols>${mergeCols(inner, edit.widths, p)}</${p}cols>${head.slice(end)}`;
    } else {
      head = `${head}<${p}cols>${mergeCols(null, edit.widths, p)}</${p}cols>`;
    }
  }
  if (b !== null) {
    head = head.replace(
      new RegExp(`(<${p}dimension\\s+ref=")([^"]*)(")`),
      (_m, a: string, ref: string, z: string) => {
        const [from, to = from] = ref.split(':') as [string, string?];
        const toCol = Math.max(columnOfRef(to), blockRight);
        const toRow = Math.max(Number(/\d+$/.exec(to)?.[0] ?? 1), blockBottom);
        return `${a}${from}:${columnLetter(toCol)}${toRow}${z}`;
      },
    );
  }
  out.push(head);

  // --- <sheetData>
  const dataTagEnd = xml.indexOf('>', dataStart);
  const selfClosingData = xml.charCodeAt(dataTagEnd - 1) === 0x2f;
  const dataEnd = selfClosingData ? dataTagEnd + 1 : xml.indexOf(`</${p}sheetData>`, dataTagEnd);
  out.push(`<${p}sheetData>`);

  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  let nextBlockRow = blockTop;
  /** Writes the new rows of the block that come before row `before`. */
  const flushNewRows = (before: number): void => {
    if (b === null) return;
    while (nextBlockRow <= blockBottom && nextBlockRow < before) {
      const cells = newCells(nextBlockRow);
      if (cells !== '') out.push(`<${p}row r="${nextBlockRow}">${cells}</${p}row>`);
      nextBlockRow += 1;
    }
  };
  const newCells = (row: number): string => {
    if (b === null || row < blockTop || row > blockBottom) return '';
    const cells = b.cells[row - blockTop] ?? [];
    let s = '';
    for (let j = 0; j < cells.length; j += 1) s += cellXml(a1(row, blockLeft + j), cells[j] as CellWrite, p);
    return s;
  };
  /** Whether an existing cell at (row, col) is removed by the edit. */
  const removes = (row: number, col: number): boolean => {
    if (clear !== null && row <= clear.toRow && col >= clear.first && col <= clear.last) return true;
    if (b !== null && row >= blockTop && row <= blockBottom && col >= blockLeft && col <= blockRight) {
      const w = b.cells[row - blockTop]?.[col - blockLeft];
      if (w === undefined) return false;
      return b.clearNulls || w.value !== null || w.xf !== null;
    }
    return false;
  };

  let pos = selfClosingData ? -1 : xml.indexOf(rowOpen, dataTagEnd);
  let copyFrom = selfClosingData ? dataEnd : dataTagEnd + 1;
  let rowNum = 0;
  while (pos >= 0 && pos < dataEnd) {
    if (!isNameEnd(xml.charCodeAt(pos + rowOpen.length))) {
      pos = xml.indexOf(rowOpen, pos + 1);
      continue;
    }
    const tagEnd = xml.indexOf('>', pos);
    const rAttr = rawAttr(xml, pos, tagEnd, ' r="');
    const explicit = rAttr !== null && /^\d+$/.test(rAttr);
    rowNum = explicit ? Number(rAttr) : rowNum + 1;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const end = selfClosing ? tagEnd + 1 : xml.indexOf(rowClose, tagEnd) + rowClose.length;
    if (rowNum > lastTouched && explicit) {
      // Nothing to change from here on: copy the rest of sheetData as it is.
      break;
    }
    if (rowNum < blockTop && (clear === null || rowNum > clear.toRow) && explicit) {
      pos = xml.indexOf(rowOpen, end);
      continue;
    }
    // This row may change: copy what came before it, then rewrite it.
    out.push(xml.slice(copyFrom, pos));
    flushNewRows(rowNum);
    const add = newCells(rowNum);
    if (rowNum >= blockTop && rowNum <= blockBottom) nextBlockRow = Math.max(nextBlockRow, rowNum + 1);
    // The row tag, with an explicit r (new rows may come before a row that had none) and
    // without the optional spans hint, which the new cells could make wrong.
    let rowTag = xml.slice(pos, tagEnd + 1).replace(/\sspans="[^"]*"/, '');
    if (!explicit) rowTag = rowTag.replace(rowOpen, `${rowOpen} r="${rowNum}"`);
    if (selfClosing) {
      out.push(add === '' ? rowTag : `${rowTag.replace(/\s*\/>$/, '>')}${add}${rowClose}`);
    } else {
      const bodyStart = tagEnd + 1;
      const bodyEnd = end - rowClose.length;
      // Fast path: every existing cell lies left of the columns the edit touches.
      const last = xml.lastIndexOf(cOpen, bodyEnd);
      let fast = false;
      if (last < bodyStart) fast = true;
      else {
        const lastTagEnd = xml.indexOf('>', last);
        const ref = rawAttr(xml, last, lastTagEnd, ' r="');
        fast = ref !== null && columnOfRef(ref) < firstTouchedCol;
      }
      if (fast && add === '' && explicit) {
        out.push(xml.slice(pos, end)); // nothing in this row changes: keep it byte for byte
      } else if (fast) {
        out.push(rowTag, xml.slice(bodyStart, bodyEnd), add, rowClose);
      } else {
        const cells = rewriteCells(xml, bodyStart, bodyEnd, rowNum, add, removes, cOpen, cClose);
        if (cells === null && explicit) out.push(xml.slice(pos, end));
        else out.push(rowTag, cells ?? xml.slice(bodyStart, bodyEnd), rowClose);
      }
    }
    copyFrom = end;
    pos = xml.indexOf(rowOpen, end);
  }
  // The rows after the last existing one (or between it and the end of sheetData).
  if (pos < 0 || pos >= dataEnd) {
    out.push(xml.slice(copyFrom, selfClosingData ? copyFrom : dataEnd));
    flushNewRows(Infinity);
  } else {
    out.push(xml.slice(copyFrom, pos));
    flushNewRows(rowNum);
    out.push(xml.slice(pos, dataEnd));
  }
  out.push(`</${p}sheetData>`);
  out.push(xml.slice(selfClosingData ? dataEnd : dataEnd + `</${p}sheetData>`.length));
  return out;
}

/**
 * A row's cells with the removed ones left out and the new ones merged in column order; null when
 * nothing is removed, added or renamed (the row stays as it was).
 */
function rewriteCells(
  xml: string,
  from: number,
  to: number,
  row: number,
  add: string,
  removes: (row: number, col: number) => boolean,
  cOpen: string,
  cClose: string,
): string | null {
  interface Piece {
    readonly col: number;
    readonly xml: string;
  }
  const pieces: Piece[] = [];
  let changed = add !== '';
  let col = 0;
  let i = xml.indexOf(cOpen, from);
  let rest = from;
  while (i >= 0 && i < to) {
    if (!isNameEnd(xml.charCodeAt(i + cOpen.length))) {
      i = xml.indexOf(cOpen, i + 1);
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    const ref = rawAttr(xml, i, tagEnd, ' r="');
    const refCol = ref === null ? 0 : columnOfRef(ref);
    col = refCol > 0 ? refCol : col + 1;
    const end =
      xml.charCodeAt(tagEnd - 1) === 0x2f ? tagEnd + 1 : xml.indexOf(cClose, tagEnd) + cClose.length;
    let text = xml.slice(i, end);
    // A cell without r takes its place from the cell before; new cells could shift it, so name it.
    if (refCol === 0) {
      text = text.replace(cOpen, `${cOpen} r="${a1(row, col)}"`);
      changed = true;
    }
    if (!removes(row, col)) pieces.push({ col, xml: text });
    else changed = true;
    rest = end;
    i = xml.indexOf(cOpen, end);
  }
  const tail = xml.slice(rest, to); // e.g. <extLst> after the cells
  // New cells, each with its column.
  const added: Piece[] = [];
  if (add !== '') {
    let k = add.indexOf(cOpen);
    while (k >= 0) {
      const next = add.indexOf(cOpen, k + 1);
      const refStart = add.indexOf(' r="', k) + 4;
      const ref = add.slice(refStart, add.indexOf('"', refStart));
      added.push({ col: columnOfRef(ref), xml: add.slice(k, next < 0 ? add.length : next) });
      k = next;
    }
  }
  if (!changed) return null;
  const all = pieces.concat(added).sort((a, b) => a.col - b.col);
  return all.map((x) => x.xml).join('') + tail;
}
