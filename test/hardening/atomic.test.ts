/**
 * Nothing lost (issue 5, part 3), on the file side:
 * - writeAtomic (src/cli/files.ts) replaces a file through a hidden temp file in the same folder,
 *   flushed and renamed: a reader only ever sees the old file or the whole new one; a missing
 *   folder or a folder in the way is a Danish one-line error and leaves nothing behind; temp files
 *   a killed run left are removed by the next run, those of a live process are kept.
 * - A real `node bin/barometer.js check` child process on a large generated workbook is killed with
 *   SIGKILL half-way through its run and again the moment its temp file appears (during the write):
 *   the input stays byte-identical and the earlier output stays byte-identical (or, had the run
 *   already renamed its file, is the complete new one); a following run cleans up and succeeds.
 * When the kills land is chosen by timing and by watching the folder; no assertion depends on it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeAtomic } from '../../src/cli/files';
import { UserError } from '../../src/workbook/port';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'barometer.js');
const TEMP_RE = (base: string, pid?: number) =>
  new RegExp(`^\\.${base.replace(/\./g, '\\.')}\\.${pid ?? '\\d+'}\\.\\d+\\.tmp$`);

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const made: string[] = [];
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-atomic-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

describe('writeAtomic', () => {
  it('replaces the file through a hidden temp file beside it; a reader never sees a partial file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'ud.xlsx');
    fs.writeFileSync(target, 'OLD');
    const bytes = crypto.randomBytes(24 * 1024 * 1024);
    const sizes = new Set<number>();
    const names = new Set<string>();
    let polling = true;
    const poll = (): void => {
      try {
        sizes.add(fs.statSync(target).size);
      } catch {
        sizes.add(-1);
      }
      for (const n of fs.readdirSync(dir)) names.add(n);
      if (polling) setImmediate(poll);
    };
    poll();
    await writeAtomic(target, bytes);
    polling = false;
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes.has(bytes.length) ? [3, bytes.length] : [3]);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    // The temp file was there during the write (same folder: the rename cannot cross devices), and is gone.
    expect(
      [...names].filter((n) => n !== 'ud.xlsx').every((n) => TEMP_RE('ud.xlsx', process.pid).test(n)),
    ).toBe(true);
    expect([...names].some((n) => TEMP_RE('ud.xlsx', process.pid).test(n))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['ud.xlsx']);
  });

  it.each([
    [0o600, 0o000],
    [0o640, 0o077],
  ])('the temp file and the output have the given mode %o from the start (umask %o)', async (mode, mask) => {
    const dir = tempDir();
    const target = path.join(dir, 'privat.xlsx');
    const bytes = crypto.randomBytes(16 * 1024 * 1024);
    const seen = new Set<number>();
    let polling = true;
    const poll = (): void => {
      for (const n of fs.readdirSync(dir)) {
        try {
          seen.add(fs.statSync(path.join(dir, n)).mode & 0o777);
        } catch {
          // renamed between readdir and stat
        }
      }
      if (polling) setImmediate(poll);
    };
    const umask = process.umask(mask);
    try {
      poll();
      await writeAtomic(target, bytes, { mode });
    } finally {
      polling = false;
      process.umask(umask);
    }
    // Never world-readable when the input is private: no moment shows wider bits than asked.
    expect([...seen].every((m) => (m & ~mode) === 0)).toBe(true);
    expect(fs.statSync(target).mode & 0o777).toBe(mode);
  });

  it('fails with one Danish sentence and leaves nothing when the folder does not exist', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mangler', 'ud.xlsx');
    const err = await writeAtomic(target, Buffer.from('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(
      /^Resultatet kan ikke gemmes i ".*ud\.xlsx" \(mappen findes ikke\) – .*--out\.$/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fails with one Danish sentence when a folder has the name, and leaves the folder and no temp file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'ud.xlsx');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'noget.txt'), 'behold');
    const err = await writeAtomic(target, Buffer.from('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain('der ligger en mappe med det navn');
    expect(fs.readdirSync(dir)).toEqual(['ud.xlsx']);
    expect(fs.readFileSync(path.join(target, 'noget.txt'), 'utf8')).toBe('behold');
  });

  it("removes temp files of runs that are gone, keeps a live run's and other files'", async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(dead.stdout);
    const live = process.ppid;
    const stale = `.ud.xlsx.${deadPid}.1700000000000.tmp`;
    const running = `.ud.xlsx.${live}.1700000000001.tmp`;
    const other = `.andet.xlsx.${deadPid}.1700000000002.tmp`;
    for (const n of [stale, running, other])
      fs.writeFileSync(path.join(dir, n), 'kopi med personoplysninger');
    await writeAtomic(path.join(dir, 'ud.xlsx'), Buffer.from('ny'));
    expect(fs.readdirSync(dir).sort()).toEqual([other, running, 'ud.xlsx'].sort());
  });
});

/** A deterministic pseudo-random text (xorshift32) that does not compress, so the files are large. */
function noise(seed: number, length: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzæøå0123456789 ';
  let x = seed || 1;
  let s = '';
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += abc[(x >>> 0) % abc.length];
  }
  return s;
}

/** A large fictitious case list: 2,000 cases with a 6,000-character journal note each (~9 MB). */
async function bigWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('Sagsoversigt');
  ws.addRow([
    'Sag nummer',
    'Foranstaltning',
    'Barnets cpr.nr.',
    'Afgørelsesdato',
    'Journalnotat (intern)',
  ]).commit();
  for (let i = 0; i < 2000; i += 1) {
    const cpr = `${String((i % 28) + 1).padStart(2, '0')}0${(i % 9) + 1}1${i % 10}-4${String(i % 1000).padStart(3, '0')}`;
    const row = ws.addRow([
      i + 1,
      'Familiebehandling § 52, stk. 3, nr. 3',
      cpr,
      44256 + (i % 300),
      noise(i + 1, 6000),
    ]);
    row.getCell(4).numFmt = 'dd-mm-yyyy';
    row.commit();
  }
  ws.commit();
  const settings = wb.addWorksheet('Indstillinger');
  settings.addRow(['Kommune', 'Testrup']).commit();
  settings.commit();
  await wb.commit();
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
}

function start(input: string, out: string): { child: ChildProcess; done: Promise<Exit> } {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, 'check', input, '--out', out, '--today', '23-11-2026'], {
    env: { ...process.env, BAROMETER_FROM_SRC: '1', BAROMETER_DEBUG: '' },
    stdio: 'ignore',
  });
  const done = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - t0 })),
  );
  return { child, done };
}

/** A complete .xlsx: a zip whose every entry passes its CRC check and that has the case sheet. */
async function complete(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(file), { checkCRC32: true });
    return (
      zip.file('xl/workbook.xml') !== null &&
      Object.keys(zip.files).some((n) => n.startsWith('xl/worksheets/'))
    );
  } catch {
    return false;
  }
}

describe('a check run killed half-way (SIGKILL, real child process, large workbook)', () => {
  const dir = tempDir();
  const input = path.join(dir, 'stor.xlsx');
  const out = path.join(dir, 'stor-resultat.xlsx');
  let inputHash = '';
  let earlierHash = '';
  let fullMs = 0;

  beforeAll(async () => {
    await bigWorkbook(input);
    inputHash = sha(input);
    const first = await start(input, out).done;
    expect(first).toMatchObject({ code: 0, signal: null });
    fullMs = first.ms;
    earlierHash = sha(out);
    expect(await complete(out)).toBe(true);
  });

  /** The input is untouched; the earlier output is untouched or, if the run got to rename, complete. */
  async function expectIntact(pid: number | undefined): Promise<void> {
    expect(sha(input)).toBe(inputHash);
    expect(sha(out) === earlierHash || (await complete(out))).toBe(true);
    for (const name of fs.readdirSync(dir))
      expect([
        name,
        name === 'stor.xlsx' ||
          name === 'stor-resultat.xlsx' ||
          TEMP_RE('stor-resultat.xlsx', pid).test(name),
      ]).toEqual([name, true]);
  }

  it('half-way through the run: input and earlier output intact', async () => {
    const run = start(input, out);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), Math.round(fullMs / 2));
    const exit = await run.done;
    clearTimeout(timer);
    expect(exit.signal).toBe('SIGKILL');
    await expectIntact(run.child.pid);
    expect(sha(out)).toBe(earlierHash);
  });

  it('the moment its temp file appears (during the write): input and earlier output intact; the next run cleans up', async () => {
    let killedWhileWriting = false;
    let attempts = 0;
    for (; attempts < 3 && !killedWhileWriting;) {
      attempts += 1;
      const run = start(input, out);
      const pid = run.child.pid as number;
      const watcher = fs.watch(dir, (_event, name) => {
        if (name !== null && TEMP_RE('stor-resultat.xlsx', pid).test(name)) run.child.kill('SIGKILL');
      });
      const exit = await run.done;
      watcher.close();
      await expectIntact(pid);
      const left = fs.readdirSync(dir).filter((n) => TEMP_RE('stor-resultat.xlsx', pid).test(n));
      killedWhileWriting = exit.signal === 'SIGKILL' && left.length > 0;
      if (killedWhileWriting) expect(sha(out)).toBe(earlierHash);
    }
    // The kill must really have landed during a write, or this test proved nothing.
    expect(killedWhileWriting).toBe(true);
    process.stdout.write(`[atomic] killed during the write after ${attempts} run(s)\n`);

    // The next run removes the killed run's temp file (it holds the children's data) and writes anew.
    const next = await start(input, out).done;
    expect(next).toMatchObject({ code: 0, signal: null });
    expect(fs.readdirSync(dir).sort()).toEqual(['stor-resultat.xlsx', 'stor.xlsx']);
    expect(await complete(out)).toBe(true);
    expect(sha(input)).toBe(inputHash);
  });
});
