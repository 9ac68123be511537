/**
 * Re-runs after a person edited the columns of the case sheet, on the Office adapter (simulated
 * Excel: the person's grid edits move cells, widths and merges as Excel does) and on the ExcelJS
 * adapter (the workbook rewritten by ExcelJS, cells shifting with their columns). The same cases
 * and the same promises as the package adapter's suite (test/workbook/columnedits.test.ts).
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { EXAMPLE_PATH } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { generatedHeaderTexts } from '../../src/domain/meta';
import { planWrite } from '../../src/domain/plan';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import type { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import {
  createSimulatedExcel,
  findSheet,
  keyCol,
  keyRow,
  simWorkbookFromXlsx,
  userRearrangesColumns,
  userTypes,
  type SimulatedExcel,
} from '../excel-sim';
import {
  applyToOrigins,
  EDIT_CASES,
  editWithExcelJs,
  expectRerunKeeps,
  generatedColumnsOf,
  gridOfExcelJs,
  headerRowOf,
  layoutOf,
  personalCells,
  TYPED_HEADER,
  typedNote,
  type Grid,
} from './columnedits';
import { ADAPTERS, packageAdapter } from './adapters';

const TODAY = dayFromYmd(2026, 11, 23);
const CASE_SHEET = 'Sagsoversigt';
const TEXTS: ReadonlySet<string> = new Set(generatedHeaderTexts());
const EXAMPLE = fs.readFileSync(EXAMPLE_PATH);

/** One check run through a port, as the task pane and the CLI do it. */
async function checkRun(port: WorkbookPort): Promise<void> {
  const snapshot = await port.readSnapshot();
  const result = evaluate(snapshot, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  await port.apply(planWrite(result.report, snapshot));
}

describe('re-running after a person edits the columns (Office adapter, simulated Excel)', () => {
  const gridOfSim = (sim: SimulatedExcel): Grid => {
    const sheet = findSheet(sim.workbook, CASE_SHEET);
    const out = new Map<string, string>();
    for (const [key, cell] of sheet?.cells ?? []) {
      if (cell.value !== null && cell.value !== '')
        out.set(`${keyRow(key)}:${keyCol(key)}`, JSON.stringify(cell.value));
    }
    return out;
  };
  const firstRun = async (): Promise<SimulatedExcel> => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(EXAMPLE));
    await checkRun(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn }));
    return sim;
  };

  it.each(EDIT_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const sim = await firstRun();
    const first = gridOfSim(sim);
    const layout = layoutOf(first, TEXTS);
    const ops = c.ops(layout);
    const headerRow = headerRowOf(first);
    const lastRow = Math.max(...[...first.keys()].map((k) => Number(k.split(':')[0])));

    // The person's edits, one at a time as in Excel, typing into the columns they insert.
    for (const o of ops) {
      const width = Math.max(...[...gridOfSim(sim).keys()].map((k) => Number(k.split(':')[1]))) + 4;
      userRearrangesColumns(sim.workbook, CASE_SHEET, applyToOrigins(width, [o]));
      if (o.op === 'insert' && o.typed) {
        userTypes(sim.workbook, CASE_SHEET, headerRow, o.at, TYPED_HEADER);
        for (let r = headerRow + 1; r <= lastRow; r += 1)
          userTypes(sim.workbook, CASE_SHEET, r, o.at, typedNote(r));
      }
    }
    const origins = applyToOrigins(layout.last + 4, ops);
    const personal = personalCells(
      gridOfSim(sim),
      origins,
      [...generatedColumnsOf(first, TEXTS).values()].flat(),
    );
    expect([...personal.values()]).toContain(JSON.stringify('Sag nummer'));

    await checkRun(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn }));
    expectRerunKeeps(first, personal, gridOfSim(sim), TEXTS);
  });
});

describe('re-running after a person edits the columns (ExcelJS adapter)', () => {
  const caseSheet = (wb: ExcelJS.Workbook): ExcelJS.Worksheet =>
    wb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet;
  const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };
  let firstBytes: Uint8Array;
  let first: Grid;

  beforeAll(async () => {
    const port = await ExcelJsWorkbook.fromBuffer(EXAMPLE);
    await checkRun(port);
    firstBytes = await port.toBuffer();
    first = gridOfExcelJs(caseSheet(await load(firstBytes)));
  });

  it.each(EDIT_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const layout = layoutOf(first, TEXTS);
    const ops = c.ops(layout);
    const wb = await load(firstBytes);
    const ws = caseSheet(wb);
    editWithExcelJs(ws, ops, headerRowOf(first), ws.rowCount);
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const origins = applyToOrigins(layout.last + 4, ops);
    const personal = personalCells(
      gridOfExcelJs(caseSheet(await load(edited))),
      origins,
      [...generatedColumnsOf(first, TEXTS).values()].flat(),
    );

    const port = await ExcelJsWorkbook.fromBuffer(edited);
    await checkRun(port);
    expectRerunKeeps(first, personal, gridOfExcelJs(caseSheet(await load(await port.toBuffer()))), TEXTS);
  });
});

describe.each(ADAPTERS.map((a) => [a.name, a] as const))(
  'a person’s notes above the verdict block stay through a re-run: %s',
  (_n, adapter) => {
    it('clears the generated columns from their header row down only', async () => {
      const first = await packageAdapter.open(EXAMPLE);
      await checkRun(first.port);
      const out1 = (await first.dump()).cells[CASE_SHEET] ?? {};
      const header = Object.entries(out1).find(([, c]) => c.value === 'Udvælgelse');
      const row = Number(/\d+$/.exec(header?.[0] ?? '')?.[0]);
      const col = (header?.[0] ?? '').replace(/\d+$/, '');
      expect(row).toBeGreaterThan(2);

      // The person writes two notes above the block's header (Excel's grid, saved as .xlsx).
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await (first.port as XlsxPackageWorkbook).toBuffer()) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet;
      ws.getCell(`${col}${row - 1}`).value = 'Kørt igen efter møde';
      ws.getCell(`${col}1`).value = 'Udvælgelse: se noter';
      const edited = Buffer.from(await wb.xlsx.writeBuffer());

      const o = await adapter.open(edited);
      await checkRun(o.port);
      const cells = (await o.dump()).cells[CASE_SHEET] ?? {};
      expect(cells[`${col}${row - 1}`]?.value).toBe('Kørt igen efter møde');
      expect(cells[`${col}1`]?.value).toBe('Udvælgelse: se noter');
      expect(cells[`${col}${row}`]?.value).toBe('Udvælgelse');
    });
  },
);
