import type { Element } from '@xmldom/xmldom';
import { readSharedStrings } from './sharedStrings';
import { NS_PKG_REL, NS_REL, NS_REL_STRICT, childElements, decodePart, isMain, parseDom } from './xml';
import type { ZipArchive } from './zip';

export { readSharedStrings };

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

/** A PartReader on an archive as read (UTF-8 or UTF-16 parts; size and CRC checked). */
export function archiveReader(zip: ZipArchive): PartReader {
  return {
    text(part) {
      const entry = zip.entry(part);
      return entry ? decodePart(zip.data(entry)) : null;
    },
  };
}

const isPkgRel = (uri: string | null): boolean => uri === NS_PKG_REL;

/** The relationships of a part (empty when it has none). @throws XmlError */
export function readRels(parts: PartReader, source: string): Relationship[] {
  const xml = parts.text(relsPartOf(source));
  if (xml === null) return [];
  const root = parseDom(xml).documentElement as Element;
  if (root.localName !== 'Relationships' || !isPkgRel(root.namespaceURI)) return [];
  const out: Relationship[] = [];
  for (const el of childElements(root, 'Relationship', isPkgRel)) {
    const id = el.getAttribute('Id');
    const type = el.getAttribute('Type') ?? '';
    const target = el.getAttribute('Target') ?? '';
    if (id === null) continue;
    const external = el.getAttribute('TargetMode') === 'External';
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

/** The number format code of each cell style (cellXfs index), 'General' when none. @throws XmlError */
export function readCellFormats(stylesXml: string | null): string[] {
  if (stylesXml === null) return [];
  const root = parseDom(stylesXml).documentElement as Element;
  const custom = new Map<number, string>();
  for (const numFmts of childElements(root, 'numFmts')) {
    for (const f of childElements(numFmts, 'numFmt')) {
      const id = Number(f.getAttribute('numFmtId'));
      const code = f.getAttribute('formatCode');
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    }
  }
  const out: string[] = [];
  const cellXfs = childElements(root, 'cellXfs')[0];
  if (cellXfs === undefined) return out;
  for (const xf of childElements(cellXfs, 'xf')) {
    const id = Number(xf.getAttribute('numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
  }
  return out;
}

/** The workbook part: sheets in tab order and the date system. */
export interface WorkbookPart {
  readonly path: string;
  readonly xml: string;
  readonly rels: Relationship[];
  readonly sheets: SheetInfo[];
  readonly date1904: boolean;
}

const isRelNs = (uri: string | null): boolean => uri === NS_REL || uri === NS_REL_STRICT;

/** The r:id of a <sheet> (whatever the prefix of the relationships namespace). */
export function sheetRelId(el: Element): string {
  for (let k = 0; k < el.attributes.length; k += 1) {
    const a = el.attributes.item(k);
    if (a !== null && a.localName === 'id' && isRelNs(a.namespaceURI)) return a.value;
  }
  return '';
}

/** The workbook part: sheets in tab order and the date system. @throws XmlError */
export function readWorkbookPart(parts: PartReader): WorkbookPart | null {
  const root = readRels(parts, '');
  const doc = root.find((r) => r.kind === REL_OFFICE_DOCUMENT && !r.external);
  const path = doc?.target ?? 'xl/workbook.xml';
  const xml = parts.text(path);
  if (xml === null) return null;
  const el = parseDom(xml).documentElement as Element;
  if (el.localName !== 'workbook' || !isMain(el.namespaceURI)) return null;
  const rels = readRels(parts, path);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const pr = childElements(el, 'workbookPr')[0];
  const d1904 = pr?.getAttribute('date1904') ?? null;
  const sheets: SheetInfo[] = [];
  for (const list of childElements(el, 'sheets')) {
    for (const s of childElements(list, 'sheet')) {
      const relId = sheetRelId(s);
      const state = s.getAttribute('state');
      const rel = relById.get(relId);
      sheets.push({
        name: s.getAttribute('name') ?? '',
        sheetId: Number(s.getAttribute('sheetId') ?? 0),
        relId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel && rel.kind === REL_WORKSHEET && !rel.external ? rel.target : null,
      });
    }
  }
  return { path, xml, rels, sheets, date1904: d1904 === '1' || d1904 === 'true' };
}
