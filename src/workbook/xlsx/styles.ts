import type { Document, Element } from '@xmldom/xmldom';
import type { Look } from '../looks';
import { NS_MAIN, XmlError, childElements, createLike, isMain, parseDom, serializeDom } from './xml';

/**
 * Adds the tool's cell styles to a package's styles part (as a DOM), leaving every existing style
 * as it is (so every existing cell keeps its look): new fonts, fills, borders, number formats and
 * cell formats (xf) are appended and the counts updated. Returns the new part and the xf index of
 * each look added. An element equal to an existing one (same name, attributes and children) is
 * reused, so a re-run on the tool's own output does not grow the part.
 */

const SECTION_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type Section = (typeof SECTION_ORDER)[number];

/** A minimal styles part (for packages without one): one font, the two required fills, one border, one xf. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** An element description: local name, attributes, children. */
interface Spec {
  readonly n: string;
  readonly a?: Readonly<Record<string, string | number>>;
  readonly c?: readonly Spec[];
}

const CHILD: Readonly<Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
};
type Kind = keyof typeof CHILD;

/** A canonical text of an element: name, sorted attributes (no namespace declarations), children. */
function canon(e: Element): string {
  const attrs: string[] = [];
  for (let k = 0; k < e.attributes.length; k += 1) {
    const a = e.attributes.item(k);
    if (a === null || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    attrs.push(`${a.localName ?? a.name}=${a.value}`);
  }
  attrs.sort();
  const kids: string[] = [];
  for (let n = e.firstChild; n !== null; n = n.nextSibling)
    if (n.nodeType === 1) kids.push(canon(n as Element));
  return `<${e.localName ?? ''} ${attrs.join(' ')}>${kids.join('')}</>`;
}

function specCanon(s: Spec): string {
  const attrs = Object.entries(s.a ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort();
  return `<${s.n} ${attrs.join(' ')}>${(s.c ?? []).map(specCanon).join('')}</>`;
}

function build(doc: Document, like: Element, s: Spec): Element {
  const e = createLike(doc, like, s.n);
  for (const [k, v] of Object.entries(s.a ?? {})) e.setAttribute(k, String(v));
  for (const c of s.c ?? []) e.appendChild(build(doc, like, c));
  return e;
}

interface Font0 {
  readonly name: string;
  readonly size: number;
  readonly family: string | null;
  readonly scheme: string | null;
}

/** The workbook's default font (the first <font>), so the tool's fonts match its name and size. */
function defaultFont(fonts: Element | undefined): Font0 {
  const fallback = { name: 'Calibri', size: 11, family: '2', scheme: 'minor' };
  const first = fonts ? childElements(fonts, 'font')[0] : undefined;
  if (!first) return fallback;
  const val = (el: string): string | null => childElements(first, el)[0]?.getAttribute('val') ?? null;
  const size = Number(val('sz'));
  return {
    name: val('name') ?? fallback.name,
    size: Number.isFinite(size) && size > 0 ? size : fallback.size,
    family: val('family'),
    scheme: val('scheme'),
  };
}

export interface StylesPatch {
  readonly xml: string;
  /** The xf index of each look, by its key (a StyleId, or e.g. "fmt:dd-mm-yyyy"). */
  readonly xf: Readonly<Record<string, number>>;
}

/**
 * Appends one xf per look to the styles part `xml` (fonts, fills, borders and number formats as
 * needed, shared between looks that are alike). @throws XmlError
 */
export function addLooks(xml: string, looks: Readonly<Record<string, Look>>): StylesPatch {
  const doc = parseDom(xml);
  const root = doc.documentElement as Element;
  if (root.localName !== 'styleSheet' || !isMain(root.namespaceURI)) throw new XmlError('not a styles part');
  const sectionOf = (name: Section): Element | undefined => childElements(root, name)[0];
  const font0 = defaultFont(sectionOf('fonts'));

  // Existing custom number formats (to reuse an identical one, and to pick free ids).
  const numFmtIds = new Map<string, number>();
  let maxNumFmt = 163;
  const numFmts = sectionOf('numFmts');
  for (const f of numFmts ? childElements(numFmts, 'numFmt') : []) {
    const id = Number(f.getAttribute('numFmtId'));
    const code = f.getAttribute('formatCode');
    if (Number.isInteger(id)) {
      maxNumFmt = Math.max(maxNumFmt, id);
      if (code !== null && !numFmtIds.has(code)) numFmtIds.set(code, id);
    }
  }
  const existing = {} as Record<Kind, Element[]>;
  const byCanon = {} as Record<Kind, Map<string, number>>;
  for (const kind of Object.keys(CHILD) as Kind[]) {
    const sec = sectionOf(kind);
    existing[kind] = sec ? childElements(sec, CHILD[kind]) : [];
    byCanon[kind] = new Map();
    existing[kind].forEach((e, i) => {
      const key = canon(e);
      if (!byCanon[kind].has(key)) byCanon[kind].set(key, i);
    });
  }
  const added: Record<Kind, Spec[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  // A workbook needs the two reserved fills (none, gray125), a border, a font and an xf before any of its own.
  if (existing.fills.length === 0) added.fills.push(fillSpec('none'), fillSpec('gray125'));
  if (existing.borders.length === 0) added.borders.push(borderSpec({}));
  if (existing.fonts.length === 0) added.fonts.push(fontSpec(font0, {}));
  if (existing.cellXfs.length === 0)
    added.cellXfs.push({ n: 'xf', a: { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 } });
  const reuse = (kind: Kind, spec: Spec): number => {
    const key = specCanon(spec);
    const found = byCanon[kind].get(key);
    if (found !== undefined) return found;
    const index = existing[kind].length + added[kind].length;
    added[kind].push(spec);
    byCanon[kind].set(key, index);
    return index;
  };

  const xf: Record<string, number> = {};
  for (const [id, look] of Object.entries(looks)) {
    const fontId =
      look.bold || look.italic || look.size !== undefined || look.color !== undefined
        ? reuse('fonts', fontSpec(font0, look))
        : 0;
    const fillId = look.fill !== undefined ? reuse('fills', fillSpec('solid', look.fill)) : 0;
    const borderId = look.borders && look.borders.length > 0 ? reuse('borders', borderSpec(look)) : 0;
    let numFmtId = 0;
    if (look.numFmt !== undefined) {
      const builtin = look.numFmt === '0%' ? 9 : undefined;
      numFmtId = builtin ?? numFmtIds.get(look.numFmt) ?? 0;
      if (numFmtId === 0) {
        maxNumFmt += 1;
        numFmtId = maxNumFmt;
        numFmtIds.set(look.numFmt, numFmtId);
        added.numFmts.push({ n: 'numFmt', a: { numFmtId, formatCode: look.numFmt } });
      }
    }
    const align: Spec[] =
      look.wrap || look.verticalTop || look.alignRight
        ? [
            {
              n: 'alignment',
              a: {
                ...(look.alignRight ? { horizontal: 'right' } : {}),
                ...(look.verticalTop ? { vertical: 'top' } : {}),
                ...(look.wrap ? { wrapText: '1' } : {}),
              },
            },
          ]
        : [];
    const a: Record<string, string | number> = { numFmtId, fontId, fillId, borderId, xfId: 0 };
    if (numFmtId) a.applyNumberFormat = '1';
    if (fontId) a.applyFont = '1';
    if (fillId) a.applyFill = '1';
    if (borderId) a.applyBorder = '1';
    if (align.length > 0) a.applyAlignment = '1';
    xf[id] = reuse('cellXfs', { n: 'xf', a, c: align });
  }

  let changed = false;
  for (const kind of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const) {
    if (added[kind].length === 0) continue;
    changed = true;
    let sec = sectionOf(kind);
    if (sec === undefined) {
      // Created before the first later section that exists (the schema's order).
      sec = createLike(doc, root, kind);
      const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(kind) + 1);
      const next = later.map((l) => sectionOf(l)).find((e) => e !== undefined);
      root.insertBefore(sec, next ?? null);
    }
    for (const spec of added[kind]) sec.appendChild(build(doc, sec, spec));
    sec.setAttribute('count', String(existing[kind].length + added[kind].length));
  }
  return { xml: changed ? serializeDom(doc) : xml, xf };
}

function fontSpec(font0: Font0, look: Look): Spec {
  const c: Spec[] = [];
  if (look.bold) c.push({ n: 'b' });
  if (look.italic) c.push({ n: 'i' });
  c.push({ n: 'sz', a: { val: look.size ?? font0.size } });
  c.push(
    look.color !== undefined
      ? { n: 'color', a: { rgb: `FF${look.color}` } }
      : { n: 'color', a: { theme: 1 } },
  );
  c.push({ n: 'name', a: { val: font0.name } });
  if (font0.family !== null) c.push({ n: 'family', a: { val: font0.family } });
  if (font0.scheme !== null) c.push({ n: 'scheme', a: { val: font0.scheme } });
  return { n: 'font', c };
}

function fillSpec(pattern: 'none' | 'gray125' | 'solid', rgb?: string): Spec {
  if (pattern !== 'solid') return { n: 'fill', c: [{ n: 'patternFill', a: { patternType: pattern } }] };
  return {
    n: 'fill',
    c: [
      {
        n: 'patternFill',
        a: { patternType: 'solid' },
        c: [
          { n: 'fgColor', a: { rgb: `FF${rgb ?? 'FFFFFF'}` } },
          { n: 'bgColor', a: { indexed: 64 } },
        ],
      },
    ],
  };
}

function borderSpec(look: Look): Spec {
  const edge = (e: 'left' | 'right' | 'top' | 'bottom'): Spec => {
    const b = look.borders?.find((x) => x.edge === e);
    return b ? { n: e, a: { style: b.style }, c: [{ n: 'color', a: { rgb: `FF${b.color}` } }] } : { n: e };
  };
  // CT_Border is a sequence: left, right, top, bottom, diagonal.
  return { n: 'border', c: [edge('left'), edge('right'), edge('top'), edge('bottom'), { n: 'diagonal' }] };
}
