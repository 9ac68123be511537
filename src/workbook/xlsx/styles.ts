import type { Look } from '../looks';
import { attr, escapeXml, rootPrefix, startTags } from './xml';

/**
 * Adds the tool's cell styles to a package's styles part, leaving every existing style as it is
 * (so every existing cell keeps its look): new fonts, fills, borders, number formats and cell
 * formats (xf) are appended and the counts updated. Returns the new part and the xf index of each
 * look added.
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

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

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

interface SectionSpan {
  /** Index of "<fonts" (or -1). */
  readonly open: number;
  /** Index just after the start tag's ">". */
  readonly bodyStart: number;
  /** Index of "</fonts>" (or of "/>" for an empty section). */
  readonly close: number;
  readonly selfClosing: boolean;
  readonly count: number;
}

function section(xml: string, p: string, name: Section): SectionSpan | null {
  const t = startTags(xml, `${p}${name}`).next();
  if (t.done) return null;
  const { start, end, selfClosing } = t.value;
  const close = selfClosing ? end - 2 : xml.indexOf(`</${p}${name}>`, end);
  let count = 0;
  if (!selfClosing) {
    const child =
      name === 'numFmts'
        ? 'numFmt'
        : name === 'cellXfs' || name === 'cellStyleXfs'
          ? 'xf'
          : name.slice(0, -1);
    // Count direct children by their start tags (the sections hold no nested elements of the same name).
    for (const _c of startTags(xml, `${p}${child}`, end, close)) count += 1;
  }
  return { open: start, bodyStart: end, close, selfClosing, count };
}

/** The workbook's default font (the first <font>), so the tool's fonts match its name and size. */
function defaultFont(
  xml: string,
  p: string,
): { name: string; size: number; family: string | null; scheme: string | null } {
  const fonts = section(xml, p, 'fonts');
  const fallback = { name: 'Calibri', size: 11, family: '2', scheme: 'minor' };
  if (!fonts || fonts.selfClosing) return fallback;
  const body = xml.slice(fonts.bodyStart, fonts.close);
  const firstEnd = body.indexOf(`</${p}font>`);
  const first = firstEnd < 0 ? body : body.slice(0, firstEnd);
  const val = (el: string): string | null => {
    const t = startTags(first, `${p}${el}`).next();
    return t.done ? null : attr(t.value.tag, 'val');
  };
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
 * needed, shared between looks that are alike).
 */
export function addLooks(xml: string, looks: Readonly<Record<string, Look>>): StylesPatch {
  const p = rootPrefix(xml, 'styleSheet');
  const el = (name: string): string => `${p}${name}`;
  const font0 = defaultFont(xml, p);

  // Existing custom number formats (to reuse an identical one, and to pick free ids).
  const numFmtIds = new Map<string, number>();
  let maxNumFmt = 163;
  for (const t of startTags(xml, el('numFmt'))) {
    const id = Number(attr(t.tag, 'numFmtId'));
    const code = attr(t.tag, 'formatCode');
    if (Number.isInteger(id)) {
      maxNumFmt = Math.max(maxNumFmt, id);
      if (code !== null && !numFmtIds.has(code)) numFmtIds.set(code, id);
    }
  }

  const counts: Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', number> = {
    numFmts: section(xml, p, 'numFmts')?.count ?? 0,
    fonts: section(xml, p, 'fonts')?.count ?? 0,
    fills: section(xml, p, 'fills')?.count ?? 0,
    borders: section(xml, p, 'borders')?.count ?? 0,
    cellXfs: section(xml, p, 'cellXfs')?.count ?? 0,
  };
  // A workbook needs the two reserved fills (none, gray125) before any of its own.
  const added: Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', string[]> = {
    numFmts: [],
    fonts: [],
    fills: counts.fills === 0 ? [fillXml(el, 'none'), fillXml(el, 'gray125')] : [],
    borders:
      counts.borders === 0
        ? [
            `<${el('border')}><${el('left')}/><${el('right')}/><${el('top')}/><${el('bottom')}/><${el('diagonal')}/></${el('border')}>`,
          ]
        : [],
    cellXfs: [],
  };
  if (counts.fonts === 0) added.fonts.push(fontXml(el, font0, {}));
  if (counts.cellXfs === 0)
    added.cellXfs.push(`<${el('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  // Elements already in the part, by their exact text: a re-run on the tool's own output finds
  // the elements of the earlier run and reuses them, so the styles part does not grow.
  const existing = {
    fonts: childIndex(xml, p, 'fonts', 'font'),
    fills: childIndex(xml, p, 'fills', 'fill'),
    borders: childIndex(xml, p, 'borders', 'border'),
    cellXfs: childIndex(xml, p, 'cellXfs', 'xf'),
  };
  const memo = new Map<string, number>();
  /** The index of an element with the same text (existing or added in this call), or of a new one. */
  const reuse = (kind: 'fonts' | 'fills' | 'borders' | 'cellXfs', text: string): number => {
    const found = existing[kind].get(text) ?? memo.get(`${kind}|${text}`);
    if (found !== undefined) return found;
    const index = counts[kind] + added[kind].length;
    added[kind].push(text);
    memo.set(`${kind}|${text}`, index);
    return index;
  };

  const xf: Record<string, number> = {};
  for (const [id, look] of Object.entries(looks)) {
    const fontId =
      look.bold || look.italic || look.size !== undefined || look.color !== undefined
        ? reuse('fonts', fontXml(el, font0, look))
        : 0;
    const fillId = look.fill !== undefined ? reuse('fills', fillXml(el, 'solid', look.fill)) : 0;
    const borderId = look.borders && look.borders.length > 0 ? reuse('borders', borderXml(el, look)) : 0;
    let numFmtId = 0;
    if (look.numFmt !== undefined) {
      const builtin = look.numFmt === '0%' ? 9 : undefined;
      numFmtId = builtin ?? numFmtIds.get(look.numFmt) ?? 0;
      if (numFmtId === 0) {
        maxNumFmt += 1;
        numFmtId = maxNumFmt;
        numFmtIds.set(look.numFmt, numFmtId);
        added.numFmts.push(
          `<${el('numFmt')} numFmtId="${numFmtId}" formatCode="${escapeXml(look.numFmt)}"/>`,
        );
      }
    }
    const align =
      look.wrap || look.verticalTop
        ? `<${el('alignment')}${look.verticalTop ? ' vertical="top"' : ''}${look.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies =
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}` +
      `${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    xf[id] = reuse(
      'cellXfs',
      `<${el('xf')} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</${el('xf')}>` : '/>'}`,
    );
  }

  let out = xml;
  // Insert from the last section to the first so earlier offsets stay valid.
  const kinds = ['cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as const;
  for (const kind of kinds) {
    if (added[kind].length === 0) continue;
    out = appendToSection(out, p, kind, added[kind], counts[kind] + added[kind].length);
  }
  return { xml: out, xf };
}

/** The children of a section by their exact text → index. */
function childIndex(xml: string, p: string, sectionName: Section, child: string): Map<string, number> {
  const out = new Map<string, number>();
  const s = section(xml, p, sectionName);
  if (s === null || s.selfClosing) return out;
  const body = xml.slice(s.bodyStart, s.close);
  const re = new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g');
  let i = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    if (!out.has(m[0])) out.set(m[0], i);
    i += 1;
  }
  return out;
}

function appendToSection(
  xml: string,
  p: string,
  name: Section,
  items: readonly string[],
  total: number,
): string {
  const s = section(xml, p, name);
  const body = items.join('');
  if (s === null) {
    // Create the section before the first later section that exists (the schema's order).
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
    let at = -1;
    for (const l of later) {
      const t = startTags(xml, `${p}${l}`).next();
      if (!t.done) {
        at = t.value.start;
        break;
      }
    }
    if (at < 0) at = xml.lastIndexOf(`</${p}styleSheet>`);
    return `${xml.slice(0, at)}<${p}${name} count="${total}">${body}</${p}${name}>${xml.slice(at)}`;
  }
  const startTag = xml.slice(s.open, s.bodyStart);
  const counted = /\scount="\d*"/.test(startTag)
    ? startTag.replace(/\scount="\d*"/, ` count="${total}"`)
    : startTag.replace(new RegExp(`^<${p}${name}`), `<${p}${name} count="${total}"`);
  if (s.selfClosing) {
    const open = counted.replace(/\s*\/>$/, '>');
    return `${xml.slice(0, s.open)}${open}${body}</${p}${name}>${xml.slice(s.bodyStart)}`;
  }
  return `${xml.slice(0, s.open)}${counted}${xml.slice(s.bodyStart, s.close)}${body}${xml.slice(s.close)}`;
}

function fontXml(
  el: (n: string) => string,
  font0: { name: string; size: number; family: string | null; scheme: string | null },
  look: Look,
): string {
  return (
    `<${el('font')}>${look.bold ? `<${el('b')}/>` : ''}${look.italic ? `<${el('i')}/>` : ''}` +
    `<${el('sz')} val="${look.size ?? font0.size}"/>` +
    (look.color !== undefined ? `<${el('color')} rgb="FF${look.color}"/>` : `<${el('color')} theme="1"/>`) +
    `<${el('name')} val="${escapeXml(font0.name)}"/>` +
    (font0.family !== null ? `<${el('family')} val="${escapeXml(font0.family)}"/>` : '') +
    (font0.scheme !== null ? `<${el('scheme')} val="${escapeXml(font0.scheme)}"/>` : '') +
    `</${el('font')}>`
  );
}

function fillXml(el: (n: string) => string, pattern: 'none' | 'gray125' | 'solid', rgb?: string): string {
  if (pattern !== 'solid')
    return `<${el('fill')}><${el('patternFill')} patternType="${pattern}"/></${el('fill')}>`;
  return `<${el('fill')}><${el('patternFill')} patternType="solid"><${el('fgColor')} rgb="FF${rgb ?? 'FFFFFF'}"/><${el('bgColor')} indexed="64"/></${el('patternFill')}></${el('fill')}>`;
}

function borderXml(el: (n: string) => string, look: Look): string {
  const edge = (e: 'left' | 'right' | 'top' | 'bottom'): string => {
    const b = look.borders?.find((x) => x.edge === e);
    return b ? `<${el(e)} style="${b.style}"><${el('color')} rgb="FF${b.color}"/></${el(e)}>` : `<${el(e)}/>`;
  };
  // CT_Border is a sequence: left, right, top, bottom, diagonal.
  return `<${el('border')}>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<${el('diagonal')}/></${el('border')}>`;
}
