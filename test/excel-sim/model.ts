/**
 * The simulated Excel's document model: sheets of cells with values, number formats and formats,
 * plus what the Excel JS API can set on a sheet (freeze panes, column widths, data validation,
 * charts, visibility). Built from an .xlsx (through ExcelJS) so the Office adapter can be tested on
 * the same fixture workbooks as the ExcelJS adapter, and dumped cell by cell for comparison.
 */
import ExcelJS from 'exceljs';
import { columnLetter, columnNumber } from '../../src/domain/address';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface SimFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrapText?: boolean;
  /** Border per edge ("EdgeTop" …) → line style. */
  borders?: Record<string, string>;
  horizontalAlignment?: string;
  /** Set when a value was written with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
}

export interface SimCell {
  /** The cell's value as Excel holds it; null = empty. Errors keep their text in `error`. */
  value: string | number | boolean | null;
  error?: string;
  /** Formula text with "=", when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  format: SimFormat;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SimValidation {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
}

export interface SimChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9) as Excel keeps it: margins in points, the zoom as the
 * PageLayoutZoomOptions last set, print titles as the whole-row address given (null = none).
 */
export interface SimPageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printTitleRows: string | null;
}

/** A new sheet's page layout in Excel: Letter, portrait, 100 %, the "Normal" margins (0.7/0.75/0.3 in). */
export function defaultPageLayout(): SimPageLayout {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printTitleRows: null,
  };
}

export interface SimSheet {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** key: row * MAX_COLS + col (1-based). */
  cells: Map<number, SimCell>;
  merges: Rect[];
  freezeRows: number;
  /** Column widths in points, by 1-based column. */
  columnWidths: Map<number, number>;
  /** Custom row heights in points, by 1-based row. */
  rowHeights: Map<number, number>;
  pageLayout: SimPageLayout;
  validations: SimValidation[];
  charts: SimChart[];
  /** A protected sheet rejects writes with AccessDenied, as Excel does. */
  protected: boolean;
  deleted: boolean;
  /** Handlers registered through Worksheet.onSelectionChanged.add (active after the sync). */
  selectionHandlers?: SelectionHandler[];
}

/** The args Excel passes to a Worksheet.onSelectionChanged handler (the subset the adapter reads). */
export interface SimSelectionArgs {
  readonly address: string;
  readonly type: 'WorksheetSelectionChanged';
  readonly worksheetId: string;
}
export type SelectionHandler = (args: SimSelectionArgs) => Promise<unknown>;

export interface SimWorkbook {
  date1904: boolean;
  sheets: SimSheet[];
  /** When true every request fails with InvalidOperationInCellEditMode (a user typing in a cell). */
  cellEditMode: boolean;
  nextSheetId: number;
  /** Set by Worksheet.activate and Range.select. */
  activeSheet?: string;
  selection?: string;
  /** Event deliveries not yet finished (Excel raises events asynchronously, after the change). */
  pendingEvents?: Promise<void>[];
}

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

export function emptyWorkbook(): SimWorkbook {
  return { date1904: false, sheets: [], cellEditMode: false, nextSheetId: 1 };
}

export function newSheet(wb: SimWorkbook, name: string): SimSheet {
  const sheet: SimSheet = {
    id: wb.nextSheetId++,
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    freezeRows: 0,
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageLayout: defaultPageLayout(),
    validations: [],
    charts: [],
    protected: false,
    deleted: false,
  };
  wb.sheets.push(sheet);
  return sheet;
}

export function findSheet(wb: SimWorkbook, name: string): SimSheet | undefined {
  const n = name.trim().toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === n);
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d+)$/;

/** Parses "B2", "A1:C3", "A:C" (whole columns) or "2:4" (whole rows), without a sheet prefix. */
export function parseAddress(address: string): Rect {
  const parts = address.trim().split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(`InvalidArgument: ${address}`);
  const [p0, p1 = p0] = parts as [string, string?];
  const c0 = CELL_RE.exec(p0);
  const c1 = CELL_RE.exec(p1 ?? p0);
  if (c0 && c1) {
    const r0 = Number(c0[2]);
    const r1 = Number(c1[2]);
    const k0 = columnNumber((c0[1] as string).toUpperCase());
    const k1 = columnNumber((c1[1] as string).toUpperCase());
    return {
      top: Math.min(r0, r1),
      bottom: Math.max(r0, r1),
      left: Math.min(k0, k1),
      right: Math.max(k0, k1),
    };
  }
  const col0 = COL_RE.exec(p0);
  const col1 = COL_RE.exec(p1 ?? p0);
  if (col0 && col1 && parts.length === 2) {
    const k0 = columnNumber((col0[1] as string).toUpperCase());
    const k1 = columnNumber((col1[1] as string).toUpperCase());
    return { top: 1, bottom: MAX_ROWS, left: Math.min(k0, k1), right: Math.max(k0, k1) };
  }
  const row0 = ROW_RE.exec(p0);
  const row1 = ROW_RE.exec(p1 ?? p0);
  if (row0 && row1 && parts.length === 2) {
    const r0 = Number(row0[1]);
    const r1 = Number(row1[1]);
    return { top: Math.min(r0, r1), bottom: Math.max(r0, r1), left: 1, right: MAX_COLS };
  }
  throw new Error(`InvalidArgument: ${address}`);
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  const b = `${columnLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

// ---------------------------------------------------------------------------
// Building a simulated workbook from an .xlsx (ExcelJS), and dumping cells
// ---------------------------------------------------------------------------

/** Excel serial of an ExcelJS Date (ExcelJS turns date-formatted serials into UTC Dates). */
export function serialOfDate(d: Date, date1904: boolean): number {
  // ExcelJS keeps whole milliseconds only; a serial within 1e-9 day of a whole day is that day
  // (the same rule as the ExcelJS adapter, so both see the same number for the same file).
  const serial = 25569 + d.getTime() / 86400000 - (date1904 ? 1462 : 0);
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : serial;
}

type ExcelJsValue = ExcelJS.CellValue;

function plainValue(v: ExcelJsValue, date1904: boolean): Pick<SimCell, 'value' | 'error'> {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return { value: v === '' ? null : v };
  if (v instanceof Date) return { value: serialOfDate(v, date1904) };
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { value: v.error, error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) {
      const text = v.richText.map((t) => t.text).join('');
      return { value: text === '' ? null : text };
    }
    if ('text' in v && 'hyperlink' in v) {
      const t = v.text as unknown;
      if (typeof t === 'string') return { value: t };
      return plainValue(t as ExcelJsValue, date1904);
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { value: '#N/A', error: '#N/A' };
      return plainValue(result as ExcelJsValue, date1904);
    }
  }
  return { value: String(v) };
}

/** A simulated workbook holding the cells of an ExcelJS workbook (values, types, number formats, merges). */
export function simWorkbookFromExcelJs(source: ExcelJS.Workbook): SimWorkbook {
  const wb = emptyWorkbook();
  wb.date1904 = Boolean((source.properties as { date1904?: boolean }).date1904);
  const sheets = source.worksheets.filter((w): w is ExcelJS.Worksheet => Boolean(w));
  for (const ws of sheets) {
    const sheet = newSheet(wb, ws.name);
    sheet.visibility =
      ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseAddress);
    sheet.merges = merges;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // Excel shows merged-away cells as empty
        const raw = cell.value;
        const { value, error } = plainValue(raw, wb.date1904);
        const numberFormat = cell.numFmt && cell.numFmt !== '' ? cell.numFmt : 'General';
        if (value === null && numberFormat === 'General') return;
        const formula =
          raw && typeof raw === 'object' && 'formula' in raw && typeof raw.formula === 'string'
            ? `=${raw.formula}`
            : undefined;
        sheet.cells.set(cellKey(r, c), {
          value,
          ...(error !== undefined ? { error } : {}),
          ...(formula !== undefined ? { formula } : {}),
          numberFormat,
          format: {},
        });
      });
    });
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === 'number') sheet.columnWidths.set(i + 1, col.width);
    });
  }
  return wb;
}

export async function simWorkbookFromXlsx(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<SimWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ExcelJS.Buffer);
  return simWorkbookFromExcelJs(wb);
}

/** One cell as compared between adapters: value, kind and number format. */
export interface CellDump {
  value: string | number | boolean | null;
  type: 'string' | 'number' | 'boolean' | 'error' | 'formula';
  numFmt: string;
}

/**
 * The non-empty cells of a sheet by A1 address. Number formats are reported for numbers only
 * (a text or empty cell's format does not change what the domain reads); "General" is the default.
 */
export function dumpSheet(sheet: SimSheet): Record<string, CellDump> {
  const out: Record<string, CellDump> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const cell = sheet.cells.get(key) as SimCell;
    if (cell.value === null) continue;
    const type: CellDump['type'] =
      cell.formula !== undefined
        ? 'formula'
        : cell.error !== undefined
          ? 'error'
          : typeof cell.value === 'number'
            ? 'number'
            : typeof cell.value === 'boolean'
              ? 'boolean'
              : 'string';
    const value = typeof cell.value === 'number' ? Math.round(cell.value * 1e9) / 1e9 : cell.value;
    out[`${columnLetter(keyCol(key))}${keyRow(key)}`] = {
      value,
      type,
      numFmt: type === 'number' ? cell.numberFormat : 'General',
    };
  }
  return out;
}

/** Every sheet's dump, by sheet name, plus sheet order and visibility. */
export function dumpWorkbook(wb: SimWorkbook): {
  sheets: { name: string; visibility: string }[];
  cells: Record<string, Record<string, CellDump>>;
} {
  const live = wb.sheets.filter((s) => !s.deleted);
  return {
    sheets: live.map((s) => ({ name: s.name, visibility: s.visibility })),
    cells: Object.fromEntries(live.map((s) => [s.name, dumpSheet(s)])),
  };
}

// ---------------------------------------------------------------------------
// Selection and its event
// ---------------------------------------------------------------------------

/**
 * Raises Worksheet.onSelectionChanged for a sheet, asynchronously as Excel does (the handlers run
 * after the change, outside any batch). Like Excel on Windows, it is raised also when the new
 * selection equals the old one (Excel on the web skips that case).
 */
export function raiseSelectionChanged(wb: SimWorkbook, sheet: SimSheet, address: string): void {
  const handlers = [...(sheet.selectionHandlers ?? [])];
  if (handlers.length === 0) return;
  const args: SimSelectionArgs = {
    address,
    type: 'WorksheetSelectionChanged',
    worksheetId: `{sheet-${sheet.id}}`,
  };
  const delivery = Promise.resolve()
    .then(() => Promise.all(handlers.map((h) => h(args))))
    .then(() => undefined);
  (wb.pendingEvents ??= []).push(delivery);
}

/** The user selects a range (a click, arrow keys): the selection moves and the event is raised. */
export function userSelects(wb: SimWorkbook, sheetName: string, address: string): void {
  const sheet = findSheet(wb, sheetName);
  if (!sheet || sheet.deleted) throw new Error(`No sheet ${sheetName}`);
  const rect = parseAddress(address);
  wb.activeSheet = sheet.name;
  wb.selection = `${sheet.name}!${rectAddress(rect)}`;
  raiseSelectionChanged(wb, sheet, rectAddress(rect));
}

/** Waits until every raised event has been handled (tests await this instead of sleeping). */
export async function settleEvents(wb: SimWorkbook): Promise<void> {
  while ((wb.pendingEvents ?? []).length > 0) {
    const pending = wb.pendingEvents ?? [];
    wb.pendingEvents = [];
    await Promise.all(pending);
  }
}

// ---------------------------------------------------------------------------
// A person's edits in Excel's grid (not through the API)
// ---------------------------------------------------------------------------

/**
 * The user rearranges a sheet's columns (inserts, deletes, cuts and inserts them) as in Excel's
 * grid: every cell, column width and merged area moves with its column. `origins[c - 1]` is the
 * earlier column that becomes column c, or null for a new, empty column; earlier columns not
 * listed are deleted with their cells. (Excel's grid edits are not part of the JavaScript API the
 * add-in uses, so they are made on the document directly, like userSelects.)
 */
export function userRearrangesColumns(
  wb: SimWorkbook,
  sheetName: string,
  origins: readonly (number | null)[],
): void {
  const sheet = findSheet(wb, sheetName);
  if (!sheet || sheet.deleted) throw new Error(`No sheet ${sheetName}`);
  const target = new Map<number, number>();
  origins.forEach((o, i) => {
    if (o !== null) target.set(o, i + 1);
  });
  const cells = new Map<number, SimCell>();
  for (const [key, cell] of sheet.cells) {
    const col = target.get(keyCol(key));
    if (col !== undefined) cells.set(cellKey(keyRow(key), col), cell);
  }
  sheet.cells = cells;
  const widths = new Map<number, number>();
  for (const [c, w] of sheet.columnWidths) {
    const col = target.get(c);
    if (col !== undefined) widths.set(col, w);
  }
  sheet.columnWidths = widths;
  // A merged area keeps its place only when all its columns stay side by side.
  sheet.merges = sheet.merges.flatMap((m) => {
    const left = target.get(m.left);
    const right = target.get(m.right);
    return left !== undefined && right !== undefined && right - left === m.right - m.left
      ? [{ ...m, left, right }]
      : [];
  });
}

/** The user types a value into a cell (text or a number, General format). */
export function userTypes(
  wb: SimWorkbook,
  sheetName: string,
  row: number,
  col: number,
  value: string | number,
): void {
  const sheet = findSheet(wb, sheetName);
  if (!sheet || sheet.deleted) throw new Error(`No sheet ${sheetName}`);
  sheet.cells.set(cellKey(row, col), { value, numberFormat: 'General', format: {} });
}
