import type { Cell, SheetSnapshot } from '../../domain/types';
import { textOf } from './package';
import { decodeXml, rootPrefix, startTags } from './xml';

/**
 * Reads a worksheet part into a SheetSnapshot in one pass over <sheetData>, with the same cell
 * kinds the ExcelJS adapter gives: text (shared, inline, rich text flattened, formula text),
 * numbers (with their format when not General), booleans, error values, and a formula without a
 * cached result as an error cell carrying the formula. Rows without any value are not data.
 */

/** Column number of the letters at the start of a cell reference ("AB12" → 28), 0 when none. */
export function columnOfRef(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/**
 * The value of attribute `name` (given as ` r="`) in the start tag between `from` and `to`, or
 * null. Undecoded: for the plain attributes of cells and rows (r, s, t). The search is bounded by
 * the tag (a slice shares the document's memory), never the rest of the document.
 */
export function rawAttr(xml: string, from: number, to: number, name: string): string | null {
  const tag = xml.slice(from, to);
  const i = tag.indexOf(name);
  if (i < 0) return null;
  const start = i + name.length;
  const end = tag.indexOf(tag[start - 1] as string, start);
  return end < 0 ? null : tag.slice(start, end);
}

function attrIn(xml: string, from: number, to: number, name: string): string | null {
  return rawAttr(xml, from, to, ` ${name}="`) ?? rawAttr(xml, from, to, ` ${name}='`);
}

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

/** An ISO 8601 date (t="d" cells) as an Excel serial, or NaN. */
function isoToSerial(text: string, date1904: boolean): number {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(t)) return NaN;
  return EPOCH_SERIAL + t / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
}

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  /** Number format code per cell style index. */
  readonly formats: readonly string[];
  readonly date1904: boolean;
}

export function readSheetXml(name: string, xml: string, ctx: SheetReadContext): SheetSnapshot {
  const p = rootPrefix(xml, 'worksheet');
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cOpen = `<${p}c`;
  const cClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const fOpen = `<${p}f`;
  const isOpen = `<${p}is`;
  const isClose = `</${p}is>`;

  const rows: Cell[][] = [];
  let lastRow = 0;
  const dataStart = xml.indexOf(`<${p}sheetData`);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, dataStart);
  let pos = dataStart < 0 ? -1 : xml.indexOf(rowOpen, dataStart);
  let rowNum = 0;
  while (pos >= 0 && (dataEnd < 0 || pos < dataEnd)) {
    const next = xml.charCodeAt(pos + rowOpen.length);
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
      pos = xml.indexOf(rowOpen, pos + 1);
      continue;
    }
    const rowTagEnd = xml.indexOf('>', pos);
    if (rowTagEnd < 0) break;
    const r = attrIn(xml, pos, rowTagEnd, 'r');
    rowNum = r !== null && /^\d+$/.test(r) ? Number(r) : rowNum + 1;
    if (xml.charCodeAt(rowTagEnd - 1) === 0x2f) {
      pos = xml.indexOf(rowOpen, rowTagEnd);
      continue;
    }
    const rowEnd = xml.indexOf(rowClose, rowTagEnd);
    if (rowEnd < 0) break;
    let cells: Cell[] | null = null;
    let col = 0;
    let c = xml.indexOf(cOpen, rowTagEnd);
    while (c >= 0 && c < rowEnd) {
      const after = xml.charCodeAt(c + cOpen.length);
      if (
        after !== 0x20 &&
        after !== 0x3e &&
        after !== 0x2f &&
        after !== 0x09 &&
        after !== 0x0a &&
        after !== 0x0d
      ) {
        c = xml.indexOf(cOpen, c + 1);
        continue;
      }
      const tagEnd = xml.indexOf('>', c);
      const ref = attrIn(xml, c, tagEnd, 'r');
      const refCol = ref === null ? 0 : columnOfRef(ref);
      col = refCol > 0 ? refCol : col + 1;
      if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
        c = xml.indexOf(cOpen, tagEnd);
        continue;
      }
      const end = xml.indexOf(cClose, tagEnd);
      if (end < 0) break;
      const t = attrIn(xml, c, tagEnd, 't');
      const s = attrIn(xml, c, tagEnd, 's');
      const cell = cellValue(xml, tagEnd + 1, end, t, s, ctx, { vOpen, vClose, fOpen, isOpen, isClose, p });
      if (cell !== null) {
        if (cells === null) cells = [];
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = cell;
      }
      c = xml.indexOf(cOpen, end + cClose.length);
    }
    if (cells !== null) {
      while (rows.length < rowNum - 1) rows.push([]);
      rows[rowNum - 1] = cells;
      lastRow = rowNum;
    }
    pos = xml.indexOf(rowOpen, rowEnd + rowClose.length);
  }
  rows.length = lastRow;
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];

  const merges: string[] = [];
  for (const m of startTags(xml, `${p}mergeCell`, dataEnd < 0 ? 0 : dataEnd)) {
    const ref = attrIn(m.tag, 0, m.tag.length, 'ref');
    if (ref !== null && ref.includes(':')) merges.push(ref);
  }
  return { name, rows, merges };
}

interface Tags {
  readonly vOpen: string;
  readonly vClose: string;
  readonly fOpen: string;
  readonly isOpen: string;
  readonly isClose: string;
  readonly p: string;
}

/** The text of the first element opening with `open` between `from` and `to` (a cell's body), or null. */
function elementText(xml: string, from: number, to: number, open: string, close: string): string | null {
  const body = xml.slice(from, to); // bounded: never search past the cell
  let i = body.indexOf(open);
  while (i >= 0) {
    const after = body.charCodeAt(i + open.length);
    if (after === 0x3e || after === 0x20 || after === 0x2f) {
      const gt = body.indexOf('>', i);
      if (gt < 0) return null;
      if (body.charCodeAt(gt - 1) === 0x2f) return '';
      const end = body.indexOf(close, gt);
      return end < 0 ? null : body.slice(gt + 1, end);
    }
    i = body.indexOf(open, i + 1);
  }
  return null;
}

function cellValue(
  xml: string,
  from: number,
  to: number,
  t: string | null,
  s: string | null,
  ctx: SheetReadContext,
  tags: Tags,
): Cell {
  if (t === 'inlineStr') {
    const body = elementText(xml, from, to, tags.isOpen, tags.isClose);
    if (body !== null) return textOf(body, tags.p);
  }
  const v = elementText(xml, from, to, tags.vOpen, tags.vClose);
  if (v === null) {
    const f = elementText(xml, from, to, tags.fOpen, `</${tags.p}f>`);
    // A formula whose result Excel did not store: not a value the tool can read.
    return f === null ? null : { error: '#FORMEL', formula: decodeXml(f) };
  }
  switch (t) {
    case 's': {
      const text = ctx.sharedStrings[Number(v)];
      return text === undefined ? null : text;
    }
    case 'str':
      return decodeXml(v);
    case 'inlineStr':
      return decodeXml(v);
    case 'b':
      return v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return { error: decodeXml(v).trim() };
    case 'd': {
      const n = isoToSerial(decodeXml(v).trim(), ctx.date1904);
      if (Number.isNaN(n)) return { error: '#VÆRDI!' };
      const fmt = s === null ? undefined : ctx.formats[Number(s)];
      return { n, fmt: fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd' };
    }
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) return decodeXml(v);
      const fmt = s === null ? undefined : ctx.formats[Number(s)];
      return fmt !== undefined && fmt !== 'General' ? { n, fmt } : n;
    }
  }
}
