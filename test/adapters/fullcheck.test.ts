/**
 * The full check (read → evaluate → planWrite → apply) on both adapters, on the bundled fictitious
 * example workbook: the same snapshot, the same cells, a second run changes nothing, and on the
 * simulated Excel the whole check takes at most 4 syncs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { dayFromYmd } from '../../src/domain/days';
import type { Snapshot } from '../../src/domain/types';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromXlsx, type SimulatedExcel } from '../excel-sim';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'eksempel.xlsx');

let lastCaseCount = 0;

async function fullCheck(port: WorkbookPort): Promise<Snapshot> {
  const snapshot = await port.readSnapshot();
  const result = evaluate(snapshot, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  lastCaseCount = result.report.cases.length;
  await port.apply(planWrite(result.report, snapshot));
  return snapshot;
}

interface Side {
  port: WorkbookPort;
  dump(): Promise<ReturnType<typeof dumpWorkbook>>;
  sim?: SimulatedExcel;
}

async function exceljsSide(xlsx: Buffer): Promise<Side> {
  const wb = await ExcelJsWorkbook.fromBuffer(xlsx);
  return { port: wb, dump: async () => dumpWorkbook(await simWorkbookFromXlsx(await wb.toBuffer())) };
}

async function officeSide(xlsx: Buffer): Promise<Side> {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
  return {
    port: new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }),
    sim,
    dump: async () => dumpWorkbook(sim.workbook),
  };
}

describe('full check on both adapters (examples/eksempel.xlsx)', () => {
  let xlsx: Buffer;
  beforeAll(() => {
    xlsx = fs.readFileSync(EXAMPLE);
  });

  it('reads equal snapshots, writes equal cells, and a second run changes nothing', async () => {
    const a = await exceljsSide(xlsx);
    const b = await officeSide(xlsx);
    const snapA = await fullCheck(a.port);
    const snapB = await fullCheck(b.port);
    expect(snapB).toEqual(snapA);
    const dumpA = await a.dump();
    const dumpB = await b.dump();
    expect(dumpB).toEqual(dumpA);
    expect(Object.keys(dumpB.cells).length).toBeGreaterThan(Object.keys(snapB.sheets).length);

    // Second run reads what the first wrote (generated columns found again) and rewrites it identically.
    const againA = await fullCheck(a.port);
    const againB = await fullCheck(b.port);
    expect(againB).toEqual(againA);
    expect(await a.dump()).toEqual(dumpA);
    expect(await b.dump()).toEqual(dumpB);
  });

  it('takes at most 5 syncs on the simulated Excel (read 3, apply 2), no request near 5 MB', async () => {
    const b = await officeSide(xlsx);
    const before = dumpWorkbook(b.sim!.workbook).sheets.length;
    await fullCheck(b.port);
    expect(lastCaseCount).toBe(17);
    expect(dumpWorkbook(b.sim!.workbook).sheets.length).toBeGreaterThan(before);
    expect(b.sim?.syncCount).toBeLessThanOrEqual(5);
    expect(Math.max(...(b.sim?.requests ?? []).map((r) => r.bytes))).toBeLessThan(1_000_000);
  });
});
