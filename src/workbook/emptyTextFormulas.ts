import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * Spec §2.3: a text formula whose cached result is "" (`t="str"` with an empty `<v>`) is blank, while
 * a formula without a cached result is unreadable. ExcelJS drops a cell's `t` attribute when it loads
 * a file, so it cannot tell the two apart; this reads the package's own sheet XML (saxes, a real XML
 * parser) and lists, per sheet name, the addresses of such blank text formulas.
 * Unreadable or unusual packages give an empty map (every formula without a result stays unreadable).
 */
export function emptyTextFormulaCells(bytes: Uint8Array): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) =>
        f.name === 'xl/workbook.xml' ||
        f.name === 'xl/_rels/workbook.xml.rels' ||
        (f.name.startsWith('xl/worksheets/') && f.name.endsWith('.xml')),
    });
  } catch {
    return out;
  }
  const targets = new Map<string, string>();
  each(files['xl/_rels/workbook.xml.rels'], (name, attrs) => {
    if (name !== 'Relationship' || attrs.Id === undefined || attrs.Target === undefined) return;
    const t = attrs.Target;
    targets.set(attrs.Id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  });
  each(files['xl/workbook.xml'], (name, attrs) => {
    if (name !== 'sheet' || attrs.name === undefined) return;
    const id = Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];
    const path = id === undefined ? undefined : targets.get(id);
    const xml = path === undefined ? undefined : files[path];
    if (xml === undefined) return;
    const cells = blankTextFormulas(xml);
    if (cells.size > 0) out.set(attrs.name, cells);
  });
  return out;
}

/** Calls `open` for every element (local name, attributes); ignores a damaged part. */
function each(
  xml: Uint8Array | undefined,
  open: (name: string, attrs: Readonly<Record<string, string>>) => void,
  events: { text?: (t: string) => void; close?: (name: string) => void } = {},
): void {
  if (xml === undefined) return;
  const p = new SaxesParser();
  p.on('opentag', (node) => open(local(node.name), node.attributes as Record<string, string>));
  if (events.text) p.on('text', events.text);
  if (events.close) {
    const close = events.close;
    p.on('closetag', (node) => close(local(node.name)));
  }
  try {
    p.write(strFromU8(xml)).close();
  } catch {
    // A part the parser cannot read: nothing is listed from it.
  }
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Addresses of `<c t="str">` cells with an `<f>` and an empty `<v>` in one sheet's XML. */
function blankTextFormulas(xml: Uint8Array): Set<string> {
  const found = new Set<string>();
  let cell: { r: string; str: boolean; f: boolean; v: string | null } | null = null;
  let inV = false;
  each(
    xml,
    (name, attrs) => {
      if (name === 'c') cell = { r: attrs.r ?? '', str: attrs.t === 'str', f: false, v: null };
      else if (cell !== null && name === 'f') cell.f = true;
      else if (cell !== null && name === 'v') {
        cell.v = '';
        inV = true;
      }
    },
    {
      text: (t) => {
        if (inV && cell !== null) cell.v += t;
      },
      close: (name) => {
        if (name === 'v') inV = false;
        if (name !== 'c' || cell === null) return;
        if (cell.str && cell.f && cell.v === '' && cell.r !== '') found.add(cell.r);
        cell = null;
      },
    },
  );
  return found;
}
