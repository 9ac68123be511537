/**
 * Prints what the pane must show for a workbook, computed in Node by the same core the pane uses
 * (read with the ExcelJS adapter): the browser test compares the pane and the downloaded file to it.
 *   node -r ts-node/register/transpile-only test/browser/expected.ts examples/eksempel.xlsx
 */
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { todayInCopenhagen } from '../../src/taskpane/today';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { COLUMNS } from '../../src/domain/columns';
import eksempel from '../fixtures/data/eksempel';

/**
 * The example's CPR numbers (with and without the dash) and children's names: the browser test
 * asserts none of them ever appears in a console message. Passed only as data, never printed.
 */
function secrets(): string[] {
  const at = (id: string) => COLUMNS.findIndex((c) => c.id === id);
  const out = new Set<string>();
  for (const row of eksempel.rows) {
    const cpr = row[at('cpr')];
    const name = row[at('navn')];
    if (typeof cpr === 'string' && cpr !== '') {
      out.add(cpr);
      out.add(cpr.replace('-', ''));
    }
    if (typeof name === 'string' && name !== '') out.add(name);
  }
  return [...out];
}

async function main(file: string): Promise<void> {
  const wb = await ExcelJsWorkbook.fromBuffer(readFileSync(file));
  const snapshot = await wb.readSnapshot();
  const result = evaluate(snapshot, { today: todayInCopenhagen(new Date()) });
  if (!result.ok) throw new Error(result.error.message);
  const { report } = result;
  const plan = planWrite(report, snapshot);
  const header = plan.verdictBlock.values[0] ?? [];
  process.stdout.write(
    JSON.stringify({
      kommune: report.settings.kommune,
      cases: report.cases.length,
      problems: report.problems.length + (plan.problems?.length ?? 0),
      tables: report.tables.map((t) => ({
        id: t.id,
        title: t.title,
        rows: Object.fromEntries(t.rows.map((r) => [r.label, r.count])),
      })),
      secrets: secrets(),
      verdictHeaders: header.filter((h): h is string => typeof h === 'string' && h !== ''),
    }),
  );
}

main(process.argv[2] ?? 'examples/eksempel.xlsx').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
