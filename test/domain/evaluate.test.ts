import { COLUMNS } from '../../src/domain/columns';
import { evaluate, evaluateRecords } from '../../src/domain/evaluate';
import { toJson } from '../../src/domain/json';
import { SEL_2023 } from '../../src/domain/rules/sel2023';
import { day, record, settings } from '../../src/domain/testing/records';
import { snap } from '../../src/domain/testing/snapshot';
import { REVIEW_HEADERS, type Cell, type ColumnId, type Report } from '../../src/domain/types';
import { ishoej } from '../fixtures/data/ishoej';

const col = (id: ColumnId): number => COLUMNS.findIndex((c) => c.id === id);
const today = day('23-11-2025');

/** The Ishøj rows (header in row 1, case n in row n + 1), edited; columns can be dropped. */
function snapshot(
  edit: (rows: Cell[][]) => void = () => {},
  opts: { drop?: ColumnId; log?: Cell[][]; settings?: Record<string, Cell> } = {},
) {
  const rows = ishoej.rows.map((r) => [...r] as Cell[]);
  edit(rows);
  let headers = [...ishoej.headers] as Cell[];
  let data = rows;
  if (opts.drop) {
    const i = col(opts.drop);
    headers = headers.filter((_, k) => k !== i);
    data = rows.map((r) => r.filter((_, k) => k !== i));
  }
  const sheets: Record<string, Cell[][]> = {
    Sagsoversigt: [headers, ...data],
    Indstillinger: Object.entries({ ...ishoej.settings, ...opts.settings }).map(([k, v]) => [k, v] as Cell[]),
  };
  if (opts.log) sheets.Gennemgang = [[...REVIEW_HEADERS], ...opts.log];
  return snap(sheets);
}
function run(...args: Parameters<typeof snapshot>): Report {
  const r = evaluate(snapshot(...args), { today });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}
const table = (rep: Report, id: string) => rep.tables.find((t) => t.id === id);

describe('evaluate: blank vs unreadable vs missing column (spec §4, §9)', () => {
  test('blank Undersøgelsen afsluttet → Mangler, one missing problem per question naming the cell', () => {
    const rep = run((rows) => {
      rows[0]![col('bfu_afsluttet')] = null; // case 1, Excel row 2
    });
    const c1 = rep.cases[0]!;
    expect(c1.verdicts['2.3']!.answer).toBe('Mangler oplysninger');
    expect(c1.verdicts['2.5']!.answer).toBe('Mangler oplysninger');
    const missing = rep.problems.filter((p) => p.severity === 'missing');
    expect(missing.map((p) => [p.question, p.cell, p.column])).toEqual([
      ['2.3', 'M2', 'Undersøgelsen afsluttet'],
      ['2.5', 'M2', 'Undersøgelsen afsluttet'],
    ]);
    expect(missing[0]!.message).toBe(
      'Sagsoversigt!M2: Spørgsmål 2.3 kan ikke vurderes, fordi cellen "Undersøgelsen afsluttet" er tom; udfyld den.',
    );
    // Mangler is not counted: 2.3 now has 5 cases.
    expect(table(rep, '2.3')!.total).toBe(5);
  });

  test('unreadable date → a cell error plus Mangler for every rule using it', () => {
    const rep = run((rows) => {
      rows[0]![col('bfu_afsluttet')] = '31-02-2021';
    });
    const codes = rep.problems.filter((p) => p.cell === 'M2').map((p) => [p.severity, p.question ?? null]);
    expect(codes).toEqual([
      ['error', null],
      ['missing', '2.3'],
      ['missing', '2.5'],
    ]);
  });

  test('a missing optional column → every question reading it is Mangler, reported once as a column warning', () => {
    const rep = run(undefined, { drop: 'genvurdering' });
    expect(
      rep.cases.map((c) => c.verdicts['6.14']!.answer).filter((a) => a === 'Mangler oplysninger'),
    ).toHaveLength(15);
    expect(rep.problems.filter((p) => p.code === 'missing-column')).toHaveLength(1);
    expect(table(rep, '6.14')).toBeUndefined();
  });

  test('inconsistent dates → Mangler and an inconsistent-dates error', () => {
    const rep = run((rows) => {
      rows[0]![col('vurdering_24t')] = '09-06-2021 10:00';
    });
    expect(rep.cases[0]!.verdicts['6.13']!.answer).toBe('Mangler oplysninger');
    const p = rep.problems.find((x) => x.code === 'inconsistent-dates');
    expect(p).toMatchObject({
      severity: 'error',
      sagsnr: 1,
      row: 2,
      question: '6.13',
      column: '24-timers vurdering',
    });
  });
});

describe('evaluate: corrections reach the verdicts, tables, memo and JSON', () => {
  test('a correction of 2.3 for case 2 moves one Nej to Ja', () => {
    const rep = run(undefined, {
      log: [['01-06-2023 10:00', 2, '2.3', 'Nej', 'Ja', 'Partshøringen lå inden for fristen', 'AB']],
    });
    expect(rep.cases[1]!.verdicts['2.3']).toMatchObject({ answer: 'Ja', computedAnswer: 'Nej' });
    expect(rep.cases[1]!.review).toBe('rettet');
    expect(rep.reviewed).toBe(1);
    expect(table(rep, '2.3')!.rows[0]).toEqual({ label: 'Ja', count: 2, percent: 33 });
    expect(rep.memo.join('\n')).toContain('i 33% af sagerne (2 ud af 6 sager)');
    expect(toJson(rep).verdicts[1]!.answers['2.3']).toBe('Ja');
    expect(rep.corrections).toHaveLength(1);
  });

  test('a stale line marks the case and names the question', () => {
    const rep = run(undefined, { log: [['01-06-2023 10:00', 1, '2.3', 'Nej', 'Nej', '', 'AB']] });
    expect(rep.cases[0]!.review).toBe('ændret siden gennemgang');
    expect(rep.problems.find((p) => p.code === 'review-stale')!.question).toBe('2.3');
  });
});

describe('evaluate: whole run', () => {
  test('Offentliggørelse suppresses tables under 6 cases in the JSON', () => {
    const json = toJson(run(undefined, { settings: { Offentliggørelse: 'Ja' } }));
    expect(json.tables.find((t) => t.id === '2.3')).toEqual({
      ruleset: 'SEL-2023',
      id: '2.3',
      title:
        'ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 7?',
      total: 6,
      rows: [
        { label: 'Ja', count: 1, percent: 17 },
        { label: 'Nej, men lovlig grund', count: 0, percent: 0 },
        { label: 'Nej', count: 5, percent: 83 },
      ],
    });
    expect(json.tables.find((t) => t.id === '3.9')).toEqual({
      ruleset: 'SEL-2023',
      id: '3.9',
      title: table(run(), '3.9')!.title,
      total: 5,
      suppressed: true,
      rows: [],
    });
    expect(json).toMatchObject({ ruleset: 'SEL-2023', kommune: 'Ishøj', cases: 15 });
  });

  test('problems are sorted: whole list first, then by row and column; no CPR or name in any message', () => {
    const rep = run(
      (rows) => {
        rows[4]![col('afgoerelsesdato')] = '01-01-2020';
        rows[1]![col('anket')] = 'Ja';
        rows[1]![col('bfu')] = null;
      },
      { settings: { 'Antal sager': 17 } },
    );
    const rowsSeen = rep.problems.map((p) => p.row ?? 0);
    expect([...rowsSeen].sort((a, b) => a - b)).toEqual(rowsSeen);
    expect(rep.problems[0]).toMatchObject({ row: null, code: 'case-count' });
    const row3 = rep.problems.filter((p) => p.row === 3).map((p) => p.cell);
    expect(row3).toEqual(['F3', 'J3', 'J3', 'J3', 'J3', 'J3', 'J3']);
    const text = JSON.stringify(rep.problems) + rep.memo.join('') + JSON.stringify(rep.tables);
    for (const r of ishoej.rows) {
      expect(text).not.toContain(String(r[col('cpr')]));
      expect(text).not.toContain(String(r[col('navn')]));
    }
  });

  test('Afgørelsesår 2024 names BL-2024, but each case keeps the law of its decision date; an unknown forced rule set is fatal', () => {
    const r = evaluate(snapshot(undefined, { settings: { Afgørelsesår: 2024 } }), { today });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.report.ruleset).toBe('BL-2024');
      expect(r.report.rulesets).toEqual(['SEL-2023']);
      expect(new Set(r.report.cases.map((c) => c.ruleset))).toEqual(new Set(['SEL-2023']));
    }
    const bad = evaluate(snapshot(), { today, ruleset: 'XYZ' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('unknown-ruleset');
  });

  test('evaluateRecords gives one verdict per question per record, in rule-set order', () => {
    const out = evaluateRecords([record({ foranstaltning: 'F3' })], settings(), today, SEL_2023);
    expect(out[0]!.map((v) => v.answer)).toEqual([
      'Familiebehandling § 52, stk. 3, nr. 3',
      ...Array(6).fill('Mangler oplysninger'),
      'Nej',
      'Mangler oplysninger',
      'Nej',
      'Ikke relevant',
      'Mangler oplysninger',
      'Ikke relevant',
      'Ikke relevant',
    ]);
  });
});
