/**
 * LibreOffice headless (Debian's libreoffice-calc) as a second, independent reader of the .xlsx
 * files the tool writes: every sheet of every file is converted to UTF-8 CSV, in as few soffice
 * processes as possible (one process converts many files; starting one costs about a second).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * soffice 7.4 silently stops after about 250 file arguments (observed: 300 files given, 247
 * converted, exit 0), so a batch is split into calls of at most this many files.
 */
export const FILES_PER_CALL = 200;

/** CSV export of every sheet (token 12 = -1): comma, double quote, UTF-8, raw (not formatted) values. */
const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function runSoffice(profile: string, outDir: string, files: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        FILTER,
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) =>
      reject(new Error(`soffice could not start (apt-get install libreoffice-calc): ${e.message}`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`soffice exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/** The CSV files LibreOffice wrote for one .xlsx, by sheet name. */
export function sheetCsvFiles(outDir: string, xlsx: string): Map<string, string> {
  const base = path.basename(xlsx).replace(/\.xlsx$/i, '');
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(outDir)) {
    if (f.startsWith(`${base}-`) && f.endsWith('.csv'))
      out.set(f.slice(base.length + 1, -4), path.join(outDir, f));
  }
  return out;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) → rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Converts files in the background while the caller produces more. Files are converted in chunks
 * of CHUNK by one soffice process each: one worker runs while the caller works (LibreOffice on the
 * second core, the tests on the first); finish() adds a second worker with its own profile for
 * what is left, so both cores convert at the end, and waits for everything.
 */
export class ConversionQueue {
  static readonly CHUNK = FILES_PER_CALL;
  private pending: string[] = [];
  private readonly chunks: string[][] = [];
  private readonly workers: Promise<void>[] = [];
  private failed: Error | null = null;
  private done = false;
  private wake: (() => void) | null = null;
  calls = 0;

  constructor(
    private readonly outDir: string,
    private readonly profileBase: string,
  ) {
    fs.mkdirSync(outDir, { recursive: true });
    this.workers.push(this.work(`${profileBase}-1`));
  }

  add(file: string): void {
    this.pending.push(file);
    if (this.pending.length >= ConversionQueue.CHUNK) this.cut();
  }

  private cut(): void {
    if (this.pending.length > 0) this.chunks.push(this.pending);
    this.pending = [];
    this.wake?.();
  }

  private async work(profile: string): Promise<void> {
    for (;;) {
      const files = this.chunks.shift();
      if (files === undefined) {
        if (this.done) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      this.calls += 1;
      try {
        await runSoffice(profile, this.outDir, files);
      } catch (e) {
        this.failed ??= e as Error;
      }
    }
  }

  async finish(): Promise<void> {
    // What is left is split in two, one half per worker.
    const rest = this.pending;
    this.pending = [];
    const half = Math.ceil(rest.length / 2);
    if (half > 0) this.chunks.push(rest.slice(0, half));
    if (rest.length > half) this.chunks.push(rest.slice(half));
    this.done = true;
    this.wake?.();
    this.workers.push(this.work(`${this.profileBase}-2`));
    await Promise.all(this.workers);
    if (this.failed) throw this.failed;
  }
}
