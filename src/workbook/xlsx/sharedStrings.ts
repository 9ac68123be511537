import {
  XmlError,
  decodeXstring,
  escapeXml,
  isMain,
  prefixOf,
  saxParser,
  startTag,
  utf8Declaration,
} from './xml';

/**
 * The shared-string table. Read with saxes rather than a DOM: at 100,000 cases it is as large as
 * a sheet (every name and CPR number is an entry), and a DOM of it costs ten times its size.
 * Each <si>'s text is its <t> runs outside phonetic runs (<rPh>), joined, `_xHHHH_` decoded.
 * For writing, texts already in the table as plain text are reused (so a re-run on the tool's own
 * output adds nothing); new texts are appended before </sst>. Existing entries are never changed
 * or reordered, so every existing cell keeps its text.
 */

export interface SharedStringTable {
  readonly xml: string | null;
  readonly texts: readonly string[];
  /** Plain (not rich text) entries: text → first index. */
  readonly plain: ReadonlyMap<string, number>;
  /** The root start tag: "<" position, after ">", name, attributes as written. */
  readonly root: {
    readonly start: number;
    readonly openEnd: number;
    readonly selfClosing: boolean;
    readonly name: string;
    readonly attrs: readonly (readonly [string, string])[];
  } | null;
  /** Where </sst> starts. */
  readonly closeStart: number;
}

/** Scans a sharedStrings part. @throws XmlError */
export function scanSharedStrings(xml: string | null): SharedStringTable {
  const texts: string[] = [];
  const plain = new Map<string, number>();
  if (xml === null) return { xml, texts, plain, root: null, closeStart: -1 };
  const p = saxParser();
  let depth = 0;
  let root: SharedStringTable['root'] = null;
  let closeStart = -1;
  let inSi = false;
  let rich = false;
  let phonetic = 0;
  let collecting = false;
  let text = '';
  let buf = '';
  p.on('opentag', (t) => {
    depth += 1;
    if (depth === 1) {
      if (t.local !== 'sst' || !isMain(t.uri)) throw new XmlError('not a shared-string table');
      root = {
        start: xml.lastIndexOf('<', p.position - 1),
        openEnd: p.position,
        selfClosing: t.isSelfClosing,
        name: t.name,
        attrs: Object.values(t.attributes).map((a) => [a.name, a.value] as const),
      };
      return;
    }
    if (!isMain(t.uri)) return;
    if (depth === 2 && t.local === 'si') {
      inSi = true;
      rich = false;
      text = '';
      phonetic = 0;
    } else if (inSi && t.local === 'rPh') phonetic += 1;
    else if (inSi && t.local === 'r' && depth === 3) rich = true;
    else if (inSi && t.local === 't' && phonetic === 0) {
      collecting = true;
      buf = '';
    }
  });
  const onText = (s: string): void => {
    if (collecting) buf += s;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (t) => {
    depth -= 1;
    if (depth === 0) {
      closeStart = t.isSelfClosing ? -1 : xml.lastIndexOf('<', p.position - 1);
      return;
    }
    if (!isMain(t.uri)) return;
    if (collecting && t.local === 't') {
      text += buf;
      collecting = false;
    } else if (t.local === 'rPh' && phonetic > 0) phonetic -= 1;
    else if (depth === 1 && t.local === 'si') {
      inSi = false;
      const s = decodeXstring(text);
      // Only plain entries are reused: a rich-text entry would give our cell its formatting.
      if (!rich && !plain.has(s)) plain.set(s, texts.length);
      texts.push(s);
    }
  });
  p.write(xml).close();
  return { xml, texts, plain, root, closeStart };
}

/** The text of every shared string. @throws XmlError */
export function readSharedStrings(xml: string | null): string[] {
  return [...scanSharedStrings(xml).texts];
}

/** The table being extended with the texts the tool writes into an existing sheet. */
export class SharedStrings {
  private readonly index: Map<string, number>;
  private readonly added: string[] = [];
  private references = 0;
  private readonly existing: number;

  constructor(private readonly table: SharedStringTable) {
    this.index = new Map(table.plain);
    this.existing = table.texts.length;
  }

  /** The index of `text` in the table, appending it when new. */
  indexOf(text: string): number {
    this.references += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** True when texts were appended (the part must be written). */
  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The new sharedStrings part, as chunks. */
  toChunks(): string[] {
    const root = this.table.root;
    const xml = this.table.xml;
    const p = root === null ? '' : prefixOf(root.name);
    const items = this.added.map((t) => {
      const keep = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
      return `<${p}si><${p}t${keep}>${escapeXml(t)}</${p}t></${p}si>`;
    });
    const unique = this.existing + this.added.length;
    if (xml === null || root === null) {
      return [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${unique}">`,
        ...items,
        '</sst>',
      ];
    }
    const oldCount = Number(root.attrs.find(([k]) => k === 'count')?.[1] ?? this.existing);
    const count = (Number.isFinite(oldCount) ? oldCount : this.existing) + this.references;
    const attrs: [string, string][] = root.attrs
      .filter(([k]) => k !== 'count' && k !== 'uniqueCount')
      .map(([k, v]) => [k, v]);
    attrs.push(['count', String(count)], ['uniqueCount', String(unique)]);
    const start = startTag(root.name, attrs);
    const head = utf8Declaration(xml.slice(0, root.start));
    if (root.selfClosing) {
      return [head, start, ...items, `</${root.name}>`, xml.slice(root.openEnd)];
    }
    return [
      head,
      start,
      xml.slice(root.openEnd, this.table.closeStart),
      ...items,
      xml.slice(this.table.closeStart),
    ];
  }
}
