/**
 * Nothing lost (issue 5, part 3), on the file side: writeAtomic (src/cli/files.ts) replaces a file
 * through a hidden temp file in the same folder, flushed and renamed: a reader only ever sees the
 * old file or the whole new one; a missing folder or a folder in the way is a Danish one-line error
 * and leaves nothing behind; temp files a killed run left are removed by the next run, those of a
 * live process are kept. The real child process killed with SIGKILL is in kill.test.ts
 * (`npm run test:hardening`).
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeAtomic } from '../../src/cli/files';
import { UserError } from '../../src/workbook/port';

const TEMP_RE = (base: string, pid?: number) =>
  new RegExp(`^\\.${base.replace(/\./g, '\\.')}\\.${pid ?? '\\d+'}\\.\\d+\\.tmp$`);

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
