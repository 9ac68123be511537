import { evaluate } from '../../src/domain/evaluate';
import { toJson } from '../../src/domain/json';
import { snap } from '../../src/domain/testing/snapshot';
import { day } from '../../src/domain/testing/records';
import type { Cell, Report } from '../../src/domain/types';
import expected from '../fixtures/expected/ishoej.json';
import { ishoej } from '../fixtures/data/ishoej';

/** The fixture as a plain snapshot: title block, header row and rows (dates as dd-mm-yyyy text). */
function ishoejSnapshot() {
  const title = (ishoej.title ?? []).map((t) => [t] as Cell[]);
  return snap({
    Sagsoversigt: [...title, ishoej.headers, ...(ishoej.rows as Cell[][])],
    Indstillinger: Object.entries(ishoej.settings).map(([k, v]) => [k, v] as Cell[]),
  });
}

function run(): Report {
  const r = evaluate(ishoejSnapshot(), { today: day('23-11-2025') });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

describe('Ishøj fixture reproduces seed 000', () => {
  const report = run();

  test('all 14 tables deep-equal the hand-copied tables of the seed', () => {
    const tables = report.tables.map(({ id, title, total, rows }) => ({ id, title, total, rows }));
    expect(tables).toEqual(expected.tables);
  });

  test('the JSON output carries the same tables, each naming rule set SEL-2023', () => {
    const json = toJson(report).tables;
    expect(json.map(({ ruleset: _ruleset, ...t }) => t)).toEqual(expected.tables);
    expect(json.every((t) => t.ruleset === 'SEL-2023')).toBe(true);
  });

  test('the data is clean: no missing answers, no problems, every case selected', () => {
    expect(report.problems).toEqual([]);
    expect(report.cases.every((c) => c.selectionOk && c.selection === 'OK')).toBe(true);
    expect(report.cases).toHaveLength(15);
  });

  test('the source line is the municipality own review', () => {
    expect(new Set(report.tables.map((t) => t.source))).toEqual(
      new Set(['Kilde: Ishøj Kommune, egen gennemgang 23-11-2025']),
    );
  });

  test('the memo says the seed 003 figures', () => {
    const memo = report.memo.join('\n');
    expect(memo).toContain(
      'Ishøj Kommune har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i 100% af sagerne (10 ud af 10 sager), usikkerhed 72–100%.',
    );
    expect(memo).toContain(
      'inden for 4 måneders fristen i 17% af sagerne (1 ud af 6 sager), usikkerhed 3–56% (landsresultat 2023: 34%).',
    );
    expect(memo).toContain(
      'i 21% af sagerne (3 ud af 14 sager), usikkerhed 8–48% (landsresultat 2023: 61%).',
    );
    expect(memo).toContain(
      'Ishøj Kommune har udarbejdet en handleplan for indsatsen i 87% af sagerne (13 ud af 15 sager), usikkerhed 62–96%.',
    );
    expect(memo).toContain(
      'Ishøj Kommune har overholdt kravet om opfølgning inden for de første 3 måneder i 60% af sagerne (3 ud af 5 sager), usikkerhed 23–88%',
    );
  });
});
