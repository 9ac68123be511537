/**
 * Child process of xlsx-variants.test.ts: runs the package editor's check on each file named on
 * the command line and prints one JSON line per file as soon as it is done, so the parent can
 * stop a file that hangs (a hang in-process would stop the test runner itself).
 */
import * as fs from 'node:fs';
import { UserError } from '../../src/workbook/port';
import { runCheck } from './xlsx-package';

async function run(): Promise<void> {
  for (const file of process.argv.slice(2)) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    let line: Record<string, unknown>;
    try {
      await runCheck(bytes);
      line = { file, outcome: 'ok' };
    } catch (e) {
      line =
        e instanceof UserError
          ? { file, outcome: 'refused', exit: e.exitCode, message: e.message }
          : { file, outcome: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

void run();
