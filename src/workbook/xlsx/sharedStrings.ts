import { textOf } from './package';
import { escapeXml, rootPrefix } from './xml';

/**
 * The shared-string table, for the texts the tool writes into an existing sheet. A text already
 * in the table as plain text is reused (so a re-run on the tool's own output adds nothing); new
 * texts are appended. Existing entries are never changed or reordered, so every existing cell
 * keeps its text.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;
  private readonly prefix: string;
  private readonly existing: number;

  /** `xml` = the current sharedStrings part, or null when the package has none. */
  constructor(private readonly xml: string | null) {
    this.prefix = xml === null ? '' : rootPrefix(xml, 'sst');
    let n = 0;
    if (xml !== null) {
      const p = this.prefix;
      const si = `<${p}si`;
      const siEnd = `</${p}si>`;
      let i = xml.indexOf(si);
      while (i >= 0) {
        const gt = xml.indexOf('>', i);
        if (gt < 0) break;
        if (xml.charCodeAt(gt - 1) === 0x2f) {
          n += 1;
          i = xml.indexOf(si, gt);
          continue;
        }
        const end = xml.indexOf(siEnd, gt);
        if (end < 0) break;
        const body = xml.slice(gt + 1, end);
        // Only plain entries are reused: a rich-text entry would give our cell its formatting.
        if (body.indexOf(`<${p}r>`) < 0 && body.indexOf(`<${p}r `) < 0) {
          const text = textOf(body, p);
          if (!this.index.has(text)) this.index.set(text, n);
        }
        n += 1;
        i = xml.indexOf(si, end);
      }
    }
    this.existing = n;
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
    const p = this.prefix;
    const items = this.added.map((t) => {
      const keep = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
      return `<${p}si><${p}t${keep}>${escapeXml(t)}</${p}t></${p}si>`;
    });
    const unique = this.existing + this.added.length;
    if (this.xml === null) {
      return [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${unique}">`,
        ...items,
        '</sst>',
      ];
    }
    const xml = this.xml;
    const open = xml.indexOf(`<${p}sst`);
    const openEnd = xml.indexOf('>', open);
    let start = xml.slice(open, openEnd + 1);
    const count = Number(/\scount="(\d+)"/.exec(start)?.[1] ?? this.existing) + this.references;
    start = setAttr(setAttr(start, 'count', String(count)), 'uniqueCount', String(unique));
    if (start.endsWith('/>')) {
      return [xml.slice(0, open), `${start.slice(0, -2)}>`, ...items, `</${p}sst>`, xml.slice(openEnd + 1)];
    }
    const close = xml.lastIndexOf(`</${p}sst>`);
    return [xml.slice(0, open), start, xml.slice(openEnd + 1, close), ...items, xml.slice(close)];
  }
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}
