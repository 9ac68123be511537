/**
 * The CLI's files (issue 10, item 5), run in-process through main(argv, io) on real files:
 * - `--out` that is a device (/dev/null), a folder, a FIFO or a socket is refused before any work
 *   and left as it was; a symbolic link is followed and its target replaced atomically (the link
 *   stays a link); a link loop is refused.
 * - The output and its temp file get the input's permission bits (0600 stays 0600).
 * - Input that is not a regular file (/dev/zero, a FIFO, a folder, a link loop) is refused before
 *   a byte is read; an input above the size cap (a sparse file) likewise.
 * - `template` refuses an existing file unless --force.
 * - An .xlsm gives `<name>-resultat.xlsm` with its macros and macro-enabled workbook part; a
 *   mismatched --out extension is refused.
 * - Disk full (ENOSPC) and a read-only drive (EROFS), injected through files.ts's fileOps seam as
 *   the kernel reports them, and a real "no access" (/sys refuses new files even to root): one
 *   Danish line, exit 1, nothing left behind.
 * - A closed stdout (EPIPE) in the real `bin/barometer.js`: one Danish line, exit 1, no stack trace.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import JSZip from 'jszip';
import { fileOps, MAX_INPUT_BYTES } from '../../src/cli/files';
import { main } from '../../src/cli/main';
import { STDOUT_CLOSED, streamIo } from '../../src/cli/stdio';
import { deviceNode } from './devices';
import { ROOT, sha256, tempDir } from './helpers';

const EXAMPLE = path.join(ROOT, 'examples', 'eksempel.xlsx');
const TODAY = ['--today', '23-11-2026'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => void (stdout += `${t}\n`),
    err: (t) => void (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

/** Exit 1, nothing on stdout, exactly one Danish line on stderr matching `re`. */
function expectRefused(r: Run, re: RegExp): void {
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^barometer: /);
  expect(lines[0]).toMatch(re);
  expect(lines[0]).not.toMatch(/\bat .*\(|Error:|ENOSPC|EROFS|EACCES/);
  expect(r.code).toBe(1);
}

const dir = tempDir('barometer-files-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function input(name: string, mode = 0o600): string {
  const f = path.join(dir, name);
  fs.copyFileSync(EXAMPLE, f);
  fs.chmodSync(f, mode);
  return f;
}

describe('--out that is not a regular file is refused and left as it was', () => {
  it('/dev/null stays a character device', async () => {
    const f = input('null.xlsx');
    const devNull = deviceNode(dir, '/dev/null');
    const r = await run(['check', f, '--out', devNull, ...TODAY]);
    expectRefused(r, /"[^"]*\/null" \(det er en enhedsfil .*ikke en almindelig fil\) – .*--out\.$/);
    expect(fs.statSync(devNull).isCharacterDevice()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a folder, a FIFO and a socket', async () => {
    const f = input('special.xlsx');
    const folder = path.join(dir, 'mappe.xlsx');
    fs.mkdirSync(folder);
    const fifo = path.join(dir, 'fifo.xlsx');
    execFileSync('mkfifo', [fifo]);
    const sock = path.join(dir, 'sock.xlsx');
    const server = net.createServer();
    await new Promise<void>((res) => server.listen(sock, res));
    try {
      expectRefused(await run(['check', f, '--out', folder, ...TODAY]), /der ligger en mappe med det navn/);
      expectRefused(await run(['check', f, '--out', fifo, ...TODAY]), /navngiven pipe \(FIFO\)/);
      expectRefused(await run(['check', f, '--out', sock, ...TODAY]), /en socket, ikke en almindelig fil/);
    } finally {
      server.close();
    }
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a symbolic link is followed: its target is replaced, the link stays a link', async () => {
    const f = input('link-in.xlsx');
    const realDir = path.join(dir, 'rigtig');
    fs.mkdirSync(realDir);
    const target = path.join(realDir, 'mål.xlsx');
    fs.writeFileSync(target, 'OLD');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(path.relative(dir, target), link);
    const r = await run(['check', f, '--out', link, ...TODAY]);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    // A link to a file that does not exist yet creates that file; the temp file was beside it.
    const dangling = path.join(dir, 'dangling.xlsx');
    fs.symlinkSync(path.join(realDir, 'ny.xlsx'), dangling);
    expect((await run(['check', f, '--out', dangling, ...TODAY])).code).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(realDir, 'ny.xlsx')).isFile()).toBe(true);
    expect(fs.readdirSync(realDir).sort()).toEqual(['mål.xlsx', 'ny.xlsx']);
  });

  it('a link loop and a link to the input are refused', async () => {
    const f = input('loop-in.xlsx');
    const loop = path.join(dir, 'loop.xlsx');
    fs.symlinkSync('loop.xlsx', loop);
    expectRefused(await run(['check', f, '--out', loop, ...TODAY]), /peger i ring/);
    const toInput = path.join(dir, 'til-input.xlsx');
    fs.symlinkSync(f, toInput);
    const before = sha256(f);
    expectRefused(await run(['check', f, '--out', toInput, ...TODAY]), /må ikke pege på input-filen/);
    expect(sha256(f)).toBe(before);
  });
});

describe('permission bits', () => {
  it.each([0o600, 0o640, 0o644])(
    'an input with mode %o gives an output and temp file with the same',
    async (mode) => {
      const f = input(`mode-${mode.toString(8)}.xlsx`, mode);
      const out = path.join(dir, `mode-${mode.toString(8)}-ud.xlsx`);
      const tempModes: number[] = [];
      const write = fileOps.write;
      const spy = jest.spyOn(fileOps, 'write').mockImplementation(async (fh, bytes) => {
        tempModes.push((await fh.stat()).mode & 0o777);
        return write(fh, bytes);
      });
      const umask = process.umask(0o022);
      try {
        expect((await run(['check', f, '--out', out, ...TODAY])).code).toBe(0);
      } finally {
        process.umask(umask);
        spy.mockRestore();
      }
      expect(tempModes).toEqual([mode]);
      expect(fs.statSync(out).mode & 0o777).toBe(mode);
    },
  );

  it('an existing output someone made private is never widened', async () => {
    const f = input('wide.xlsx', 0o644);
    const out = path.join(dir, 'privat-ud.xlsx');
    fs.writeFileSync(out, 'x', { mode: 0o600 });
    fs.chmodSync(out, 0o600);
    expect((await run(['check', f, '--out', out, ...TODAY])).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('input that is not a regular file is refused before reading', () => {
  it('/dev/zero, a FIFO without a writer, a folder, a link loop', async () => {
    const read = jest.spyOn(fileOps, 'read');
    const fifo = path.join(dir, 'input-fifo.xlsx');
    execFileSync('mkfifo', [fifo]);
    const loop = path.join(dir, 'input-loop.xlsx');
    fs.symlinkSync('input-loop.xlsx', loop);
    const folder = path.join(dir, 'input-mappe.xlsx');
    fs.mkdirSync(folder);
    try {
      expectRefused(
        await run(['check', '/dev/zero', ...TODAY]),
        /"\/dev\/zero" er en enhedsfil.*angiv stien/,
      );
      expectRefused(await run(['check', fifo, ...TODAY]), /er en navngiven pipe \(FIFO\)/);
      expectRefused(await run(['check', folder, ...TODAY]), /er en mappe, ikke en fil/);
      expectRefused(await run(['check', loop, ...TODAY]), /peger i ring/);
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('a file above the size cap (sparse, so it takes no disk) is refused before reading', async () => {
    const big = path.join(dir, 'stor.xlsx');
    fs.writeFileSync(big, fs.readFileSync(EXAMPLE));
    fs.truncateSync(big, MAX_INPUT_BYTES + 1);
    const read = jest.spyOn(fileOps, 'read');
    try {
      expectRefused(
        await run(['check', big, ...TODAY]),
        /"[^"]*stor\.xlsx" er for stor \(1\.0 GB; højst 1 GB\)/,
      );
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });
});

describe('template', () => {
  it('refuses an existing file unless --force, and refuses a device even with --force', async () => {
    const f = path.join(dir, 'udfyldt.xlsx');
    fs.copyFileSync(EXAMPLE, f);
    const before = sha256(f);
    expectRefused(await run(['template', f]), /findes allerede – .*--force/);
    expect(sha256(f)).toBe(before);
    const r = await run(['template', f, '--force']);
    expect(r.code).toBe(0);
    expect(sha256(f)).not.toBe(before);
    expectRefused(
      await run(['template', deviceNode(fs.mkdtempSync(path.join(dir, 'enhed-')), '/dev/null'), '--force']),
      /^barometer: Skabelonen kan ikke gemmes i "[^"]*\/null" \(det er en enhedsfil/,
    );
    const fresh = path.join(dir, 'ny-skabelon.xlsx');
    expect((await run(['template', fresh])).code).toBe(0);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

/** The bundled example turned into an .xlsm: macro-enabled workbook part plus a VBA project part. */
async function makeXlsm(file: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(EXAMPLE));
  const ct = (await zip.file('[Content_Types].xml')?.async('string')) as string;
  const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  expect(ct).toContain(main);
  zip.file(
    '[Content_Types].xml',
    ct
      .replace(main, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace(
        '<Default ',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
      ),
  );
  const vba = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  zip.file('xl/vbaProject.bin', vba);
  const relsName = 'xl/_rels/workbook.xml.rels';
  const rels = (await zip.file(relsName)?.async('string')) as string;
  zip.file(
    relsName,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return vba;
}

describe('.xlsm', () => {
  it('gives <name>-resultat.xlsm with its macros and its macro-enabled workbook part, which LibreOffice opens', async () => {
    const f = path.join(dir, 'makro.xlsm');
    const vba = await makeXlsm(f);
    const before = sha256(f);
    const r = await run(['check', f, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = path.join(dir, 'makro-resultat.xlsm');
    expect(r.stdout).toContain(`Resultat gemt i: ${out}`);
    expect(fs.existsSync(path.join(dir, 'makro-resultat.xlsx'))).toBe(false);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('[Content_Types].xml')?.async('string')).toMatch(
      /PartName="\/xl\/workbook\.xml" ContentType="application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml"/,
    );
    expect(
      Buffer.from((await zip.file('xl/vbaProject.bin')?.async('uint8array')) as Uint8Array).equals(vba),
    ).toBe(true);
    expect(await zip.file('xl/_rels/workbook.xml.rels')?.async('string')).toContain('vbaProject.bin');
    expect(zip.file('xl/worksheets/sheet1.xml')).not.toBeNull();
    expect(sha256(f)).toBe(before);
    const csvDir = path.join(dir, 'csv');
    const lo = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'lo')}`,
        '--headless',
        '--convert-to',
        'csv',
        '--outdir',
        csvDir,
        out,
      ],
      { encoding: 'utf8' },
    );
    expect([lo.status, fs.readFileSync(path.join(csvDir, 'makro-resultat.csv'), 'utf8')]).toEqual([
      0,
      expect.stringContaining('Sag nummer'),
    ]);
  });

  it('an .xlsm renamed .xlsx still gives an .xlsm (told by content); --out x.xlsx for it is refused', async () => {
    const f = path.join(dir, 'omdoebt.xlsx');
    await makeXlsm(f);
    expect((await run(['check', f, ...TODAY])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'omdoebt-resultat.xlsm'))).toBe(true);
    const r = await run(['check', f, '--out', path.join(dir, 'x.xlsx'), ...TODAY]);
    expectRefused(r, /indeholder makroer \(\.xlsm\).*--out ".*x\.xlsm"/);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('an .xlsx with --out y.xlsm is refused (Excel refuses an .xlsm without macros)', async () => {
    const f = input('plain.xlsx');
    expectRefused(await run(['check', f, '--out', path.join(dir, 'y.xlsm'), ...TODAY]), /har ingen makroer/);
  });
});

describe('disk full, read-only drive, no access: one Danish line, exit 1, nothing left', () => {
  const fsError = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code });

  it.each([
    [
      'ENOSPC',
      'write',
      /\(der er ikke plads på drevet\) – frigør plads, eller vælg en anden sti med --out\.$/,
    ],
    ['EDQUOT', 'write', /\(der er ikke plads på drevet\)/],
    ['EROFS', 'open', /\(drevet er skrivebeskyttet\) – vælg en anden sti med --out\.$/],
    ['EACCES', 'open', /\(ingen adgang, eller filen er åben i Excel\)/],
    ['EFBIG', 'write', /\(filen er for stor til drevet\)/],
    ['EIO', 'rename', /\(fejl på drevet\)/],
  ] as const)('%s on %s', async (code, op, re) => {
    const name = `fejl-${code.toLowerCase().replace(/^e/, 'x')}`;
    const f = input(`${name}.xlsx`);
    const out = path.join(dir, `${name}-ud.xlsx`);
    const real = fileOps[op] as (...a: unknown[]) => Promise<unknown>;
    // Only the output side fails (the input is opened read-only, the temp file with "wx").
    const spy = jest
      .spyOn(fileOps, op)
      .mockImplementation(((...a: unknown[]) =>
        op === 'open' && a[1] !== 'wx' ? real(...a) : Promise.reject(fsError(code))) as never);
    try {
      expectRefused(await run(['check', f, '--out', out, ...TODAY]), re);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir).filter((n) => n.includes(`${name}-ud`))).toEqual([]);
  });

  it('EIO while reading the input, and a real refusal: /sys takes no new files, not even from root', async () => {
    const f = input('laes.xlsx');
    const spy = jest.spyOn(fileOps, 'read').mockRejectedValue(fsError('EIO'));
    try {
      expectRefused(await run(['check', f, ...TODAY]), /kan ikke læses \(fejl på drevet\)/);
    } finally {
      spy.mockRestore();
    }
    expectRefused(
      await run(['check', f, '--out', '/sys/barometer-ud.xlsx', ...TODAY]),
      /kan ikke gemmes i "\/sys\/barometer-ud\.xlsx" \(ingen adgang/,
    );
  });
});

describe('a closed stdout', () => {
  it('the real bin/barometer.js: one Danish line on stderr, exit 1, no stack trace', async () => {
    const f = input('pipe.xlsx');
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'barometer.js'), 'check', f, '--json', ...TODAY],
      {
        env: { ...process.env, BAROMETER_FROM_SRC: '1', BAROMETER_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // The reader goes away before the child writes (as `| head -c5` does once it has its bytes).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(stderr.trim().split('\n')).toEqual([`barometer: ${STDOUT_CLOSED}`]);
    expect(code).toBe(1);
    // The result was written before stdout was needed.
    expect(fs.existsSync(path.join(dir, 'pipe-resultat.xlsx'))).toBe(true);
  });

  it('in-process: main() over a real pipe whose reader is gone returns 1 with the Danish line', async () => {
    const f = input('pipe-inproc.xlsx');
    const fifo = path.join(dir, 'stdout.fifo');
    execFileSync('mkfifo', [fifo]);
    // Open the reader (non-blocking), then the writer, then close the reader: writes now fail with EPIPE.
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY);
    fs.closeSync(reader);
    const out = fs.createWriteStream('', { fd: writer });
    let stderr = '';
    const err = new Writable({
      write(chunk: Buffer, _enc, cb) {
        stderr += chunk.toString();
        cb();
      },
    });
    const code = await main(['check', f, '--json', ...TODAY], streamIo(out, err));
    expect(stderr).toBe(`barometer: ${STDOUT_CLOSED}\n`);
    expect(code).toBe(1);
    out.destroy();
  });
});

describe('main(argv, io) in-process for every verb', () => {
  it('help, template, check and demo write only through the Io and never touch the process', async () => {
    const exitCode = process.exitCode;
    const write = jest.spyOn(process.stdout, 'write');
    const writeErr = jest.spyOn(process.stderr, 'write');
    try {
      const help = await run(['--help']);
      expect([help.code, help.stdout.startsWith('Brug:')]).toEqual([0, true]);
      const tpl = path.join(dir, 'verb-skabelon.xlsx');
      expect((await run(['template', tpl])).stdout).toBe(`Skabelon gemt i: ${tpl}\n`);
      const check = await run(['check', tpl, ...TODAY]);
      expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('0 sager')]);
      const demo = await run(['demo', '--json', ...TODAY]);
      expect([demo.code, (JSON.parse(demo.stdout) as { cases: number }).cases]).toEqual([0, 17]);
      const bad = await run(['nej']);
      expect([bad.code, bad.stdout, bad.stderr]).toEqual([
        1,
        '',
        expect.stringMatching(/^barometer: Ukendt kommando "nej"/),
      ]);
      expect(write).not.toHaveBeenCalled();
      expect(writeErr).not.toHaveBeenCalled();
      expect(process.exitCode).toBe(exitCode);
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
  });
});
