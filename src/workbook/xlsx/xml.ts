/**
 * The little XML the package adapter needs: entity decoding, escaping, attributes of a start tag,
 * and OOXML's `_xHHHH_` escapes. Parts are scanned with indexOf rather than a DOM, so a 100,000-
 * row sheet is read and patched without building a tree.
 */

const ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function entity(_m: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default: {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
  }
}

/** Decodes XML character and entity references. @example decodeXml("a &amp; b") === "a & b" */
export function decodeXml(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY_RE, entity);
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

/**
 * The value of attribute `name` in a start tag's text, decoded; null when absent. Matches the
 * local name, so `r:id` is found by "r:id" and a prefixed attribute by its full name.
 * @example attr('<c r="B2" t="s">', 'r') === "B2"
 */
export function attr(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // preceded by whitespace, followed by optional spaces and "="
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let j = from;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    if (tag.charCodeAt(j) !== 0x3d) continue;
    j += 1;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    const q = tag[j];
    if (q !== '"' && q !== "'") return null;
    const end = tag.indexOf(q, j + 1);
    if (end < 0) return null;
    return decodeXml(tag.slice(j + 1, end));
  }
}

/** Every attribute of a start tag, in order (names as written). */
export function attrs(tag: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  // Skip the element name itself.
  const start = tag.search(/[\s/>]/);
  re.lastIndex = start < 0 ? tag.length : start;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) {
    out.push({ name: m[1] as string, value: decodeXml(m[3] ?? m[4] ?? '') });
  }
  return out;
}

/** The namespace prefix of a part's root element ("x:" for `<x:worksheet`, "" for none). */
export function rootPrefix(xml: string, local: string): string {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`);
  const m = re.exec(xml);
  return m?.[1] ?? '';
}

/**
 * The start tags of every element called `name` (full, possibly prefixed name) in `xml`, from
 * `from` up to `to`: each as [start index, end index after ">", tag text, self-closing].
 */
export function* startTags(
  xml: string,
  name: string,
  from = 0,
  to = xml.length,
): Generator<{ start: number; end: number; tag: string; selfClosing: boolean }> {
  const open = `<${name}`;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    const next = xml.charCodeAt(i + open.length);
    // The name must end here: whitespace, "/" or ">".
    if (next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f || next === 0x3e) {
      const end = xml.indexOf('>', i);
      if (end < 0) return;
      const tag = xml.slice(i, end + 1);
      yield { start: i, end: end + 1, tag, selfClosing: xml.charCodeAt(end - 1) === 0x2f };
      i = xml.indexOf(open, end + 1);
    } else {
      i = xml.indexOf(open, i + open.length);
    }
  }
}

/** The inner text between an element's start tag end and its end tag (null when self-closing). */
export function innerOf(xml: string, name: string, tagEnd: number, selfClosing: boolean): string | null {
  if (selfClosing) return null;
  const close = xml.indexOf(`</${name}>`, tagEnd);
  return close < 0 ? null : xml.slice(tagEnd, close);
}

/** A start or empty tag with attributes, values escaped. Null values are left out. */
export function tag(
  name: string,
  attributes: Record<string, string | number | null | undefined>,
  empty: boolean,
): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined) continue;
    s += ` ${k}="${escapeXml(String(v))}"`;
  }
  return `${s}${empty ? '/>' : '>'}`;
}
