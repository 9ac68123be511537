/**
 * Hostile FILES through the CLI (issue 10, item 8, the file and zip-level part): a seeded
 * generator makes inputs that are not .xlsx packages, or not files at all, and hostile --out
 * targets, and runs each through main(argv, io) in-process with a hang guard per input:
 * - content: real .xls and .ods (LibreOffice), .xlsb (zip with xl/workbook.bin), compound files
 *   (encrypted, BIFF5, Word), CSV/TSV/UTF-16 text with CPR numbers in it, HTML, XML 2003, empty,
 *   random bytes, real .xlsx files truncated at random points, a zip with no workbook;
 * - not files: a folder, a FIFO without a writer, a symlink loop, a dangling symlink, /dev/zero,
 *   /dev/null, a socket;
 * - permissions: private and read-only inputs (the output gets the same bits);
 * - --out: /dev/null, /dev/full, a folder, a FIFO, a symlink loop, a symlink to the input.
 * Every case: the documented exit code (1 for unreadable files, 0 for a good file), exactly one
 * Danish line on stderr and nothing on stdout when refused, the input byte-identical (sha256), no
 * output or temp file left by a refused run, and no CPR number of the fixtures in any output.
 * The seed is printed; BAROMETER_SEED replays another one; BAROMETER_COUNT sets the number of
 * random cases (default 120).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { deviceNode } from '../cli/devices';
import { tempDir } from '../cli/helpers';
import { fixtureWorkbook } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';
import { findSecrets } from './secrets';

const SEED = Number(process.env.BAROMETER_SEED ?? 20261201);
const COUNT = Number(process.env.BAROMETER_COUNT ?? 120);
/** A hang guard, not a speed check: an input that takes this long is stuck (issue: < 10 s each). */
const HANG_MS = 10_000;
const TODAY = ['--today', '23-11-2026'];

const CPRS = eksempel.rows
  .map((r) => r[eksempel.headers.indexOf('Barnets cpr.nr.')])
  .filter((c): c is string => typeof c === 'string');
const NAMES = eksempel.rows
  .map((r) => r[eksempel.headers.indexOf('Barnets navn')])
  .filter((c): c is string => typeof c === 'string');

/** xorshift32: the same cases for the same seed. */
function rng(seed: number): {
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  bytes(n: number): Buffer;
} {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)] as (typeof xs)[number],
    bytes: (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
  };
}

const sha = (file: string): string | null => {
  try {
    if (!fs.statSync(file).isFile()) return null;
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
};

/** A minimal compound file (OLE2, 512-byte sectors) whose directory holds these stream names. */
function compoundFile(streams: readonly string[], tail: Buffer): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    dir.write(name, i * 128, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, fat, dir, tail]);
}

/** One generated input: how to make it, the argv tail, the expected exit code and message. */
interface Case {
  readonly name: string;
  /** Makes the input (and any --out) in `dir`; returns the argv after "check". */
  readonly make: (dir: string) => Promise<string[]>;
  readonly code: 0 | 1;
  readonly message?: RegExp;
}

const root = tempDir('barometer-hostile-');
let goodXlsx: Buffer;
let xls: Buffer;
let ods: Buffer;
let server: net.Server | null = null;
const socketPath = path.join(root, 'sock.xlsx');

beforeAll(async () => {
  goodXlsx = Buffer.from(await fixtureWorkbook(eksempel).xlsx.writeBuffer());
  const src = path.join(root, 'kilde.xlsx');
  fs.writeFileSync(src, goodXlsx);
  const profile = path.join(root, 'profile');
  for (const fmt of ['xls', 'ods']) {
    spawnSync('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      fmt,
      '--outdir',
      root,
      src,
    ]);
  }
  xls = fs.readFileSync(path.join(root, 'kilde.xls'));
  ods = fs.readFileSync(path.join(root, 'kilde.ods'));
  server = net.createServer();
  await new Promise<void>((res) => server?.listen(socketPath, res));
  console.log(
    `[files-hostile] seed ${SEED}, ${COUNT} random cases (BAROMETER_SEED / BAROMETER_COUNT to change)`,
  );
});
afterAll(() => {
  server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const file =
  (name: string, bytes: () => Buffer | Promise<Buffer>, mode = 0o600) =>
  async (dir: string): Promise<string[]> => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, await bytes());
    fs.chmodSync(f, mode);
    return [f];
  };

const NOT_XLSX =
  /^barometer: ".*": Filen (er ikke en gyldig Excel-fil \(\.xlsx\)|er beskyttet med adgangskode)/;
const NOT_A_FILE =
  /^barometer: (".*" er (en mappe|en enhedsfil|en navngiven pipe|en socket)|Filen ".*" (er en symbolsk henvisning, der peger i ring|findes ikke|er ikke en almindelig fil))/;
const BAD_OUT =
  /^barometer: (Resultatet kan ikke gemmes i ".*" \(.+\) – .*--out\.|--out må ikke pege på input-filen)/;

function csvWithCprs(r: ReturnType<typeof rng>): Buffer {
  const sep = r.pick([';', ',', '\t']);
  const lines = [['Sag nummer', 'Barnets navn', 'Barnets cpr.nr.', 'Afgørelsesdato'].join(sep)];
  for (let i = 0; i < 1 + r.int(30); i += 1) {
    lines.push([String(i + 1), r.pick(NAMES), r.pick(CPRS), '01-02-2024'].join(sep));
  }
  const text = lines.join(r.pick(['\n', '\r\n']));
  const enc = r.int(3);
  if (enc === 0) return Buffer.from(text, 'utf8');
  if (enc === 1) return Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [n, c] of Object.entries(parts)) zip.file(n, c);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The random families: content that is not an .xlsx package. */
function randomCase(r: ReturnType<typeof rng>, i: number): Case {
  const ext = r.pick(['.xlsx', '.xls', '.xlsm', '.csv', '.ods', '']);
  const name = `fil-${i}${ext}`;
  switch (r.int(11)) {
    case 0:
      return { name: `real .xls as ${name}`, make: file(name, () => xls), code: 1, message: /\(\.xls\)/ };
    case 1:
      return { name: `real .ods as ${name}`, make: file(name, () => ods), code: 1, message: /\(\.ods\)/ };
    case 2:
      return {
        name: `.xlsb as ${name}`,
        make: file(name, () =>
          zipOf({
            '[Content_Types].xml': '<Types/>',
            'xl/workbook.bin': r.bytes(64 + r.int(4000)),
            'xl/worksheets/sheet1.bin': r.bytes(r.int(2000)),
          }),
        ),
        code: 1,
        message: /\(\.xlsb\)/,
      };
    case 3: {
      const [streams, re] = r.pick([
        [['EncryptionInfo', 'EncryptedPackage'], /adgangskode/],
        [['EncryptedPackage', 'EncryptionInfo', '\u0006DataSpaces'], /adgangskode/],
        [['Workbook', '\u0005SummaryInformation'], /\(\.xls\)/],
        [['Book'], /\(\.xls\)/],
        [['WordDocument', '1Table'], /Word-dokument/],
      ] as const);
      return {
        name: `compound file [${streams.join(',')}] as ${name}`,
        make: file(name, () => compoundFile(streams, r.bytes(r.int(3000)))),
        code: 1,
        message: re,
      };
    }
    case 4:
      return {
        name: `CSV/text with CPR numbers as ${name}`,
        make: file(name, () => csvWithCprs(r)),
        code: 1,
        message: /en tekstfil/,
      };
    case 5:
      return {
        name: `HTML table with CPR numbers as ${name}`,
        make: file(name, () =>
          Buffer.from(
            `<!DOCTYPE html><html><body><table><tr><td>${r.pick(CPRS)}</td><td>${r.pick(NAMES)}</td></tr></table></body></html>`,
          ),
        ),
        code: 1,
        message: /webside \(HTML\)/,
      };
    case 6: {
      // A real .xlsx holding the fixtures' CPR numbers, cut short anywhere (the central directory is lost).
      return {
        name: `truncated .xlsx as ${name}`,
        make: file(name, () => goodXlsx.subarray(0, 1 + r.int(goodXlsx.length - 200))),
        code: 1,
        message: NOT_XLSX,
      };
    }
    case 7:
      return {
        name: `random bytes as ${name}`,
        make: file(name, () => Buffer.concat([Buffer.from([0x01, 0x02]), r.bytes(r.int(20000))])),
        code: 1,
        message: NOT_XLSX,
      };
    case 8:
      return {
        name: `empty file as ${name}`,
        make: file(name, () => Buffer.alloc(0)),
        code: 1,
        message: /tom \(0 byte\)/,
      };
    case 9:
      return {
        name: `zip without a workbook as ${name}`,
        make: file(name, () =>
          zipOf({ 'readme.txt': `${r.pick(CPRS)} ${r.pick(NAMES)}`, 'data/x.xml': '<x/>' }),
        ),
        code: 1,
        message: NOT_XLSX,
      };
    default:
      return {
        name: `Excel 2003 XML with a CPR number as ${name}`,
        make: file(name, () =>
          Buffer.from(
            `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Cell>${r.pick(CPRS)}</Cell></Workbook>`,
          ),
        ),
        code: 1,
        message: /XML-regneark fra Excel 2003/,
      };
  }
}

/** The fixed families: things that are not files, permissions, hostile --out targets. */
const FIXED: Case[] = [
  {
    name: 'a folder',
    make: async (d) => (fs.mkdirSync(path.join(d, 'mappe.xlsx')), [path.join(d, 'mappe.xlsx')]),
    code: 1,
    message: NOT_A_FILE,
  },
  {
    name: 'a FIFO without a writer',
    make: async (d) => (execFileSync('mkfifo', [path.join(d, 'fifo.xlsx')]), [path.join(d, 'fifo.xlsx')]),
    code: 1,
    message: NOT_A_FILE,
  },
  {
    name: 'a symlink loop',
    make: async (d) => (
      fs.symlinkSync('a.xlsx', path.join(d, 'b.xlsx')),
      fs.symlinkSync('b.xlsx', path.join(d, 'a.xlsx')),
      [path.join(d, 'a.xlsx')]
    ),
    code: 1,
    message: NOT_A_FILE,
  },
  {
    name: 'a dangling symlink',
    make: async (d) => (fs.symlinkSync('findes-ikke.xlsx', path.join(d, 'l.xlsx')), [path.join(d, 'l.xlsx')]),
    code: 1,
    message: NOT_A_FILE,
  },
  { name: '/dev/zero', make: async () => ['/dev/zero'], code: 1, message: NOT_A_FILE },
  { name: '/dev/null', make: async () => ['/dev/null'], code: 1, message: NOT_A_FILE },
  { name: 'a socket', make: async () => [socketPath], code: 1, message: NOT_A_FILE },
  ...[0o600, 0o640, 0o400, 0o444].map((mode) => ({
    name: `a good .xlsx with mode ${mode.toString(8)}`,
    make: async (d: string) => file('god.xlsx', () => goodXlsx, mode)(d),
    code: 0 as const,
  })),
  ...(
    [
      // Device nodes of /dev/null and /dev/full in the case's folder (see deviceNode).
      ['/dev/null', async (d: string) => deviceNode(d, '/dev/null')],
      ['/dev/full', async (d: string) => deviceNode(d, '/dev/full')],
      ['a folder', async (d: string) => (fs.mkdirSync(path.join(d, 'ud.xlsx')), path.join(d, 'ud.xlsx'))],
      [
        'a FIFO',
        async (d: string) => (execFileSync('mkfifo', [path.join(d, 'ud.xlsx')]), path.join(d, 'ud.xlsx')),
      ],
      [
        'a symlink loop',
        async (d: string) => (fs.symlinkSync('ud.xlsx', path.join(d, 'ud.xlsx')), path.join(d, 'ud.xlsx')),
      ],
      [
        'a symlink to the input',
        async (d: string) => (fs.symlinkSync('god.xlsx', path.join(d, 'ud.xlsx')), path.join(d, 'ud.xlsx')),
      ],
      ['a missing folder', async (d: string) => path.join(d, 'mangler', 'ud.xlsx')],
      ['a socket', async () => socketPath],
    ] as const
  ).map(([what, out]) => ({
    name: `--out ${what}`,
    make: async (d: string) => [...(await file('god.xlsx', () => goodXlsx)(d)), '--out', await out(d)],
    code: 1 as const,
    message: BAD_OUT,
  })),
];

const r = rng(SEED);
const CASES: Case[] = [...FIXED, ...Array.from({ length: COUNT }, (_, i) => randomCase(r, i))];

/** Runs main() in-process; a run that does not settle within HANG_MS is reported as hung. */
async function runGuarded(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: barometer ${args.join(' ')}`)), HANG_MS);
  });
  try {
    const code = await Promise.race([
      main(args, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`) }),
      hung,
    ]);
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

describe('hostile files through the CLI', () => {
  let n = 0;
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    n += 1;
    const dir = path.join(root, `case-${n}`);
    fs.mkdirSync(dir);
    const args = await c.make(dir);
    const input = args[0] as string;
    const before = sha(input);
    const listing = fs.readdirSync(dir).sort();
    const res = await runGuarded(['check', ...args, ...TODAY]);
    const lines = res.stderr.split('\n').filter((l) => l !== '');
    expect([c.name, res.code]).toEqual([c.name, c.code]);
    if (c.code === 1) {
      expect(res.stdout).toBe('');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(c.message ?? /./);
      // One Danish sentence: what is wrong, a dash, what to do; no raw error codes or stack.
      expect(lines[0]).toMatch(/ – .+\.$/);
      expect(lines[0]).not.toMatch(/\bE[A-Z]{3,}\b|Error|\n\s+at /);
      // Nothing written beside the input (no output, no temp file).
      const now = fs.readdirSync(dir).sort();
      expect(now.filter((x) => !listing.includes(x))).toEqual([]);
    } else {
      expect(lines).toEqual([]);
      const out = path.join(dir, 'god-resultat.xlsx');
      expect(fs.statSync(out).mode & 0o777).toBe(fs.statSync(input).mode & 0o777);
    }
    expect(sha(input)).toBe(before);
    expect(findSecrets(res.stdout + res.stderr, NAMES, CPRS)).toEqual([]);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('covered every family', () => {
    const names = CASES.map((c) => c.name).join('\n');
    for (const f of [
      'real .xls',
      'real .ods',
      '.xlsb',
      'compound file',
      'CSV/text',
      'HTML',
      'truncated',
      'random bytes',
      'empty file',
      'zip without',
      'Excel 2003 XML',
    ])
      expect([f, names.includes(f)]).toEqual([f, true]);
  });
});
