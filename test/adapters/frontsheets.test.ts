/**
 * The pane's "Opret sagsforsider (Bilag 2)" below the components: in standalone mode the worker's
 * session makes the file's bytes from the opened workbook and leaves that workbook as it was; in
 * Excel the session hands the file to Excel.createWorkbook as base64 and writes nothing into the
 * open workbook (the simulated Excel, with createWorkbook recorded as Excel's host call).
 */
/// <reference types="office-js" />
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { EXAMPLE_PATH } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { core } from '../../src/taskpane/services/core';
import { frontSheetsFileName, toBase64 } from '../../src/taskpane/services/frontSheets';
import { frontSheetsFile } from '../../src/taskpane/services/frontSheetsFile';
import { BarometerController } from '../../src/taskpane/services/controller';
import { frontSheetsToExcel } from '../../src/taskpane/services/officeSession';
import { OfficeWorkbook } from '../../src/workbook/office';
import { sessionFromBuffer } from '../../src/taskpane/services/standaloneWorkbook';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromExcelJs } from '../excel-sim';

const today = () => dayFromYmd(2026, 11, 23);
const now = () => ({ day: today(), minutes: 600 });

async function sheetsOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets;
}

const SAG_NAMES = Array.from({ length: 17 }, (_, i) => `Sag ${i + 1}`);

describe('front sheets in the pane', () => {
  it('names the file after the opened one and encodes base64 as Node does', () => {
    expect(frontSheetsFileName('sager.xlsx')).toBe('sager-sagsforsider.xlsx');
    expect(frontSheetsFileName('Makroer.XLSM')).toBe('Makroer-sagsforsider.xlsx');
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('standalone: a file of its own, and the opened workbook is left as it was', async () => {
    const input = new Uint8Array(fs.readFileSync(EXAMPLE_PATH));
    const session = await sessionFromBuffer(input.slice().buffer, 'eksempel.xlsx', core, today, now);
    const before = await (await session.download?.())?.blob.arrayBuffer();
    const phases: string[] = [];
    const file = await frontSheetsFile(await session.controller.frontSheets((p) => phases.push(p)));
    expect(phases).toEqual(['read', 'evaluate']);
    expect([file.cases, file.warnings]).toEqual([17, []]);
    expect((await sheetsOf(file.bytes)).map((w) => w.name)).toEqual(SAG_NAMES);
    const after = await (await session.download?.())?.blob.arrayBuffer();
    expect(Buffer.from(after as ArrayBuffer).equals(Buffer.from(before as ArrayBuffer))).toBe(true);
  });

  it('Excel: a new workbook through Excel.createWorkbook, never the open one', async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(EXAMPLE_PATH);
    const sim = createSimulatedExcel(simWorkbookFromExcelJs(source));
    const before = JSON.stringify(dumpWorkbook(sim.workbook));
    const created: string[] = [];
    // Excel mode runs the controller in the pane's worker over a port to this adapter
    // (portHost.test.ts proves that boundary); here the controller reads the adapter directly.
    const office = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
    const controller = new BarometerController(office, core, today, now);
    (globalThis as { Excel?: unknown }).Excel = {
      createWorkbook: async (base64?: string) => void created.push(base64 ?? ''),
    };
    try {
      const r = await frontSheetsToExcel(
        await frontSheetsFile(await controller.frontSheets(() => undefined)),
      );
      expect(r).toEqual({ kind: 'workbook', cases: 17, warnings: [] });
      expect(created).toHaveLength(1);
      const sheets = await sheetsOf(new Uint8Array(Buffer.from(created[0] as string, 'base64')));
      expect(sheets.map((w) => w.name)).toEqual(SAG_NAMES);
      expect(sim.stats.writes).toEqual([]);
      expect(sim.workbook.sheets.map((w) => w.name)).not.toContain('Sag 1');
      expect(JSON.stringify(dumpWorkbook(sim.workbook))).toBe(before);
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
  });
});
