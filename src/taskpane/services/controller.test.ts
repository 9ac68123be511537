import { dayFromYmd } from '../../domain/days';
import type { EvaluateResult, Problem, Report, Settings, Snapshot, WritePlan } from '../../domain/types';
import { UserError, type WorkbookPort } from '../../workbook/port';
import { applySettingsForm, BarometerController, TABLE_SHEETS, type Core, type Phase } from './controller';

const TODAY = dayFromYmd(2026, 11, 23);
const snapshot: Snapshot = { date1904: false, sheetNames: ['Sagsoversigt'], sheets: {} };
const settings: Settings = {
  kommune: 'Testrup',
  undersoegelsesaar: 2023,
  afgoerelsesaar: 2021,
  opgoerelsesdato: dayFromYmd(2022, 3, 23),
  antalSager: 17,
  hoejstAnbringelser: 9,
  offentliggoerelse: false,
  initialer: 'AB',
};
const problem = (severity: Problem['severity'], cell: string | null): Problem => ({
  sagsnr: 1,
  row: 5,
  column: 'Afgørelsesdato',
  severity,
  code: 'invalid-date',
  message: 'Ret datoen i Sagsoversigt!E5.',
  sheet: 'Sagsoversigt',
  cell,
});
const report = { problems: [problem('error', 'E5')], settings } as unknown as Report;
const sheet = (name: string) => ({
  name,
  blocks: [],
  columnWidths: [],
  freezeRows: 0,
  visibility: 'visible' as const,
});
const plan: WritePlan = {
  caseSheet: 'Sagsoversigt',
  clearColumns: null,
  verdictBlock: { row: 1, col: 32, values: [['Udvælgelse']] },
  verdictColumnWidths: [12],
  sheets: [sheet('Resultattabeller'), sheet('Overblik'), sheet('Notat'), sheet('_Barometer')],
  deleteSheets: [],
  problems: [problem('warning', null)],
};

function setup(result: EvaluateResult = { ok: true, report }, withSelect = false) {
  const applied: WritePlan[] = [];
  const selected: string[] = [];
  const events: string[] = [];
  const port: WorkbookPort = {
    readSnapshot: async () => {
      events.push('read');
      return snapshot;
    },
    apply: async (p) => {
      events.push('apply');
      applied.push(p);
    },
    ...(withSelect ? { select: async (s: string, c: string) => void selected.push(`${s}!${c}`) } : {}),
  };
  const core: Core = {
    evaluate: (_s, o) => {
      events.push(`evaluate ${o.today}`);
      return result;
    },
    planWrite: () => plan,
    templatePlan: () => ({ ...plan, sheets: [sheet('Sagsoversigt')], problems: [] }),
    readSettings: () => settings,
    settingsPlan: (s) => ({
      ...plan,
      sheets: [{ ...sheet('Indstillinger'), blocks: [{ row: 1, col: 1, values: [[s.kommune]] }] }],
    }),
    planCaseRows: () => null,
  };
  const controller = new BarometerController(
    port,
    core,
    () => TODAY,
    () => ({ day: TODAY, minutes: 600 }),
  );
  return { controller, applied, selected, events };
}

describe('BarometerController', () => {
  it('Kør kontrol reads, evaluates with today, and writes everything but the table sheets', async () => {
    const { controller, applied, events } = setup();
    const phases: Phase[] = [];
    const result = await controller.check((p) => phases.push(p));
    expect(phases).toEqual(['read', 'evaluate', 'write']);
    expect(events).toEqual(['read', `evaluate ${TODAY}`, 'apply']);
    expect(applied).toHaveLength(1);
    expect(applied[0]?.sheets.map((s) => s.name)).toEqual(['_Barometer']);
    expect(applied[0]?.verdictBlock).toBe(plan.verdictBlock);
    expect(result.problems.map((p) => p.severity)).toEqual(['error', 'warning']);
  });

  it('Byg tabeller writes the whole plan, the three table sheets included', async () => {
    const { controller, applied } = setup();
    await controller.buildTables(() => undefined);
    expect(applied[0]?.sheets.map((s) => s.name)).toEqual([...TABLE_SHEETS, '_Barometer']);
  });

  it('a fatal evaluation error is a UserError with the core message, and nothing is written', async () => {
    const { controller, applied } = setup({
      ok: false,
      error: { code: 'no-case-sheet', message: 'Arket Sagsoversigt findes ikke.' },
    });
    await expect(controller.check(() => undefined)).rejects.toThrow(
      new UserError('Arket Sagsoversigt findes ikke.'),
    );
    expect(applied).toEqual([]);
  });

  it('select goes to the port only when it can select and the problem has a cell', async () => {
    const without = setup();
    expect(without.controller.canSelect).toBe(false);
    await without.controller.select(problem('error', 'E5'));
    const withSel = setup(undefined, true);
    expect(withSel.controller.canSelect).toBe(true);
    await withSel.controller.select(problem('error', 'E5'));
    await withSel.controller.select(problem('error', null));
    expect(withSel.selected).toEqual(['Sagsoversigt!E5']);
  });

  it('saveSettings merges the form into the sheet settings and writes the settings plan', async () => {
    const { controller, applied } = setup();
    const saved = await controller.saveSettings(
      {
        kommune: ' Ishøj ',
        afgoerelsesaar: '2021',
        opgoerelsesdato: '23-03-2022',
        antalSager: '15',
        offentliggoerelse: true,
      },
      () => dayFromYmd(2022, 3, 23),
    );
    expect(saved).toEqual({ ...settings, kommune: 'Ishøj', antalSager: 15, offentliggoerelse: true });
    expect(applied[0]?.sheets[0]?.blocks[0]?.values).toEqual([['Ishøj']]);
  });
});

describe('applySettingsForm', () => {
  const ok = {
    kommune: 'Ishøj',
    afgoerelsesaar: '2021',
    opgoerelsesdato: '23-03-2022',
    antalSager: '17',
    offentliggoerelse: false,
  };
  const parse = (t: string) => (t === '23-03-2022' ? dayFromYmd(2022, 3, 23) : null);
  it.each([
    [{ kommune: '  ' }, /Kommune skal udfyldes/],
    [{ afgoerelsesaar: '1999' }, /Afgørelsesår skal være et helt tal mellem 2000 og 2099/],
    [{ afgoerelsesaar: '2100' }, /Afgørelsesår/],
    [{ afgoerelsesaar: '20x1' }, /Afgørelsesår/],
    [{ opgoerelsesdato: '31-02-2022' }, /Opgørelsesdato skal være en dato/],
    [{ antalSager: '0' }, /Antal sager skal være et helt tal mellem 1 og 1000/],
    [{ antalSager: '1.5' }, /Antal sager/],
  ])('rejects %j', (change, message) => {
    expect(() => applySettingsForm(settings, { ...ok, ...change }, parse)).toThrow(message);
  });
  it.each([
    [{ afgoerelsesaar: '2000' }, { afgoerelsesaar: 2000 }],
    [{ afgoerelsesaar: '2099' }, { afgoerelsesaar: 2099 }],
    [{ antalSager: '1' }, { antalSager: 1 }],
    [{ antalSager: ' 1000 ' }, { antalSager: 1000 }],
  ])('accepts the boundary %j', (change, expected) => {
    expect(applySettingsForm(settings, { ...ok, ...change }, parse)).toMatchObject(expected);
  });
});
