import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { UserError } from './port';

/**
 * What a file that is not a readable .xlsx is, told the same way by every adapter that reads
 * bytes (ExcelJS and the package adapter): told by its content, never by its name, so an .xlsb or
 * an .xls renamed .xlsx gets the right advice too.
 */

/** The first bytes of an OLE compound file (.xls, .doc, and a password-protected .xlsx). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip archive's local file header ("PK\x03\x04"); every .xlsx starts with it. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

const SAVE_AS_XLSX = 'åbn den i Excel og vælg Filer > Gem som > Excel-projektmappe (*.xlsx)';

export const PASSWORD_PROTECTED =
  'Filen er beskyttet med adgangskode – fjern adgangskoden i Excel (Filer > Oplysninger > Beskyt projektmappe) og gem igen.';
export const NOT_XLSX = 'Filen er ikke en gyldig Excel-fil (.xlsx) – åbn den i Excel og gem den som .xlsx.';
export const DAMAGED_XLSX =
  'Filen er ikke en gyldig Excel-fil (.xlsx), eller den er beskadiget – åbn den i Excel og gem den som .xlsx.';
/** "Filen er ikke en gyldig Excel-fil (.xlsx), men <what> – <how>.": one form for every kind. */
const notXlsxBut = (what: string, how: string = SAVE_AS_XLSX): string =>
  `Filen er ikke en gyldig Excel-fil (.xlsx), men ${what} – ${how}.`;
export const EMPTY_FILE = notXlsxBut('tom (0 byte)', 'vælg den udfyldte projektmappe');
export const XLSB = notXlsxBut('en binær Excel-projektmappe (.xlsb)');
export const XLS = notXlsxBut('en gammel Excel 97-2003-projektmappe (.xls)');
export const ODS = notXlsxBut(
  'et OpenDocument-regneark (.ods)',
  'åbn den i LibreOffice Calc eller Excel og gem den som Excel-projektmappe (.xlsx)',
);
export const CSV = notXlsxBut('en tekstfil (fx CSV)');
export const HTML = notXlsxBut('en webside (HTML)');
export const XML2003 = notXlsxBut('et XML-regneark fra Excel 2003');
export const OTHER_OFFICE = (what: string): string => notXlsxBut(what, 'vælg sagsoversigten (.xlsx)');

/** What the bytes are, as far as choosing the message goes. */
export type FileKind =
  | 'empty'
  | 'zip'
  | 'xlsb'
  | 'ods'
  | 'opendocument'
  | 'docx'
  | 'pptx'
  | 'encrypted'
  | 'xls'
  | 'doc'
  | 'ppt'
  | 'ole'
  | 'csv'
  | 'html'
  | 'xml2003'
  | 'binary';

/** The names in a zip's central directory (no entry is inflated), or null when it cannot be read. */
function zipNames(bytes: Uint8Array, wanted: readonly string[] = []): Map<string, Uint8Array | null> | null {
  const names = new Map<string, Uint8Array | null>();
  try {
    const got = unzipSync(bytes, {
      filter: (f) => {
        names.set(f.name, null);
        // Only tiny parts are ever inflated here (the ODF mimetype, the content types).
        return wanted.includes(f.name) && f.originalSize < 1 << 20;
      },
    });
    for (const [k, v] of Object.entries(got)) names.set(k, v);
  } catch {
    return null;
  }
  return names;
}

function zipKind(bytes: Uint8Array): FileKind {
  const entries = zipNames(bytes, ['mimetype']);
  if (entries === null) return 'zip';
  const lower = new Set([...entries.keys()].map((n) => n.toLowerCase()));
  // An .xlsb keeps its workbook as xl/workbook.bin (BIFF12) instead of xl/workbook.xml.
  if (
    !lower.has('xl/workbook.xml') &&
    [...lower].some((n) => n.startsWith('xl/') && n.endsWith('workbook.bin'))
  )
    return 'xlsb';
  const mime = entries.get('mimetype');
  if (mime) {
    const m = strFromU8(mime).trim();
    if (m === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
    if (m.startsWith('application/vnd.oasis.opendocument.')) return 'opendocument';
  }
  if (!lower.has('xl/workbook.xml')) {
    if (lower.has('word/document.xml')) return 'docx';
    if (lower.has('ppt/presentation.xml')) return 'pptx';
  }
  return 'zip';
}

/**
 * The stream names of an OLE compound file. Hand-written because no maintained library is a
 * dependency: a directory entry is 128 bytes at a 128-aligned offset past the 512-byte header (any
 * sector size is a multiple of 128), with its UTF-16 name length at +64 and its type at +66.
 */
export function oleStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const len = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (len < 4 || len > 64 || len % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (view.getUint16(at + len - 2, true) !== 0) continue;
    let name = '';
    let ok = true;
    for (let i = 0; i < len - 2; i += 2) {
      const ch = view.getUint16(at + i, true);
      if (ch < 0x20 && ch > 6) ok = false;
      name += String.fromCharCode(ch);
    }
    if (ok) names.add(name);
  }
  return names;
}

function oleKind(bytes: Uint8Array): FileKind {
  const names = oleStreamNames(bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book') || names.has('WORKBOOK') || names.has('BOOK')) return 'xls';
  if (names.has('WordDocument')) return 'doc';
  if (names.has('PowerPoint Document')) return 'ppt';
  return 'ole';
}

/** Control bytes that no text file holds (tab, line breaks, form feed and escape aside). */
const isControl = (b: number): boolean => b <= 0x08 || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

function textKind(bytes: Uint8Array): FileKind | null {
  const sample = bytes.subarray(0, 8192);
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.some(isControl)) return null;
  let text: string;
  try {
    text = utf16
      ? new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(sample)
      : new TextDecoder('utf-8').decode(sample);
  } catch {
    return 'csv'; // a runtime without that decoder: still text
  }
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
    if (/<(html|table|!doctype html)/.test(head)) return 'html';
  }
  return 'csv';
}

/** Tells what the bytes are by their content. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP_SIGNATURE)) return zipKind(bytes);
  if (startsWith(bytes, OLE_SIGNATURE)) return oleKind(bytes);
  return textKind(bytes) ?? 'binary';
}

const MESSAGES: Record<Exclude<FileKind, 'zip'>, string> = {
  empty: EMPTY_FILE,
  xlsb: XLSB,
  ods: ODS,
  opendocument: OTHER_OFFICE('et OpenDocument-dokument (fx .odt)'),
  docx: OTHER_OFFICE('et Word-dokument'),
  pptx: OTHER_OFFICE('en PowerPoint-præsentation'),
  encrypted: PASSWORD_PROTECTED,
  xls: XLS,
  doc: OTHER_OFFICE('et Word-dokument'),
  ppt: OTHER_OFFICE('en PowerPoint-præsentation'),
  // Decision: an OLE file with no stream name recognised is told as before (most likely an encrypted .xlsx).
  ole: PASSWORD_PROTECTED,
  csv: CSV,
  html: HTML,
  xml2003: XML2003,
  binary: NOT_XLSX,
};

/** Throws the UserError (exit 1) for bytes that are not an .xlsx package, saying what they are. */
export function assertXlsxSignature(bytes: Uint8Array): void {
  const kind = fileKind(bytes);
  if (kind !== 'zip') throw new UserError(MESSAGES[kind]);
}

/** The content type of a workbook part with macros (.xlsm, and .xltm for a template). */
const MACRO_MAIN = /^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/;

/**
 * True when the package's workbook part is macro-enabled (an .xlsm): its output must keep the
 * .xlsm extension, since Excel refuses an .xlsx whose workbook has that content type.
 */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  const entries = zipNames(bytes, ['[Content_Types].xml']);
  const ct = entries?.get('[Content_Types].xml');
  if (!ct) return false;
  let doc;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(strFromU8(ct), 'text/xml');
  } catch {
    return false;
  }
  const overrides = doc.getElementsByTagNameNS(
    'http://schemas.openxmlformats.org/package/2006/content-types',
    'Override',
  );
  for (let i = 0; i < overrides.length; i += 1) {
    if (MACRO_MAIN.test(overrides.item(i)?.getAttribute('ContentType') ?? '')) return true;
  }
  return false;
}
