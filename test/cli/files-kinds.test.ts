/**
 * Files that are not .xlsx (issue 10, item 5), told by their content, whatever their name: each
 * gets exit 1 and one Danish line saying what the file is and how to save it as .xlsx. The .xls
 * and .ods are real files written by LibreOffice headless from the bundled example; the .xlsb is
 * a zip with Excel's binary workbook part; the password-protected workbook is a compound file with
 * the streams Excel writes (EncryptionInfo, EncryptedPackage), told apart from an .xls (Workbook).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { fileKind } from '../../src/workbook/fileErrors';
import { ROOT, sha256, tempDir } from './helpers';

const EXAMPLE = path.join(ROOT, 'examples', 'eksempel.xlsx');
const dir = tempDir('barometer-kinds-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Converts the example with LibreOffice headless (`soffice --convert-to`), returns the new file. */
function soffice(format: string, ext: string): string {
  const profile = path.join(dir, 'profile');
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      dir,
      EXAMPLE,
    ],
    { encoding: 'utf8' },
  );
  const out = path.join(dir, `eksempel.${ext}`);
  if (!fs.existsSync(out)) throw new Error(`soffice did not convert to ${format}: ${r.stderr}`);
  return out;
}

/** A minimal compound file (OLE2, sector size 512) holding empty streams with these names. */
function compoundFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const dirSector = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    dirSector.write(name, at, 'utf16le');
    dirSector.writeUInt16LE((name.length + 1) * 2, at + 64);
    dirSector[at + 66] = i === 0 ? 5 : 2;
    dirSector.writeUInt32LE(0xffffffff, at + 68);
    dirSector.writeUInt32LE(0xffffffff, at + 72);
    dirSector.writeUInt32LE(
      i === 0 ? 1 : i + 1 < Math.min(4, streams.length + 1) ? i + 1 : 0xffffffff,
      at + 76,
    );
    dirSector.writeUInt32LE(0xfffffffe, at + 116);
  });
  return Buffer.concat([header, fat, dirSector]);
}

async function zipOf(parts: Record<string, string | Uint8Array>, store?: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts))
    zip.file(name, content, { compression: name === store ? 'STORE' : 'DEFLATE' });
  return zip.generateAsync({ type: 'nodebuffer' });
}

const XLSB_CT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>';

type Make = () => Promise<string>;
const write =
  (name: string, bytes: () => Buffer | Promise<Buffer>): Make =>
  async () => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, await bytes());
    return f;
  };
const copyAs =
  (name: string, from: () => string): Make =>
  async () => {
    const f = path.join(dir, name);
    fs.copyFileSync(from(), f);
    return f;
  };

let xls = '';
let ods = '';
beforeAll(() => {
  xls = soffice('xls', 'xls');
  ods = soffice('ods', 'ods');
});

const CASES: [string, Make, string, RegExp][] = [
  [
    'a real .xls (LibreOffice, BIFF8)',
    copyAs('gammel.xls', () => xls),
    'xls',
    /gammel Excel 97-2003-projektmappe \(\.xls\) – .*Gem som > Excel-projektmappe \(\*\.xlsx\)/,
  ],
  ['an .xls renamed .xlsx', copyAs('gammel-omdoebt.xlsx', () => xls), 'xls', /\(\.xls\)/],
  [
    'a real .ods (LibreOffice)',
    copyAs('calc.ods', () => ods),
    'ods',
    /OpenDocument-regneark \(\.ods\) – åbn den i LibreOffice Calc eller Excel/,
  ],
  ['an .ods renamed .xlsx', copyAs('calc-omdoebt.xlsx', () => ods), 'ods', /\(\.ods\)/],
  [
    'an .xlsb renamed .xlsx (xl/workbook.bin)',
    write('binaer.xlsx', () =>
      zipOf({
        '[Content_Types].xml': XLSB_CT,
        'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
      }),
    ),
    'xlsb',
    /binær Excel-projektmappe \(\.xlsb\)/,
  ],
  [
    'a password-protected .xlsx (EncryptionInfo, EncryptedPackage)',
    write('kode.xlsx', () => compoundFile(['EncryptionInfo', 'EncryptedPackage'])),
    'encrypted',
    /beskyttet med adgangskode – fjern adgangskoden/,
  ],
  ['an old BIFF5 .xls (Book)', write('biff5.xls', () => compoundFile(['Book'])), 'xls', /\(\.xls\)/],
  ['a Word .doc', write('brev.xlsx', () => compoundFile(['WordDocument'])), 'doc', /et Word-dokument/],
  [
    'a CSV file',
    write('sager.csv', () => Buffer.from('Sag nummer;Foranstaltning\n1;Familiebehandling\n')),
    'csv',
    /en tekstfil \(fx CSV\)/,
  ],
  [
    'a CSV in Windows-1252 named .xlsx',
    write('latin1.xlsx', () => Buffer.from('Sag nummer;Afgørelsesdato\n1;01-02-2024\n', 'latin1')),
    'csv',
    /en tekstfil/,
  ],
  [
    "Excel's Unicode text (UTF-16 with BOM)",
    write('unicode.txt', () =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sag nummer\tCPR\r\n1\tx\r\n', 'utf16le')]),
    ),
    'csv',
    /en tekstfil/,
  ],
  [
    'an HTML table saved as .xls',
    write('web.xls', () => Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>')),
    'html',
    /en webside \(HTML\)/,
  ],
  [
    'an Excel 2003 XML spreadsheet',
    write('xml2003.xml', () =>
      Buffer.from(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
      ),
    ),
    'xml2003',
    /XML-regneark fra Excel 2003/,
  ],
  ['an empty file', write('tom.xlsx', () => Buffer.alloc(0)), 'empty', /tom \(0 byte\)/],
  [
    'a .docx renamed .xlsx',
    write('word.xlsx', () =>
      zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
    ),
    'docx',
    /et Word-dokument/,
  ],
  [
    'an .odt',
    write('tekst.odt', () =>
      zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }, 'mimetype'),
    ),
    'opendocument',
    /OpenDocument-dokument/,
  ],
  [
    'random binary bytes',
    write('stoej.xlsx', () => Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256))),
    'binary',
    /ikke en gyldig Excel-fil \(\.xlsx\) – åbn den i Excel/,
  ],
];

describe('a file that is not an .xlsx says what it is and how to save it as .xlsx', () => {
  it.each(CASES)('%s', async (_what, make, kind, re) => {
    const f = await make();
    const before = sha256(f);
    expect(fileKind(fs.readFileSync(f))).toBe(kind);
    let stdout = '';
    let stderr = '';
    const code = await main(['check', f, '--today', '23-11-2026'], {
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += `${t}\n`),
    });
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^barometer: "${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": Filen `));
    expect(lines[0]).toMatch(re);
    expect(code).toBe(1);
    expect(sha256(f)).toBe(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('-resultat'))).toEqual([]);
  });

  it('a real .xlsx is still an .xlsx', () => {
    expect(fileKind(fs.readFileSync(EXAMPLE))).toBe('zip');
  });
});
