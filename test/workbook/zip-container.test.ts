/**
 * Regression tests for issue 10's zip findings: CRCs are checked, an entry lying about its size
 * is damaged, entries pointing at the same data cannot exhaust memory (one cap on the total,
 * "for stor"), ZIP64 is read and written. Archives are made by fflate, by Python's zipfile, or
 * byte by byte here (the tricks no zip library writes); never by the code under test.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateSync } from 'fflate';
import { nodeZipCodec } from '../../src/cli/zipCodec';
import { DAMAGED_XLSX } from '../../src/workbook/fileErrors';
import { UserError } from '../../src/workbook/port';
import { TOO_LARGE } from '../../src/workbook/xlsx/messages';
import {
  MAX_TOTAL_BYTES,
  ZipArchive,
  crc32,
  flateCodec,
  utf8Bytes,
  writeZip,
} from '../../src/workbook/xlsx/zip';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { basePackage, runCheck, zipOf, type Parts } from '../hardening/xlsx-package';

const CODECS = [
  ['fflate', flateCodec],
  ['node:zlib', nodeZipCodec],
] as const;

async function refusal(bytes: Uint8Array, codec = flateCodec): Promise<UserError> {
  try {
    const wb = XlsxPackageWorkbook.fromBuffer(bytes, codec);
    await wb.readSnapshot();
    await wb.toBuffer();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** Offsets of the central directory records of an archive (signature PK\x01\x02). */
function centralRecords(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 1)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) out.push(i);
  return out;
}

/** The central record of `name` in an fflate-made archive. */
function centralOf(bytes: Uint8Array, name: string): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  for (const p of centralRecords(bytes)) {
    const len = dv.getUint16(p + 28, true);
    if (new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + len)) === name) return p;
  }
  throw new Error(`no ${name}`);
}

describe.each(CODECS)('zip reading with %s', (_name, codec) => {
  it('a wrong CRC-32 on a part the tool reads is a damaged file', async () => {
    const bytes = zipOf(basePackage());
    const dv = new DataView(bytes.buffer);
    const p = centralOf(bytes, 'xl/worksheets/sheet1.xml');
    dv.setUint32(p + 16, dv.getUint32(p + 16, true) ^ 1, true);
    const e = await refusal(bytes, codec);
    expect([e.exitCode, e.message]).toEqual([1, DAMAGED_XLSX]);
  });

  it('a wrong CRC-32 on a part the tool only copies is a damaged file too (the output never carries it)', async () => {
    const bytes = zipOf(basePackage(undefined, { 'docProps/custom.xml': '<Properties>intern</Properties>' }));
    const dv = new DataView(bytes.buffer);
    const p = centralOf(bytes, 'docProps/custom.xml');
    dv.setUint32(p + 16, dv.getUint32(p + 16, true) ^ 0x100, true);
    expect((await refusal(bytes, codec)).message).toBe(DAMAGED_XLSX);
  });

  it('an entry that inflates to more than its declared size is damaged, and memory stays small', async () => {
    const bytes = zipOf(basePackage());
    const dv = new DataView(bytes.buffer);
    const p = centralOf(bytes, 'xl/worksheets/sheet1.xml');
    dv.setUint32(p + 24, 10, true); // declared: 10 bytes
    expect((await refusal(bytes, codec)).message).toBe(DAMAGED_XLSX);
  });

  it('two entries with the same name are damaged', async () => {
    const bytes = zipOf(basePackage(undefined, { 'xl/worksheets/SHEET1.xml': 'x' }));
    const e = await refusal(bytes, codec);
    expect(e.message).toBe(DAMAGED_XLSX);
  });
});

describe('one cap on the total inflated size ("for stor")', () => {
  it('24 entries pointing at the same 64 MiB of data are refused before anything is inflated', async () => {
    // One local entry (64 MiB of zeros, deflated to ~64 KB) and 24 central records pointing at it.
    const size = 64 << 20;
    const data = deflateSync(new Uint8Array(size), { level: 9 });
    const crc = crc32(new Uint8Array(size));
    const names = Array.from({ length: 24 }, (_, i) => utf8Bytes(`xl/worksheets/sheet${i + 1}.xml`));
    const first = names[0] as Uint8Array;
    const local = new Uint8Array(30 + first.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, first.length, true);
    local.set(first, 30);
    local.set(data, 30 + first.length);
    const central = names.map((n) => {
      const c = new Uint8Array(46 + n.length);
      const cv = new DataView(c.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(10, 8, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, data.length, true);
      cv.setUint32(24, size, true);
      cv.setUint16(28, n.length, true);
      cv.setUint32(42, 0, true); // every record points at the one local entry
      c.set(n, 46);
      return c;
    });
    const cdSize = central.reduce((s, c) => s + c.length, 0);
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, names.length, true);
    ev.setUint16(10, names.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, local.length, true);
    const bytes = new Uint8Array(local.length + cdSize + 22);
    bytes.set(local, 0);
    let at = local.length;
    for (const c of central) {
      bytes.set(c, at);
      at += c.length;
    }
    bytes.set(eocd, at);
    expect(24 * size).toBeGreaterThan(MAX_TOTAL_BYTES);
    const e = await refusal(bytes);
    expect(e.message).toBe(TOO_LARGE);
    expect(e.message).toContain('for stor');
  });
});

describe('ZIP64', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-zip64-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Python's zipfile on an archive: [entries, first bad entry or None]. */
  const python = (file: string): string =>
    spawnSync(
      'python3',
      [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(len(z.namelist()), z.testzip())',
        file,
      ],
      { encoding: 'utf8' },
    ).stdout.trim();

  it('an archive of more than 65,535 entries is written with ZIP64 records, read back by us and by Python', () => {
    const parts = Array.from({ length: 70_000 }, (_, i) => ({
      name: `x/${i}.txt`,
      data: utf8Bytes(String(i)),
    }));
    const bytes = writeZip(parts, flateCodec, new Date(2026, 0, 1));
    const back = ZipArchive.read(bytes);
    expect(back.entries.length).toBe(70_000);
    expect(new TextDecoder().decode(back.data(back.entry('x/69999.txt')!))).toBe('69999');
    const file = path.join(tmp, 'many.zip');
    fs.writeFileSync(file, bytes);
    expect(python(file)).toBe('70000 None');
  });

  it('a workbook whose archive has ZIP64 extra fields (Python, force_zip64) is read and checked', async () => {
    const parts: Parts = basePackage();
    const dir = path.join(tmp, 'parts');
    for (const [name, text] of Object.entries(parts)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const file = path.join(tmp, 'zip64.xlsx');
    const script = [
      'import zipfile,sys,os',
      'd,out=sys.argv[1],sys.argv[2]',
      'with zipfile.ZipFile(out,"w",zipfile.ZIP_DEFLATED) as z:',
      '  for root,_,files in os.walk(d):',
      '    for f in files:',
      '      p=os.path.join(root,f); n=os.path.relpath(p,d)',
      '      with z.open(n,"w",force_zip64=True) as w: w.write(open(p,"rb").read())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, dir, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const run = await runCheck(new Uint8Array(fs.readFileSync(file)));
    expect(run.after.sheets.Sagsoversigt?.rows[1]?.[1]).toBe('familiebehandling');
    const out = path.join(tmp, 'zip64-out.xlsx');
    fs.writeFileSync(out, run.out);
    expect(python(out)).toMatch(/^\d+ None$/);
  });
});
