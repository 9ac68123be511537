/**
 * Writes a workbook of fictitious cases for the browser test's responsiveness check:
 *   node -r ts-node/register/transpile-only test/browser/large.ts out.xlsx 20000
 * Uses the benchmark's generator (every column filled, varied so every rule path runs).
 */
import { generate } from '../../bench/run';

const [file, count] = process.argv.slice(2);
if (!file) throw new Error('usage: large.ts <out.xlsx> [cases]');
generate(file, Number(count ?? 20000)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
