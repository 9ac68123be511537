import { danishList, mergeReports, mergedSourceLine } from './merge';
import { KOMMUNER_HEADER_ROW, MERGED_SHEETS, planMerge } from './mergePlan';
import { SUPPRESSED_TEXT } from './plan';
import { reportOf, reviewSnapshot, REVIEW_TODAY } from './testing/review';
import type { Cell, Report, Snapshot } from './types';

/** The review fixture's four made-up cases under another Kommune (and other settings rows). */
function withSettings(rows: Cell[][], log?: Cell[][]): Snapshot {
  const s = reviewSnapshot(log === undefined ? {} : { log });
  const old = s.sheets.Indstillinger!;
  const labels = new Set(rows.map((r) => r[0]));
  const kept = old.rows.filter((r) => !labels.has(r[0] ?? null));
  return {
    ...s,
    sheets: { ...s.sheets, Indstillinger: { ...old, rows: [...kept, ...rows] } },
  };
}
const report = (kommune: string, more: Cell[][] = []): Report =>
  reportOf(withSettings([['Kommune', kommune], ...more]));

const testrup = report('Testrup');
const andeby = report('Andeby');
const options = { today: REVIEW_TODAY, offentliggoerelse: false };

describe('danishList and the source line', () => {
  test.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A og B'],
    [['A', 'B', 'C'], 'A, B og C'],
  ])('%j → "%s"', (items, text) => expect(danishList(items)).toBe(text));

  test('one or several kommuner', () => {
    expect(mergedSourceLine(['A'], REVIEW_TODAY)).toBe(
      'Kilde: A Kommune, egen gennemgang 23-11-2025 (sammenlagt)',
    );
    expect(mergedSourceLine(['A', 'B'], REVIEW_TODAY)).toBe(
      'Kilde: A og B Kommuner, egen gennemgang 23-11-2025 (sammenlagt)',
    );
  });
});

describe('mergeReports', () => {
  test('two kommuner: every table row is the sum, percents recomputed with check’s rounding', () => {
    const m = mergeReports(
      [
        { file: 't.xlsx', report: testrup },
        { file: 'a.xlsx', report: andeby },
      ],
      options,
    );
    expect(m.members.map((x) => x.kommune)).toEqual(['Testrup', 'Andeby']);
    expect(m.cases).toBe(8);
    expect(m.tables.map((t) => t.id)).toEqual(testrup.tables.map((t) => t.id));
    m.tables.forEach((t, i) => {
      const own = testrup.tables[i]!;
      expect(t.total).toBe(2 * own.total);
      expect(t.rows.map((r) => [r.label, r.count, r.percent])).toEqual(
        own.rows.map((r) => [r.label, 2 * r.count, r.percent]),
      );
      expect(t.source).toBe('Kilde: Testrup og Andeby Kommuner, egen gennemgang 23-11-2025 (sammenlagt)');
    });
    expect(m.problems.filter((p) => p.code !== 'own-problems')).toEqual([]);
  });

  test('a reviewer’s correction in a file’s Gennemgang is counted as the final answer', () => {
    const log: Cell[][] = [
      ['01-06-2023 10:05', 4, '2.3', 'Nej', 'Nej, men lovlig grund', 'Fristen forlænget', 'AB'],
    ];
    const corrected = reportOf(withSettings([['Kommune', 'Andeby']], log));
    const t23 = (r: Report) => {
      const m = mergeReports(
        [
          { file: 't.xlsx', report: testrup },
          { file: 'a.xlsx', report: r },
        ],
        options,
      );
      return m.tables.find((t) => t.id === '2.3')!.rows;
    };
    const before = t23(andeby);
    const after = t23(corrected);
    const count = (rows: typeof before, label: string) => rows.find((r) => r.label === label)?.count ?? 0;
    expect(count(after, 'Nej')).toBe(count(before, 'Nej') - 1);
    const nejMen = after.find((r) => r.label.startsWith('Nej, men'))!.label;
    expect(count(after, nejMen)).toBe(count(before, nejMen) + 1);
  });

  test('the same Kommune twice (other letter case, "Kommune" added): the later file is left out and named', () => {
    const again = report('TESTRUP Kommune');
    const m = mergeReports(
      [
        { file: 't.xlsx', report: testrup },
        { file: 't2.xlsx', report: again },
        { file: 'a.xlsx', report: andeby },
      ],
      options,
    );
    expect(m.members.map((x) => x.file)).toEqual(['t.xlsx', 'a.xlsx']);
    const dup = m.problems.filter((p) => p.code === 'duplicate-kommune');
    expect(dup.map((p) => p.file)).toEqual(['t2.xlsx']);
    expect(dup[0]!.message).toMatch(
      /^"t2\.xlsx": Testrup Kommune er allerede med fra "t\.xlsx"; filen er udeladt/,
    );
    expect(m.cases).toBe(8);
  });

  test('each file’s own problems are counted, never copied (their messages name case rows)', () => {
    const m = mergeReports([{ file: 't.xlsx', report: testrup }], options);
    const own = m.problems.filter((p) => p.code === 'own-problems');
    expect(testrup.problems.length).toBeGreaterThan(0);
    expect(own).toHaveLength(1);
    expect(own[0]!.message).toContain(`${testrup.problems.length} problem`);
    for (const p of testrup.problems) expect(own[0]!.message).not.toContain(p.message);
  });

  test('another Undersøgelsesår is merged but named', () => {
    const older = report('Andeby', [['Undersøgelsesår', testrup.settings.undersoegelsesaar - 3]]);
    const m = mergeReports(
      [
        { file: 't.xlsx', report: testrup },
        { file: 'a.xlsx', report: older },
      ],
      options,
    );
    expect(m.members).toHaveLength(2);
    expect(m.problems.find((p) => p.code === 'different-edition')?.file).toBe('a.xlsx');
  });

  test('with Offentliggørelse: 4 cases per kommune are suppressed per kommune, the 8 together are not', () => {
    const m = mergeReports(
      [
        { file: 't.xlsx', report: testrup },
        { file: 'a.xlsx', report: andeby },
      ],
      { ...options, offentliggoerelse: true },
    );
    for (const x of m.members) for (const o of x.overview) if (o.relevant < 6) expect(o.compliant).toBeNull();
    const eight = m.tables.filter((t) => t.total >= 6);
    expect(eight.length).toBeGreaterThan(0);
    for (const t of eight) expect(t.suppressed).toBe(false);
    const sheets = planMerge(m);
    expect(sheets.map((s) => s.name)).toEqual([...MERGED_SHEETS]);
    const kommuner = sheets[1]!.blocks[0]!.values;
    const firstData = kommuner[KOMMUNER_HEADER_ROW]!;
    const o = m.members[0]!.overview[0]!;
    expect(firstData[0]).toBe(o.columnHeader);
    expect(firstData.slice(1, 5)).toEqual(
      o.relevant > 0 && o.relevant < 6 ? [SUPPRESSED_TEXT, null, null, null] : [o.relevant, null, null, null],
    );
    const all = m.overview[0]!;
    expect(firstData.slice(9, 13)).toEqual([all.relevant, all.compliant, ...(all.interval ?? [null, null])]);
  });
});
