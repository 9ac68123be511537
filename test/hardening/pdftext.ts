/**
 * The text of each page of a PDF that LibreOffice wrote, and each page's size. Hand-written: no
 * PDF reader is among the installed packages and poppler's pdftotext is not on the machine, and
 * LibreOffice's output needs only this subset: uncompressed object syntax, Flate content streams,
 * fonts with a ToUnicode CMap, text shown with Tj/TJ.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** Width and height in points (A4 portrait = 595 × 842). */
  readonly width: number;
  readonly height: number;
  /** The text shown on the page, one entry per text object (BT … ET), in drawing order. */
  readonly lines: readonly PdfLine[];
}

/** One text object: its text, where it starts (points from the bottom left) and its font size. */
export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
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

function pageText(objs: Objects, page: string): PdfLine[] {
  const resources = deref(objs, /\/Resources\s*(\d+ 0 R|<<[\s\S]*?>>\s*>>)/.exec(page)?.[1] ?? '');
  const fontDict = deref(objs, /\/Font\s*(\d+ 0 R|<<[^>]*>>)/.exec(resources)?.[1] ?? '');
  const fonts = new Map<string, Map<number, string>>();
  for (const m of fontDict.matchAll(/\/(\w+)\s*(\d+) 0 R/g)) {
    const font = objs.get(Number(m[2])) ?? '';
    const tu = refAfter(font, 'ToUnicode');
    fonts.set(m[1] as string, tu === null ? new Map() : cmap(streamOf(objs.get(tu) ?? '')));
  }
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
  let ops = '';
  for (const m of contents.matchAll(/(\d+) 0 R/g)) ops += `${streamOf(objs.get(Number(m[1])) ?? '')}\n`;
  const lines: PdfLine[] = [];
  let font = new Map<number, string>();
  let line = '';
  let x = 0;
  let y = 0;
  let size = 0;
  const tokens = /([\d.-]+)\s+([\d.-]+)\s+Td|\/(\w+)\s+([\d.]+)\s+Tf|<([0-9A-Fa-f]*)>|\bBT\b|\bET\b/g;
  for (const m of ops.matchAll(tokens)) {
    if (m[1] !== undefined && line === '') {
      x = Number(m[1]);
      y = Number(m[2]);
    } else if (m[3] !== undefined) {
      font = fonts.get(m[3]) ?? new Map();
      size = Number(m[4]);
    } else if (m[5] !== undefined) {
      // LibreOffice's subset fonts use one-byte codes.
      for (let i = 0; i + 2 <= m[5].length; i += 2)
        line += font.get(parseInt(m[5].slice(i, i + 2), 16)) ?? '';
    } else if (m[0] === 'ET') {
      if (line !== '') lines.push({ text: line, x, y, size });
      line = '';
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
    };
  });
}
