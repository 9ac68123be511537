/**
 * Regression (found while probing hostile layouts): a stray cell far to the right in a case row
 * (Ctrl+→ lands in XFD) put the verdict block past Excel's last column, and the output could not be
 * opened ("Invalid column letter: XFE"). Now the verdict columns are left out with one Danish error,
 * the result sheets are still written, the file adapters write a workbook that opens, and the stray
 * cell is kept. (In Excel on the web such a used range is too big to read at once; the Office
 * adapter reads it in row blocks and then does the same.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromXlsx } from '../excel-sim';
import { fixtureWorkbook } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';

async function input(): Promise<Buffer> {
  const wb = fixtureWorkbook(eksempel);
  (wb.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet).getCell('XFA7').value = 'en note langt ude';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function check(port: WorkbookPort): Promise<void> {
  const snapshot = await port.readSnapshot();
  const result = evaluate(snapshot, { today: dayFromYmd(2026, 11, 23) });
  if (!result.ok) throw new Error(result.error.message);
  const plan = planWrite(result.report, snapshot);
  expect(plan.problems?.map((p) => p.code)).toContain('no-room-for-verdicts');
  expect(plan.verdictBlock.values).toEqual([]);
  await port.apply(plan);
}

describe('no room for the verdict columns', () => {
  it('the CLI writes the result sheets, a workbook that opens, keeps the stray cell, and says what to move', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-noroom-'));
    const file = path.join(dir, 'in.xlsx');
    const out = path.join(dir, 'ud.xlsx');
    fs.writeFileSync(file, await input());
    let stdout = '';
    const code = await main(['check', file, '--out', out, '--json', '--today', '23-11-2026'], {
      out: (t) => (stdout += t),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const problem = (JSON.parse(stdout) as { problems: { code: string; message: string }[] }).problems.find(
      (p) => p.code === 'no-room-for-verdicts',
    );
    expect(problem?.message).toMatch(
      /^Arket "Sagsoversigt" har data helt ud i kolonne XFA, .* flyt eller slet cellerne/,
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Sagsoversigt', 'Resultattabeller', 'Overblik', 'Notat']),
    );
    expect((back.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet).getCell('XFA7').value).toBe(
      'en note langt ude',
    );
    // A second run is the same (nothing recorded as a verdict block).
    const out2 = path.join(dir, 'ud2.xlsx');
    let stdout2 = '';
    expect(
      await main(['check', out, '--out', out2, '--json', '--today', '23-11-2026'], {
        out: (t) => (stdout2 += t),
        err: () => undefined,
      }),
    ).toBe(0);
    expect(stdout2).toBe(stdout);
  });

  it('the ExcelJS adapter writes a workbook that opens', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(await input());
    await check(wb);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    expect(back.getWorksheet('Notat')).toBeDefined();
  });

  it('the Office adapter reads the wide used range in row blocks and does what the file adapters do', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(await input()));
    await check(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }));
    // No response near Excel on the web's 5 MB limit, though the used range runs to column XFA.
    expect(Math.max(...sim.responses.map((r) => r.bytes))).toBeLessThan(2_500_000);
    const dump = dumpWorkbook(sim.workbook);
    expect(dump.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining(['Sagsoversigt', 'Resultattabeller', 'Overblik', 'Notat']),
    );
    expect(dump.cells.Sagsoversigt?.XFA7?.value).toBe('en note langt ude');
  });
});
