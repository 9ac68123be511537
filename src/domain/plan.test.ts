import { defaultSettings } from './settings';
import { columnFingerprint, META_NOTE } from './meta';
import { SEL_2023 } from './rules/sel2023';
import { planCaseRows, planWrite, reviewLogSheet, SUPPRESSED_TEXT } from './plan';
import { snap } from './testing/snapshot';
import { dayFromYmd } from './days';
import {
  META_SHEET,
  NO_COLUMN,
  type CaseRecord,
  type Cell,
  type CaseResult,
  type FinalVerdict,
  type GeneratedColumn,
  type Problem,
  type Question,
  type Report,
  type RuleSet,
  type TableResult,
} from './types';

const q = (id: string, chapter: 1 | 2, rows: string[]): Question => ({
  id,
  chapter,
  title: `TITEL ${id}`,
  columnHeader: `${id} kort`,
  rows,
  compliantRows: rows.filter((r) => r.startsWith('Ja') || r.startsWith('Nej, men')),
  legal: '§ 50',
  columns: [],
  evaluate: () => ({ answer: 'Ja', reason: '' }),
});

const RULESET: RuleSet = {
  ...SEL_2023,
  id: 'TEST',
  chapters: [
    { no: 1, title: 'Afgørelser' },
    { no: 2, title: 'Faglig udredning' },
  ],
  questions: [q('2.2', 2, ['Ja', 'Nej, men lovlig grund', 'Nej']), q('2.3', 2, ['Ja', 'Nej'])],
};

const record = {} as unknown as CaseRecord;
const v = (
  answer: string,
  reason = `Grund for ${answer}.`,
  extra: Partial<FinalVerdict> = {},
): FinalVerdict => ({
  answer,
  reason,
  computedAnswer: answer,
  ...extra,
});

function caseResult(row: number, verdicts: Record<string, FinalVerdict>, selectionOk = true): CaseResult {
  return {
    ruleset: 'TEST',
    row,
    sagsnr: row - 1,
    record,
    verdicts,
    selection: selectionOk ? 'OK' : 'Anket – skal ikke indsendes',
    selectionOk,
    review: 'ikke gennemgået',
  };
}

const problem = (row: number, message: string, severity: Problem['severity'] = 'error'): Problem => ({
  sagsnr: row - 1,
  row,
  column: 'Afgørelsesdato',
  severity,
  code: 'invalid-date',
  message,
  sheet: 'Sagsoversigt',
  cell: `E${row}`,
});

const table = (
  id: string,
  chapter: number,
  counts: [string, number, number][],
  suppressed = false,
): TableResult => ({
  ruleset: 'TEST',
  id,
  chapter,
  title: `TITEL ${id}`,
  total: counts.reduce((s, c) => s + c[1], 0),
  suppressed,
  rows: suppressed ? [] : counts.map(([label, count, percent]) => ({ label, count, percent })),
  source: 'Kilde: Testrup Kommune, egen gennemgang 23-11-2026',
});

/** Generated columns as records.ts finds them: consecutive columns from `first` with these headers. */
const gen = (first: number, headers: readonly string[]): GeneratedColumn[] =>
  headers.map((header, i) => ({ col: first + i, header }));
const BLOCK = ['2.2 kort', '2.3 kort', 'Udvælgelse', 'Bemærkninger'];

function report(over: Partial<Report> = {}): Report {
  return {
    ruleset: 'TEST',
    rulesets: ['TEST'],
    settings: { ...defaultSettings(dayFromYmd(2022, 6, 1)), kommune: 'Testrup' },
    today: dayFromYmd(2026, 11, 23),
    caseSheet: {
      name: 'Sagsoversigt',
      headerRow: 2,
      columns: {},
      lastRow: 5,
      lastDataColumn: 6,
      generatedColumns: null,
    },
    cases: [
      caseResult(3, {
        '2.2': v('Ja'),
        '2.3': v('Ja', 'Rettet af AB.', {
          computedAnswer: 'Nej',
          correction: {
            logRow: 2,
            sagsnr: 2,
            question: '2.3',
            computed: 'Nej',
            correctedTo: 'Ja',
            reason: 'x',
            initials: 'AB',
          },
        }),
      }),
      caseResult(5, { '2.2': v('Nej, men lovlig grund'), '2.3': v('Mangler oplysninger') }, false),
    ],
    tables: [
      table('2.2', 2, [
        ['Ja', 1, 50],
        ['Nej, men lovlig grund', 1, 50],
        ['Nej', 0, 0],
      ]),
      table('2.3', 2, [['Ja', 1, 100]], true),
    ],
    overview: [
      {
        ruleset: 'TEST',
        id: '2.2',
        columnHeader: '2.2 kort',
        relevant: 2,
        ja: 1,
        nejMen: 1,
        nej: 0,
        compliant: 1,
        interval: [0.3424, 1],
        national: null,
        nationalLabel: null,
      },
    ],
    memo: ['Testrup Kommune har sendt 2 sager.', '• =Punkt der ligner en formel'],
    problems: [problem(5, 'Sagsoversigt!E5: datoen kan ikke læses.'), problem(5, 'Mangler.', 'missing')],
    corrections: [],
    reviewed: 1,
    ...over,
  };
}

const base = snap({ Sagsoversigt: [[]] }, { sheetNames: ['Sagsoversigt', 'Indstillinger'] });

describe('planWrite: verdict block', () => {
  const plan = planWrite(report(), base, RULESET);

  it('starts after the data on the header row, one column per question, then Udvælgelse and Bemærkninger', () => {
    expect(plan.caseSheet).toBe('Sagsoversigt');
    expect(plan.verdictBlock.row).toBe(2);
    expect(plan.verdictBlock.col).toBe(7);
    expect(plan.verdictBlock.values[0]).toEqual(['2.2 kort', '2.3 kort', 'Udvælgelse', 'Bemærkninger']);
    expect(plan.verdictBlock.styles?.[0]).toEqual(Array(4).fill('generated-header'));
    expect(plan.clearColumns).toBeNull();
    expect(plan.verdictColumnWidths).toHaveLength(4);
  });

  it('writes final answers with verdict styles, corrected ones marked, blank rows null', () => {
    expect(plan.verdictBlock.values[1]).toEqual(['Ja', 'Ja (rettet)', 'OK', null]);
    expect(plan.verdictBlock.styles?.[1]).toEqual(['verdict-ja', 'verdict-corrected', 'selection-ok', null]);
    expect(plan.verdictBlock.values[2]).toEqual([null, null, null, null]);
    expect(plan.verdictBlock.values[3]).toEqual([
      'Nej, men lovlig grund',
      'Mangler oplysninger',
      'Anket – skal ikke indsendes',
      '2.2: Grund for Nej, men lovlig grund.; 2.3: Grund for Mangler oplysninger.; Sagsoversigt!E5: datoen kan ikke læses.',
    ]);
    expect(plan.verdictBlock.styles?.[3]).toEqual([
      'verdict-nejmen',
      'verdict-missing',
      'selection-problem',
      'remark',
    ]);
    expect(plan.verdictBlock.values).toHaveLength(4);
  });

  it('reuses and clears the block of an earlier run', () => {
    const r = report({ caseSheet: { ...report().caseSheet, generatedColumns: gen(8, BLOCK) } });
    const s = snap({ Sagsoversigt: Array.from({ length: 9 }, () => []) });
    const p = planWrite(r, s, RULESET);
    expect(p.verdictBlock.col).toBe(8);
    expect(p.clearColumns).toEqual([{ first: 8, last: 11, fromRow: 2, toRow: 9 }]);
  });
});

describe('planWrite: sheets', () => {
  it('builds Resultattabeller in report order with fractions, totals, sources and suppressed tables', () => {
    const plan = planWrite(report(), base, RULESET);
    const sheet = plan.sheets.find((s) => s.name === 'Resultattabeller');
    const values = sheet?.blocks[0]?.values ?? [];
    const first = values.findIndex((r) => r[0] === 'KAPITEL 2 Faglig udredning');
    expect(first).toBeGreaterThan(0);
    expect(values.slice(first, first + 9)).toEqual([
      ['KAPITEL 2 Faglig udredning', null, null],
      ['TABEL 2.2 TITEL 2.2', null, null],
      ['', 'Antal sager', 'Procent'],
      ['Ja', 1, 0.5],
      ['Nej, men lovlig grund', 1, 0.5],
      ['Nej', 0, 0],
      ['I alt', 2, 1],
      ['Kilde: Testrup Kommune, egen gennemgang 23-11-2026', null, null],
      [null, null, null],
    ]);
    expect(values.slice(first + 9, first + 13)).toEqual([
      ['TABEL 2.3 TITEL 2.3', null, null],
      ['', 'Antal sager', 'Procent'],
      [SUPPRESSED_TEXT, null, null],
      ['I alt', 1, 1],
    ]);
    expect(sheet?.blocks[0]?.styles?.[first + 3]).toEqual(['table-row', 'table-row', 'percent']);
  });

  it('builds Overblik with fractions and the reviewed count, Notat from the memo, and the meta sheet', () => {
    const plan = planWrite(report(), base, RULESET);
    const overview = plan.sheets.find((s) => s.name === 'Overblik');
    const values = overview?.blocks[0]?.values ?? [];
    expect(values[3]).toEqual(['2.2 kort', 1, null, 0.3424, 1, 2, 1, 1, 0]);
    expect(values.some((r) => r[0] === '1 af 2 sager gennemgået')).toBe(true);
    expect(values.every((r) => r.length === 9)).toBe(true);
    expect(overview?.chart?.dataRange).toBe('A3:C4');
    const memo = plan.sheets.find((s) => s.name === 'Notat');
    expect(memo?.blocks[0]?.values.map((r) => r[0])).toContain('• =Punkt der ligner en formel');
    const meta = plan.sheets.find((s) => s.name === META_SHEET);
    expect(meta?.visibility).toBe('veryHidden');
    const block = plan.verdictBlock;
    expect(meta?.blocks[0]?.values).toEqual([
      [META_NOTE, null, null],
      ['ark', 'Resultattabeller', null],
      ['ark', 'Overblik', null],
      ['ark', 'Notat', null],
      ['kolonne', '2.2 kort', null],
      ['kolonne', '2.3 kort', null],
      ['kolonne', 'Udvælgelse', columnFingerprint(block.values.slice(1).map((r) => r[2]))],
      ['kolonne', 'Bemærkninger', columnFingerprint(block.values.slice(1).map((r) => r[3]))],
    ]);
  });

  it('puts each national figure on its own question row of Overblik, not in one line under the table', () => {
    const row = (id: string, national: number | null) => ({
      ruleset: 'TEST',
      id,
      columnHeader: `${id} kort`,
      relevant: 6,
      ja: 2,
      nejMen: 0,
      nej: 4,
      compliant: 2 / 6,
      interval: [0.0968, 0.7] as const,
      national,
      nationalLabel: national === null ? null : `landsresultat 2023: ${national * 100}%`,
    });
    const plan = planWrite(report({ overview: [row('2.2', null), row('2.3', 0.34)] }), base, RULESET);
    const values = plan.sheets.find((s) => s.name === 'Overblik')?.blocks[0]?.values ?? [];
    expect(values[3]?.slice(0, 3)).toEqual(['2.2 kort', 2 / 6, null]);
    expect(values[4]?.slice(0, 3)).toEqual(['2.3 kort', 2 / 6, 0.34]);
    // The 95 % interval stands beside the national figure, as fractions shown in percent.
    expect(values[2]?.slice(3, 5)).toEqual(['95 %-interval fra', '95 %-interval til']);
    expect(values[3]?.slice(3, 5)).toEqual([0.0968, 0.7]);
    const text = values.flat().filter((c): c is string => typeof c === 'string');
    expect(text.some((c) => c.includes('landsresultat 2023: 34%'))).toBe(false);
    expect(text.filter((c) => c.startsWith('Landsresultat:'))).toEqual([
      'Landsresultat: andelen overholdt i alle deltagende kommuner, Børnesagsbarometret 2023 (Ankestyrelsen).',
    ]);
  });

  it('writes the reviewed count with a Danish thousands separator and the right noun', () => {
    const many = Array.from({ length: 20000 }, (_, i) => caseResult(3 + i, {}));
    const lines = (r: Report) =>
      (planWrite(r, base, RULESET).sheets.find((s) => s.name === 'Overblik')?.blocks[0]?.values ?? []).map(
        (x) => x[0],
      );
    expect(lines(report({ cases: many, reviewed: 12345 }))).toContain('12.345 af 20.000 sager gennemgået');
    expect(lines(report({ cases: many.slice(0, 1), reviewed: 0 }))).toContain('0 af 1 sag gennemgået');
  });

  it('styles the memo headings of Notat bold (memo-heading), the sentences and bullets as text', () => {
    const memo = [
      'Børnesagsbarometer 2023 – Testrup Kommune',
      'Testrup Kommune har gennemgået 2 sager.',
      '2. Faglig udredning',
      '• Et punkt.',
    ];
    const sheet = planWrite(report({ memo }), base, RULESET).sheets.find((s) => s.name === 'Notat');
    expect(sheet?.blocks[0]?.styles?.slice(2).map((r) => r[0])).toEqual([
      'memo-heading',
      'memo-text',
      'memo-heading',
      'memo-text',
    ]);
  });

  it.each([
    ['a person made "Overblik"', ['Overblik'], [], 'Overblik (2)', true],
    ['a person made "Overblik" and "Overblik (2)"', ['Overblik', 'Overblik (2)'], [], 'Overblik (3)', true],
    ['an earlier run made "Overblik"', ['Overblik'], ['Overblik'], 'Overblik', false],
    [
      'an earlier run made "Overblik (2)" beside a person\'s',
      ['Overblik', 'Overblik (2)'],
      ['Overblik (2)'],
      'Overblik (2)',
      true,
    ],
  ])('when %s, Overblik goes to the free name', (_n, existing, generated, expected, warns) => {
    const meta = [[META_NOTE], ...generated.map((g) => ['ark', g])];
    const s = snap(
      { Sagsoversigt: [[]], [META_SHEET]: meta },
      { sheetNames: ['Sagsoversigt', ...existing, META_SHEET] },
    );
    const plan = planWrite(report(), s, RULESET);
    expect(plan.sheets.map((x) => x.name)).toContain(expected);
    const warning = plan.problems?.find((p) => p.code === 'sheet-name-taken');
    expect(Boolean(warning)).toBe(warns);
    if (warns) expect(warning?.message).toContain(`"${expected}"`);
  });

  it('deletes generated sheets of earlier runs that are no longer produced', () => {
    const s = snap(
      {
        Sagsoversigt: [[]],
        [META_SHEET]: [
          [META_NOTE],
          ['ark', 'Notat (2)'],
          ['ark', 'Gammelt ark'],
          ['ark', 'Notat'],
          ['ark', 'Væk'],
        ],
      },
      { sheetNames: ['Sagsoversigt', 'Notat (2)', 'Gammelt ark', 'Notat', META_SHEET] },
    );
    expect(planWrite(report(), s, RULESET).deleteSheets).toEqual(['Notat (2)', 'Gammelt ark']);
  });

  it.each<[string, Cell[][]]>([
    ['a person’s sheet', [['Mine noter'], ['ark', 'Notat']]],
    [
      'naming the review log and the settings',
      [[META_NOTE], ['ark', 'Gennemgang'], ['ark', 'Indstillinger']],
    ],
  ])('a _Barometer the tool did not write (%s) is neither believed nor written', (_what, rows) => {
    const s = snap(
      { Sagsoversigt: [[]], [META_SHEET]: rows, Gennemgang: [[]], Indstillinger: [[]] },
      { sheetNames: ['Sagsoversigt', 'Notat', 'Gennemgang', 'Indstillinger', META_SHEET] },
    );
    const plan = planWrite(report(), s, RULESET);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.sheets.map((x) => x.name)).toEqual(['Resultattabeller', 'Overblik', 'Notat (2)']);
    expect(plan.problems?.find((p) => p.code === 'meta-sheet-taken')?.message).toContain('"_Barometer"');
  });
});

it('never reads the case record itself (no CPR or name can leak)', () => {
  const leaky = { navn: 'Testbarn Ane', cpr: NO_COLUMN } as unknown as CaseRecord;
  const r = report({ cases: report().cases.map((c) => ({ ...c, record: leaky })) });
  expect(JSON.stringify(planWrite(r, base, RULESET))).not.toContain('Testbarn Ane');
});

describe('planCaseRows (the task pane after Godkend/Ret)', () => {
  it('is null before any check has made verdict columns', () => {
    expect(planCaseRows(report(), [2], RULESET)).toBeNull();
  });

  it.each<[string, GeneratedColumn[]]>([
    ['another width', gen(8, [...BLOCK, '2.4 kort'])],
    ['a column missing', gen(8, BLOCK.slice(1))],
    ['reordered', gen(8, [BLOCK[1], BLOCK[0], BLOCK[2], BLOCK[3]] as string[])],
    ['moved apart', [...gen(8, BLOCK.slice(0, 2)), ...gen(11, BLOCK.slice(2))]],
  ])('is null when the earlier columns are not the rule set’s block exactly (%s)', (_what, columns) => {
    const r = report({ caseSheet: { ...report().caseSheet, generatedColumns: columns } });
    expect(planCaseRows(r, [2], RULESET)).toBeNull();
  });

  it('writes exactly the cells the full plan writes in that case’s row, in the earlier columns', () => {
    // 2 questions + Udvælgelse + Bemærkninger = 4 columns, from H.
    const r = report({ caseSheet: { ...report().caseSheet, generatedColumns: gen(8, BLOCK) } });
    const full = planWrite(r, base, RULESET).verdictBlock;
    const one = planCaseRows(r, [2], RULESET);
    expect(one).not.toBeNull();
    const k = 3 - full.row; // case row 3 in the full block
    expect(one?.verdictBlock).toEqual({
      row: 3,
      col: 8,
      values: [full.values[k]],
      styles: [full.styles?.[k]],
    });
    expect(one?.verdictBlock.values[0]?.[1]).toBe('Ja (rettet)');
    expect([one?.clearColumns, one?.sheets, one?.deleteSheets, one?.verdictColumnWidths]).toEqual([
      null,
      [],
      [],
      [],
    ]);
  });
});

describe('reviewLogSheet (Gennemgang, created when missing)', () => {
  it('lays out the seven headers, their widths, a frozen header row and the lines with date-time Tidspunkt', () => {
    const build = reviewLogSheet([
      [45001.75, 1, '2.3', 'Nej', 'Ja', 'Fristen var forlænget', 'AB'],
      ['01-11-2026', 2],
    ]);
    expect(build.name).toBe('Gennemgang');
    expect(build.freezeRows).toBe(1);
    expect(build.visibility).toBe('visible');
    expect(build.columnWidths).toHaveLength(7);
    const block = build.blocks[0];
    expect(block?.values).toEqual([
      ['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer'],
      [45001.75, 1, '2.3', 'Nej', 'Ja', 'Fristen var forlænget', 'AB'],
      ['01-11-2026', 2, null, null, null, null, null],
    ]);
    expect(block?.styles?.map((r) => r[0])).toEqual(['table-title', 'datetime', null]);
    expect(new Set(block?.styles?.[0])).toEqual(new Set(['table-title']));
  });
});
