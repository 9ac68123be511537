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

/** Writes bytes to `file` via a temp file in the same folder and a rename. */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = errCode(e);
    const why =
      code === 'ENOENT'
        ? 'mappen findes ikke'
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
