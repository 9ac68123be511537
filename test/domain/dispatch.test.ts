import { parseArgs } from '../../src/cli/args';
import { evaluate } from '../../src/domain/evaluate';
import { toJson } from '../../src/domain/json';
import { planWrite } from '../../src/domain/plan';
import { day } from '../../src/domain/testing/records';
import { snap } from '../../src/domain/testing/snapshot';
import type { Cell, Report, SheetBuild } from '../../src/domain/types';

/**
 * Each case by the law in force on its decision date (barnets-lov.md §1): before 01-01-2024
 * SEL-2023, from then BL-2024; a blank date takes Afgørelsesår's rule set; Regelsæt and --ruleset
 * force one. A list under both laws gets one part per law in tables, overview, memo and JSON.
 */
const HEADERS = [
  'Sag nummer',
  'Foranstaltning',
  'Barnets cpr.nr.',
  'Afgørelsesdato',
  'Børnefaglig undersøgelse',
  'Lovlig grund til ingen undersøgelse',
  'Handleplan udarbejdet',
];
const today = day('01-06-2025');

function workbook(rows: Cell[][], settings: Cell[][] = []) {
  return snap({
    Sagsoversigt: [HEADERS, ...rows],
    Indstillinger: [['Kommune', 'Testrup'], ['Afgørelsesår', 2024], ...settings],
  });
}
function run(rows: Cell[][], settings: Cell[][] = [], ruleset?: string): Report {
  const r = evaluate(workbook(rows, settings), { today, ...(ruleset === undefined ? {} : { ruleset }) });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

const SEL_CASE: Cell[] = [
  1,
  'Familiebehandling',
  '010115-1234',
  '31-12-2023',
  'Ny undersøgelse',
  null,
  '05-01-2024',
];
const BL_CASE: Cell[] = [
  2,
  'Familiebehandling',
  '020215-1234',
  '01-01-2024',
  'Afdækning',
  null,
  '05-01-2024',
];

describe('the rule set of each case', () => {
  test('a decision on 31-12-2023 is judged by SEL-2023, one on 01-01-2024 by BL-2024', () => {
    const rep = run([SEL_CASE, BL_CASE]);
    expect(rep.cases.map((c) => c.ruleset)).toEqual(['SEL-2023', 'BL-2024']);
    expect(rep.cases.map((c) => c.verdicts['1.1']!.answer)).toEqual([
      'Familiebehandling § 52, stk. 3, nr. 3',
      'Familiebehandling § 32, stk. 1, nr. 5',
    ]);
    // An afdækning is a BL investigation (2.2 Ja under § 32).
    expect(rep.cases[1]!.verdicts['2.2']!.answer).toBe('Ja');
    expect(rep.ruleset).toBe('BL-2024');
    expect(rep.rulesets).toEqual(['SEL-2023', 'BL-2024']);
  });

  test('a case without a readable decision date takes the rule set of Afgørelsesår', () => {
    const blank: Cell[] = [1, 'Familiebehandling', '010115-1234', null, 'Ny undersøgelse', null, null];
    expect(run([blank]).cases[0]!.ruleset).toBe('BL-2024');
    expect(run([blank], [['Afgørelsesår', 2023]]).cases[0]!.ruleset).toBe('BL-2024'); // first label wins
    const r2023 = evaluate(
      snap({ Sagsoversigt: [HEADERS, blank], Indstillinger: [['Afgørelsesår', 2023]] }),
      { today },
    );
    expect(r2023.ok && r2023.report.cases[0]!.ruleset).toBe('SEL-2023');
  });

  test('Regelsæt in Indstillinger and the ruleset option force one rule set on every case', () => {
    const bySetting = run([SEL_CASE, BL_CASE], [['Regelsæt', 'BL-2024']]);
    expect(bySetting.cases.map((c) => c.ruleset)).toEqual(['BL-2024', 'BL-2024']);
    expect(bySetting.rulesets).toEqual(['BL-2024']);
    const byOption = run([SEL_CASE, BL_CASE], [], 'SEL-2023');
    expect(byOption.cases.map((c) => c.ruleset)).toEqual(['SEL-2023', 'SEL-2023']);
    expect(byOption.ruleset).toBe('SEL-2023');
    // Afdækning did not exist before 2024: on a SEL case it is a cell error, and 2.2 is Mangler.
    expect(byOption.problems.find((p) => p.cell === 'E3')).toMatchObject({
      code: 'invalid-bfu',
      severity: 'error',
    });
    expect(byOption.cases[1]!.verdicts['2.2']!.answer).toBe('Mangler oplysninger');
    // An unknown Regelsæt is reported and the decision date decides.
    const bad = run([SEL_CASE], [['Regelsæt', 'SEL-1999']]);
    expect(bad.problems.some((p) => p.code === 'invalid-setting' && p.message.includes('Regelsæt'))).toBe(
      true,
    );
    expect(bad.cases[0]!.ruleset).toBe('SEL-2023');
  });

  test('barometer check --ruleset ID is passed on, an unknown id is a usage error', () => {
    const cmd = parseArgs(['check', 'x.xlsx', '--ruleset', 'bl-2024']);
    expect(cmd.verb === 'check' && cmd.ruleset).toBe('BL-2024');
    expect(() => parseArgs(['check', 'x.xlsx', '--ruleset', 'XYZ'])).toThrow(
      /--ruleset skal være SEL-2023 eller BL-2024/,
    );
  });

  test("a measure written with the other law's reference is read as its counterpart, with a warning", () => {
    const rep = run([
      [
        1,
        'Familiebehandling § 52, stk. 3, nr. 3',
        '010115-1234',
        '10-01-2024',
        'Ny undersøgelse',
        null,
        null,
      ],
      [2, '§ 32, stk. 1, nr. 3', '020215-1234', '10-12-2023', 'Ny undersøgelse', null, null],
      [3, 'Familiebehandling', '030315-1234', '10-01-2024', 'Ny undersøgelse', null, null],
    ]);
    expect(rep.cases.map((c) => c.record.foranstaltning)).toEqual(['F5', 'K6', 'F5']);
    const warnings = rep.problems.filter((p) => p.code === 'measure-other-law');
    expect(warnings.map((p) => [p.cell, p.severity])).toEqual([
      ['B2', 'warning'],
      ['B3', 'warning'],
    ]);
    expect(warnings[0]!.message).toContain(
      '§ 52 blev afløst af barnets lov § 32 fra 1. januar 2024; skriv indsatsen efter barnets lov.',
    );
  });
});

describe('a list under both laws: one part per law', () => {
  const rep = run([
    SEL_CASE,
    BL_CASE,
    [3, 'Familiebehandling', '030315-1234', '01-01-2024', 'Afdækning', null, '05-01-2024'],
  ]);

  test('tables carry their rule set, with their own case counts', () => {
    const t11 = rep.tables.filter((t) => t.id === '1.1');
    expect(t11.map((t) => [t.ruleset, t.total])).toEqual([
      ['SEL-2023', 1],
      ['BL-2024', 2],
    ]);
    expect(rep.overview.filter((o) => o.id === '2.2').map((o) => o.ruleset)).toEqual(['SEL-2023', 'BL-2024']);
  });

  test('the JSON names the rule set of every table and verdict; the top level is Afgørelsesår’s', () => {
    const json = toJson(rep);
    expect(json.ruleset).toBe('BL-2024');
    expect(json.tables.filter((t) => t.id === '2.2').map((t) => t.ruleset)).toEqual(['SEL-2023', 'BL-2024']);
    expect(json.verdicts.map((v) => v.ruleset)).toEqual(['SEL-2023', 'BL-2024', 'BL-2024']);
    expect(JSON.parse(JSON.stringify(rep.cases[0]!.verdicts['2.2']))).toMatchObject({
      answer: 'Ja',
      reason: expect.stringMatching(/undersøgelse/),
    });
  });

  test('Resultattabeller, Overblik and Notat show one part per law under the headings of barnets-lov.md §1', () => {
    const plan = planWrite(rep, workbook([]));
    const col = (b: SheetBuild): string[] =>
      b.blocks[0]!.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string');
    const [tables, overview, memo] = plan.sheets as [SheetBuild, SheetBuild, SheetBuild];
    const sel = 'Afgørelser efter serviceloven (truffet før 1. januar 2024)';
    const bl = 'Afgørelser efter barnets lov (truffet fra 1. januar 2024)';
    const note =
      'Tabellerne for afgørelser efter barnets lov følger Børnesagsbarometrets opbygning; formuleringen er værktøjets egen, indtil Ankestyrelsen offentliggør sine.';
    const t = col(tables);
    expect(t.indexOf(sel)).toBeGreaterThan(0);
    expect(t.indexOf(bl)).toBeGreaterThan(t.indexOf(sel));
    // The note stands once, right under the BL part's first chapter heading.
    expect(t.filter((x) => x === note)).toHaveLength(1);
    expect(t[t.indexOf(note) - 1]).toBe('KAPITEL 1 Afgørelser');
    expect(t.indexOf(note)).toBeGreaterThan(t.indexOf(bl));
    expect(t).toContain('TABEL 1.1 HVAD ER DER TRUFFET AFGØRELSE OM?');
    const o = col(overview);
    expect(o.indexOf(bl)).toBeGreaterThan(o.indexOf(sel));
    const m = col(memo);
    expect(m.indexOf(bl)).toBeGreaterThan(m.indexOf(sel));
    expect(m).toContain('Denne del omfatter 2 sager.');
  });

  test('a list under one law has no part headings and no ruleset of its own in the memo', () => {
    const one = run([BL_CASE]);
    expect(one.rulesets).toEqual(['BL-2024']);
    expect(one.memo.some((l) => l.startsWith('Afgørelser efter'))).toBe(false);
    const tables = planWrite(one, workbook([])).sheets[0]!;
    const t = tables.blocks[0]!.values.map((r) => r[0]);
    expect(t.some((v) => typeof v === 'string' && v.startsWith('Afgørelser efter'))).toBe(false);
    expect(t[3]).toBe(
      'Tabellerne for afgørelser efter barnets lov følger Børnesagsbarometrets opbygning; formuleringen er værktøjets egen, indtil Ankestyrelsen offentliggør sine.',
    );
  });
});
