/**
 * The pane's review use cases on the real core and the Office adapter on the simulated Excel, with
 * the bundled example workbook: initials kept in one Indstillinger cell, Godkend/Ret/withdrawal
 * append only to Gennemgang, a case that changed since it was shown is not written, and the row a
 * user selects in Excel opens its case (the pane's own selections are not mistaken for the user's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caseView } from '../../domain/caseview';
import { dayFromYmd } from '../../domain/days';
import type { Report } from '../../domain/types';
import { OfficeWorkbook } from '../../workbook/office';
import { UserError } from '../../workbook/port';
import {
  cellKey,
  createSimulatedExcel,
  dumpWorkbook,
  findSheet,
  simWorkbookFromXlsx,
} from '../../../test/excel-sim';
import { BarometerController } from './controller';
import { core } from './core';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'eksempel.xlsx');

async function setup() {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(fs.readFileSync(EXAMPLE)));
  const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
  let minute = 600;
  const controller = new BarometerController(
    port,
    core,
    () => TODAY,
    () => ({ day: TODAY, minutes: minute++ }),
  );
  const dump = () => dumpWorkbook(sim.workbook).cells;
  return { sim, controller, dump };
}

const MEN = 'Nej, men lovlig grund';

/** The first case (index) whose question 2.3 has the answer `answer`. */
function find(report: Report, answer: string) {
  for (let i = 0; i < report.cases.length; i += 1) {
    const v = caseView(report, i);
    const q =
      v?.blocked === null ? v.questions.find((x) => x.answer === answer && x.id === '2.3') : undefined;
    if (v && q) return { index: i, sagsnr: v.sagsnr as number, q };
  }
  throw new Error(`no case with 2.3 = ${answer}`);
}

describe('review use cases on the simulated Excel (examples/eksempel.xlsx)', () => {
  it('asks for initials once; keeps them in one Indstillinger cell; Godkend appends only; Ret also shows in the case’s row', async () => {
    const { sim, controller, dump } = await setup();
    const checked = await controller.check(() => undefined);
    const { sagsnr, q, index } = find(checked.report, MEN);
    const target = { sagsnr, question: q.id, shown: q };

    // No initials yet: nothing is written.
    sim.resetStats();
    await expect(controller.review(target, { kind: 'godkend' })).rejects.toThrow(/initialer/);
    expect(sim.stats.writes).toEqual([]);
    await expect(controller.saveInitials('A B')).rejects.toBeInstanceOf(UserError);

    const before = dump();
    expect(await controller.saveInitials(' tt ')).toBe('TT');
    const withInitials = dump();
    expect(Object.keys(withInitials).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before))
      if (name !== 'Indstillinger') expect(withInitials[name]).toEqual(before[name]);
    const changedCells = Object.entries(withInitials.Indstillinger ?? {}).filter(
      ([a, c]) => JSON.stringify(before.Indstillinger?.[a]) !== JSON.stringify(c),
    );
    expect(changedCells.map(([, c]) => c.value)).toContain('TT');
    expect(changedCells.length).toBeLessThanOrEqual(2); // the value, and its label when the row is new
    expect((await controller.loadSettings()).initialer).toBe('TT');

    // Godkend: one line; only Gennemgang changes.
    const approved = await controller.review(target, { kind: 'godkend' });
    expect([approved.written, approved.changed]).toEqual([1, null]);
    expect(approved.result.report.cases[index]!.review).toBe('godkendt');
    expect(approved.result.report.reviewed).toBe(1);
    const afterApprove = dump();
    for (const name of Object.keys(withInitials))
      if (name !== 'Gennemgang') expect(afterApprove[name]).toEqual(withInitials[name]);
    const log = () => Object.entries(dump().Gennemgang ?? {});
    const lineRow = (row: number) =>
      ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => dump().Gennemgang?.[`${c}${row}`]?.value ?? null);
    expect(lineRow(1)).toEqual([
      'Tidspunkt',
      'Sagsnr',
      'Spørgsmål',
      'Beregnet',
      'Rettet til',
      'Begrundelse',
      'Initialer',
    ]);
    // Tidspunkt: the injected clock's minute (600 went to the refused attempt above).
    expect(Math.round(((lineRow(2)[0] as number) - TODAY) * 1440)).toBe(601);
    expect(dump().Gennemgang?.A2?.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(lineRow(2).slice(1)).toEqual([sagsnr, '2.3', MEN, MEN, null, 'TT']);

    // Ret to "Ja" with a reason: the case is rettet, the table counts it.
    const beforeRet = dump();
    const shown = caseView(approved.result.report, index)!.questions.find((x) => x.id === '2.3')!;
    const corrected = await controller.review(
      { sagsnr, question: '2.3', shown },
      { kind: 'ret', to: 'Ja', reason: 'Undersøgelsen blev afsluttet inden fristen ifølge journalen' },
    );
    expect(corrected.result.report.cases[index]!.review).toBe('rettet');
    const t23 = (r: Report) => r.tables.find((t) => t.id === '2.3')!.rows;
    expect(t23(corrected.result.report)[0]!.count).toBe(t23(checked.report)[0]!.count + 1);
    expect(t23(corrected.result.report)[1]!.count).toBe(t23(checked.report)[1]!.count - 1);
    expect(lineRow(3).slice(1)).toEqual([
      sagsnr,
      '2.3',
      MEN,
      'Ja',
      'Undersøgelsen blev afsluttet inden fristen ifølge journalen',
      'TT',
    ]);
    const logCells = log();
    // The same write put the correction in the case's verdict row at once; in Sagsoversigt only
    // that row's verdict cells changed, and no other sheet but the log.
    const caseRow = checked.report.cases[index]!.row;
    const firstVerdictCol = checked.report.caseSheet.lastDataColumn + 1;
    const colOf = (a: string) =>
      [...(/^[A-Z]+/.exec(a)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const afterRet = dump();
    const changedCase = Object.keys({ ...beforeRet.Sagsoversigt, ...afterRet.Sagsoversigt }).filter(
      (a) => JSON.stringify(beforeRet.Sagsoversigt?.[a]) !== JSON.stringify(afterRet.Sagsoversigt?.[a]),
    );
    expect(changedCase.length).toBeGreaterThan(0);
    for (const a of changedCase) {
      expect(a.replace(/^[A-Z]+/, '')).toBe(String(caseRow));
      expect(colOf(a)).toBeGreaterThanOrEqual(firstVerdictCol);
    }
    expect(Object.values(afterRet.Sagsoversigt ?? {}).map((c) => c.value)).toContain('Ja (rettet)');
    for (const name of Object.keys(beforeRet))
      if (name !== 'Gennemgang' && name !== 'Sagsoversigt') expect(afterRet[name]).toEqual(beforeRet[name]);

    // Kør kontrol again: the verdict column shows the correction, the log is untouched.
    await controller.check(() => undefined);
    expect(Object.entries(dump().Gennemgang ?? {})).toEqual(logCells);
    const row = checked.report.cases[index]!.row;
    const rowValues = Object.entries(dump().Sagsoversigt ?? {})
      .filter(([a]) => a.replace(/^[A-Z]+/, '') === String(row))
      .map(([, c]) => c.value);
    expect(rowValues).toContain('Ja (rettet)');
  });

  it('a case changed in Excel since it was shown is not written; the fresh verdict comes back', async () => {
    const { sim, controller } = await setup();
    await controller.saveInitials('TT');
    const checked = await controller.check(() => undefined);
    const { sagsnr, q, index } = find(checked.report, MEN);
    // The user blanks "Undersøgelsen afsluttet" of that case in Excel.
    const src = q.sources.find((s) => s.column === 'Undersøgelsen afsluttet')!;
    const sheet = findSheet(sim.workbook, 'Sagsoversigt')!;
    const m = /^([A-Z]+)(\d+)$/.exec(src.cell!)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    sheet.cells.delete(cellKey(Number(m[2]), col));
    sim.resetStats();
    const out = await controller.review({ sagsnr, question: '2.3', shown: q }, { kind: 'godkend' });
    expect(out.written).toBe(0);
    expect(out.changed).toMatch(/er ændret, siden det blev vist/);
    expect(out.result.report.cases[index]!.verdicts['2.3']!.answer).toBe('Mangler oplysninger');
    expect(sim.stats.writes).toEqual([]);
  });

  it('Godkend resten approves the remaining questions in one append', async () => {
    const { controller, dump } = await setup();
    await controller.saveInitials('TT');
    const checked = await controller.check(() => undefined);
    const { sagsnr, index } = find(checked.report, MEN);
    const view = caseView(checked.report, index)!;
    const out = await controller.approveRest(sagsnr);
    expect(out.written).toBe(view.questions.filter((x) => x.canApprove).length);
    expect(caseView(out.result.report, index)!.reviewedQuestions).toBe(out.written);
    expect(Object.keys(dump().Gennemgang ?? {}).filter((a) => a.startsWith('A'))).toHaveLength(
      out.written + 1,
    );
  });

  it('a row selected in Excel opens its case; the pane’s own selections and other rows do not', async () => {
    const { sim, controller } = await setup();
    const { report } = await controller.check(() => undefined);
    expect(controller.canWatchSelection).toBe(true);
    const opened: number[] = [];
    const stop = await controller.watchCases(report.caseSheet.name, (i) => opened.push(i));
    const rowOf = (i: number) => report.cases[i]!.row;

    sim.userSelects('Sagsoversigt', `C${rowOf(2)}`);
    await sim.settle();
    expect(opened).toEqual([2]);

    // The pane moves the selection to case 4 and then quickly to case 5: both events are echoes.
    await controller.selectCase(report, 4);
    await controller.selectCase(report, 5);
    await controller.selectCell('Sagsoversigt', `$E$${rowOf(5)}`);
    await sim.settle();
    expect(opened).toEqual([2]);
    expect(sim.workbook.selection).toBe(`Sagsoversigt!E${rowOf(5)}`);

    // The header row and a row below the cases open nothing; a user selection after the echoes does.
    sim.userSelects('Sagsoversigt', `A${report.caseSheet.headerRow}`);
    sim.userSelects('Sagsoversigt', `A${report.caseSheet.lastRow + 3}`);
    sim.userSelects('Sagsoversigt', `B${rowOf(0)}:D${rowOf(1)}`);
    await sim.settle();
    expect(opened).toEqual([2, 0]);
    await stop();
    sim.userSelects('Sagsoversigt', `C${rowOf(3)}`);
    await sim.settle();
    expect(opened).toEqual([2, 0]);
  });
});
