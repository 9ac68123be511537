/**
 * The text of each page of a PDF that LibreOffice wrote, and each page's size. Hand-written: no
 * PDF reader is among the installed packages and poppler's pdftotext is not on the machine, and
 * LibreOffice's output needs only this subset: uncompressed object syntax, Flate content streams,
 * fonts with a ToUnicode CMap, text shown with Tj/TJ placed by Td or Tm, and painted paths (a
 * chart's bars and error bars) with their colour and bounding box.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** Width and height in points (A4 portrait = 595 × 842). */
  readonly width: number;
  readonly height: number;
  /** The text shown on the page, one entry per text object (BT … ET), in drawing order. */
  readonly lines: readonly PdfLine[];
  /** The filled paths drawn on the page (vector shapes: bars, cell fills), in drawing order. */
  readonly fills: readonly PdfPath[];
  /** The stroked paths drawn on the page (lines: borders, axes, error bars), in drawing order. */
  readonly strokes: readonly PdfPath[];
}

/** One painted path: its colour (fill or stroke) as "RRGGBB" and its bounding box in points. */
export interface PdfPath {
  readonly rgb: string;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly top: number;
}

/** One text object: its text, where it starts (points from the bottom left) and its font size. */
export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** True when the text is drawn turned (a text matrix with a rotation: a chart's slanted labels). */
  readonly rotated: boolean;
}

type Objects = Map<number, string>;

function objects(pdf: Buffer): Objects {
  const text = pdf.toString('latin1');
  const out: Objects = new Map();
  const re = /(\d+) 0 obj\b([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.set(Number(m[1]), m[2] as string);
  return out;
}

function streamOf(body: string): string {
  const m = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
  if (!m) return '';
  const raw = Buffer.from(m[1] as string, 'latin1');
  return /\/FlateDecode/.test(body) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
}

/** The dictionary an object is, or that a reference in it points to. */
function deref(objs: Objects, body: string): string {
  const m = /^\s*(\d+) 0 R\s*$/.exec(body);
  return m ? (objs.get(Number(m[1])) ?? '') : body;
}

function refAfter(body: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : null;
}

function hexToUnicode(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

/** A ToUnicode CMap (bfchar and bfrange) as glyph code → text. */
function cmap(stream: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of stream.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const m of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(m[1] as string, 16), hexToUnicode(m[2] as string));
  }
  for (const block of stream.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const m of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      const base = parseInt(m[3] as string, 16);
      for (let c = lo; c <= hi; c += 1) map.set(c, String.fromCharCode(base + c - lo));
    }
  }
  return map;
}

/** The content stream operators of a page, concatenated. */
function pageOps(objs: Objects, page: string): string {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
  let ops = '';
  for (const m of contents.matchAll(/(\d+) 0 R/g)) ops += `${streamOf(objs.get(Number(m[1])) ?? '')}\n`;
  return ops;
}

const hex2 = (v: number): string =>
  Math.round(Math.max(0, Math.min(1, v)) * 255)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0');

/**
 * The painted paths of a content stream: path construction (m, l, c, v, y, re) collected into a
 * bounding box, filled by f, f*, B, B*, b or b* in the colour set by rg or g, stroked by S or s in
 * the colour set by RG or G (both kept across q … Q). Text objects are skipped; coordinates are taken as drawn (LibreOffice does not scale
 * its page content with cm).
 */
function pagePaths(ops: string): { fills: PdfPath[]; strokes: PdfPath[] } {
  const fills: PdfPath[] = [];
  const strokes: PdfPath[] = [];
  const stack: [string, string][] = [];
  let rgb = '000000';
  let stroke = '000000';
  let nums: number[] = [];
  type Box = { left: number; bottom: number; right: number; top: number };
  let box = null as Box | null;
  const add = (x: number, y: number): void => {
    box =
      box === null
        ? { left: x, bottom: y, right: x, top: y }
        : {
            left: Math.min(box.left, x),
            bottom: Math.min(box.bottom, y),
            right: Math.max(box.right, x),
            top: Math.max(box.top, y),
          };
  };
  const tokens =
    ops
      .replace(/\bBT\b[\s\S]*?\bET\b/g, ' ')
      .match(/[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z*]+|<[^>]*>|\([^)]*\)|\/\w+|\[|\]/g) ?? [];
  for (const t of tokens) {
    if (/^[-+.\d]/.test(t)) {
      nums.push(Number(t));
      continue;
    }
    const n = nums;
    nums = [];
    if (t === 'q') stack.push([rgb, stroke]);
    else if (t === 'Q') [rgb, stroke] = stack.pop() ?? [rgb, stroke];
    else if (t === 'rg' && n.length >= 3) rgb = n.slice(-3).map(hex2).join('');
    else if (t === 'g' && n.length >= 1) rgb = hex2(n[n.length - 1] as number).repeat(3);
    else if (t === 'RG' && n.length >= 3) stroke = n.slice(-3).map(hex2).join('');
    else if (t === 'G' && n.length >= 1) stroke = hex2(n[n.length - 1] as number).repeat(3);
    else if ((t === 'm' || t === 'l') && n.length >= 2)
      add(n[n.length - 2] as number, n[n.length - 1] as number);
    else if ((t === 'c' || t === 'v' || t === 'y') && n.length >= 2) {
      for (let i = 0; i + 1 < n.length; i += 2) add(n[i] as number, n[i + 1] as number);
    } else if (t === 're' && n.length >= 4) {
      const [x, y, w, h] = n.slice(-4) as [number, number, number, number];
      add(x, y);
      add(x + w, y + h);
    } else if (/^(f\*?|F|B\*?|b\*?)$/.test(t)) {
      const b = box;
      if (b !== null) fills.push({ rgb, ...b });
      box = null;
    } else if (t === 'S' || t === 's') {
      const b = box;
      if (b !== null) strokes.push({ rgb: stroke, ...b });
      box = null;
    } else if (t === 'n') box = null;
  }
  return { fills, strokes };
}

function pageText(objs: Objects, page: string): PdfLine[] {
  const resources = deref(objs, /\/Resources\s*(\d+ 0 R|<<[\s\S]*?>>\s*>>)/.exec(page)?.[1] ?? '');
  const fontDict = deref(objs, /\/Font\s*(\d+ 0 R|<<[^>]*>>)/.exec(resources)?.[1] ?? '');
  const fonts = new Map<string, Map<number, string>>();
  for (const m of fontDict.matchAll(/\/(\w+)\s*(\d+) 0 R/g)) {
    const font = objs.get(Number(m[2])) ?? '';
    const tu = refAfter(font, 'ToUnicode');
    fonts.set(m[1] as string, tu === null ? new Map() : cmap(streamOf(objs.get(tu) ?? '')));
  }
  const ops = pageOps(objs, page);
  const lines: PdfLine[] = [];
  let font = new Map<number, string>();
  let line = '';
  let x = 0;
  let y = 0;
  let size = 0;
  let rotated = false;
  const num = '([\\d.-]+)\\s+';
  const tokens = new RegExp(
    `([\\d.-]+)\\s+([\\d.-]+)\\s+Td|\\/(\\w+)\\s+([\\d.]+)\\s+Tf|<([0-9A-Fa-f]*)>|\\bBT\\b|\\bET\\b|${num.repeat(6)}Tm`,
    'g',
  );
  for (const m of ops.matchAll(tokens)) {
    if (m[1] !== undefined && line === '') {
      x = Number(m[1]);
      y = Number(m[2]);
    } else if (m[6] !== undefined) {
      // A text matrix a b c d e f: the text starts at (e, f); b ≠ 0 turns it.
      if (line === '') {
        x = Number(m[10]);
        y = Number(m[11]);
        rotated = Math.abs(Number(m[7])) > 1e-6;
      }
    } else if (m[3] !== undefined) {
      font = fonts.get(m[3]) ?? new Map();
      size = Number(m[4]);
    } else if (m[5] !== undefined) {
      // LibreOffice's subset fonts use one-byte codes.
      for (let i = 0; i + 2 <= m[5].length; i += 2)
        line += font.get(parseInt(m[5].slice(i, i + 2), 16)) ?? '';
    } else if (m[0] === 'ET') {
      if (line !== '') lines.push({ text: line, x, y, size, rotated });
      line = '';
      rotated = false;
    }
  }
  return lines;
}

function kids(objs: Objects, node: string): string[] {
  if (/\/Type\s*\/Page\b(?!s)/.test(node)) return [node];
  const list = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
  return [...list.matchAll(/(\d+) 0 R/g)].flatMap((m) => kids(objs, objs.get(Number(m[1])) ?? ''));
}

/** The pages of the PDF in reading order. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf);
  const catalog = [...objs.values()].find((b) => /\/Type\s*\/Catalog/.test(b)) ?? '';
  const root = objs.get(refAfter(catalog, 'Pages') ?? -1) ?? '';
  return kids(objs, root).map((page) => {
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(page);
    return {
      width: box ? Number(box[3]) - Number(box[1]) : 0,
      height: box ? Number(box[4]) - Number(box[2]) : 0,
      lines: pageText(objs, page),
      ...pagePaths(pageOps(objs, page)),
    };
  });
}
