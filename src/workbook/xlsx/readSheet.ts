import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import { a1, columnNumber } from '../../domain/address';
import { dayFromYmd } from '../../domain/days';
import { dayToSerial } from '../../domain/serial';
import type { Cell, SheetSnapshot } from '../../domain/types';
import { damagedSheet, outsideLimits, textTooLong } from './messages';
import { XmlError, decodeXstring, isMain, saxParser } from './xml';

/**
 * Reads a worksheet part in one saxes pass into a SheetSnapshot (the same cell kinds the ExcelJS
 * adapter gives: text from shared, inline or rich strings, numbers with their format when not
 * General, booleans, errors, formulas by their cached result) and a SheetIndex: where each row and
 * cell is in the text, so the writer copies untouched rows and cells byte for byte.
 * Excel's limits are enforced here (columns to XFD, 1,048,576 rows, 32,767 characters), and the
 * shared and array formula ranges are recorded so a write never cuts one.
 */

export const MAX_COLS = 16384;
export const MAX_ROWS = 1048576;
export const MAX_TEXT = 32767;

/** The Day of 1970-01-01 (an ISO date's epoch milliseconds → Day). */
const UNIX_EPOCH_DAY = dayFromYmd(1970, 1, 1);
const MS_PER_DAY = 86_400_000;

/** An ISO 8601 date (t="d" cells) as an Excel serial of the workbook's date system, or NaN. */
function isoToSerial(text: string, date1904: boolean): number {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(t)) return NaN;
  const days = UNIX_EPOCH_DAY + t / MS_PER_DAY;
  const whole = Math.floor(days);
  return dayToSerial(whole, date1904) + (days - whole);
}

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  /** Number format code per cell style index. */
  readonly formats: readonly string[];
  readonly date1904: boolean;
}

/** A formula whose range must stay whole (t="shared" master or t="array"/"dataTable"). */
export interface FormulaRange {
  readonly cell: string;
  readonly kind: 'shared' | 'array';
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** An element's place in the text: "<" of its start tag, after its start tag's ">", after its end. */
export interface Span {
  readonly start: number;
  readonly openEnd: number;
  readonly end: number;
  readonly selfClosing: boolean;
  /** The qualified name as written ("x:cols"). */
  readonly name: string;
}

export interface ColAttrs {
  readonly min: number;
  readonly max: number;
  /** The other attributes, as written. */
  readonly rest: readonly (readonly [string, string])[];
}

/** Where everything the writer needs is in a worksheet's text. Rows and cells in document order. */
export interface SheetIndex {
  readonly xml: string;
  /** The root element's qualified name ("x:worksheet"): its prefix is in scope everywhere. */
  readonly rootName: string;
  readonly sheetData: Span;
  readonly dimension:
    (Span & { readonly ref: string; readonly attrs: readonly (readonly [string, string])[] }) | null;
  readonly cols:
    | (Span & {
        readonly children: readonly ColAttrs[];
        readonly attrs: readonly (readonly [string, string])[];
      })
    | null;
  readonly rowCount: number;
  readonly rowNum: Int32Array;
  readonly rowStart: Int32Array;
  readonly rowOpenEnd: Int32Array;
  /** Start of the row's end tag (= rowEnd for a self-closing row). */
  readonly rowCloseStart: Int32Array;
  readonly rowEnd: Int32Array;
  /** The row's start tag rebuilt with an explicit r and without spans (for rows the writer changes). */
  readonly rowTag: readonly string[];
  readonly rowName: readonly string[];
  readonly rowFirstCell: Int32Array;
  readonly rowCellCount: Int32Array;
  readonly cellStart: Int32Array;
  readonly cellEnd: Int32Array;
  readonly cellCol: Int32Array;
  /** Start tags with an r added, for cells written without one (by cell index). */
  readonly cellTagFix: ReadonlyMap<number, { readonly openEnd: number; readonly tag: string }>;
  readonly formulas: readonly FormulaRange[];
}

class Growing {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    this.n += 1;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
  done(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

/**
 * Row and column of an A1 reference without "$" (columns past XFD and rows past 1,048,576 are
 * returned as they are, for the caller's limit message); null when it is no A1 reference.
 * The letters/digits split is scanned by hand: it runs for every cell of a 100,000-row sheet.
 */
function refOf(ref: string): { row: number; col: number } | null {
  let i = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    i += 1;
  }
  if (i === 0 || i === ref.length) return null;
  // More than three letters is past XFD whatever they are (and cannot overflow).
  const col = i > 3 ? MAX_COLS + 1 : columnNumber(ref.slice(0, i));
  let row = 0;
  for (; i < ref.length; i += 1) {
    const d = ref.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
    if (row > MAX_ROWS) row = MAX_ROWS + 1;
  }
  return row === 0 ? null : { row, col };
}

const attrValue = (t: SaxesTagNS, local: string): string | null => {
  const a: SaxesAttributeNS | undefined = t.attributes[local];
  return a !== undefined && a.uri === '' ? a.value : null;
};

const rawAttrs = (t: SaxesTagNS): [string, string][] =>
  Object.values(t.attributes).map((a) => [a.name, a.value]);

/** Reads a worksheet. @throws UserError naming the sheet (and cell) for damaged XML or values past Excel's limits. */
export function readSheetXml(name: string, xml: string, ctx: SheetReadContext): SheetSnapshot {
  return scanSheet(name, xml, ctx).snapshot;
}

/** Reads a worksheet and its index. @throws UserError as readSheetXml. */
export function scanSheet(
  name: string,
  xml: string,
  ctx: SheetReadContext,
): { snapshot: SheetSnapshot; index: SheetIndex } {
  const parser = saxParser();
  const rows: Cell[][] = [];
  const merges: string[] = [];
  const formulas: FormulaRange[] = [];
  const rowNum = new Growing();
  const rowStart = new Growing();
  const rowOpenEnd = new Growing();
  const rowCloseStart = new Growing();
  const rowEnd = new Growing();
  const rowFirstCell = new Growing();
  const rowCellCount = new Growing();
  const rowTag: string[] = [];
  const rowName: string[] = [];
  const cellStart = new Growing();
  const cellEnd = new Growing();
  const cellCol = new Growing();
  const cellTagFix = new Map<number, { openEnd: number; tag: string }>();
  let sheetData: Span | null = null;
  let sheetDataStart = -1;
  let sheetDataOpenEnd = -1;
  let sheetDataName = '';
  let dimension: (Span & { ref: string; attrs: [string, string][] }) | null = null;
  let cols: (Span & { children: ColAttrs[]; attrs: [string, string][] }) | null = null;
  let colsAttrs: [string, string][] = [];
  let rootName = '';
  let colsStart = -1;
  let colsOpenEnd = -1;
  let colChildren: ColAttrs[] = [];

  // Where the parser is: depth inside sheetData's row/cell structure.
  let depth = 0;
  let inSheetData = false;
  let currentRow = 0;
  let lastRow = 0;
  let cells: Cell[] | null = null;
  let lastCol = 0;
  /** The "<" of the start tag just read ("<" cannot occur in attribute values). */
  const startOf = (): number => xml.lastIndexOf('<', parser.position - 1);
  // The cell being read.
  let inCell = false;
  let cellRef = '';
  let cellColNum = 0;
  let cellT: string | null = null;
  let cellS: string | null = null;
  let vText: string | null = null;
  let fText: string | null = null;
  let isText: string | null = null;
  let collect: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  let buf = '';

  parser.on('opentag', (t) => {
    depth += 1;
    if (depth === 1) rootName = t.name;
    if (!isMain(t.uri)) return;
    const local = t.local;
    if (!inSheetData) {
      if (local === 'sheetData' && depth === 2) {
        inSheetData = true;
        sheetDataStart = startOf();
        sheetDataOpenEnd = parser.position;
        sheetDataName = t.name;
        if (t.isSelfClosing) {
          inSheetData = false;
          sheetData = {
            start: startOf(),
            openEnd: parser.position,
            end: parser.position,
            selfClosing: true,
            name: t.name,
          };
        }
      } else if (local === 'dimension' && depth === 2) {
        dimension = {
          start: startOf(),
          openEnd: parser.position,
          end: parser.position,
          selfClosing: t.isSelfClosing,
          name: t.name,
          ref: attrValue(t, 'ref') ?? '',
          attrs: rawAttrs(t),
        };
      } else if (local === 'cols' && depth === 2) {
        colsStart = startOf();
        colsOpenEnd = parser.position;
        colChildren = [];
        colsAttrs = rawAttrs(t);
        if (t.isSelfClosing)
          cols = {
            start: startOf(),
            openEnd: parser.position,
            end: parser.position,
            selfClosing: true,
            name: t.name,
            children: [],
            attrs: colsAttrs,
          };
      } else if (local === 'col' && depth === 3 && colsStart >= 0 && cols === null) {
        const min = Number(attrValue(t, 'min'));
        const max = Number(attrValue(t, 'max'));
        // A range reaching past XFD is kept, cut at XFD (as Excel reads it), so rewriting <cols> loses nothing.
        if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && min <= MAX_COLS) {
          colChildren.push({
            min,
            max: Math.min(max, MAX_COLS),
            rest: rawAttrs(t).filter(([k]) => k !== 'min' && k !== 'max'),
          });
        }
      } else if (local === 'mergeCell' && depth === 3) {
        const ref = attrValue(t, 'ref');
        if (ref !== null && ref.includes(':')) merges.push(ref);
      }
      return;
    }
    if (depth === 3 && local === 'row') {
      const r = attrValue(t, 'r');
      const n = r === null ? currentRow + 1 : /^[0-9]+$/.test(r) ? Number(r) : NaN;
      if (!Number.isFinite(n) || n < 1) throw damagedSheet(name, `række ${currentRow + 1}`);
      if (n > MAX_ROWS) throw outsideLimits(name, `A${n}`);
      if (n <= currentRow) throw damagedSheet(name, `række ${n} (rækkerne står ikke i rækkefølge)`);
      currentRow = n;
      lastCol = 0;
      cells = null;
      rowNum.push(n);
      rowStart.push(startOf());
      rowOpenEnd.push(parser.position);
      rowFirstCell.push(cellStart.n);
      rowCellCount.push(0);
      const attrs = rawAttrs(t).filter(([k]) => k !== 'spans' && k !== 'r');
      let tag = `<${t.name} r="${n}"`;
      for (const [k, v] of attrs) tag += ` ${k}="${escapeAttrLite(v)}"`;
      rowTag.push(`${tag}>`);
      rowName.push(t.name);
      if (t.isSelfClosing) {
        rowCloseStart.push(parser.position);
        rowEnd.push(parser.position);
      } else {
        rowCloseStart.push(-1);
        rowEnd.push(-1);
      }
      return;
    }
    if (depth === 4 && local === 'c') {
      const r = attrValue(t, 'r');
      let col: number;
      if (r === null) col = lastCol + 1;
      else {
        const at = refOf(r);
        if (at === null) throw damagedSheet(name, `en celle i række ${currentRow}`);
        if (at.col > MAX_COLS || at.row > MAX_ROWS) throw outsideLimits(name, r);
        if (at.row !== currentRow) throw damagedSheet(name, `celle ${r} (står i række ${currentRow})`);
        col = at.col;
      }
      if (col > MAX_COLS) throw outsideLimits(name, `${r ?? 'XFE'}`);
      if (col <= lastCol)
        throw damagedSheet(name, `celle ${a1(currentRow, col)} (cellerne står ikke i rækkefølge)`);
      lastCol = col;
      inCell = true;
      cellColNum = col;
      cellRef = r ?? a1(currentRow, col);
      cellT = attrValue(t, 't');
      cellS = attrValue(t, 's');
      vText = null;
      fText = null;
      isText = null;
      phonetic = 0;
      const idx = cellStart.n;
      cellStart.push(startOf());
      cellEnd.push(parser.position);
      cellCol.push(col);
      rowCellCount.set(rowCount() - 1, (rowCellCount.a[rowCount() - 1] as number) + 1);
      if (r === null) {
        let tag = `<${t.name} r="${cellRef}"`;
        for (const [k, v] of rawAttrs(t)) tag += ` ${k}="${escapeAttrLite(v)}"`;
        cellTagFix.set(idx, { openEnd: parser.position, tag: `${tag}${t.isSelfClosing ? '/>' : '>'}` });
      }
      return;
    }
    if (!inCell) return;
    if (depth === 5 && local === 'v') {
      collect = 'v';
      buf = '';
    } else if (depth === 5 && local === 'f') {
      collect = 'f';
      buf = '';
      const kind = attrValue(t, 't');
      const ref = attrValue(t, 'ref');
      if ((kind === 'shared' || kind === 'array' || kind === 'dataTable') && ref !== null) {
        const [a, b = a] = ref.split(':') as [string, string?];
        const p = refOf(a.replace(/\$/g, ''));
        const q = refOf(b.replace(/\$/g, ''));
        if (
          p === null ||
          q === null ||
          p.col > MAX_COLS ||
          q.col > MAX_COLS ||
          p.row > MAX_ROWS ||
          q.row > MAX_ROWS
        ) {
          throw damagedSheet(name, `formlen i celle ${cellRef}`);
        }
        formulas.push({
          cell: cellRef,
          kind: kind === 'shared' ? 'shared' : 'array',
          top: Math.min(p.row, q.row),
          left: Math.min(p.col, q.col),
          bottom: Math.max(p.row, q.row),
          right: Math.max(p.col, q.col),
        });
      }
    } else if (depth === 5 && local === 'is') {
      isText = '';
    } else if (isText !== null && local === 'rPh') {
      phonetic += 1;
    } else if (isText !== null && local === 't' && phonetic === 0) {
      collect = 't';
      buf = '';
    }
  });
  const onText = (text: string): void => {
    if (collect !== null) {
      buf += text;
      if (buf.length > MAX_TEXT * 8) throw textTooLong(name, cellRef);
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (t) => {
    depth -= 1;
    if (!isMain(t.uri)) return;
    const local = t.local;
    if (inSheetData && depth === 1 && local === 'sheetData') {
      inSheetData = false;
      sheetData = {
        start: sheetDataStart,
        openEnd: sheetDataOpenEnd,
        end: parser.position,
        selfClosing: false,
        name: sheetDataName,
      };
      return;
    }
    if (!inSheetData) {
      if (local === 'cols' && depth === 1 && cols === null && colsStart >= 0) {
        cols = {
          start: colsStart,
          openEnd: colsOpenEnd,
          end: parser.position,
          selfClosing: false,
          name: t.name,
          children: colChildren,
          attrs: colsAttrs,
        };
      } else if (local === 'dimension' && depth === 1 && dimension !== null) {
        dimension = { ...dimension, end: parser.position };
      }
      return;
    }
    if (depth === 2 && local === 'row') {
      const i = rowCount() - 1;
      if (rowEnd.a[i] === -1) {
        rowCloseStart.set(i, xml.lastIndexOf('<', parser.position - 1));
        rowEnd.set(i, parser.position);
      }
      if (cells !== null) {
        while (rows.length < currentRow - 1) rows.push([]);
        rows[currentRow - 1] = cells;
        lastRow = currentRow;
      }
      return;
    }
    if (depth === 3 && local === 'c') {
      cellEnd.set(cellEnd.n - 1, parser.position);
      inCell = false;
      const cell = cellValue();
      if (cell !== null) {
        if (cells === null) cells = [];
        while (cells.length < cellColNum - 1) cells.push(null);
        cells[cellColNum - 1] = cell;
      }
      return;
    }
    if (!inCell) return;
    if (collect === 'v' && local === 'v') {
      vText = buf;
      collect = null;
    } else if (collect === 'f' && local === 'f') {
      fText = buf;
      collect = null;
    } else if (collect === 't' && local === 't') {
      isText = (isText ?? '') + buf;
      collect = null;
    } else if (local === 'rPh' && phonetic > 0) phonetic -= 1;
  });

  const rowCount = (): number => rowNum.n;

  const text = (s: string): string => {
    if (s.length > MAX_TEXT) throw textTooLong(name, cellRef);
    return s;
  };

  /** The cell just read (spec §2.3 for formulas). */
  const cellValue = (): Cell => {
    const hasFormula = fText !== null;
    if (cellT === 'inlineStr' && isText !== null) return text(decodeXstring(isText));
    if (vText === null || (vText === '' && cellT !== 'str' && cellT !== 's' && cellT !== 'inlineStr')) {
      // A formula whose result Excel did not store: unreadable, never blank (spec §2.3).
      if (hasFormula)
        return fText === '' ? { error: '#FORMEL' } : { error: '#FORMEL', formula: fText as string };
      return null;
    }
    const v = vText;
    switch (cellT) {
      case 's': {
        if (v.trim() === '') return hasFormula ? { error: '#FORMEL' } : null;
        const i = Number(v);
        const s = Number.isInteger(i) ? ctx.sharedStrings[i] : undefined;
        if (s === undefined)
          throw damagedSheet(
            name,
            `celle ${cellRef} (delt tekst ${Number.isInteger(i) ? i : '?'} findes ikke)`,
          );
        return text(s);
      }
      case 'str':
      case 'inlineStr':
        // A text formula whose result is "" is blank (spec §2.3).
        return v === '' ? null : text(v);
      case 'b':
        return v.trim() === '1' || v.trim() === 'true';
      case 'e':
        return { error: v.trim() };
      case 'd': {
        const n = isoToSerial(v.trim(), ctx.date1904);
        if (Number.isNaN(n)) return { error: '#VÆRDI!' };
        const fmt = cellS === null ? undefined : ctx.formats[Number(cellS)];
        return { n, fmt: fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd' };
      }
      default: {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) return text(v);
        const fmt = cellS === null ? undefined : ctx.formats[Number(cellS)];
        return fmt !== undefined && fmt !== 'General' ? { n, fmt } : n;
      }
    }
  };

  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XmlError)
      throw damagedSheet(name, `linje ${parser.line}, kolonne ${parser.column + 1}`, e);
    throw e;
  }
  if (sheetData === null) throw damagedSheet(name, null);
  rows.length = lastRow;
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  const index: SheetIndex = {
    xml,
    rootName,
    sheetData,
    dimension,
    cols,
    rowCount: rowNum.n,
    rowNum: rowNum.done(),
    rowStart: rowStart.done(),
    rowOpenEnd: rowOpenEnd.done(),
    rowCloseStart: rowCloseStart.done(),
    rowEnd: rowEnd.done(),
    rowTag,
    rowName,
    rowFirstCell: rowFirstCell.done(),
    rowCellCount: rowCellCount.done(),
    cellStart: cellStart.done(),
    cellEnd: cellEnd.done(),
    cellCol: cellCol.done(),
    cellTagFix,
    formulas,
  };
  return { snapshot: { name, rows, merges }, index };
}

/** Attribute text for a rebuilt tag (values come decoded from the parser). */
function escapeAttrLite(v: string): string {
  return v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
