import ExcelJS from 'exceljs';
import type { WorkbookPort } from './port';
import { UserError } from './port';
import { DAMAGED_XLSX, assertXlsxSignature } from './fileErrors';
import { LOOKS, type Look } from './looks';
import { reviewLogSheet } from '../domain/plan';
import { emptyTextFormulaCells } from './emptyTextFormulas';
import { sheetsToRead } from './sheetsToRead';
import { wrappedRowHeights } from './rowHeights';
import {
  REVIEW_SHEET,
  type Block,
  type Cell,
  type PageSetup,
  type PlanValue,
  type SheetBuild,
  type SheetSnapshot,
  type Snapshot,
  type StyleId,
  type WritePlan,
} from '../domain/types';

/**
 * The WorkbookPort on an .xlsx file held in memory by ExcelJS. Used by the browser's standalone
 * mode and the CLI's template, so nothing here touches node:fs: bytes in, bytes out.
 */

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01 (ExcelJS's own dateToExcel uses the same constant). */
const EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

// ---------------------------------------------------------------------------
// Styles: one shared object per style id (ExcelJS keeps a reference per cell, so a shared
// object costs nothing per cell).
// ---------------------------------------------------------------------------

const argb = (rgb: string): string => `FF${rgb}`;

/** A look (looks.ts) as an ExcelJS style. */
function exceljsStyle(l: Look): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (l.bold || l.italic || l.size !== undefined || l.color !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (l.bold) font.bold = true;
    if (l.italic) font.italic = true;
    if (l.size !== undefined) font.size = l.size;
    if (l.color !== undefined) font.color = { argb: argb(l.color) };
    s.font = font;
  }
  if (l.fill !== undefined) s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(l.fill) } };
  if (l.borders && l.borders.length > 0) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const b of l.borders) border[b.edge] = { style: b.style, color: { argb: argb(b.color) } };
    s.border = border;
  }
  if (l.wrap || l.verticalTop || l.alignRight) {
    s.alignment = {
      ...(l.verticalTop ? { vertical: 'top' as const } : {}),
      ...(l.alignRight ? { horizontal: 'right' as const } : {}),
      ...(l.wrap ? { wrapText: true } : {}),
    };
  }
  if (l.numFmt !== undefined) s.numFmt = l.numFmt;
  return s;
}

/** One shared style object per style id (ExcelJS keeps a reference per cell, so sharing costs nothing). */
export const STYLES: Readonly<Record<StyleId, Partial<ExcelJS.Style>>> = Object.fromEntries(
  (Object.entries(LOOKS) as [StyleId, Look][]).map(([id, look]) => [id, exceljsStyle(look)]),
) as Record<StyleId, Partial<ExcelJS.Style>>;

const NO_STYLE: Partial<ExcelJS.Style> = {};

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** ExcelJS's worksheet data validations (range keys are supported); not in its typings. */
interface ValidationHolder {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** ExcelJS's internal merge map (master address → range); not in its typings. */
interface MergeHolder {
  readonly _merges?: Record<string, { readonly tl: string; readonly br: string }>;
}

function toSerial(d: Date, date1904: boolean): number {
  const serial = EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
  // Float noise from the Date round trip: a serial within 1e-9 day of a whole day is that day.
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : serial;
}

function flattenRichText(v: { richText: readonly { text?: string }[] }): string {
  let s = '';
  for (const run of v.richText) s += run.text ?? '';
  return s;
}

/** A plain value (what a formula result or a constant cell holds) as a snapshot Cell. */
function plainToCell(v: unknown, fmt: string | undefined, date1904: boolean): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return fmt && fmt !== 'General' ? { n: v, fmt } : v;
  if (v instanceof Date) {
    const n = toSerial(v, date1904);
    return Number.isNaN(n) ? { error: '#VÆRDI!' } : { n, fmt: fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd' };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return flattenRichText(o as { richText: { text?: string }[] });
    if ('text' in o) {
      const t = o.text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText)) {
        return flattenRichText(t as { richText: { text?: string }[] });
      }
      return t === null || t === undefined ? null : String(t);
    }
  }
  return String(v);
}

/** True when the cell is a text formula whose cached result is "" (see emptyTextFormulas.ts). */
type BlankTextFormula = (address: string) => boolean;

function cellToSnapshot(cell: ExcelJS.Cell, date1904: boolean, blankText: BlankTextFormula): Cell {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.String:
      return v as string;
    case ExcelJS.ValueType.Number: {
      const fmt = cell.numFmt;
      return fmt && fmt !== 'General' ? { n: v as number, fmt } : (v as number);
    }
    case ExcelJS.ValueType.Formula: {
      const fv = v as { result?: unknown };
      const result = fv.result;
      if (result === undefined || result === null) {
        // Spec §2.3: a text formula whose result is "" is blank; any other formula without a result is unreadable.
        if (blankText(cell.address)) return '';
        return { error: '#FORMEL', formula: cell.formula ?? '' };
      }
      return plainToCell(result, cell.numFmt, date1904);
    }
    default:
      return plainToCell(v, cell.numFmt, date1904);
  }
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, blankText: BlankTextFormula): SheetSnapshot {
  const rows: Cell[][] = [];
  let lastRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: Cell[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = cellToSnapshot(cell, date1904, blankText);
      if (c === null) return;
      if (cells === null) cells = [];
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = c;
    });
    if (cells !== null) {
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
      lastRow = rowNumber;
    }
  });
  // Rows that only carry formatting (thousands of styled blank rows) are not part of the data.
  rows.length = lastRow;
  for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  const merges = Object.values((ws as unknown as MergeHolder)._merges ?? {}).map((r) => `${r.tl}:${r.br}`);
  return { name: ws.name, rows, merges };
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

function writeValue(cell: ExcelJS.Cell, v: PlanValue): void {
  // Strings are set as plain strings: ExcelJS writes them as text, never as formulas, even when
  // they start with "=", "+", "-" or "@".
  cell.value = v;
}

function writeBlock(ws: ExcelJS.Worksheet, block: Block, clearNulls: boolean): void {
  for (let i = 0; i < block.values.length; i += 1) {
    const vals = block.values[i] as readonly PlanValue[];
    const styles = block.styles?.[i];
    const row = ws.getRow(block.row + i);
    for (let j = 0; j < vals.length; j += 1) {
      const v = vals[j] as PlanValue;
      const styleId = styles?.[j] ?? null;
      if (v === null && styleId === null) {
        if (!clearNulls) continue;
        const cell = row.getCell(block.col + j);
        cell.value = null;
        cell.style = NO_STYLE;
        continue;
      }
      const cell = row.getCell(block.col + j);
      writeValue(cell, v);
      cell.style = styleId === null ? NO_STYLE : STYLES[styleId];
    }
  }
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === name);
}

/** The plan's print setup as ExcelJS's: paper 9 = A4; fitToHeight 0 (the default) = as many pages tall as needed. */
function pageSetup(page: PageSetup): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: page.orientation,
    fitToPage: true,
    fitToWidth: page.fitToWidth,
    fitToHeight: page.fitToHeight ?? 0,
    margins: { ...page.margins },
    ...(page.repeatRows ? { printTitlesRow: `${page.repeatRows[0]}:${page.repeatRows[1]}` } : {}),
  };
}

function buildSheet(wb: ExcelJS.Workbook, build: SheetBuild): void {
  const old = findSheet(wb, build.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(build.name, {
    state: build.visibility,
    views: build.freezeRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: build.freezeRows }] : [],
    ...(build.page ? { pageSetup: pageSetup(build.page) } : {}),
  });
  build.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of wrappedRowHeights(build)) ws.getRow(r).height = h;
  for (const f of build.columnFormats ?? []) {
    const style: Partial<ExcelJS.Style> = { numFmt: f.numFmt };
    for (let r = f.fromRow; r <= f.toRow; r += 1) ws.getRow(r).getCell(f.col).style = style;
  }
  for (const block of build.blocks) writeBlock(ws, block, false);
  for (const v of build.validations ?? []) {
    const formula = v.source ?? `"${v.list.join(',')}"`;
    (ws as unknown as ValidationHolder).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Ukendt værdi',
      error: 'Vælg en værdi fra listen.',
    });
  }
}

/** Reads a Tidspunkt value for the log: a plan gives an Excel serial (number) or text. */
function appendReview(wb: ExcelJS.Workbook, lines: readonly (readonly PlanValue[])[]): void {
  const ws = findSheet(wb, REVIEW_SHEET);
  if (!ws) {
    // A missing log is built as the domain lays it out (headers, widths, styles), lines included.
    buildSheet(wb, reviewLogSheet(lines));
    return;
  }
  let r = lastUsedRow(ws);
  for (const line of lines) {
    r += 1;
    const row = ws.getRow(r);
    line.forEach((v, j) => {
      if (v === null) return;
      const c = row.getCell(j + 1);
      writeValue(c, v);
      if (j === 0 && typeof v === 'number') c.style = STYLES.datetime;
    });
  }
}

function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (row.hasValues) last = n;
  });
  return last;
}

export class ExcelJsWorkbook implements WorkbookPort {
  /** Blank text formulas per sheet, read from the loaded file's XML when first needed. */
  private blankText: Map<string, Set<string>> | null = null;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The bytes the workbook was loaded from (fromBuffer), for what ExcelJS does not keep. */
    private readonly source: Uint8Array | null = null,
  ) {}

  /** Wraps an ExcelJS workbook already in memory (tests, template). */
  static of(workbook: ExcelJS.Workbook): ExcelJsWorkbook {
    return new ExcelJsWorkbook(workbook);
  }

  /** An empty workbook (for the template). */
  static empty(): ExcelJsWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Børnesagsbarometer';
    return new ExcelJsWorkbook(wb);
  }

  /**
   * Loads .xlsx bytes. Throws a UserError (exit 1) with a Danish sentence when the bytes are not
   * an .xlsx: a password-protected workbook (an OLE compound file), a text file, or a damaged file.
   */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    assertXlsxSignature(bytes);
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings want a Node Buffer; it accepts any ArrayBuffer view at run time.
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (cause) {
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
    return new ExcelJsWorkbook(wb, bytes);
  }

  async readSnapshot(): Promise<Snapshot> {
    const wb = this.workbook;
    const date1904 = wb.properties?.date1904 === true;
    const sheets = orderedSheets(wb);
    const read: Record<string, SheetSnapshot> = {};
    const items = sheets.map((ws) => ({
      ws,
      name: ws.name,
      visible: ws.state !== 'hidden' && ws.state !== 'veryHidden',
    }));
    const blankIn =
      (sheet: string): BlankTextFormula =>
      (address) => {
        if (this.source === null) return false;
        this.blankText ??= emptyTextFormulaCells(this.source);
        return this.blankText.get(sheet)?.has(address) === true;
      };
    for (const { ws } of sheetsToRead(items)) read[ws.name] = readSheet(ws, date1904, blankIn(ws.name));
    return { date1904, sheetNames: sheets.map((ws) => ws.name), sheets: read };
  }

  async apply(plan: WritePlan): Promise<void> {
    const wb = this.workbook;
    const ws = findSheet(wb, plan.caseSheet);
    if (!ws) throw new UserError(`Arket "${plan.caseSheet}" findes ikke længere i projektmappen.`);
    for (const { first, last, fromRow = 1, toRow } of plan.clearColumns ?? []) {
      for (let r = fromRow; r <= toRow; r += 1) {
        const row = ws.findRow(r);
        if (!row) continue;
        for (let c = first; c <= last; c += 1) {
          const cell = row.findCell(c);
          if (!cell) continue;
          cell.value = null;
          cell.style = NO_STYLE;
        }
      }
    }
    writeBlock(ws, plan.verdictBlock, true);
    plan.verdictColumnWidths.forEach((w, i) => {
      ws.getColumn(plan.verdictBlock.col + i).width = w;
    });
    for (const name of plan.deleteSheets) {
      const old = findSheet(wb, name);
      if (old) wb.removeWorksheet(old.id);
    }
    for (const build of plan.sheets) buildSheet(wb, build);
    if (plan.reviewAppend && plan.reviewAppend.length > 0) appendReview(wb, plan.reviewAppend);
  }

  /** Builds whole sheets (the template), replacing sheets of the same name. */
  buildSheets(builds: readonly SheetBuild[]): void {
    for (const build of builds) buildSheet(this.workbook, build);
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    // Escaped only for the write: the workbook in memory keeps the texts as they are.
    const undo = escapeTexts(this.workbook);
    let out: ArrayBuffer | Uint8Array;
    try {
      out = await this.workbook.xlsx.writeBuffer();
    } finally {
      for (const [cell, value] of undo) cell.value = value;
    }
    return out instanceof Uint8Array ? out : new Uint8Array(out);
  }
}

// ---------------------------------------------------------------------------
// OOXML text escapes
// ---------------------------------------------------------------------------

const NEEDS_ESCAPE_RE = /[\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * A text as OOXML stores it: U+FFFE and U+FFFF as _xFFFE_ / _xFFFF_ (XML forbids them, and ExcelJS
 * writes them raw, so the file cannot be opened), and a literal "_xHHHH_" with its underscore
 * escaped (else Excel decodes it). ExcelJS writes "_xHHHH_" through unchanged, so Excel reads back
 * exactly the original text. ExcelJS itself decodes such escapes when it reads, which is how a
 * person's cell, or a Kommune copied from one, comes to hold U+FFFE.
 * @example ooxmlText("Testrup\uFFFE") === "Testrup_xFFFE_"
 */
export function ooxmlText(s: string): string {
  if (!NEEDS_ESCAPE_RE.test(s)) return s;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase()}_`);
}

type RichRun = { text?: string };

function escapeRich(runs: readonly RichRun[]): RichRun[] | null {
  let changed = false;
  const out = runs.map((r) => {
    const t = typeof r.text === 'string' ? ooxmlText(r.text) : r.text;
    if (t === r.text) return r;
    changed = true;
    return { ...r, text: t };
  });
  return changed ? out : null;
}

/**
 * Escapes every text of the workbook that XML cannot carry as it is (see ooxmlText), in place, and
 * returns the cells changed with their original values so the caller can restore them.
 */
function escapeTexts(wb: ExcelJS.Workbook): [ExcelJS.Cell, ExcelJS.CellValue][] {
  const undo: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  const set = (cell: ExcelJS.Cell, value: ExcelJS.CellValue): void => {
    undo.push([cell, cell.value]);
    cell.value = value;
  };
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          const t = ooxmlText(v);
          if (t !== v) set(cell, t);
          return;
        }
        if (v === null || typeof v !== 'object' || v instanceof Date || cell.type === ExcelJS.ValueType.Merge)
          return;
        const o = v as { richText?: RichRun[]; text?: unknown; result?: unknown };
        if (Array.isArray(o.richText)) {
          const runs = escapeRich(o.richText);
          if (runs) set(cell, { ...o, richText: runs } as ExcelJS.CellRichTextValue);
        } else if (typeof o.text === 'string') {
          const t = ooxmlText(o.text);
          if (t !== o.text) set(cell, { ...o, text: t } as ExcelJS.CellHyperlinkValue);
        } else if (typeof o.result === 'string') {
          const t = ooxmlText(o.result);
          if (t !== o.result) set(cell, { ...o, result: t } as ExcelJS.CellFormulaValue);
        }
      });
    });
  }
  return undo;
}

/** Worksheets in tab order. */
function orderedSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return [...wb.worksheets].sort(
    (a, b) => ((a as { orderNo?: number }).orderNo ?? 0) - ((b as { orderNo?: number }).orderNo ?? 0),
  );
}
