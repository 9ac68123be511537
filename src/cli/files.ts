import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../workbook/port';

/**
 * The node:fs side of the CLI: reading the input (regular files only, refused before a byte is
 * read otherwise), writing the output atomically (a temp file beside the target, with the input's
 * permission bits, renamed into place, so a crash never leaves a half-written workbook), and one
 * Danish sentence for every way a file system can say no.
 */

/**
 * The file operations that can fail for reasons outside the program (disk full, read-only drive):
 * a seam so tests can make them fail as a real disk would. Everything here goes through it.
 */
export const fileOps = {
  open: (file: string, flags: string | number, mode?: number) => fs.open(file, flags, mode),
  write: (fh: fs.FileHandle, bytes: Uint8Array) => fh.writeFile(bytes),
  read: (fh: fs.FileHandle) => fh.readFile(),
  rename: (from: string, to: string) => fs.rename(from, to),
};

const errCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code?: unknown }).code) : undefined;

/**
 * Decision: an input above 1 GiB is refused before reading (the same cap as one inflated part):
 * a case list at Excel's 1,048,576 rows is far smaller, and reading more risks the machine's memory.
 */
export const MAX_INPUT_BYTES = 2 ** 30;

/** `<in>-resultat.xlsx` beside the input (`.xlsm` for a workbook with macros; a trailing .xlsx/.xlsm is replaced). */
export function defaultOutPath(input: string, macroEnabled = /\.xlsm$/i.test(input)): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xls[xm]$/i, '');
  return path.join(dir, `${base}-resultat.${macroEnabled ? 'xlsm' : 'xlsx'}`);
}

/** What a file that is not a regular file is, in Danish ("en mappe", "en enhed", …). */
function specialKind(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'en mappe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'en enhedsfil (fx /dev/null)';
  if (st.isFIFO()) return 'en navngiven pipe (FIFO)';
  if (st.isSocket()) return 'en socket';
  return 'ikke en almindelig fil';
}

export interface InputFile {
  readonly bytes: Uint8Array;
  /** The permission bits (e.g. 0o600), given to the output and its temp file. */
  readonly mode: number;
}

function readError(file: string, e: unknown): UserError {
  const code = errCode(e);
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'findes ikke – tjek stien og filnavnet'
      : code === 'EACCES' || code === 'EPERM'
        ? 'kan ikke læses (ingen adgang) – tjek filens rettigheder'
        : code === 'ELOOP'
          ? 'er en symbolsk henvisning, der peger i ring – angiv stien til selve .xlsx-filen'
          : code === 'ENXIO'
            ? 'er ikke en almindelig fil (fx en socket) – angiv stien til en .xlsx-fil'
            : code === 'ENAMETOOLONG'
              ? 'har et for langt navn – flyt eller omdøb filen'
              : code === 'EIO'
                ? 'kan ikke læses (fejl på drevet) – kopiér filen til et andet drev, og prøv igen'
                : `kan ikke læses (${code ?? 'ukendt fejl'}) – tjek stien`;
  return new UserError(`Filen "${file}" ${why}.`, 1, { cause: e });
}

/**
 * Reads the input file: a regular file only. It is opened without blocking (a FIFO would wait for
 * a writer) and checked on the open handle, so a device, pipe or folder is refused before a single
 * byte is read (`check /dev/zero` would otherwise read for ever).
 */
export async function readInputFile(file: string): Promise<InputFile> {
  let fh: fs.FileHandle;
  try {
    fh = await fileOps.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw readError(file, e);
  }
  try {
    const st = await fh.stat();
    const kind = specialKind(st);
    if (kind === 'en mappe')
      throw new UserError(`"${file}" er en mappe, ikke en fil – angiv stien til en .xlsx-fil.`);
    if (kind !== null)
      throw new UserError(`"${file}" er ${kind}, ikke en almindelig fil – angiv stien til en .xlsx-fil.`);
    if (st.size > MAX_INPUT_BYTES) {
      throw new UserError(
        `Filen "${file}" er for stor (${(st.size / 2 ** 30).toFixed(1)} GB; højst 1 GB) – fjern ark, billeder og data, der ikke hører til sagsoversigten, eller del den i flere projektmapper.`,
      );
    }
    const bytes = await fileOps.read(fh);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), mode: st.mode & 0o777 };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw readError(file, e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

export async function readInput(file: string): Promise<Uint8Array> {
  return (await readInputFile(file)).bytes;
}

/** Decision: at most 40 symbolic links are followed (Linux's own limit, MAXSYMLINKS). */
const MAX_LINKS = 40;

export interface OutputTarget {
  /** The file that is really replaced: `file` with every symbolic link followed. */
  readonly path: string;
  /** The target as it is now, or null when it does not exist yet. */
  readonly existing: Stats | null;
}

/** How the messages about an output name it: "Resultatet … – vælg … med --out." by default. */
export interface OutputWording {
  readonly label: string;
  readonly hint: string;
}
const RESULT: OutputWording = { label: 'Resultatet', hint: 'vælg en anden sti med --out' };

function outError(file: string, why: string, w: OutputWording, cause?: unknown): UserError {
  return new UserError(`${w.label} kan ikke gemmes i "${file}" (${why}) – ${w.hint}.`, 1, { cause });
}

/**
 * Where writing `file` really lands: symbolic links are followed to their target (a link is kept
 * and its target replaced), and a target that is a folder, a device (/dev/null), a FIFO or a
 * socket is refused, since replacing it with a plain file would destroy it (and, as root, turn
 * /dev/null into a readable file of CPR numbers).
 */
export async function outputTarget(file: string, w: OutputWording = RESULT): Promise<OutputTarget> {
  let p = path.resolve(file);
  for (let hop = 0; ; hop += 1) {
    let st: Stats;
    try {
      st = await fs.lstat(p);
    } catch (e) {
      const code = errCode(e);
      if (code === 'ENOENT') {
        // Told now, before the work, rather than when the write fails.
        const parent = await fs.stat(path.dirname(p)).catch(() => null);
        if (parent === null) throw outError(file, 'mappen findes ikke', w, e);
        if (!parent.isDirectory()) throw outError(file, 'en del af stien er ikke en mappe', w, e);
        return { path: p, existing: null };
      }
      if (code === 'ENOTDIR') throw outError(file, 'en del af stien er ikke en mappe', w, e);
      if (code === 'ELOOP') throw outError(file, 'en symbolsk henvisning peger i ring', w, e);
      throw outError(file, code ?? 'ukendt fejl', w, e);
    }
    if (st.isSymbolicLink()) {
      if (hop >= MAX_LINKS) throw outError(file, 'en symbolsk henvisning peger i ring', w);
      p = path.resolve(path.dirname(p), await fs.readlink(p));
      continue;
    }
    const kind = specialKind(st);
    if (kind === 'en mappe') throw outError(file, 'der ligger en mappe med det navn', w);
    if (kind !== null) throw outError(file, `det er ${kind}, ikke en almindelig fil`, w);
    return { path: p, existing: st };
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

/** Why a write failed, and what to do, for each error code a file system gives. */
function writeWhy(code: string | undefined, w: OutputWording): [string, string] {
  switch (code) {
    case 'ENOENT':
      return ['mappen findes ikke', w.hint];
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return ['der ligger en mappe med det navn', w.hint];
    case 'ENOSPC':
    case 'EDQUOT':
      return ['der er ikke plads på drevet', `frigør plads, eller ${w.hint}`];
    case 'EROFS':
      return ['drevet er skrivebeskyttet', w.hint];
    case 'EFBIG':
      return ['filen er for stor til drevet', w.hint];
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return ['ingen adgang, eller filen er åben i Excel', `luk filen, eller ${w.hint}`];
    case 'ENAMETOOLONG':
      return ['navnet er for langt', w.hint];
    case 'EIO':
      return ['fejl på drevet', w.hint];
    default:
      return [code ?? 'ukendt fejl', `luk filen, eller ${w.hint}`];
  }
}

export interface WriteOptions {
  /**
   * Permission bits for the output and its temp file (the input's, e.g. 0o600). Never wider than
   * an existing target's. Without it an existing target keeps its bits and a new one gets 0o666
   * less the umask.
   */
  readonly mode?: number;
  readonly wording?: OutputWording;
}

/**
 * Writes bytes to `file` via a temp file beside its real target (symbolic links followed), with
 * the permission bits from the start, flushed to disk, then renamed over the target: a run killed
 * at any moment (or a power cut) leaves the earlier file or the new one, never a half-written one,
 * and never a copy readable by more people than the input.
 */
export async function writeAtomic(
  file: string,
  bytes: Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const w = options.wording ?? RESULT;
  const target = await outputTarget(file, w);
  const dir = path.dirname(target.path);
  const base = path.basename(target.path);
  const tmp = path.join(dir, `.${base}.${process.pid}.${Date.now()}.tmp`);
  const old = target.existing === null ? null : target.existing.mode & 0o777;
  // Decision: the output holds the input's personal data, so it is never readable by more people
  // than the input (the input's bits), nor than an output someone already restricted.
  const mode = options.mode === undefined ? old : options.mode & 0o777 & (old ?? 0o777);
  await removeStaleTemps(dir, base);
  try {
    const fh = await fileOps.open(tmp, 'wx', mode ?? 0o666);
    try {
      // The umask may have taken bits the input has; the input's bits are what the owner chose.
      if (mode !== null) await fh.chmod(mode);
      await fileOps.write(fh, bytes);
      // Without this the rename can reach the disk before the data, and a power cut leaves an empty file.
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fileOps.rename(tmp, target.path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const [why, hint] = writeWhy(errCode(e), w);
    throw new UserError(`${w.label} kan ikke gemmes i "${file}" (${why}) – ${hint}.`, 1, { cause: e });
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
