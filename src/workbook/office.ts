/// <reference types="office-js" />
import { DATETIME_FORMAT } from '../domain/formats';
import { reviewLogSheet } from '../domain/plan';
import { a1, columnLetter } from '../domain/address';
import { sameSheetName } from '../domain/sheetnames';
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
import { LOOKS, type Look } from './looks';
import { withOfficeErrors } from './officeErrors';
import { UserError, type WorkbookPort } from './port';
import { sheetsToRead } from './sheetsToRead';
import { wrappedRowHeights } from './rowHeights';

/**
 * The WorkbookPort on the open workbook through Office.js (Excel JavaScript API, ExcelApi 1.9;
 * see manifest.xml for which call needs which set).
 *
 * Round trips: readSnapshot = 3 syncs (sheet names + date system; the used ranges' sizes; their
 * cells) + 1 per further 25,000 cells (a large case sheet is read in row blocks). apply = 1 sync to look at the workbook (which sheets exist) + 1 sync
 * per ~4 MB of commands (one for any normal plan), + 1 when appending to an existing review log.
 *
 * `run` is Excel.run in the add-in and the simulated Excel in tests (test/excel-sim).
 */

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** Excel.run(context, batch): a batch on an existing request context (an EventHandlerResult's). */
export type ExcelRunOn = <T>(
  context: Excel.RequestContext,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Office.context.requirements.isSetSupported; defaults to the real one when Office is loaded. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
  /** Largest estimated request per sync, bytes (tests lower it). Default 4,000,000. */
  readonly maxRequestBytes?: number;
  /** Excel.run(context, batch), used to remove an event handler; the add-in passes Excel.run. */
  readonly runOn?: ExcelRunOn;
}

/**
 * Excel on the web rejects a request over 5 MB (RequestPayloadSizeLimitExceeded). We pack
 * commands into requests of at most ~4 MB by their estimated JSON size, leaving room for the
 * object paths and envelope Office adds, and split big value blocks by rows to get there.
 */
const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
/**
 * Cells read per request: values, types and formats of 25,000 ordinary cells come to ~1.5 MB, well
 * under the 5 MB response limit, and unpack in a few milliseconds.
 */
const READ_CELLS_PER_REQUEST = 25_000;
/** A value chunk is kept well below a request so several commands still fit around it. */
const MAX_CHUNK_FRACTION = 0.25;
/** Estimated wire overhead of one Office action (ids, action type, object path). */
const ACTION_OVERHEAD = 250;
/** Longest comma-joined address list passed to one Worksheet.getRanges call. */
const MAX_AREAS_ADDRESS = 4000;

const GENERAL = 'General';

// ---------------------------------------------------------------------------
// Styles: the same look as the ExcelJS adapter's STYLES (kept separate so the Office bundle
// never pulls in ExcelJS); test/adapters/contract.test.ts checks the number formats agree.
// ---------------------------------------------------------------------------

type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
interface OfficeStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly wrap?: boolean;
  readonly alignRight?: boolean;
  readonly numFmt?: string;
  readonly borders?: readonly { edge: EdgeName; style: 'Continuous' | 'Dash'; color: string }[];
}

const EDGE: Readonly<Record<'top' | 'bottom' | 'left' | 'right', EdgeName>> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
};

/** A look (looks.ts) as Office range formats. Decision: vertical alignment is left to Excel. */
function officeStyle(l: Look): OfficeStyle {
  const s: { -readonly [K in keyof OfficeStyle]: OfficeStyle[K] } = {};
  if (l.fill !== undefined) s.fill = `#${l.fill}`;
  if (l.color !== undefined) s.fontColor = `#${l.color}`;
  if (l.bold) s.bold = true;
  if (l.italic) s.italic = true;
  if (l.size !== undefined) s.size = l.size;
  if (l.wrap) s.wrap = true;
  if (l.alignRight) s.alignRight = true;
  if (l.numFmt !== undefined) s.numFmt = l.numFmt;
  if (l.borders && l.borders.length > 0) {
    s.borders = l.borders.map((b) => ({
      edge: EDGE[b.edge],
      style: b.style === 'dashed' ? ('Dash' as const) : ('Continuous' as const),
      color: `#${b.color}`,
    }));
  }
  return s;
}

export const OFFICE_STYLES: Readonly<Record<StyleId, OfficeStyle>> = Object.fromEntries(
  (Object.entries(LOOKS) as [StyleId, Look][]).map(([id, look]) => [id, officeStyle(look)]),
) as Record<StyleId, OfficeStyle>;

// ---------------------------------------------------------------------------
// Pure helpers (exported for tests)
// ---------------------------------------------------------------------------

/**
 * Decision: a string Excel would not keep as the same text when written through Range.values
 * is written with a leading apostrophe (Excel's quote prefix: the cell holds exactly the text,
 * `values` reads it back without the apostrophe). That covers formulas ("=", "+", "-", "@"), a
 * leading apostrophe itself, error literals ("#N/A"), and anything Excel parses as a number,
 * date, time, percent or boolean (first non-space character a digit, ".", "," or "(", the words
 * TRUE/FALSE/SAND/FALSK, or a month name followed by a number). We prefer the apostrophe over
 * numberFormat "@" because it changes no format, so the format pass stays independent of values.
 */
export function textForExcel(s: string): string {
  if (s === '') return s;
  const t = s.trimStart();
  if (
    /^[=+\-@'#.,(\d]/.test(t) ||
    /^(true|false|sand|falsk)$/i.test(s.trim()) ||
    /^\p{L}+\.?\s+\d/u.test(t) ||
    t !== s
  ) {
    return `'${s}`;
  }
  return s;
}

/** A plan value as written to Excel. `nullAs`: "" empties the cell; null leaves it unchanged. */
function excelValue(v: PlanValue, nullAs: '' | null): string | number | boolean | null {
  if (v === null) return nullAs;
  return typeof v === 'string' ? textForExcel(v) : v;
}

/** Column width in characters (ExcelJS / the plan) → points (Office): 7 px per character + 5 px padding, at 96 dpi. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** UTF-8 length of a string without allocating (the payload limit is in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The widest row of a block (a loop: spreading 100,000 rows into Math.max overflows the stack). */
function blockWidth(block: Block): number {
  let w = 0;
  for (const r of block.values) if (r.length > w) w = r.length;
  return w;
}

const rectAddress = (r: Rect): string => {
  const a = a1(r.top, r.left);
  const b = a1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
};

/**
 * Groups the cells of a block by a key into few rectangles: runs of equal keys along each row,
 * merged downwards while the run below has the same columns and key.
 */
export function groupRects<K>(block: Block, keyOf: (r: number, c: number) => K | null): Map<K, Rect[]> {
  const out = new Map<K, Rect[]>();
  /** Open rectangles by "left:right:key-index". */
  let open = new Map<
    string,
    { key: K; rect: { top: number; left: number; bottom: number; right: number } }
  >();
  const keyIds = new Map<K, number>();
  const flush = (entries: Iterable<{ key: K; rect: Rect }>) => {
    for (const { key, rect } of entries) {
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push(rect);
    }
  };
  for (let i = 0; i < block.values.length; i += 1) {
    const width = (block.values[i] as readonly PlanValue[]).length;
    const next = new Map<
      string,
      { key: K; rect: { top: number; left: number; bottom: number; right: number } }
    >();
    let j = 0;
    while (j < width) {
      const key = keyOf(i, j);
      if (key === null) {
        j += 1;
        continue;
      }
      let end = j;
      while (end + 1 < width && keyOf(i, end + 1) === key) end += 1;
      let id = keyIds.get(key);
      if (id === undefined) keyIds.set(key, (id = keyIds.size));
      const sig = `${j}:${end}:${id}`;
      const above = open.get(sig);
      const row = block.row + i;
      if (above) {
        above.rect.bottom = row;
        next.set(sig, above);
        open.delete(sig);
      } else {
        next.set(sig, { key, rect: { top: row, bottom: row, left: block.col + j, right: block.col + end } });
      }
      j = end + 1;
    }
    flush(open.values());
    open = next;
  }
  flush(open.values());
  return out;
}

/** Comma-joined address lists of at most MAX_AREAS_ADDRESS characters. */
function addressChunks(rects: readonly Rect[]): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rectAddress(r);
    if (cur !== '' && cur.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur === '' ? a : `${cur},${a}`;
  }
  if (cur !== '') chunks.push(cur);
  return chunks;
}

// ---------------------------------------------------------------------------
// Commands: plain descriptions of what to queue, with their estimated wire size, so a plan can be
// packed into requests under the payload limit before anything is sent.
// ---------------------------------------------------------------------------

interface Env {
  readonly ctx: Excel.RequestContext;
  sheet(name: string): Excel.Worksheet;
  added(name: string, ws: Excel.Worksheet): void;
}

interface Command {
  readonly bytes: number;
  readonly queue: (env: Env) => void;
}

const cmd = (payload: unknown, actions: number, queue: (env: Env) => void): Command => ({
  bytes: utf8Length(JSON.stringify(payload) ?? '') + actions * ACTION_OVERHEAD,
  queue,
});

/** Values of a block, split by rows into chunks of bounded size. */
function valueCommands(sheet: string, block: Block, nullAs: '' | null, maxChunk: number): Command[] {
  const out: Command[] = [];
  const width = blockWidth(block);
  if (width === 0 || block.values.length === 0) return out;
  let rows: (string | number | boolean | null)[][] = [];
  let bytes = 0;
  let top = block.row;
  const emit = () => {
    if (rows.length === 0) return;
    const address = rectAddress({
      top,
      left: block.col,
      bottom: top + rows.length - 1,
      right: block.col + width - 1,
    });
    const values = rows;
    out.push(
      cmd([address, values], 2, (env) => {
        env.sheet(sheet).getRange(address).values = values;
      }),
    );
    top += rows.length;
    rows = [];
    bytes = 0;
  };
  for (const r of block.values) {
    const row: (string | number | boolean | null)[] = [];
    for (let j = 0; j < width; j += 1) row.push(excelValue(r[j] ?? null, nullAs));
    const rb = utf8Length(JSON.stringify(row));
    if (bytes + rb > maxChunk) emit();
    rows.push(row);
    bytes += rb;
  }
  emit();
  return out;
}

/** Number formats per rectangle (a filled matrix per rectangle, as Range.numberFormat needs). */
function numberFormatCommands(sheet: string, rectsByFmt: Map<string, Rect[]>, maxChunk: number): Command[] {
  const out: Command[] = [];
  for (const [fmt, rects] of rectsByFmt) {
    for (const r of rects) {
      const width = r.right - r.left + 1;
      const rowBytes = utf8Length(JSON.stringify(fmt)) * width + width + 2;
      const rowsPerChunk = Math.max(1, Math.floor(maxChunk / rowBytes));
      for (let top = r.top; top <= r.bottom; top += rowsPerChunk) {
        const bottom = Math.min(r.bottom, top + rowsPerChunk - 1);
        const address = rectAddress({ top, bottom, left: r.left, right: r.right });
        const height = bottom - top + 1;
        out.push({
          bytes: rowBytes * height + 2 * ACTION_OVERHEAD,
          queue: (env) => {
            const row = new Array<string>(width).fill(fmt);
            env.sheet(sheet).getRange(address).numberFormat = Array.from({ length: height }, () => row);
          },
        });
      }
    }
  }
  return out;
}

function styleActions(s: OfficeStyle): number {
  return (
    (s.fill ? 1 : 0) +
    (s.fontColor ? 1 : 0) +
    (s.bold ? 1 : 0) +
    (s.italic ? 1 : 0) +
    (s.size ? 1 : 0) +
    (s.wrap ? 1 : 0) +
    (s.alignRight ? 1 : 0) +
    (s.borders?.length ?? 0) * 2
  );
}

function applyLook(format: Excel.RangeFormat, s: OfficeStyle): void {
  if (s.fill) format.fill.color = s.fill;
  if (s.fontColor) format.font.color = s.fontColor;
  if (s.bold) format.font.bold = true;
  if (s.italic) format.font.italic = true;
  if (s.size) format.font.size = s.size;
  if (s.wrap) format.wrapText = true;
  if (s.alignRight) format.horizontalAlignment = 'Right';
  for (const b of s.borders ?? []) {
    const edge = format.borders.getItem(b.edge);
    edge.style = b.style;
    edge.color = b.color;
  }
}

/** Visual formats (fill, font, borders) per style, on comma-joined areas (RangeAreas, ExcelApi 1.9). */
function lookCommands(sheet: string, rectsByStyle: Map<StyleId, Rect[]>): Command[] {
  const out: Command[] = [];
  for (const [style, rects] of rectsByStyle) {
    const look = OFFICE_STYLES[style];
    const actions = styleActions(look);
    if (actions === 0) continue;
    for (const address of addressChunks(rects)) {
      out.push(
        cmd([address, look], actions + 2, (env) => {
          applyLook(env.sheet(sheet).getRanges(address).format, look);
        }),
      );
    }
  }
  return out;
}

/** Number formats a block needs: the style's, or General where a column format would otherwise remain. */
function blockNumberFormats(block: Block, known: (row: number, col: number) => string): Map<string, Rect[]> {
  return groupRects(block, (i, j) => {
    const v = block.values[i]?.[j] ?? null;
    const style = block.styles?.[i]?.[j] ?? null;
    if (v === null && style === null) return null;
    const fmt = (style !== null ? OFFICE_STYLES[style].numFmt : undefined) ?? GENERAL;
    return fmt === known(block.row + i, block.col + j) ? null : fmt;
  });
}

function blockStyles(block: Block): Map<StyleId, Rect[]> {
  return groupRects(block, (i, j) => block.styles?.[i]?.[j] ?? null);
}

function blockRect(block: Block): Rect | null {
  const width = blockWidth(block);
  if (width === 0 || block.values.length === 0) return null;
  return {
    top: block.row,
    left: block.col,
    bottom: block.row + block.values.length - 1,
    right: block.col + width - 1,
  };
}

function widthCommands(sheet: string, firstCol: number, widths: readonly number[]): Command[] {
  const out: Command[] = [];
  widths.forEach((w, i) => {
    if (!(w > 0)) return;
    const letter = columnLetter(firstCol + i);
    out.push(
      cmd([letter, w], 2, (env) => {
        env.sheet(sheet).getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
      }),
    );
  });
  return out;
}

/** Heights of rows with wrapped text (Excel keeps a row's height when a value is written by the API). */
function rowHeightCommands(sheet: string, build: SheetBuild): Command[] {
  return [...wrappedRowHeights(build)].map(([r, h]) =>
    cmd([r, h], 2, (env) => {
      env.sheet(sheet).getRange(`${r}:${r}`).format.rowHeight = h;
    }),
  );
}

/**
 * The plan's print setup through Worksheet.pageLayout (ExcelApi 1.9): margins in points (inches
 * × 72); zoom {horizontalFitToPages: 1, verticalFitToPages: 0} is Excel's "Fit all columns on
 * one page"; the print titles as whole rows ("$3:$3").
 */
function pageCommands(sheet: string, page: PageSetup): Command[] {
  const inchesToPoints = (inches: number): number => Math.round(inches * 7200) / 100;
  const m = page.margins;
  const out = [
    cmd(['page', page], 10, (env) => {
      const pl = env.sheet(sheet).pageLayout;
      pl.orientation = page.orientation === 'portrait' ? 'Portrait' : 'Landscape';
      pl.paperSize = page.paper;
      pl.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight ?? 0 };
      pl.leftMargin = inchesToPoints(m.left);
      pl.rightMargin = inchesToPoints(m.right);
      pl.topMargin = inchesToPoints(m.top);
      pl.bottomMargin = inchesToPoints(m.bottom);
      pl.headerMargin = inchesToPoints(m.header);
      pl.footerMargin = inchesToPoints(m.footer);
    }),
  ];
  const rows = page.repeatRows;
  if (rows)
    out.push(
      cmd(['titles', rows], 1, (env) => {
        env.sheet(sheet).pageLayout.setPrintTitleRows(`$${rows[0]}:$${rows[1]}`);
      }),
    );
  return out;
}

function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/** Packs commands, in order, into requests of at most maxBytes (a command never splits). */
export function packCommands<C extends { bytes: number }>(commands: readonly C[], maxBytes: number): C[][] {
  const batches: C[][] = [];
  let cur: C[] = [];
  let size = 0;
  for (const c of commands) {
    if (cur.length > 0 && size + c.bytes > maxBytes) {
      batches.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(c);
    size += c.bytes;
  }
  if (cur.length > 0) batches.push(cur);
  return batches;
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** One Excel cell (value, valueType, numberFormat) as a snapshot Cell. */
export function toCell(value: unknown, type: string, numberFormat: unknown): Cell {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return value === true;
    case 'Double':
    case 'Integer': {
      const n = typeof value === 'number' ? value : Number(value);
      const fmt = typeof numberFormat === 'string' ? numberFormat : GENERAL;
      return fmt === GENERAL || fmt === '' ? n : { n, fmt };
    }
    case 'String':
      return value === '' ? null : String(value);
    default:
      // RichValue (linked data types, images in cells) and Unknown: what the cell shows as value.
      return value === '' || value === null || value === undefined ? null : String(value);
  }
}

/** "Ark 1!B3:D9" / "'Ark 1'!B3:D9" → the top-left corner of the range. */
function topLeftOf(address: string): { row: number; col: number } {
  const ref = address.slice(address.lastIndexOf('!') + 1).split(':')[0] ?? 'A1';
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return { row: 1, col: 1 };
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function sheetSnapshot(
  name: string,
  used: { address: string; values: unknown[][]; valueTypes: string[][]; numberFormat: unknown[][] } | null,
  mergeAddress: string | null,
): SheetSnapshot {
  const rows: Cell[][] = [];
  if (used) {
    const { row: top, col: left } = topLeftOf(used.address);
    let lastRow = 0;
    used.values.forEach((line, i) => {
      let cells: Cell[] | null = null;
      line.forEach((v, j) => {
        const c = toCell(v, used.valueTypes[i]?.[j] ?? 'Empty', used.numberFormat[i]?.[j]);
        if (c === null) return;
        if (cells === null) cells = [];
        while (cells.length < left - 1 + j) cells.push(null);
        cells[left - 1 + j] = c;
      });
      if (cells !== null) {
        while (rows.length < top - 1 + i) rows.push([]);
        rows[top - 1 + i] = cells;
        lastRow = top + i;
      }
    });
    rows.length = lastRow;
    for (let i = 0; i < rows.length; i += 1) if (rows[i] === undefined) rows[i] = [];
  }
  const merges =
    mergeAddress === null
      ? []
      : mergeAddress
          .split(',')
          .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, ''))
          .filter((a) => a.includes(':'));
  return { name, rows, merges };
}

/** One block of rows as Office.js returns it (Range.values, valueTypes, numberFormat). */
export interface RawBlock {
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly numberFormat: unknown[][];
}

/** A sheet as read: its used range's address (null when empty), its rows in blocks, its merges. */
export interface RawSheet {
  readonly name: string;
  readonly address: string | null;
  readonly blocks: readonly RawBlock[];
  readonly merges: string | null;
}

/** What OfficeWorkbook.readRaw returns: plain arrays, cheap to post to a Web Worker in parts. */
export interface RawWorkbook {
  readonly date1904: boolean;
  readonly sheetNames: string[];
  readonly sheets: readonly RawSheet[];
}

/** The Snapshot of a raw read (pure: no Office.js; runs in the task pane's Web Worker). */
export function snapshotFromRaw(raw: RawWorkbook): Snapshot {
  const sheets: Record<string, SheetSnapshot> = {};
  for (const r of raw.sheets) {
    const used =
      r.address === null
        ? null
        : {
            address: r.address,
            values: r.blocks.flatMap((b) => b.values),
            valueTypes: r.blocks.flatMap((b) => b.valueTypes),
            numberFormat: r.blocks.flatMap((b) => b.numberFormat),
          };
    sheets[r.name] = sheetSnapshot(r.name, used, r.merges);
  }
  return { date1904: raw.date1904, sheetNames: raw.sheetNames, sheets };
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return (
    typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true
  );
}

// ---------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------

/** Without Excel.run(context, …): queue on the context and sync it. */
const syncOn: ExcelRunOn = async (context, batch) => {
  const result = await batch(context);
  await context.sync();
  return result;
};

export class OfficeWorkbook implements WorkbookPort {
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly maxRequestBytes: number;
  private readonly runOn: ExcelRunOn;

  constructor(
    private readonly run: ExcelRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.runOn = options.runOn ?? syncOn;
  }

  async readSnapshot(): Promise<Snapshot> {
    return snapshotFromRaw(await this.readRaw());
  }

  /**
   * The cells of the sheets the core needs, as Office.js hands them over; snapshotFromRaw makes
   * the Snapshot (the task pane does that in its Web Worker, so the page only moves arrays).
   */
  readRaw(): Promise<RawWorkbook> {
    // Merged areas need ExcelApi 1.13; on older hosts merges read as none (the core copes).
    const withMerges = this.isSetSupported('ExcelApi', '1.13');
    return withOfficeErrors(() =>
      this.run(async (context) => {
        // Sync 1: sheet names and visibility, and the date system. DATE(1904;1;1) is 0 in the
        // 1904 date system and 1462 in the 1900 one. The Excel JS API has no released date-system
        // property (none in @types/office-js), and Workbook.functions needs only ExcelApi 1.2.
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        const probe = context.workbook.functions.date(1904, 1, 1);
        probe.load('value');
        await context.sync();

        const items = sheets.items.map((ws) => ({ ws, name: ws.name, visible: ws.visibility === 'Visible' }));
        const wanted = sheetsToRead(items);

        // Sync 2: the size of the used range (values only, so formatted blank rows do not count)
        // of each sheet, and its merged areas.
        const reads = wanted.map((s) => {
          const used = s.ws.getUsedRangeOrNullObject(true);
          used.load('address,rowCount,columnCount');
          const merged = withMerges ? s.ws.getRange().getMergedAreasOrNullObject() : null;
          if (merged) merged.load('address');
          return { name: s.name, ws: s.ws, used, merged };
        });
        await context.sync();

        // Sync 3 and on: the cells, in row blocks of at most READ_CELLS_PER_REQUEST cells per
        // request, so no response nears Excel on the web's 5 MB limit and none takes long to unpack.
        let queued = 0;
        const parts: ({ address: string; ranges: Excel.Range[] } | null)[] = [];
        for (const r of reads) {
          if (r.used.isNullObject) {
            parts.push(null);
            continue;
          }
          const { row: top, col: left } = topLeftOf(r.used.address);
          const cols = r.used.columnCount;
          const step = Math.max(1, Math.floor(READ_CELLS_PER_REQUEST / cols));
          const ranges: Excel.Range[] = [];
          for (let i = 0; i < r.used.rowCount; i += step) {
            const bottom = top + Math.min(i + step, r.used.rowCount) - 1;
            const range = r.ws.getRange(rectAddress({ top: top + i, left, bottom, right: left + cols - 1 }));
            range.load('values,valueTypes,numberFormat');
            ranges.push(range);
            queued += (bottom - top - i + 1) * cols;
            if (queued >= READ_CELLS_PER_REQUEST) {
              queued = 0;
              // eslint-disable-next-line office-addins/no-context-sync-in-loop
              await context.sync();
            }
          }
          parts.push({ address: r.used.address, ranges });
        }
        if (queued > 0) await context.sync();

        const raw: RawSheet[] = reads.map((r, k) => {
          const p = parts[k] ?? null;
          return {
            name: r.name,
            address: p === null ? null : p.address,
            blocks: (p?.ranges ?? []).map((g) => ({
              values: g.values,
              valueTypes: g.valueTypes,
              numberFormat: g.numberFormat,
            })),
            merges: r.merged && !r.merged.isNullObject ? r.merged.address : null,
          };
        });
        return { date1904: probe.value === 0, sheetNames: items.map((s) => s.name), sheets: raw };
      }),
    );
  }

  apply(plan: WritePlan): Promise<void> {
    return withOfficeErrors(() =>
      this.run(async (context) => {
        // Sync 1: what is there (which sheets exist; the case sheet and the review log).
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const caseSheet = context.workbook.worksheets.getItemOrNullObject(plan.caseSheet);
        caseSheet.load('name');
        const review = context.workbook.worksheets.getItemOrNullObject(REVIEW_SHEET);
        review.load('name');
        await context.sync();

        if (caseSheet.isNullObject) {
          throw new UserError(
            `Arket "${plan.caseSheet}" findes ikke længere i projektmappen. Kør kontrollen igen.`,
            2,
          );
        }
        const existing = sheets.items.map((ws) => ws.name);
        const appendRows = plan.reviewAppend ?? [];
        let reviewNextRow = 2;
        if (appendRows.length > 0 && !review.isNullObject) {
          // Only when appending to an existing log: its last used row (one more sync).
          const used = review.getUsedRangeOrNullObject(true);
          used.load('address,rowCount');
          await context.sync();
          reviewNextRow = used.isNullObject ? 1 : topLeftOf(used.address).row + used.rowCount;
        }

        const commands = this.commands(plan, {
          caseSheetName: caseSheet.name,
          existing,
          reviewExists: !review.isNullObject,
          reviewNextRow,
        });

        const cache = new Map<string, Excel.Worksheet>();
        const env: Env = {
          ctx: context,
          sheet: (name) => {
            const key = name.toLowerCase();
            let ws = cache.get(key);
            if (!ws) cache.set(key, (ws = context.workbook.worksheets.getItem(name)));
            return ws;
          },
          added: (name, ws) => {
            cache.set(name.toLowerCase(), ws);
          },
        };
        const batches = packCommands(commands, this.maxRequestBytes);
        for (const batch of batches) {
          context.application.suspendApiCalculationUntilNextSync();
          for (const c of batch) c.queue(env);
          // One request per ~4 MB batch: Excel on the web rejects requests over 5 MB, so large
          // plans are sent in several requests in order (values first, then formats).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
      }),
    );
  }

  /** Selects a cell so the user sees it (task pane problem list). */
  select(sheet: string, cell: string): Promise<void> {
    return withOfficeErrors(() =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('name');
        await context.sync();
        if (ws.isNullObject) throw new UserError(`Arket "${sheet}" findes ikke i projektmappen.`);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    );
  }

  /**
   * Watches the selection on a sheet (Worksheet.onSelectionChanged, ExcelApi 1.7): one Excel.run
   * to register, one to remove. The handler only passes the address on; it reads nothing from
   * Excel, so it never needs a batch of its own.
   */
  watchSelection(sheet: string, onSelect: (address: string) => void): Promise<() => Promise<void>> {
    return withOfficeErrors(() =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('name');
        await context.sync();
        if (ws.isNullObject) throw new UserError(`Arket "${sheet}" findes ikke i projektmappen.`);
        const handler = ws.onSelectionChanged.add(async (args: Excel.WorksheetSelectionChangedEventArgs) => {
          onSelect(args.address);
        });
        await context.sync();
        let removed = false;
        return async () => {
          if (removed) return;
          removed = true;
          await withOfficeErrors(() =>
            this.runOn(handler.context as Excel.RequestContext, async () => {
              handler.remove();
            }),
          );
        };
      }),
    );
  }

  /** The plan as ordered commands: structure and values first, then formats. */
  private commands(
    plan: WritePlan,
    state: {
      caseSheetName: string;
      existing: readonly string[];
      reviewExists: boolean;
      reviewNextRow: number;
    },
  ): Command[] {
    const maxChunk = Math.floor(this.maxRequestBytes * MAX_CHUNK_FRACTION);
    const values: Command[] = [];
    const formats: Command[] = [];
    const caseName = state.caseSheetName;

    // Sheets to delete: no longer generated, or rebuilt from scratch.
    const toDelete = [...plan.deleteSheets, ...plan.sheets.map((b) => b.name)];
    const deleted = new Set<string>();
    for (const name of toDelete) {
      const actual = state.existing.find((n) => sameSheetName(n, name));
      if (actual === undefined || deleted.has(actual.toLowerCase())) continue;
      if (sameSheetName(actual, caseName)) continue; // never the people's case sheet
      deleted.add(actual.toLowerCase());
      values.push(
        cmd(['delete', actual], 1, (env) => {
          env.sheet(actual).delete();
        }),
      );
    }

    // The case sheet: clear the earlier verdict block, write the new one.
    for (const { first, last, fromRow = 1, toRow } of plan.clearColumns ?? []) {
      if (toRow >= fromRow) {
        const address = rectAddress({ top: fromRow, left: first, bottom: toRow, right: last });
        values.push(
          cmd(['clear', address], 2, (env) => {
            env.sheet(caseName).getRange(address).clear('All');
          }),
        );
      }
    }
    const vb = plan.verdictBlock;
    pushAll(values, valueCommands(caseName, vb, '', maxChunk));
    const vbRect = blockRect(vb);
    if (vbRect) {
      const address = rectAddress(vbRect);
      // Every cell of the block ends with its style or none, as in the ExcelJS adapter.
      formats.push(
        cmd(['clearFormats', address], 2, (env) => {
          env.sheet(caseName).getRange(address).clear('Formats');
        }),
      );
      formats.push(
        ...numberFormatCommands(
          caseName,
          blockNumberFormats(vb, () => GENERAL),
          maxChunk,
        ),
      );
      pushAll(formats, lookCommands(caseName, blockStyles(vb)));
    }
    pushAll(formats, widthCommands(caseName, vb.col, plan.verdictColumnWidths));

    // Generated sheets, built from scratch.
    for (const build of plan.sheets) this.buildCommands(build, values, formats, maxChunk);

    // The review log: built as the domain lays it out when absent (lines included); otherwise the
    // lines are appended below its last row.
    const lines = plan.reviewAppend ?? [];
    if (lines.length > 0 && !state.reviewExists) {
      this.buildCommands(reviewLogSheet(lines), values, formats, maxChunk);
    } else if (lines.length > 0) {
      const block: Block = { row: state.reviewNextRow, col: 1, values: lines };
      pushAll(values, valueCommands(REVIEW_SHEET, block, null, maxChunk));
      const times = groupRects(block, (i, j) =>
        j === 0 && typeof lines[i]?.[0] === 'number' ? DATETIME_FORMAT : null,
      );
      pushAll(formats, numberFormatCommands(REVIEW_SHEET, times, maxChunk));
    }
    return [...values, ...formats];
  }

  private buildCommands(build: SheetBuild, values: Command[], formats: Command[], maxChunk: number): void {
    const name = build.name;
    values.push(
      cmd(['add', name], 1, (env) => {
        env.added(name, env.ctx.workbook.worksheets.add(name));
      }),
    );
    for (const block of build.blocks) pushAll(values, valueCommands(name, block, null, maxChunk));

    // Number formats: column formats for the cells to be filled in, then the blocks' own.
    const colFormats = build.columnFormats ?? [];
    for (const f of colFormats) {
      if (f.toRow < f.fromRow) continue;
      const rect = { top: f.fromRow, bottom: f.toRow, left: f.col, right: f.col };
      pushAll(formats, numberFormatCommands(name, new Map([[f.numFmt, [rect]]]), maxChunk));
    }
    const known = (row: number, col: number): string => {
      let fmt = GENERAL;
      for (const f of colFormats) if (f.col === col && row >= f.fromRow && row <= f.toRow) fmt = f.numFmt;
      return fmt;
    };
    for (const block of build.blocks) {
      pushAll(formats, numberFormatCommands(name, blockNumberFormats(block, known), maxChunk));
      pushAll(formats, lookCommands(name, blockStyles(block)));
    }
    pushAll(formats, widthCommands(name, 1, build.columnWidths));
    pushAll(formats, rowHeightCommands(name, build));
    if (build.page) pushAll(formats, pageCommands(name, build.page));
    if (build.freezeRows > 0) {
      const n = build.freezeRows;
      formats.push(
        cmd(['freeze', n], 2, (env) => {
          env.sheet(name).freezePanes.freezeRows(n);
        }),
      );
    }
    for (const v of build.validations ?? []) {
      // A literal list is comma-separated (Excel allows 255 characters); a range source is a formula.
      const source =
        v.source !== undefined ? (v.source.startsWith('=') ? v.source : `=${v.source}`) : v.list.join(',');
      const range = v.range;
      formats.push(
        cmd([range, source], 3, (env) => {
          const dv = env.sheet(name).getRange(range).dataValidation;
          dv.rule = { list: { inCellDropDown: true, source } };
          dv.errorAlert = {
            showAlert: true,
            style: 'Warning',
            title: 'Ukendt værdi',
            message: 'Vælg en værdi fra listen.',
          };
        }),
      );
    }
    const chart = build.chart;
    if (chart) {
      formats.push(
        cmd(['chart', chart], 4, (env) => {
          const ws = env.sheet(name);
          const c = ws.charts.add('ColumnClustered', ws.getRange(chart.dataRange), 'Columns');
          c.title.text = chart.title;
          c.setPosition(chart.anchor, chart.anchorEnd);
          // Limitation: Excel.ChartErrorBars (ExcelApi 1.9) sets only type, include, endStyleCap,
          // visible and format; custom plus/minus values or ranges cannot be given, so the Office
          // chart has no interval bars (the interval stands in the "95 %-interval" columns beside it).
        }),
      );
    }
    if (build.visibility === 'veryHidden') {
      formats.push(
        cmd(['hide', name], 1, (env) => {
          env.sheet(name).visibility = 'VeryHidden';
        }),
      );
    }
  }
}
