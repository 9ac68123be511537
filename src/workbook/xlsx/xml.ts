import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SaxesParser, type SaxesOptions } from 'saxes';

/**
 * The XML layer of the package adapter, on maintained parsers: saxes (streaming, with positions,
 * so a 100,000-row sheet is read without a tree and untouched rows are copied byte for byte) for
 * worksheets and the shared-string table, @xmldom/xmldom for the small parts (workbook,
 * relationships, content types, styles). Both reject a DOCTYPE and malformed XML with XmlError.
 * Also: decoding a part's bytes (UTF-8 or UTF-16, by BOM or declaration), escaping, and OOXML's
 * `_xHHHH_` escapes.
 */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

let lastUri: string | null | undefined = null;
let lastIsMain = false;
/** SpreadsheetML's main namespace, transitional or strict. (The last answer is kept: a parser hands the same string object for every element.) */
export function isMain(uri: string | null | undefined): boolean {
  if (uri === lastUri) return lastIsMain;
  lastUri = uri;
  lastIsMain = uri === NS_MAIN || uri === NS_MAIN_STRICT;
  return lastIsMain;
}

/** Why a part is not readable XML (the adapter turns it into the Danish "damaged file" message). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * A part's text from its bytes: UTF-8 (with or without BOM) or UTF-16 (BOM, or "<?" in UTF-16
 * without one), as XML 1.0 §4.3.3 allows. The caller writes text back as UTF-8 (utf8Declaration).
 * @throws XmlError when the bytes are not valid in their encoding.
 */
export function decodePart(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding = 'utf-8';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) encoding = 'utf-16le';
  else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) encoding = 'utf-16be';
  try {
    const s =
      encoding === 'utf-8'
        ? utf8Fatal.decode(bytes)
        : new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  } catch {
    throw new XmlError(`part is not valid ${encoding}`);
  }
}

const DECL_ENCODING_RE = /^(<\?xml\s[^?]*?encoding\s*=\s*)(["'])[^"']*\2/;

/** The text with its XML declaration's encoding set to UTF-8 (parts are always written as UTF-8). */
export function utf8Declaration(text: string): string {
  return text.startsWith('<?xml') ? text.replace(DECL_ENCODING_RE, '$1$2UTF-8$2') : text;
}

/** A saxes parser with namespaces and positions that refuses DOCTYPEs and stops at the first error. */
export function saxParser(): SaxesParser<SaxesOptions & { xmlns: true }> {
  const p = new SaxesParser({ xmlns: true, position: true });
  p.on('doctype', () => {
    throw new XmlError('DOCTYPE is not allowed in an OOXML part');
  });
  p.on('error', (e) => {
    throw new XmlError(e.message);
  });
  return p;
}

/**
 * A small part as a DOM. Any XML error, warning included, and any DOCTYPE is refused: OOXML parts
 * have no DTD, and an entity declaration is the classic way to make a parser expand data.
 * @throws XmlError
 */
export function parseDom(text: string): Document {
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        throw new XmlError(`${level}: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw e instanceof XmlError ? e : new XmlError(String(e instanceof Error ? e.message : e));
  }
  if (doc.doctype !== null || doc.documentElement === null) throw new XmlError('no document element');
  return doc;
}

/** A DOM's text, declaration encoding set to UTF-8. */
export function serializeDom(doc: Document): string {
  return utf8Declaration(new XMLSerializer().serializeToString(doc));
}

/** The element children of `parent` in namespace test `ns` with local name `local`. */
export function childElements(
  parent: Element,
  local: string,
  ns: (uri: string | null) => boolean = isMain,
): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const e = n as Element;
      if (e.localName === local && ns(e.namespaceURI)) out.push(e);
    }
  }
  return out;
}

/** A new element in the same namespace and with the same prefix as `like` (so no new declaration is needed). */
export function createLike(doc: Document, like: Element, local: string): Element {
  return doc.createElementNS(like.namespaceURI ?? '', like.prefix ? `${like.prefix}:${local}` : local);
}

const XSTRING_RE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes OOXML's ST_Xstring escapes (`_x000D_` is a carriage return), as Excel and ExcelJS do.
 * @example decodeXstring("a_x000D_b") === "a\rb"
 */
export function decodeXstring(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(XSTRING_RE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const NEEDS_ESCAPE_RE =
  // eslint-disable-next-line no-control-regex -- finding the control characters XML cannot hold is the point
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_|[\ud800-\udfff]/;

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * Text for an element or attribute value: XML-escaped, and characters XML cannot hold written as
 * OOXML `_xHHHH_` escapes (Excel's own way), so a control character survives instead of breaking
 * the file. A literal "_x0041_" in the text is protected as "_x005F_x0041_". A lone surrogate
 * becomes U+FFFD.
 * @example escapeXml('a<b & "c"') === 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE_RE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 0x26) out += '&amp;';
    else if (c === 0x3c) out += '&lt;';
    else if (c === 0x3e) out += '&gt;';
    else if (c === 0x22) out += '&quot;';
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) out += `_x${hex4(c)}_`;
    else if (c === 0xfffe || c === 0xffff) out += `_x${hex4(c)}_`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] as string;
        out += s[i + 1] as string;
        i += 1;
      } else out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) out += '_x005F_';
    else out += s[i] as string;
  }
  return out;
}

/** An attribute value for a tag built by hand: like escapeXml, and tab/newline kept as references. */
export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A start tag rebuilt from parsed attributes (`name` as written, values escaped), e.g. `<x:row r="3">`. */
export function startTag(
  name: string,
  attributes: readonly (readonly [string, string])[],
  empty = false,
): string {
  let s = `<${name}`;
  for (const [k, v] of attributes) s += ` ${k}="${escapeAttr(v)}"`;
  return `${s}${empty ? '/>' : '>'}`;
}

/** "x:" for "x:row", "" for "row". */
export function prefixOf(qname: string): string {
  const c = qname.indexOf(':');
  return c < 0 ? '' : qname.slice(0, c + 1);
}
