import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../workbook/port';

/**
 * The node:fs side of the CLI: reading the input, writing the output atomically (a temp file in
 * the same folder renamed into place, so a crash never leaves a half-written workbook).
 */

const errCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code?: unknown }).code) : undefined;

/** `<in>-resultat.xlsx` beside the input (a trailing .xlsx, any case, is replaced). */
export function defaultOutPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}-resultat.xlsx`);
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw new UserError(`"${file}" er en mappe, ikke en fil – angiv stien til en .xlsx-fil.`);
    }
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = errCode(e);
    if (code === 'ENOENT') {
      throw new UserError(`Filen "${file}" findes ikke – tjek stien og filnavnet.`, 1, { cause: e });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UserError(`Filen "${file}" kan ikke læses (ingen adgang) – tjek filens rettigheder.`, 1, {
        cause: e,
      });
    }
    throw new UserError(`Filen "${file}" kan ikke læses (${code ?? 'ukendt fejl'}) – tjek stien.`, 1, {
      cause: e,
    });
  }
}

/** The temp files writeAtomic makes beside a target: ".<name>.<pid>.<ms>.tmp". */
const TEMP_RE = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

/** True when a process with this id exists (EPERM: it exists but belongs to someone else). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errCode(e) === 'EPERM';
  }
}

/**
 * Removes the temp files that killed runs left beside `base` in `dir`.
 * Decision: such a file holds a full copy of the children's data under a hidden name, so the next
 * run into the same folder deletes it, but only when the process that made it is gone (a run in
 * progress keeps its own). Failures are ignored: the write itself reports what matters.
 */
async function removeStaleTemps(dir: string, base: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (m === null || m[1] !== base || alive(Number(m[2]))) continue;
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/**
 * Writes bytes to `file` via a temp file in the same folder, flushed to disk, then renamed over the
 * target: a run killed at any moment (or a power cut) leaves the earlier file or the new one, never
 * a half-written one.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const tmp = path.join(dir, `.${base}.${process.pid}.${Date.now()}.tmp`);
  await removeStaleTemps(dir, base);
  try {
    const fh = await fs.open(tmp, 'w');
    try {
      await fh.writeFile(bytes);
      // Without this the rename can reach the disk before the data, and a power cut leaves an empty file.
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = errCode(e);
    const why =
      code === 'ENOENT'
        ? 'mappen findes ikke'
        : code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST'
          ? 'der ligger en mappe med det navn'
          : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY'
            ? 'ingen adgang, eller filen er åben i Excel'
            : (code ?? 'ukendt fejl');
    throw new UserError(
      `Resultatet kan ikke gemmes i "${file}" (${why}) – luk filen, eller vælg en anden sti med --out.`,
      1,
      {
        cause: e,
      },
    );
  }
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

export async function makeTempDir(prefix: string): Promise<string> {
  const os = await import('node:os');
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function copyFile(from: string, to: string): Promise<void> {
  await fs.copyFile(from, to);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
