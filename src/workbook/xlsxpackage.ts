import { a1, parseRange } from '../domain/address';
import { reviewLogSheet } from '../domain/plan';
import { sameSheetName } from '../domain/sheetnames';
import {
  REVIEW_SHEET,
  type Block,
  type SheetBuild,
  type SheetSnapshot,
  type Snapshot,
  type StyleId,
  type WritePlan,
} from '../domain/types';
import type { Document, Element } from '@xmldom/xmldom';
import { DAMAGED_XLSX, assertXlsxSignature } from './fileErrors';
import { LOOKS, type Look } from './looks';
import { wrappedRowHeights } from './rowHeights';
import { CT_CHART, chartXml } from './xlsx/chart';
import {
  CT_DRAWING,
  FIRST_REL_ID,
  REL_TYPE_CHART,
  REL_TYPE_DRAWING,
  drawingXml,
  relativePath,
  relsXml,
} from './xlsx/drawing';
import { UserError, type WorkbookPort } from './port';
import { sheetsToRead } from './sheetsToRead';
import { TOO_LARGE, damagedSheet, formulaCut, tableOverlap } from './xlsx/messages';
import {
  REL_SHARED_STRINGS,
  REL_STYLES,
  archiveReader,
  type PartReader,
  readCellFormats,
  readRels,
  readWorkbookPart,
  relsPartOf,
  type SheetInfo,
  type WorkbookPart,
} from './xlsx/package';
import { scanSheet, type SheetIndex } from './xlsx/readSheet';
import { SharedStrings, scanSharedStrings, type SharedStringTable } from './xlsx/sharedStrings';
import { MINIMAL_STYLES, addLooks } from './xlsx/styles';
import {
  cutFormula,
  editSheetXml,
  touchedRange,
  newSheetXml,
  type BlockWrite,
  type CellWrite,
  type ClearSpan,
  type ColWidth,
  type SheetEdit,
} from './xlsx/writeSheet';
import {
  NS_CONTENT_TYPES,
  NS_PKG_REL,
  NS_REL,
  XmlError,
  childElements,
  createLike,
  parseDom,
  serializeDom,
} from './xlsx/xml';
import {
  ZipArchive,
  ZipError,
  flateCodec,
  utf8Bytes,
  writeZip,
  type ZipCodec,
  type ZipPart,
} from './xlsx/zip';

/**
 * The WorkbookPort on an .xlsx package edited in place, for the CLI. Reading parses only the
 * sheets the core needs; writing changes only what the plan names: the verdict columns of the
 * case sheet (row by row, every other cell copied as it was), the tool's own sheets, the review
 * log (appended), and the styles, workbook and relationship parts that list them. Every other
 * part of the package (other sheets, charts, pivot tables, images, comments, macros' siblings,
 * custom XML) is copied byte for byte. Browser-safe (no node: imports): the standalone pane uses
 * it too, through fromBuffer() and toBuffer().
 */

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_TYPE_WORKSHEET = `${NS_REL}/worksheet`;
const REL_TYPE_STYLES = `${NS_REL}/styles`;
const REL_TYPE_SHARED_STRINGS = `${NS_REL}/sharedStrings`;
const CT_SHARED_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const REL_CALC_CHAIN = '/calcChain';
const CONTENT_TYPES = '[Content_Types].xml';

type Part = string | readonly string[];

export class XlsxPackageWorkbook implements WorkbookPort, PartReader {
  /** Parts changed or added since reading (text, or text in chunks for a large sheet). */
  private readonly changed = new Map<string, Part>();
  /** Lower-cased names of parts removed. */
  private readonly removed = new Set<string>();
  /** Parts in the order they are written: the original order, then new ones. */
  private readonly order: string[];

  private readonly archive: PartReader;
  /** Archive parts already decoded, by lower-cased name. */
  private readonly decoded = new Map<string, string>();
  /** Worksheets scanned (text and index), by part name: apply() edits the sheet readSnapshot() read. */
  private readonly scanned = new Map<string, { readonly index: SheetIndex; readonly lastRow: number }>();
  private sstScan: { readonly xml: string | null; readonly table: SharedStringTable } | null = null;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly codec: ZipCodec,
    private readonly now: () => Date,
  ) {
    this.order = zip.entries.map((e) => e.name);
    this.archive = archiveReader(zip);
  }

  /**
   * Opens .xlsx bytes. Throws a UserError (exit 1) with a Danish sentence when the bytes are not
   * a readable .xlsx: a password-protected workbook, a text file, a damaged archive.
   */
  static fromBuffer(
    bytes: Uint8Array,
    codec: ZipCodec = flateCodec,
    now: () => Date = () => new Date(),
  ): XlsxPackageWorkbook {
    assertXlsxSignature(bytes);
    let zip: ZipArchive;
    try {
      zip = ZipArchive.read(bytes, codec);
    } catch (cause) {
      if (cause instanceof ZipError && cause.reason === 'too-large')
        throw new UserError(TOO_LARGE, 1, { cause });
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
    const wb = new XlsxPackageWorkbook(zip, codec, now);
    // The workbook part must be there and readable, or nothing else is.
    try {
      if (wb.workbook() === null) throw new ZipError('no workbook part', 'damaged');
    } catch (cause) {
      if (cause instanceof UserError) throw cause;
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
    return wb;
  }

  // -------------------------------------------------------------------------
  // Parts
  // -------------------------------------------------------------------------

  private has(part: string): boolean {
    const key = part.toLowerCase();
    if (this.removed.has(key)) return false;
    for (const k of this.changed.keys()) if (k.toLowerCase() === key) return true;
    return this.zip.entry(part) !== undefined;
  }

  /** The current text of a part (with this adapter's changes), or null when there is none. */
  text(part: string): string | null {
    const key = part.toLowerCase();
    if (this.removed.has(key)) return null;
    for (const [k, v] of this.changed) {
      if (k.toLowerCase() === key) return typeof v === 'string' ? v : v.join('');
    }
    const hit = this.decoded.get(key);
    if (hit !== undefined) return hit;
    try {
      const text = this.archive.text(part);
      // Kept: apply() reads the parts readSnapshot() read (the case sheet above all) once more.
      if (text !== null) this.decoded.set(key, text);
      return text;
    } catch (cause) {
      if (cause instanceof ZipError && cause.reason === 'too-large')
        throw new UserError(TOO_LARGE, 1, { cause });
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
  }

  private set(part: string, content: Part): void {
    const key = part.toLowerCase();
    this.removed.delete(key);
    const existing =
      [...this.changed.keys()].find((k) => k.toLowerCase() === key) ?? this.zip.entry(part)?.name;
    const name = existing ?? part;
    this.changed.set(name, content);
    if (!this.order.some((o) => o.toLowerCase() === key)) this.order.push(name);
  }

  private remove(part: string): void {
    const key = part.toLowerCase();
    this.removed.add(key);
    for (const k of [...this.changed.keys()]) if (k.toLowerCase() === key) this.changed.delete(k);
  }

  /** The workbook part; a damaged one (malformed XML, a DOCTYPE) is the Danish "damaged file" message. */
  private workbook(): WorkbookPart | null {
    return damagedOn(() => readWorkbookPart(this));
  }

  /** A part as a DOM (for the small parts the tool edits). */
  private dom(part: string): Document | null {
    const xml = this.text(part);
    return xml === null ? null : damagedOn(() => parseDom(xml));
  }

  /** A worksheet's text and index, scanned once. @throws UserError naming the sheet */
  private sheetIndex(
    sheet: string,
    part: string,
    shared: readonly string[],
    formats: readonly string[],
    date1904: boolean,
  ): {
    snapshot: SheetSnapshot;
    index: SheetIndex;
  } {
    const xml = this.text(part);
    if (xml === null) throw damagedSheet(sheet, null);
    const r = scanSheet(sheet, xml, { sharedStrings: shared, formats, date1904 });
    this.scanned.set(part.toLowerCase(), { index: r.index, lastRow: r.snapshot.rows.length });
    return r;
  }

  /** The index of a worksheet as it is now (scanned again when the part changed) and its last row holding a value. */
  private current(sheet: string, part: string): { readonly index: SheetIndex; readonly lastRow: number } {
    const xml = this.text(part);
    if (xml === null) throw damagedSheet(sheet, null);
    const hit = this.scanned.get(part.toLowerCase());
    if (hit && hit.index.xml === xml) return hit;
    const wb = this.workbook();
    const r = this.sheetIndex(sheet, part, this.sharedTable(wb).texts, [], wb?.date1904 ?? false);
    return { index: r.index, lastRow: r.snapshot.rows.length };
  }

  /** The ranges of the Excel tables (table parts) of a worksheet. */
  private tableRanges(part: string): { top: number; left: number; bottom: number; right: number }[] {
    const out: { top: number; left: number; bottom: number; right: number }[] = [];
    for (const rel of damagedOn(() => readRels(this, part))) {
      if (rel.kind !== '/table' || rel.external) continue;
      const doc = this.dom(rel.target);
      const ref = doc?.documentElement?.getAttribute('ref') ?? '';
      try {
        out.push(parseRange(ref));
      } catch (cause) {
        throw new UserError(DAMAGED_XLSX, 1, { cause });
      }
    }
    return out;
  }

  /** The shared-string table, scanned once per text. */
  private sharedTable(wb: WorkbookPart | null): SharedStringTable {
    const rel = wb?.rels.find((r) => r.kind === REL_SHARED_STRINGS && !r.external);
    const xml = rel ? this.text(rel.target) : null;
    if (this.sstScan && this.sstScan.xml === xml) return this.sstScan.table;
    const table = damagedOn(() => scanSharedStrings(xml));
    this.sstScan = { xml, table };
    return table;
  }

  // -------------------------------------------------------------------------
  // Reading
  // -------------------------------------------------------------------------

  /** `also`: further sheets to read by name (the trend reads an earlier result's Overblik, issue 12). */
  async readSnapshot(also: (name: string) => boolean = () => false): Promise<Snapshot> {
    const wb = this.workbook();
    if (wb === null) throw new UserError(DAMAGED_XLSX);
    const all = wb.sheets.map((s) => ({ ...s, visible: s.state === 'visible' }));
    const base = sheetsToRead(all);
    const wanted = all.filter((s) => base.includes(s) || also(s.name));
    let shared: readonly string[] | null = null;
    let formats: string[] | null = null;
    const sheets: Record<string, SheetSnapshot> = {};
    for (const s of wanted) {
      if (s.part === null || this.text(s.part) === null) continue;
      if (shared === null) {
        shared = this.sharedTable(wb).texts;
        const st = wb.rels.find((r) => r.kind === REL_STYLES && !r.external);
        const stylesXml = st ? this.text(st.target) : null;
        formats = damagedOn(() => readCellFormats(stylesXml));
      }
      sheets[s.name] = this.sheetIndex(s.name, s.part, shared, formats ?? [], wb.date1904).snapshot;
    }
    return { date1904: wb.date1904, sheetNames: wb.sheets.map((s) => s.name), sheets };
  }

  // -------------------------------------------------------------------------
  // Writing
  // -------------------------------------------------------------------------

  async apply(plan: WritePlan): Promise<void> {
    const wb = this.workbook();
    if (wb === null) throw new UserError(DAMAGED_XLSX);
    const caseSheet =
      wb.sheets.find((s) => s.name === plan.caseSheet) ??
      wb.sheets.find((s) => sameSheetName(s.name, plan.caseSheet));
    if (!caseSheet || caseSheet.part === null) {
      throw new UserError(`Arket "${plan.caseSheet}" findes ikke længere i projektmappen.`);
    }
    const xf = this.ensureStyles(wb, plan);
    const sstRel = wb.rels.find((r) => r.kind === REL_SHARED_STRINGS && !r.external);
    const sst = new SharedStrings(this.sharedTable(wb));

    // The verdict columns of the case sheet: every span to clear and the block, in one pass.
    const verdictRows = plan.verdictBlock.values.length > 0;
    const clears = spans(plan.clearColumns);
    if (verdictRows || clears.length > 0) {
      const { index } = this.current(caseSheet.name, caseSheet.part);
      const widths: ColWidth[] = plan.verdictColumnWidths.map((width, i) => ({
        col: plan.verdictBlock.col + i,
        width,
      }));
      const edit: SheetEdit = {
        clear: clears,
        block: verdictRows ? blockWrite(plan.verdictBlock, xf, true, sst) : null,
        widths: verdictRows ? widths : [],
      };
      // Decision: a shared or array formula the verdict columns would cut stops the run before
      // anything is written: the formula is the person's, and moving the block is the planner's
      // choice, not the file writer's (Excel would "repair" the file by dropping the formula).
      const cut = cutFormula(index.formulas, edit);
      if (cut !== null) {
        throw formulaCut(
          caseSheet.name,
          cut.cell,
          `${a1(cut.top, cut.left)}:${a1(cut.bottom, cut.right)}`,
          cut.kind,
        );
      }
      // Decision: likewise an Excel table (ListObject) the block would reach into: Excel repairs a
      // table whose header cells no longer match its columns by dropping the table.
      const table = touchedRange(this.tableRanges(caseSheet.part), edit);
      if (table !== null) {
        throw tableOverlap(caseSheet.name, `${a1(table.top, table.left)}:${a1(table.bottom, table.right)}`);
      }
      this.set(caseSheet.part, editSheetXml(index, edit));
    }

    if (sst.changed) {
      if (sstRel) this.set(sstRel.target, sst.toChunks());
      else {
        const target = `${dirOf(wb.path)}sharedStrings.xml`;
        this.set(target, sst.toChunks());
        this.addRelationship(wb.path, REL_TYPE_SHARED_STRINGS, target);
        this.addOverride(target, CT_SHARED_STRINGS);
      }
    }

    for (const name of plan.deleteSheets) {
      const s = this.workbook()?.sheets.find((x) => x.name === name);
      if (s) this.deleteSheet(s);
    }
    for (const build of plan.sheets) this.buildSheet(build, xf);
    if (plan.reviewAppend && plan.reviewAppend.length > 0) this.appendReview(plan.reviewAppend, xf);
    if (plan.sheets.length > 0 || plan.deleteSheets.length > 0) this.dropCalcChain();
  }

  /** Adds the tool's looks (and the number formats of template columns) to the styles part once. */
  private ensureStyles(wb: WorkbookPart, plan: WritePlan): Record<string, number> {
    const looks: Record<string, Look> = { ...LOOKS };
    for (const b of plan.sheets)
      for (const f of b.columnFormats ?? []) looks[`fmt:${f.numFmt}`] = { numFmt: f.numFmt };
    let rel = wb.rels.find((r) => r.kind === REL_STYLES && !r.external);
    let xml = rel ? this.text(rel.target) : null;
    if (!rel || xml === null) {
      const target = `${dirOf(wb.path)}styles.xml`;
      this.addRelationship(wb.path, REL_TYPE_STYLES, target);
      this.addOverride(target, CT_STYLES);
      rel = { id: '', kind: REL_STYLES, type: REL_TYPE_STYLES, target, external: false };
      xml = MINIMAL_STYLES;
    }
    const patch = addLooks(xml, looks);
    if (patch.xml !== xml) this.set(rel.target, patch.xml);
    return patch.xf;
  }

  private buildSheet(build: SheetBuild, xf: Record<string, number>): void {
    const wb = this.workbook() as WorkbookPart;
    const helper = chartHelper(build);
    const widths: ColWidth[] = [
      ...build.columnWidths.flatMap((w, i) => (w > 0 ? [{ col: i + 1, width: w }] : [])),
      ...(helper?.hidden ?? []),
    ];
    const blocks = helper === null ? build.blocks : [...build.blocks, ...helper.blocks];
    const formats = new Map<string, number>();
    for (const f of build.columnFormats ?? []) {
      for (let r = f.fromRow; r <= f.toRow; r += 1) formats.set(`${r}|${f.col}`, xf[`fmt:${f.numFmt}`] ?? 0);
    }
    // Blocks and column formats as one block from A1 (new sheets are small).
    let rows = 0;
    let cols = 0;
    for (const b of blocks) {
      rows = Math.max(rows, b.row + b.values.length - 1);
      for (const v of b.values) cols = Math.max(cols, b.col + v.length - 1);
    }
    for (const f of build.columnFormats ?? []) {
      rows = Math.max(rows, f.toRow);
      cols = Math.max(cols, f.col);
    }
    const grid: CellWrite[][] = Array.from({ length: rows }, (_r, i) =>
      Array.from({ length: cols }, (_c, j): CellWrite => ({
        value: null,
        xf: formats.get(`${i + 1}|${j + 1}`) ?? null,
      })),
    );
    for (const b of blocks) {
      b.values.forEach((vals, i) =>
        vals.forEach((v, j) => {
          const style = b.styles?.[i]?.[j] ?? null;
          const row = grid[b.row - 1 + i] as CellWrite[];
          if (v === null && style === null) return;
          row[b.col - 1 + j] = { value: v, xf: style === null ? null : (xf[style] ?? null) };
        }),
      );
    }
    const xml = newSheetXml({
      block: rows > 0 ? { row: 1, col: 1, cells: grid, clearNulls: false } : null,
      widths,
      freezeRows: build.freezeRows,
      validations: (build.validations ?? []).map((v) => ({
        sqref: v.range,
        formula: (v.source ?? `"${v.list.join(',')}"`).replace(/^=/, ''),
      })),
      page: build.page,
      rowHeights: wrappedRowHeights(build),
      // The sheet's rels are written fresh below (the old ones go with the old content).
      drawingRelId: build.chart ? FIRST_REL_ID : undefined,
    });
    const existing =
      wb.sheets.find((s) => s.name === build.name) ??
      wb.sheets.find((s) => sameSheetName(s.name, build.name));
    let part: string;
    if (existing && existing.part !== null) {
      // Rebuilt in place: same tab, same relationship; only its content (and name case, state) change.
      part = existing.part;
      this.removeSheetRels(part);
      this.set(part, xml);
      this.updateSheetElement(existing, build.name, build.visibility);
    } else {
      if (existing) this.deleteSheet(existing);
      part = this.addSheet(build.name, build.visibility, xml);
    }
    if (build.chart) this.addChart(part, build.name, build.chart);
    this.setPrintTitles(build.name, build.page?.repeatRows);
  }

  /** Children of <workbook> that the schema (CT_Workbook) puts before <definedNames>. */
  private static readonly BEFORE_DEFINED_NAMES = new Set([
    'fileVersion',
    'fileSharing',
    'workbookPr',
    'workbookProtection',
    'bookViews',
    'sheets',
    'functionGroups',
    'externalReferences',
  ]);

  /**
   * The sheet's print titles: the workbook name _xlnm.Print_Titles scoped to the sheet (its
   * position in <sheets>), replaced on every run so a re-run leaves exactly one; none = removed.
   */
  private setPrintTitles(name: string, rows: readonly [number, number] | undefined): void {
    const wb = this.workbook() as WorkbookPart;
    const { doc, root, sheets } = this.workbookDom(wb);
    const index = childElements(sheets, 'sheet').findIndex((e) => e.getAttribute('name') === name);
    if (index < 0) return;
    let list = childElements(root, 'definedNames')[0];
    let changed = false;
    for (const l of childElements(root, 'definedNames')) {
      for (const dn of childElements(l, 'definedName')) {
        if (
          dn.getAttribute('name') === '_xlnm.Print_Titles' &&
          dn.getAttribute('localSheetId') === String(index)
        ) {
          l.removeChild(dn);
          changed = true;
        }
      }
    }
    if (rows !== undefined) {
      if (list === undefined) {
        list = createLike(doc, sheets, 'definedNames');
        let after: Element = sheets;
        for (let n = root.firstChild; n !== null; n = n.nextSibling)
          if (
            n.nodeType === 1 &&
            XlsxPackageWorkbook.BEFORE_DEFINED_NAMES.has((n as Element).localName ?? '')
          )
            after = n as Element;
        root.insertBefore(list, after.nextSibling);
      }
      const dn = createLike(doc, sheets, 'definedName');
      dn.setAttribute('name', '_xlnm.Print_Titles');
      dn.setAttribute('localSheetId', String(index));
      dn.appendChild(doc.createTextNode(`'${name.replace(/'/g, "''")}'!$${rows[0]}:$${rows[1]}`));
      list.appendChild(dn);
      changed = true;
    }
    for (const l of childElements(root, 'definedNames'))
      if (childElements(l, 'definedName').length === 0) {
        root.removeChild(l);
        changed = true;
      }
    if (changed) this.set(wb.path, serializeDom(doc));
  }

  private appendReview(
    lines: readonly (readonly (string | number | boolean | null)[])[],
    xf: Record<string, number>,
  ): void {
    const wb = this.workbook() as WorkbookPart;
    const sheet = wb.sheets.find((s) => sameSheetName(s.name, REVIEW_SHEET));
    const timeXf = xf.datetime ?? null;
    const toWrites = (line: readonly (string | number | boolean | null)[]): CellWrite[] =>
      line.map((v, j) => ({ value: v, xf: j === 0 && typeof v === 'number' ? timeXf : null }));
    if (!sheet || sheet.part === null) {
      // A missing log is built as the domain lays it out (headers, widths, styles), lines included.
      this.buildSheet(reviewLogSheet(lines), xf);
      return;
    }
    // The log grows below its last row holding a value (formatted empty rows below it are filled).
    const { index, lastRow: last } = this.current(sheet.name, sheet.part);
    this.set(
      sheet.part,
      editSheetXml(index, {
        clear: [],
        block: { row: last + 1, col: 1, cells: lines.map(toWrites), clearNulls: false },
        widths: [],
      }),
    );
  }

  // -------------------------------------------------------------------------
  // Workbook, relationships and content types
  // -------------------------------------------------------------------------

  /** The workbook part as a DOM and its <sheets> element. */
  private workbookDom(wb: WorkbookPart): { doc: Document; root: Element; sheets: Element } {
    const doc = damagedOn(() => parseDom(wb.xml));
    const root = doc.documentElement as Element;
    const sheets = childElements(root, 'sheets')[0];
    if (sheets === undefined) throw new UserError(DAMAGED_XLSX);
    return { doc, root, sheets };
  }

  /** The <sheet> element of a sheet, by its name. */
  private static sheetElement(sheets: Element, name: string): Element | undefined {
    return childElements(sheets, 'sheet').find((e) => e.getAttribute('name') === name);
  }

  /** Adds a worksheet part and its <sheet>; returns the part's name. */
  private addSheet(name: string, visibility: SheetBuild['visibility'], xml: string): string {
    const wb = this.workbook() as WorkbookPart;
    const folder = wb.sheets.find((s) => s.part !== null)?.part ?? `${dirOf(wb.path)}worksheets/sheet1.xml`;
    const dir = dirOf(folder);
    let n = 1;
    while (this.has(`${dir}sheet${n}.xml`)) n += 1;
    const part = `${dir}sheet${n}.xml`;
    this.set(part, xml);
    this.addOverride(part, CT_WORKSHEET);
    const relId = this.addRelationship(wb.path, REL_TYPE_WORKSHEET, part);
    const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
    const { doc, sheets } = this.workbookDom(wb);
    const el = createLike(doc, sheets, 'sheet');
    el.setAttribute('name', name);
    el.setAttribute('sheetId', String(sheetId));
    if (visibility !== 'visible') el.setAttribute('state', visibility);
    // The relationships namespace under the prefix the document already uses for it, else "r".
    const prefix = sheets.lookupPrefix(NS_REL) ?? 'r';
    el.setAttributeNS(NS_REL, `${prefix}:id`, relId);
    sheets.appendChild(el);
    this.set(wb.path, serializeDom(doc));
    return part;
  }

  private updateSheetElement(sheet: SheetInfo, name: string, visibility: SheetBuild['visibility']): void {
    const wb = this.workbook() as WorkbookPart;
    const { doc, sheets } = this.workbookDom(wb);
    const el = XlsxPackageWorkbook.sheetElement(sheets, sheet.name);
    if (el === undefined) return;
    el.setAttribute('name', name);
    if (visibility === 'visible') el.removeAttribute('state');
    else el.setAttribute('state', visibility);
    this.set(wb.path, serializeDom(doc));
  }

  private deleteSheet(sheet: SheetInfo): void {
    const wb = this.workbook() as WorkbookPart;
    const index = wb.sheets.findIndex((s) => s.name === sheet.name);
    const { doc, root, sheets } = this.workbookDom(wb);
    const el = XlsxPackageWorkbook.sheetElement(sheets, sheet.name);
    if (el !== undefined) sheets.removeChild(el);
    // Names scoped to later sheets move one place up; names scoped to this sheet go.
    for (const list of childElements(root, 'definedNames')) {
      for (const dn of childElements(list, 'definedName')) {
        const id = dn.getAttribute('localSheetId');
        if (id === null || !/^\d+$/.test(id)) continue;
        const k = Number(id);
        if (k === index) list.removeChild(dn);
        else if (k > index) dn.setAttribute('localSheetId', String(k - 1));
      }
      if (childElements(list, 'definedName').length === 0) root.removeChild(list);
    }
    const remaining = wb.sheets.length - 1;
    for (const views of childElements(root, 'bookViews')) {
      for (const v of childElements(views, 'workbookView')) {
        for (const a of ['activeTab', 'firstSheet']) {
          const raw = v.getAttribute(a);
          if (raw === null) continue;
          const k = Number(raw);
          if (!Number.isInteger(k) || k >= remaining || k === index) v.setAttribute(a, '0');
          else if (k > index) v.setAttribute(a, String(k - 1));
        }
      }
    }
    this.set(wb.path, serializeDom(doc));
    this.removeRelationship(wb.path, sheet.relId);
    if (sheet.part !== null) {
      this.removeOverride(sheet.part);
      this.removeSheetRels(sheet.part);
      this.remove(sheet.part);
    }
  }

  /** A sheet's own relationships (drawings, comments) go with its old content, and so do the parts only it uses. */
  private removeSheetRels(part: string): void {
    this.removeOwnedParts(part);
    const rels = relsPartOf(part);
    if (this.has(rels)) this.remove(rels);
  }

  /** The names of the package's parts as they are now. */
  private partNames(): string[] {
    return this.order.filter((n) => !this.removed.has(n.toLowerCase()));
  }

  /**
   * Removes the parts a (generated) sheet alone reaches through its relationships: its drawing,
   * the drawing's charts and their style, colour and image parts, comments, tables; with their
   * own relationships and content-type overrides. A part that some other part also points to
   * (an image a person's drawing on another sheet shares) stays.
   */
  private removeOwnedParts(sheetPart: string): void {
    const self = sheetPart.toLowerCase();
    const owned = new Map<string, string>();
    const queue = [sheetPart];
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      for (const rel of damagedOn(() => readRels(this, source))) {
        const key = rel.target.toLowerCase();
        if (rel.external || !OWNED_KINDS.has(rel.kind) || key === self || owned.has(key)) continue;
        owned.set(key, rel.target);
        queue.push(rel.target);
      }
    }
    if (owned.size === 0) return;
    const shared = new Set<string>();
    for (const name of this.partNames()) {
      const source = relsSourceOf(name);
      if (source === null || source.toLowerCase() === self || owned.has(source.toLowerCase())) continue;
      for (const rel of damagedOn(() => readRels(this, source)))
        if (!rel.external && owned.has(rel.target.toLowerCase())) shared.add(rel.target.toLowerCase());
    }
    for (const [key, part] of owned) {
      if (shared.has(key)) continue;
      const rels = relsPartOf(part);
      if (this.has(rels)) this.remove(rels);
      this.removeOverride(part);
      this.remove(part);
    }
  }

  /**
   * The chart of a sheet built just now (its rels part is fresh): a drawing part anchoring one
   * chart part, the sheet → drawing → chart relationships and both content types.
   */
  private addChart(sheetPart: string, sheetName: string, chart: NonNullable<SheetBuild['chart']>): void {
    const root = dirOf((this.workbook() as WorkbookPart).path);
    const free = (dir: string, stem: string): string => {
      let n = 1;
      while (this.has(`${dir}${stem}${n}.xml`)) n += 1;
      return `${dir}${stem}${n}.xml`;
    };
    const chartPart = free(`${root}charts/`, 'chart');
    this.set(chartPart, chartXml(chart, sheetName));
    this.addOverride(chartPart, CT_CHART);
    const drawingPart = free(`${root}drawings/`, 'drawing');
    const alt = `Søjlediagram: ${chart.series.map((s) => s.name).join(' og ')} pr. spørgsmål`;
    this.set(drawingPart, drawingXml(chart.anchor, chart.anchorEnd, FIRST_REL_ID, 'Diagram 1', alt));
    this.addOverride(drawingPart, CT_DRAWING);
    this.set(
      relsPartOf(drawingPart),
      relsXml([{ id: FIRST_REL_ID, type: REL_TYPE_CHART, target: relativePath(drawingPart, chartPart) }]),
    );
    this.set(
      relsPartOf(sheetPart),
      relsXml([{ id: FIRST_REL_ID, type: REL_TYPE_DRAWING, target: relativePath(sheetPart, drawingPart) }]),
    );
  }

  /** Excel's calculation chain is a cache of formula cells by sheet; Excel rebuilds it when absent. */
  private dropCalcChain(): void {
    const wb = this.workbook() as WorkbookPart;
    const rel = wb.rels.find((r) => r.kind === REL_CALC_CHAIN && !r.external);
    if (!rel) return;
    this.removeRelationship(wb.path, rel.id);
    this.removeOverride(rel.target);
    this.remove(rel.target);
  }

  /** A part's relationships as a DOM (an empty one when the part has none). */
  private relsDom(relsPart: string): { doc: Document; root: Element } {
    const doc =
      this.dom(relsPart) ??
      damagedOn(() =>
        parseDom(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`,
        ),
      );
    const root = doc.documentElement as Element;
    if (root.localName !== 'Relationships' || root.namespaceURI !== NS_PKG_REL)
      throw new UserError(DAMAGED_XLSX);
    return { doc, root };
  }

  private addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    const { doc, root } = this.relsDom(relsPart);
    const ids = new Set(readRels(this, source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const el = createLike(doc, root, 'Relationship');
    el.setAttribute('Id', id);
    el.setAttribute('Type', type);
    el.setAttribute('Target', relativeTarget(source, target));
    root.appendChild(el);
    this.set(relsPart, serializeDom(doc));
    return id;
  }

  private removeRelationship(source: string, id: string): void {
    const relsPart = relsPartOf(source);
    if (this.text(relsPart) === null) return;
    const { doc, root } = this.relsDom(relsPart);
    const isPkg = (u: string | null): boolean => u === NS_PKG_REL;
    for (const el of childElements(root, 'Relationship', isPkg)) {
      if (el.getAttribute('Id') === id) root.removeChild(el);
    }
    this.set(relsPart, serializeDom(doc));
  }

  private typesDom(): { doc: Document; root: Element } | null {
    const doc = this.dom(CONTENT_TYPES);
    if (doc === null) return null;
    const root = doc.documentElement as Element;
    if (root.localName !== 'Types' || root.namespaceURI !== NS_CONTENT_TYPES)
      throw new UserError(DAMAGED_XLSX);
    return { doc, root };
  }

  private static overrides(root: Element, part: string): Element[] {
    const name = `/${part}`.toLowerCase();
    return childElements(root, 'Override', (u) => u === NS_CONTENT_TYPES).filter(
      (e) => (e.getAttribute('PartName') ?? '').toLowerCase() === name,
    );
  }

  private addOverride(part: string, contentType: string): void {
    const t = this.typesDom();
    if (t === null) return;
    if (XlsxPackageWorkbook.overrides(t.root, part).length > 0) return;
    const el = createLike(t.doc, t.root, 'Override');
    el.setAttribute('PartName', `/${part}`);
    el.setAttribute('ContentType', contentType);
    t.root.appendChild(el);
    this.set(CONTENT_TYPES, serializeDom(t.doc));
  }

  private removeOverride(part: string): void {
    const t = this.typesDom();
    if (t === null) return;
    const hits = XlsxPackageWorkbook.overrides(t.root, part);
    if (hits.length === 0) return;
    for (const el of hits) t.root.removeChild(el);
    this.set(CONTENT_TYPES, serializeDom(t.doc));
  }

  // -------------------------------------------------------------------------
  // Output
  // -------------------------------------------------------------------------

  /** The package as .xlsx bytes: unchanged parts copied as stored, changed ones deflated. */
  async toBuffer(): Promise<Uint8Array> {
    const parts: ZipPart[] = [];
    for (const name of this.order) {
      const key = name.toLowerCase();
      if (this.removed.has(key)) continue;
      const content = this.changed.get(name);
      if (content !== undefined) {
        parts.push({ name, data: encodeChunks(typeof content === 'string' ? [content] : content) });
        continue;
      }
      const entry = this.zip.entry(name);
      if (entry) {
        // A copied part is checked too, so the output never carries a damaged part unnoticed.
        try {
          this.zip.verify(entry);
        } catch (cause) {
          throw new UserError(DAMAGED_XLSX, 1, { cause });
        }
        parts.push({ name: entry.name, copy: entry, from: this.zip });
      }
    }
    return writeZip(parts, this.codec, this.now());
  }
}

/** UTF-8 bytes of text given in chunks, encoded in batches so no giant intermediate string is built. */
export function encodeChunks(chunks: readonly string[]): Uint8Array {
  const encoded: Uint8Array[] = [];
  let batch: string[] = [];
  let size = 0;
  let total = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const bytes = utf8Bytes(batch.join(''));
    encoded.push(bytes);
    total += bytes.length;
    batch = [];
    size = 0;
  };
  for (const c of chunks) {
    batch.push(c);
    size += c.length;
    if (size >= 1 << 20) flush();
  }
  flush();
  if (encoded.length === 1) return encoded[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of encoded) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function blockWrite(
  block: Block,
  xf: Record<string, number>,
  clearNulls: boolean,
  sst: SharedStrings,
): BlockWrite {
  return {
    row: block.row,
    col: block.col,
    clearNulls,
    cells: block.values.map((vals, i) =>
      vals.map((v, j): CellWrite => {
        const style: StyleId | null = block.styles?.[i]?.[j] ?? null;
        // A styled cell without a value keeps the style (as the other adapters do).
        const x = style === null ? null : (xf[style] ?? null);
        return typeof v === 'string' ? { value: v, xf: x, shared: sst.indexOf(v) } : { value: v, xf: x };
      }),
    ),
  };
}

/**
 * The hidden helper cells of a chart's custom error bars, as one more block and the columns to
 * hide; null when the sheet's chart has none. Written by this adapter only: its chart part
 * references them (Office.js cannot set custom error bars; ExcelJS draws no chart).
 */
function chartHelper(build: SheetBuild): { blocks: Block[]; hidden: ColWidth[] } | null {
  const e = build.chart?.series.find((s) => s.errorBars !== undefined)?.errorBars;
  if (e === undefined) return null;
  const column = (range: string, header: string, values: readonly (number | null)[]): Block => {
    const r = parseRange(range);
    const gap = Array.from({ length: Math.max(0, r.top - e.helper.headerRow - 1) }, () => [null]);
    return { row: e.helper.headerRow, col: r.left, values: [[header], ...gap, ...values.map((v) => [v])] };
  };
  const minus = column(e.helper.minusRange, e.helper.headers[0], e.minus);
  const plus = column(e.helper.plusRange, e.helper.headers[1], e.plus);
  return {
    blocks: [minus, plus],
    hidden: [minus.col, plus.col].map((col) => ({ col, width: 12, hidden: true })),
  };
}

/**
 * Relationship kinds whose targets belong to the sheet that points to them (removed with a
 * generated sheet's old content). Never workbook-level parts (pivot caches, shared strings).
 */
const OWNED_KINDS = new Set([
  '/drawing',
  '/chart',
  '/chartUserShapes',
  '/chartStyle',
  '/chartColorStyle',
  '/image',
  '/vmlDrawing',
  '/comments',
  '/threadedComment',
  '/table',
]);

/** The part whose relationships a rels part holds ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml"), else null. */
function relsSourceOf(name: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}` : null;
}

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The target of a relationship from `source` to `target` (both part names), relative when it can be. */
function relativeTarget(source: string, target: string): string {
  const dir = dirOf(source);
  return target.startsWith(dir) ? target.slice(dir.length) : `/${target}`;
}

/** The plan's spans to clear (one span, or a list of them). */
function spans(c: ClearSpan | readonly ClearSpan[] | null): readonly ClearSpan[] {
  if (c === null) return [];
  return 'first' in c ? [c] : c;
}

/** Runs a parse; malformed XML or a DOCTYPE becomes the Danish "damaged file" message (exit 1). */
function damagedOn<T>(f: () => T): T {
  try {
    return f();
  } catch (cause) {
    if (cause instanceof XmlError || cause instanceof ZipError) {
      if (cause instanceof ZipError && cause.reason === 'too-large')
        throw new UserError(TOO_LARGE, 1, { cause });
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
    throw cause;
  }
}
