import { utf8Text, type ZipArchive, type ZipCodec } from './zip';
import { attr, attrs, decodeXml, decodeXstring, innerOf, rootPrefix, startTags } from './xml';

/**
 * The parts of an .xlsx package the tool reads: relationships, the workbook part (sheets, date
 * system), styles (number formats per cell style) and shared strings. Part names follow OPC:
 * relationship targets are resolved against the source part's folder.
 */

export const REL_OFFICE_DOCUMENT = '/officeDocument';
export const REL_WORKSHEET = '/worksheet';
export const REL_STYLES = '/styles';
export const REL_SHARED_STRINGS = '/sharedStrings';

export interface Relationship {
  readonly id: string;
  /** The type URI's last segment with its slash, e.g. "/worksheet". */
  readonly kind: string;
  readonly type: string;
  /** Resolved part name without a leading slash ("xl/worksheets/sheet1.xml"), or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part, or null when the sheet is not a worksheet (a chart sheet). */
  readonly part: string | null;
}

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the source part's folder ("../x" and "/x" allowed). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = source
    .slice(0, source.lastIndexOf('/') + 1)
    .split('/')
    .filter((s) => s !== '');
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** Where the readers get a part's text: the archive, or an adapter's view with its changes. */
export interface PartReader {
  /** The part's text, or null when the package has no such part. */
  text(part: string): string | null;
}

/** A PartReader on an archive as read. */
export function archiveReader(zip: ZipArchive, codec: ZipCodec): PartReader {
  return {
    text(part) {
      const entry = zip.entry(part);
      return entry ? utf8Text(zip.data(entry, codec)) : null;
    },
  };
}

/** The relationships of a part (empty when it has none). */
export function readRels(parts: PartReader, source: string): Relationship[] {
  const xml = parts.text(relsPartOf(source));
  if (xml === null) return [];
  const prefix = rootPrefix(xml, 'Relationships');
  const out: Relationship[] = [];
  for (const t of startTags(xml, `${prefix}Relationship`)) {
    const id = attr(t.tag, 'Id');
    const type = attr(t.tag, 'Type') ?? '';
    const target = attr(t.tag, 'Target') ?? '';
    if (id === null) continue;
    const external = attr(t.tag, 'TargetMode') === 'External';
    const slash = type.lastIndexOf('/');
    out.push({
      id,
      type,
      kind: slash < 0 ? type : type.slice(slash),
      target: external ? target : resolveTarget(source, target),
      external,
    });
  }
  return out;
}

/** Excel's built-in number formats (as ExcelJS names them, so both adapters read the same code). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format code of each cell style (cellXfs index), 'General' when none. */
export function readCellFormats(stylesXml: string | null): string[] {
  if (stylesXml === null) return [];
  const p = rootPrefix(stylesXml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const t of startTags(stylesXml, `${p}numFmt`)) {
    const id = Number(attr(t.tag, 'numFmtId'));
    const code = attr(t.tag, 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const out: string[] = [];
  const open = stylesXml.indexOf(`<${p}cellXfs`);
  if (open < 0) return out;
  const close = stylesXml.indexOf(`</${p}cellXfs>`, open);
  for (const t of startTags(stylesXml, `${p}xf`, open, close < 0 ? stylesXml.length : close)) {
    const id = Number(attr(t.tag, 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
  }
  return out;
}

/**
 * The text of every shared string (rich text runs joined; phonetic runs left out), with
 * `_xHHHH_` escapes decoded.
 */
export function readSharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const p = rootPrefix(xml, 'sst');
  const si = `<${p}si`;
  const siEnd = `</${p}si>`;
  const out: string[] = [];
  let i = xml.indexOf(si);
  while (i >= 0) {
    const gt = xml.indexOf('>', i);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 0x2f) {
      out.push('');
      i = xml.indexOf(si, gt);
      continue;
    }
    const end = xml.indexOf(siEnd, gt);
    if (end < 0) break;
    out.push(textOf(xml.slice(gt + 1, end), p));
    i = xml.indexOf(si, end);
  }
  return out;
}

/** The text of an <si> or <is> body: every <t> outside <rPh>, joined. */
export function textOf(body: string, p: string): string {
  const tOpen = `<${p}t`;
  let s = '';
  let k = body.indexOf(tOpen);
  const ph = body.indexOf(`<${p}rPh`);
  while (k >= 0) {
    const after = body.charCodeAt(k + tOpen.length);
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) {
      k = body.indexOf(tOpen, k + 1);
      continue;
    }
    const gt = body.indexOf('>', k);
    if (gt < 0) break;
    // A <t> inside a phonetic run (<rPh>…</rPh>) is pronunciation, not text.
    const inPhonetic =
      ph >= 0 && ph < k && body.lastIndexOf(`<${p}rPh`, k) > body.lastIndexOf(`</${p}rPh>`, k);
    if (body.charCodeAt(gt - 1) === 0x2f) {
      k = body.indexOf(tOpen, gt);
      continue;
    }
    const close = body.indexOf(`</${p}t>`, gt);
    if (close < 0) break;
    if (!inPhonetic) s += body.slice(gt + 1, close);
    k = body.indexOf(tOpen, close);
  }
  return decodeXstring(decodeXml(s));
}

/** The workbook part: sheets in tab order and the date system. */
export interface WorkbookPart {
  readonly path: string;
  readonly xml: string;
  readonly prefix: string;
  readonly rels: Relationship[];
  readonly sheets: SheetInfo[];
  readonly date1904: boolean;
}

export function readWorkbookPart(parts: PartReader): WorkbookPart | null {
  const root = readRels(parts, '');
  const doc = root.find((r) => r.kind === REL_OFFICE_DOCUMENT && !r.external);
  const path = doc?.target ?? 'xl/workbook.xml';
  const xml = parts.text(path);
  if (xml === null) return null;
  const prefix = rootPrefix(xml, 'workbook');
  const rels = readRels(parts, path);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const pr = startTags(xml, `${prefix}workbookPr`).next();
  const d1904 = pr.done ? null : attr(pr.value.tag, 'date1904');
  const sheets: SheetInfo[] = [];
  const open = xml.indexOf(`<${prefix}sheets`);
  const close = open < 0 ? -1 : xml.indexOf(`</${prefix}sheets>`, open);
  if (open >= 0) {
    for (const t of startTags(xml, `${prefix}sheet`, open, close < 0 ? xml.length : close)) {
      const all = attrs(t.tag);
      const name = all.find((a) => a.name === 'name')?.value ?? '';
      const relId = all.find((a) => /(^|:)id$/.test(a.name) && a.name !== 'sheetId')?.value ?? '';
      const state = all.find((a) => a.name === 'state')?.value;
      const rel = relById.get(relId);
      sheets.push({
        name,
        sheetId: Number(all.find((a) => a.name === 'sheetId')?.value ?? 0),
        relId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel && rel.kind === REL_WORKSHEET && !rel.external ? rel.target : null,
      });
    }
  }
  return { path, xml, prefix, rels, sheets, date1904: d1904 === '1' || d1904 === 'true' };
}

/** The inner XML of the first element `name` (null when absent or empty). */
export function firstInner(xml: string, name: string): string | null {
  const t = startTags(xml, name).next();
  return t.done ? null : innerOf(xml, name, t.value.end, t.value.selfClosing);
}
