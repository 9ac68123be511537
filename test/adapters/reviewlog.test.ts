/**
 * The review log ("Gennemgang", spec §10) on every adapter: a review plan only appends below the
 * last line and changes no other sheet; the lines read back exactly as the domain predicts; a
 * re-run of the check or of "Byg tabeller" leaves the log untouched. On the simulated Excel also:
 * no write ever lands on an existing log row, and Worksheet.onSelectionChanged is watched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { caseView } from '../../src/domain/caseview';
import { reviewAppendRows, withAppendedReviewRows } from '../../src/domain/corrections';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { reviewLineFor } from '../../src/domain/review';
import type { PlanValue, Report, Snapshot, WritePlan } from '../../src/domain/types';
import { OfficeWorkbook } from '../../src/workbook/office';
import { UserError } from '../../src/workbook/port';
import { createSimulatedExcel, simWorkbookFromXlsx } from '../excel-sim';
import { ADAPTERS, type Dump } from './adapters';
import { fixtureWorkbook } from './fixtures';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'eksempel.xlsx');

/** A plan that only appends to the log (what "Godkend" and "Ret" write). */
const reviewOnly = (rows: readonly (readonly PlanValue[])[]): WritePlan => ({
  caseSheet: 'Sagsoversigt',
  clearColumns: null,
  verdictBlock: { row: 1, col: 1, values: [] },
  verdictColumnWidths: [],
  sheets: [],
  deleteSheets: [],
  reviewAppend: rows,
});

const LINE_A: PlanValue[] = [46000.5, 5, '3.8', 'Nej', 'Ja', 'Samtalen fremgår af journalnotat', 'AB'];
const LINE_B: PlanValue[] = [46000.75, 6, '2.3', 'Nej', null, '=Rettelsen var en fejl', 'AB'];
const LINE_C: PlanValue[] = [46001.25, 7, '4.10', 'Ja', 'Ja', '', 'CD'];

const rowOf = (cells: Dump['cells'][string], row: number) =>
  ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => cells[`${c}${row}`] ?? null);

function report(snapshot: Snapshot): Report {
  const r = evaluate(snapshot, { today: TODAY });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

describe.each(ADAPTERS)('review log contract: $name', (adapter) => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await fixtureWorkbook({ cases: 17 });
  });

  it('appends below the last line, never rewrites a line, and changes no other sheet', async () => {
    const o = await adapter.open(xlsx);
    const before = await o.dump();
    await o.port.apply(reviewOnly([LINE_A, LINE_B]));
    const once = await o.dump();
    await o.port.apply(reviewOnly([LINE_C]));
    const after = await o.dump();

    expect(after.sheets).toEqual(before.sheets);
    for (const s of before.sheets) {
      if (s.name !== 'Gennemgang')
        expect([s.name, after.cells[s.name]]).toEqual([s.name, before.cells[s.name]]);
    }
    const log = after.cells.Gennemgang ?? {};
    // Rows 1–2 (headers and the line that was there) exactly as before; rows 3–4 as after the first append.
    expect([rowOf(log, 1), rowOf(log, 2)]).toEqual([
      rowOf(before.cells.Gennemgang ?? {}, 1),
      rowOf(before.cells.Gennemgang ?? {}, 2),
    ]);
    expect([rowOf(log, 3), rowOf(log, 4)]).toEqual([
      rowOf(once.cells.Gennemgang ?? {}, 3),
      rowOf(once.cells.Gennemgang ?? {}, 4),
    ]);
    const time = (v: number) => ({ value: v, type: 'number', numFmt: 'dd-mm-yyyy hh:mm' });
    const text = (v: string) => ({ value: v, type: 'string', numFmt: 'General' });
    const num = (v: number) => ({ value: v, type: 'number', numFmt: 'General' });
    expect(rowOf(log, 3)).toEqual([
      time(46000.5),
      num(5),
      text('3.8'),
      text('Nej'),
      text('Ja'),
      text('Samtalen fremgår af journalnotat'),
      text('AB'),
    ]);
    // A withdrawal leaves Rettet til empty; a formula-looking reason stays text.
    expect(rowOf(log, 4)).toEqual([
      time(46000.75),
      num(6),
      text('2.3'),
      text('Nej'),
      null,
      text('=Rettelsen var en fejl'),
      text('AB'),
    ]);
    expect(rowOf(log, 5)[2]).toEqual(text('4.10'));
    expect(rowOf(log, 6)).toEqual([null, null, null, null, null, null, null]);
  });

  it('an existing empty Gennemgang sheet gets the headers first (domain reviewAppendRows)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const g = wb.getWorksheet('Gennemgang');
    if (g) wb.removeWorksheet(g.id);
    wb.addWorksheet('Gennemgang');
    const o = await adapter.open(Buffer.from(await wb.xlsx.writeBuffer()));
    const rows = reviewAppendRows(await o.port.readSnapshot(), [LINE_A]);
    if (!rows.ok) throw new Error(rows.message);
    await o.port.apply(reviewOnly(rows.rows));
    const log = (await o.dump()).cells.Gennemgang ?? {};
    expect(rowOf(log, 1).map((c) => c?.value)).toEqual([
      'Tidspunkt',
      'Sagsnr',
      'Spørgsmål',
      'Beregnet',
      'Rettet til',
      'Begrundelse',
      'Initialer',
    ]);
    expect(rowOf(log, 2).map((c) => c?.value)).toEqual(LINE_A.map((v) => v ?? undefined));
  });
});

describe('review log with the domain on the example workbook, both adapters', () => {
  it('what the pane predicts in memory is what the adapters write and read back; re-runs keep the log', async () => {
    const xlsx = fs.readFileSync(EXAMPLE);
    const results: { log: Dump['cells'][string]; status: string[]; tables: unknown }[] = [];
    for (const adapter of ADAPTERS) {
      const o = await adapter.open(xlsx);
      // Kør kontrol first, as in the pane.
      const first = await o.port.readSnapshot();
      await o.port.apply(planWrite(report(first), first));
      const snapshot = await o.port.readSnapshot();
      const before = report(snapshot);
      const c = before.cases.findIndex((_, i) => {
        const v = caseView(before, i);
        return v !== null && v.blocked === null && v.questions.some((x) => x.answer === 'Nej');
      });
      const sagsnr = before.cases[c]!.sagsnr!;
      const q = caseView(before, c)!.questions.find((x) => x.answer === 'Nej')!;
      const ctx = { now: { day: TODAY, minutes: 600 }, date1904: snapshot.date1904, initials: 'AB' };
      const line = reviewLineFor(
        before,
        { sagsnr, question: q.id, shown: q },
        { kind: 'ret', to: 'Ja', reason: 'Fremgår af journalen' },
        ctx,
      );
      if (!line.ok) throw new Error(line.message);
      const rows = reviewAppendRows(snapshot, line.lines);
      if (!rows.ok) throw new Error(rows.message);
      await o.port.apply(reviewOnly(rows.rows));
      const predicted = report(withAppendedReviewRows(snapshot, rows.rows));
      const read = await o.port.readSnapshot();
      const actual = report(read);
      expect(actual.cases.map((x) => [x.review, x.verdicts[q.id]?.answer])).toEqual(
        predicted.cases.map((x) => [x.review, x.verdicts[q.id]?.answer]),
      );
      expect(actual.tables).toEqual(predicted.tables);
      expect(actual.cases[c]!.review).toBe('rettet');
      expect(actual.reviewed).toBe(1);
      const logBefore = (await o.dump()).cells.Gennemgang;
      // Kør kontrol and Byg tabeller again: the log is untouched, the corrected answer is marked.
      await o.port.apply(planWrite(actual, read));
      const dump = await o.dump();
      expect(dump.cells.Gennemgang).toEqual(logBefore);
      const marked = Object.values(dump.cells.Sagsoversigt ?? {}).filter((x) => x.value === 'Ja (rettet)');
      expect(marked).toHaveLength(1);
      results.push({
        log: dump.cells.Gennemgang ?? {},
        status: actual.cases.map((x) => x.review),
        tables: actual.tables,
      });
    }
    expect(results[1]).toEqual(results[0]);
  });
});

describe('OfficeWorkbook on the simulated Excel: the log and the selection event', () => {
  it('no write lands on an existing log row or on any other sheet; 3 syncs for an append', async () => {
    const xlsx = await fixtureWorkbook({ cases: 17 });
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
    const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported });
    await port.apply(reviewOnly([LINE_A, LINE_B]));
    expect(sim.syncCount).toBe(3);
    expect(sim.stats.writes.length).toBeGreaterThan(0);
    for (const w of sim.stats.writes) {
      expect(w.sheet).toBe('Gennemgang');
      for (const r of w.rects) expect(r.top).toBeGreaterThanOrEqual(3);
    }
  });

  it('watchSelection reports the user’s and the add-in’s selections on that sheet until stopped', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(await fixtureWorkbook({ cases: 3 })));
    const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
    const seen: string[] = [];
    const stop = await port.watchSelection('Sagsoversigt', (a) => seen.push(a));
    sim.userSelects('Sagsoversigt', 'C7');
    sim.userSelects('Indstillinger', 'B2');
    await port.select('Sagsoversigt', 'A6:F6');
    await sim.settle();
    expect(seen).toEqual(['C7', 'A6:F6']);
    await stop();
    sim.userSelects('Sagsoversigt', 'D8');
    await sim.settle();
    expect(seen).toEqual(['C7', 'A6:F6']);
    await stop(); // a second stop is harmless
    await expect(port.watchSelection('Findes ikke', () => undefined)).rejects.toBeInstanceOf(UserError);
  });

  it('a handler registered but not yet synced hears nothing (Office.js batch semantics)', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(await fixtureWorkbook({ cases: 3 })));
    const seen: string[] = [];
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sagsoversigt');
      ws.onSelectionChanged.add(async (args) => void seen.push(args.address));
      sim.userSelects('Sagsoversigt', 'B3');
      await sim.settle();
      expect(seen).toEqual([]);
      await ctx.sync();
    });
    sim.userSelects('Sagsoversigt', 'B4');
    await sim.settle();
    expect(seen).toEqual(['B4']);
  });
});
