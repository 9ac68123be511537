/**
 * The pane's controller (the one interface the components use, in Excel and in the standalone
 * worker) on the real core and the Office adapter on the simulated Excel, with the bundled example:
 * the report it hands the pane is the small view (no records), a case's details are asked for one
 * at a time, a workbook without a case sheet is not "ready", and phases are reported for the
 * progress bar. Plus the pure pieces beside it: the settings form's field errors and Office hints.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromYmd } from '../../domain/days';
import { OfficeWorkbook } from '../../workbook/office';
import { createSimulatedExcel, simWorkbookFromXlsx } from '../../../test/excel-sim';
import { BarometerController, phasePercent, settingsFieldErrors, type Phase } from './controller';
import { core } from './core';
import { officeHints } from './host';
import { localPaneController } from './paneController';
import { parseDayText } from './parseDay';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'eksempel.xlsx');

async function setup(file: Buffer = fs.readFileSync(EXAMPLE)) {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(file));
  const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
  let minute = 600;
  const c = new BarometerController(
    port,
    core,
    () => TODAY,
    () => ({ day: TODAY, minutes: minute++ }),
  );
  return { sim, pane: localPaneController(c) };
}

describe('localPaneController on the example', () => {
  it('inspect says the example is ready, with its number of cases, and writes nothing', async () => {
    const { sim, pane } = await setup();
    sim.resetStats();
    expect(await pane.inspect()).toEqual({ ok: true, cases: 17 });
    expect(sim.stats.writes).toEqual([]);
  });

  it('check hands the pane the view without records, reports every phase, and case views on request', async () => {
    const { pane } = await setup();
    const phases: Phase[] = [];
    const r = await pane.check((p) => phases.push(p));
    expect(phases).toEqual(['read', 'evaluate', 'write']);
    expect(r.caseCount).toBe(17);
    expect(r.cases).toHaveLength(17);
    expect(r.cases[0]).toMatchObject({ index: 0, sagsnr: 1 });
    expect(Object.keys(r)).not.toContain('corrections');
    expect(JSON.stringify(r)).not.toMatch(/\b\d{6}-\d{4}\b/); // no CPR number travels to the page
    const v = await pane.caseView(4);
    expect(v?.sagsnr).toBe(r.cases[4]?.sagsnr);
    expect(v?.questions.length).toBeGreaterThan(0);
    expect(await pane.caseView(99)).toBeNull();
  });

  it('review reports its phases and returns the new view; Godkend resterende covers the case', async () => {
    const { pane } = await setup();
    const r = await pane.check(() => undefined);
    await pane.saveInitials('AB');
    const v = await pane.caseView(0);
    const q = v?.questions.find((x) => x.canApprove);
    if (!v || !q) throw new Error('case 1 has an approvable question');
    const phases: Phase[] = [];
    const out = await pane.review(
      { sagsnr: v.sagsnr as number, question: q.id, shown: q },
      { kind: 'godkend' },
      (p) => phases.push(p),
    );
    expect(phases).toEqual(['read', 'evaluate', 'write']);
    expect(out.written).toBe(1);
    expect(out.result.reviewed).toBe(r.reviewed + 1);
    const after = await pane.caseView(0);
    expect(after?.questions.find((x) => x.id === q.id)?.status).toBe('godkendt');
    const rest = await pane.approveRest(v.sagsnr as number);
    expect(rest.written).toBe((after?.questions.length ?? 0) - 1);
  });
});

describe('progress of the smaller actions (issue 11: a percent for every action over half a second)', () => {
  it('loading and saving the settings and saving initials report their phases', async () => {
    const { pane } = await setup();
    const phases: Phase[] = [];
    const s = await pane.loadSettings((p) => phases.push(p));
    expect(phases).toEqual(['read']);
    phases.length = 0;
    const form = {
      kommune: 'Prøvekøbing',
      afgoerelsesaar: String(s.afgoerelsesaar),
      opgoerelsesdato: '23-03-2022',
      antalSager: String(s.antalSager),
      offentliggoerelse: s.offentliggoerelse,
    };
    expect((await pane.saveSettings(form, (p) => phases.push(p))).kommune).toBe('Prøvekøbing');
    expect(phases).toEqual(['read', 'write']);
    phases.length = 0;
    expect(await pane.saveInitials('ab', (p) => phases.push(p))).toBe('AB');
    expect(phases).toEqual(['read', 'write']);
  });

  it('phasePercent runs from a phase towards the next, never to 100', () => {
    expect(phasePercent('read')).toBe(5);
    expect(phasePercent('read', 0.5)).toBe(23);
    expect(phasePercent('read', 1)).toBe(40);
    expect(phasePercent('evaluate', 2)).toBe(75);
    expect(phasePercent('write', 1)).toBe(99);
  });
});

describe('a withdrawn correction in the pane', () => {
  it('shows "rettelse trukket tilbage" on the question and the case (not godkendt), and Godkend is open again', async () => {
    const { pane } = await setup();
    await pane.check(() => undefined);
    await pane.saveInitials('AB');
    const v = await pane.caseView(0);
    const q = v?.questions.find((x) => x.canApprove && x.answers.length > 0);
    if (!v || !q) throw new Error('case 1 has a question that can be corrected');
    const sagsnr = v.sagsnr as number;
    const ret = await pane.review(
      { sagsnr, question: q.id, shown: q },
      { kind: 'ret', to: q.answers[0] as string, reason: 'Fremgår af journalen' },
    );
    expect(ret.result.cases[0]?.status).toBe('rettet');
    const corrected = (await pane.caseView(0))?.questions.find((x) => x.id === q.id);
    if (!corrected) throw new Error('the corrected question is still shown');
    expect(corrected).toMatchObject({ status: 'rettet', canWithdraw: true });
    const back = await pane.review(
      { sagsnr, question: q.id, shown: corrected },
      { kind: 'tilbagekald', reason: 'Rettelsen var forkert' },
    );
    expect(back.written).toBe(1);
    expect(back.result.cases[0]?.status).toBe('rettelse trukket tilbage');
    const after = (await pane.caseView(0))?.questions.find((x) => x.id === q.id);
    expect(after).toMatchObject({
      status: 'rettelse trukket tilbage',
      answer: q.answer,
      corrected: false,
      canWithdraw: false,
      canApprove: true,
    });
    // Godkend afterwards confirms the computed answer: the question is godkendt again.
    await pane.review({ sagsnr, question: q.id, shown: after! }, { kind: 'godkend' });
    expect((await pane.caseView(0))?.questions.find((x) => x.id === q.id)?.status).toBe('godkendt');
  });
});

describe('a workbook without a case sheet is not announced as ready', () => {
  it('inspect returns the Danish reason instead', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').getCell('A1').value = 'Noget andet';
    const { pane } = await setup(Buffer.from(await wb.xlsx.writeBuffer()));
    const found = await pane.inspect();
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.message).toMatch(/Sagsoversigt|sagsoversigt/);
  });
});

describe('settingsFieldErrors: every invalid field with its own message', () => {
  const ok = {
    kommune: 'Ishøj',
    afgoerelsesaar: '2021',
    opgoerelsesdato: '23-03-2022',
    antalSager: '17',
    offentliggoerelse: false,
  };
  it('a valid form has none', () => {
    expect(settingsFieldErrors(ok, parseDayText)).toEqual({});
  });
  it('names each bad field', () => {
    const e = settingsFieldErrors(
      { ...ok, kommune: ' ', antalSager: '0', opgoerelsesdato: '31-02-2022' },
      parseDayText,
    );
    expect(Object.keys(e).sort()).toEqual(['antalSager', 'kommune', 'opgoerelsesdato']);
    expect(e.antalSager).toBe('Antal sager skal være et helt tal mellem 1 og 1000; ret feltet, og gem igen.');
  });
});

describe('officeHints: does the page look opened by Office?', () => {
  const at = (search: string, inFrame = false, stored: string | null = null) =>
    officeHints({ location: { search, hash: '' }, inFrame, stored });
  it('a plain browser tab: no', () => expect(at('')).toBe(false));
  it('Office on Windows/Mac adds _host_Info', () =>
    expect(at('?_host_Info=Excel$Win32$16.01$da-DK$$$$0')).toBe(true));
  it('Excel on the web frames the pane', () => expect(at('', true)).toBe(true));
  it('office.js remembered the host in sessionStorage', () =>
    expect(at('', false, 'Excel|Win32')).toBe(true));
});
