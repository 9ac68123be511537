import { sameSheetName } from '../domain/sheetnames';
import {
  REVIEW_HEADERS,
  REVIEW_SHEET,
  type Block,
  type SheetBuild,
  type SheetSnapshot,
  type Snapshot,
  type StyleId,
  type WritePlan,
} from '../domain/types';
import { DAMAGED_XLSX, assertXlsxSignature } from './fileErrors';
import { LOOKS, type Look } from './looks';
import { UserError, type WorkbookPort } from './port';
import { sheetsToRead } from './sheetsToRead';
import {
  REL_SHARED_STRINGS,
  REL_STYLES,
  archiveReader,
  type PartReader,
  readCellFormats,
  readRels,
  readSharedStrings,
  readWorkbookPart,
  relsPartOf,
  type SheetInfo,
  type WorkbookPart,
} from './xlsx/package';
import { readSheetXml } from './xlsx/readSheet';
import { SharedStrings } from './xlsx/sharedStrings';
import { MINIMAL_STYLES, addLooks } from './xlsx/styles';
import {
  NS_REL,
  editSheetXml,
  newSheetXml,
  type BlockWrite,
  type CellWrite,
  type ColWidth,
} from './xlsx/writeSheet';
import { attr, escapeXml, startTags } from './xlsx/xml';
import { ZipArchive, ZipError, utf8Bytes, writeZip, type ZipCodec, type ZipPart } from './xlsx/zip';

/**
 * The WorkbookPort on an .xlsx package edited in place, for the CLI. Reading parses only the
 * sheets the core needs; writing changes only what the plan names: the verdict columns of the
 * case sheet (row by row, every other cell copied as it was), the tool's own sheets, the review
 * log (appended), and the styles, workbook and relationship parts that list them. Every other
 * part of the package (other sheets, charts, pivot tables, images, comments, macros' siblings,
 * custom XML) is copied byte for byte.
 */

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_TYPE_WORKSHEET = `${NS_REL}/worksheet`;
const REL_TYPE_STYLES = `${NS_REL}/styles`;
const REL_TYPE_SHARED_STRINGS = `${NS_REL}/sharedStrings`;
const CT_SHARED_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const REL_CALC_CHAIN = '/calcChain';
const CONTENT_TYPES = '[Content_Types].xml';

/** Review log column widths and the look of its header row (as the ExcelJS adapter makes it). */
const REVIEW_WIDTHS = [17, 9, 11, 28, 28, 50, 10];

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

  private constructor(
    private readonly zip: ZipArchive,
    private readonly codec: ZipCodec,
    private readonly now: () => Date,
  ) {
    this.order = zip.entries.map((e) => e.name);
    this.archive = archiveReader(zip, codec);
  }

  /**
   * Opens .xlsx bytes. Throws a UserError (exit 1) with a Danish sentence when the bytes are not
   * a readable .xlsx: a password-protected workbook, a text file, a damaged archive.
   */
  static fromBuffer(
    bytes: Uint8Array,
    codec: ZipCodec,
    now: () => Date = () => new Date(),
  ): XlsxPackageWorkbook {
    assertXlsxSignature(bytes);
    let zip: ZipArchive;
    try {
      zip = ZipArchive.read(bytes);
    } catch (cause) {
      throw new UserError(DAMAGED_XLSX, 1, { cause });
    }
    const wb = new XlsxPackageWorkbook(zip, codec, now);
    // The workbook part must be there and readable, or nothing else is.
    try {
      if (wb.workbook() === null) throw new ZipError('no workbook part', 'damaged');
    } catch (cause) {
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

  private workbook(): WorkbookPart | null {
    return readWorkbookPart(this);
  }

  // -------------------------------------------------------------------------
  // Reading
  // -------------------------------------------------------------------------

  async readSnapshot(): Promise<Snapshot> {
    const wb = this.workbook();
    if (wb === null) throw new UserError(DAMAGED_XLSX);
    const wanted = sheetsToRead(wb.sheets.map((s) => ({ ...s, visible: s.state === 'visible' })));
    let shared: string[] | null = null;
    let formats: string[] | null = null;
    const sheets: Record<string, SheetSnapshot> = {};
    for (const s of wanted) {
      if (s.part === null) continue;
      const xml = this.text(s.part);
      if (xml === null) continue;
      if (shared === null) {
        const sst = wb.rels.find((r) => r.kind === REL_SHARED_STRINGS && !r.external);
        shared = readSharedStrings(sst ? this.text(sst.target) : null);
        const st = wb.rels.find((r) => r.kind === REL_STYLES && !r.external);
        formats = readCellFormats(st ? this.text(st.target) : null);
      }
      sheets[s.name] = readSheetXml(s.name, xml, {
        sharedStrings: shared,
        formats: formats ?? [],
        date1904: wb.date1904,
      });
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
    const sst = new SharedStrings(sstRel ? this.text(sstRel.target) : null);

    // The verdict columns of the case sheet.
    const caseXml = this.text(caseSheet.part);
    if (caseXml === null) throw new UserError(DAMAGED_XLSX);
    const verdictRows = plan.verdictBlock.values.length > 0;
    const clears = plan.clearColumns ?? [];
    if (verdictRows || clears.length > 0) {
      const widths: ColWidth[] = plan.verdictColumnWidths.map((width, i) => ({
        col: plan.verdictBlock.col + i,
        width,
      }));
      // One pass per span to clear (one, unless a person's edits left the old columns apart); the
      // last pass also writes the block.
      let xml = caseXml;
      for (const span of clears.slice(0, -1))
        xml = editSheetXml(xml, { clear: span, block: null, widths: [] }).join('');
      this.set(
        caseSheet.part,
        editSheetXml(xml, {
          clear: clears[clears.length - 1] ?? null,
          block: verdictRows ? blockWrite(plan.verdictBlock, xf, true, sst) : null,
          widths: verdictRows ? widths : [],
        }),
      );
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
    const widths: ColWidth[] = build.columnWidths.flatMap((w, i) =>
      w > 0 ? [{ col: i + 1, width: w }] : [],
    );
    const formats = new Map<string, number>();
    for (const f of build.columnFormats ?? []) {
      for (let r = f.fromRow; r <= f.toRow; r += 1) formats.set(`${r}|${f.col}`, xf[`fmt:${f.numFmt}`] ?? 0);
    }
    // Blocks and column formats as one block from A1 (new sheets are small).
    let rows = 0;
    let cols = 0;
    for (const b of build.blocks) {
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
    for (const b of build.blocks) {
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
    });
    const existing =
      wb.sheets.find((s) => s.name === build.name) ??
      wb.sheets.find((s) => sameSheetName(s.name, build.name));
    if (existing && existing.part !== null) {
      // Rebuilt in place: same tab, same relationship; only its content (and name case, state) change.
      this.set(existing.part, xml);
      this.removeSheetRels(existing.part);
      this.updateSheetElement(existing, build.name, build.visibility);
    } else {
      if (existing) this.deleteSheet(existing);
      this.addSheet(build.name, build.visibility, xml);
    }
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
      const header: CellWrite[] = REVIEW_HEADERS.map((h) => ({ value: h, xf: xf['table-title'] ?? null }));
      const xml = newSheetXml({
        block: { row: 1, col: 1, cells: [header, ...lines.map(toWrites)], clearNulls: false },
        widths: REVIEW_WIDTHS.map((width, i) => ({ col: i + 1, width })),
        freezeRows: 1,
        validations: [],
      });
      this.addSheet(REVIEW_SHEET, 'visible', xml);
      return;
    }
    const xml = this.text(sheet.part);
    if (xml === null) throw new UserError(DAMAGED_XLSX);
    const current = readSheetXml(sheet.name, xml, { sharedStrings: [], formats: [], date1904: false });
    const last = current.rows.length;
    this.set(
      sheet.part,
      editSheetXml(xml, {
        clear: null,
        block: { row: last + 1, col: 1, cells: lines.map(toWrites), clearNulls: false },
        widths: [],
      }),
    );
  }

  // -------------------------------------------------------------------------
  // Workbook, relationships and content types
  // -------------------------------------------------------------------------

  private addSheet(name: string, visibility: SheetBuild['visibility'], xml: string): void {
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
    const relAttr = relAttrName(wb);
    const state = visibility === 'visible' ? '' : ` state="${visibility}"`;
    let wxml = (this.text(wb.path) as string).replace(
      new RegExp(`</${wb.prefix}sheets>`),
      `<${wb.prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state} ${relAttr}="${relId}"/></${wb.prefix}sheets>`,
    );
    if (
      relAttr === 'r:id' &&
      !/\sxmlns:r="/.test(wxml.slice(0, wxml.indexOf('>', wxml.indexOf(`<${wb.prefix}workbook`)) + 1))
    ) {
      wxml = wxml.replace(
        new RegExp(`<${wb.prefix}workbook(?=[\\s>])`),
        `<${wb.prefix}workbook xmlns:r="${NS_REL}"`,
      );
    }
    this.set(wb.path, wxml);
  }

  private updateSheetElement(sheet: SheetInfo, name: string, visibility: SheetBuild['visibility']): void {
    const wb = this.workbook() as WorkbookPart;
    const xml = this.text(wb.path) as string;
    for (const t of startTags(xml, `${wb.prefix}sheet`)) {
      if (attr(t.tag, 'name') !== sheet.name) continue;
      let tag = t.tag.replace(/\sstate="[^"]*"/, '').replace(/\sname="[^"]*"/, ` name="${escapeXml(name)}"`);
      if (visibility !== 'visible') tag = tag.replace(/\s*\/>$/, ` state="${visibility}"/>`);
      this.set(wb.path, xml.slice(0, t.start) + tag + xml.slice(t.end));
      return;
    }
  }

  private deleteSheet(sheet: SheetInfo): void {
    const wb = this.workbook() as WorkbookPart;
    const index = wb.sheets.findIndex((s) => s.name === sheet.name);
    let xml = this.text(wb.path) as string;
    for (const t of startTags(xml, `${wb.prefix}sheet`)) {
      if (attr(t.tag, 'name') !== sheet.name) continue;
      xml = xml.slice(0, t.start) + xml.slice(t.end);
      break;
    }
    // Names scoped to later sheets move one place up; names scoped to this sheet go.
    xml = xml.replace(
      new RegExp(
        `<${wb.prefix}definedName\\b[^>]*\\blocalSheetId="(\\d+)"[^>]*>[\\s\\S]*?</${wb.prefix}definedName>`,
        'g',
      ),
      (m, id: string) => {
        const k = Number(id);
        if (k === index) return '';
        return k > index ? m.replace(/localSheetId="\d+"/, `localSheetId="${k - 1}"`) : m;
      },
    );
    const remaining = wb.sheets.length - 1;
    xml = xml.replace(/(\s(?:activeTab|firstSheet)=")(\d+)(")/g, (m, a: string, v: string, z: string) =>
      Number(v) >= remaining || Number(v) === index
        ? `${a}0${z}`
        : Number(v) > index
          ? `${a}${Number(v) - 1}${z}`
          : m,
    );
    this.set(wb.path, xml);
    this.removeRelationship(wb.path, sheet.relId);
    if (sheet.part !== null) {
      this.removeOverride(sheet.part);
      this.removeSheetRels(sheet.part);
      this.remove(sheet.part);
    }
  }

  /** A sheet's own relationships (drawings, comments) go with its old content. */
  private removeSheetRels(part: string): void {
    const rels = relsPartOf(part);
    if (this.has(rels)) this.remove(rels);
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

  private addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    const xml =
      this.text(relsPart) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(readRels(this, source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
    this.set(
      relsPart,
      xml.replace(/<\/([\w.-]+:)?Relationships>\s*$/, (m) => `${rel}${m}`),
    );
    return id;
  }

  private removeRelationship(source: string, id: string): void {
    const relsPart = relsPartOf(source);
    const xml = this.text(relsPart);
    if (xml === null) return;
    for (const t of startTags(xml, 'Relationship')) {
      if (attr(t.tag, 'Id') !== id) continue;
      const end = t.selfClosing ? t.end : xml.indexOf('</Relationship>', t.end) + '</Relationship>'.length;
      this.set(relsPart, xml.slice(0, t.start) + xml.slice(end));
      return;
    }
  }

  private addOverride(part: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === null) return;
    const name = `/${part}`;
    for (const t of startTags(xml, 'Override'))
      if ((attr(t.tag, 'PartName') ?? '').toLowerCase() === name.toLowerCase()) return;
    this.set(
      CONTENT_TYPES,
      xml.replace(
        /<\/Types>\s*$/,
        `<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/></Types>`,
      ),
    );
  }

  private removeOverride(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === null) return;
    const name = `/${part}`.toLowerCase();
    for (const t of startTags(xml, 'Override')) {
      if ((attr(t.tag, 'PartName') ?? '').toLowerCase() !== name) continue;
      const end = t.selfClosing ? t.end : xml.indexOf('</Override>', t.end) + '</Override>'.length;
      this.set(CONTENT_TYPES, xml.slice(0, t.start) + xml.slice(end));
      return;
    }
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
      if (entry) parts.push({ name: entry.name, copy: entry, from: this.zip });
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

function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The attribute name the workbook's <sheet> elements use for their relationship id ("r:id"). */
function relAttrName(wb: WorkbookPart): string {
  for (const t of startTags(wb.xml, `${wb.prefix}sheet`)) {
    const m = /\s([\w.-]+:id)\s*=/.exec(t.tag);
    if (m) return m[1] as string;
  }
  return 'r:id';
}

/** The target of a relationship from `source` to `target` (both part names), relative when it can be. */
function relativeTarget(source: string, target: string): string {
  const dir = dirOf(source);
  return target.startsWith(dir) ? target.slice(dir.length) : `/${target}`;
}
