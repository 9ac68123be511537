import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export const ROOT = path.join(__dirname, '..', '..');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI's main() in-process with stdout and stderr captured, each line ending in "\n" as
 * bin/barometer.js prints it. The binary itself (spawned, from the built lib/) is tested in bin.test.ts.
 */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    out: (t) => {
      stdout += `${t}\n`;
    },
    err: (t) => {
      stderr += `${t}\n`;
    },
  });
  return { status, stdout, stderr };
}

export function tempDir(prefix = 'barometer-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet as address → [type, value, numFmt]. */
export function cellMap(ws: ExcelJS.Worksheet): Map<string, [number, unknown, string | undefined]> {
  const m = new Map<string, [number, unknown, string | undefined]>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Null) return;
      const v = cell.value instanceof Date ? cell.value.getTime() : cell.value;
      m.set(cell.address, [cell.type, JSON.parse(JSON.stringify(v)) as unknown, cell.numFmt]);
    });
  });
  return m;
}

/** Asserts the Danish one-line error contract: one line, no stack trace. */
export function stderrLines(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => l.trim() !== '');
}
