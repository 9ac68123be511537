import { evaluate } from './evaluate';
import { toJson } from './json';
import { trendLines } from './memoTrend';
import { planWrite } from './plan';
import {
  changePoints,
  crossLaw,
  previousFromJson,
  previousFromJsonText,
  previousFromSnapshot,
  withPrevious,
  type PreviousResult,
} from './previous';
import { BL_2024 } from './rules/bl2024';
import { SEL_2023 } from './rules/sel2023';
import { reportOf, reviewSnapshot, REVIEW_TODAY } from './testing/review';
import { snap } from './testing/snapshot';
import type { Cell, OverviewRow, Report, Snapshot } from './types';

const FILE = 'forrige-resultat.xlsx';

/** The Overblik sheet planWrite builds for a report, as the rows a snapshot reads back. */
function overblikRows(report: Report, snapshot: Snapshot): Cell[][] {
  const sheet = planWrite(report, snapshot).sheets.find((s) => s.name === 'Overblik');
  return (sheet?.blocks[0]?.values ?? []).map((r) => [...r]);
}

function read(rows: Cell[][], extra: Record<string, Cell[][]> = {}): PreviousResult {
  const r = previousFromSnapshot(snap({ Overblik: rows, ...extra }), FILE, REVIEW_TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.previous;
}

const message = (r: ReturnType<typeof previousFromJson>): string => (r.ok ? '' : r.message);

/** An overview row of `ruleset` with Overholdt `compliant` over `relevant` cases. */
function row(ruleset: string, id: string, compliant: number | null, relevant = 17): OverviewRow {
  const rs = ruleset === SEL_2023.id ? SEL_2023 : BL_2024;
  const q = rs.questions.find((x) => x.id === id);
  if (q === undefined) throw new Error(id);
  return {
    ruleset,
    id,
    columnHeader: q.columnHeader,
    relevant,
    ja: 0,
    nejMen: 0,
    nej: 0,
    compliant,
    interval: null,
    national: null,
    nationalLabel: null,
  };
}

describe('previousFromSnapshot: the Overblik a check wrote', () => {
  const snapshot = reviewSnapshot();
  const report = reportOf(snapshot);

  test('reads back every question of the Overblik planWrite builds, with its date', () => {
    const prev = read(overblikRows(report, snapshot));
    expect(prev.reviewDate).toBe('23-11-2025');
    expect(prev.figures).toEqual(
      report.overview.map((o) => ({
        ruleset: 'SEL-2023',
        id: o.id,
        compliant: o.compliant,
        relevant: o.relevant,
      })),
    );
    expect(prev.figures.find((f) => f.id === '2.3')?.compliant).toBe(0.5); // cases 1 and 4 too late
  });

  test('an older Overblik without the interval columns, columns in another order', () => {
    const rows: Cell[][] = [
      ['Overblik – Testrup Kommune, egen gennemgang 01-12-2022'],
      [],
      ['Spørgsmål', 'Relevante sager', 'Ja', 'Nej, men …', 'Nej', 'Overholdt', 'Landsresultat'],
      ['2.2 Børnefaglig undersøgelse', 10, 9, 1, 0, 1, null],
      ['2.3 4-måneders frist', 6, 1, 0, 5, { n: 1 / 6, fmt: '0%' }, 0.34],
      [],
      ['6 af 17 sager gennemgået'],
    ];
    const prev = read(rows);
    expect(prev.reviewDate).toBe('01-12-2022');
    expect(prev.figures).toEqual([
      { ruleset: 'SEL-2023', id: '2.2', compliant: 1, relevant: 10 },
      { ruleset: 'SEL-2023', id: '2.3', compliant: 1 / 6, relevant: 6 },
    ]);
  });

  test('parts by their part headings; a suppressed row has no figure', () => {
    const rows: Cell[][] = [
      ['Overblik – Testrup Kommune, egen gennemgang 23-11-2025'],
      [],
      ['Spørgsmål', 'Overholdt'],
      [SEL_2023.partHeading],
      ['2.3 4-måneders frist', 0.25],
      [BL_2024.partHeading],
      ['2.3 4-måneders frist', null],
      ['4.10 Barnets plan til tiden', 0.8],
    ];
    expect(read(rows).figures).toEqual([
      { ruleset: 'SEL-2023', id: '2.3', compliant: 0.25, relevant: null },
      { ruleset: 'BL-2024', id: '2.3', compliant: null, relevant: null },
      { ruleset: 'BL-2024', id: '4.10', compliant: 0.8, relevant: null },
    ]);
  });

  test('rows under no heading: the wording tells the law, else the earlier Indstillinger does', () => {
    const head: Cell[][] = [['Overblik'], [], ['Spørgsmål', 'Overholdt']];
    expect(read([...head, ['2.2 Afdækning eller undersøgelse', 0.5]]).figures[0]?.ruleset).toBe('BL-2024');
    expect(read([...head, ['4.10 Handleplan', 0.5]]).figures[0]?.ruleset).toBe('SEL-2023');
    const same = [...head, ['2.3 4-måneders frist', 0.5]];
    expect(read(same, { Indstillinger: [['Afgørelsesår', 2024]] }).figures[0]?.ruleset).toBe('BL-2024');
    expect(read(same, { Indstillinger: [['Afgørelsesår', 2021]] }).figures[0]?.ruleset).toBe('SEL-2023');
  });

  test("a person's own line in the table is passed over; an older wording is read by its number", () => {
    const rows: Cell[][] = [
      ['Overblik'],
      ['Spørgsmål', 'Overholdt'],
      ['Vores egen note', 'se mødet'],
      ['2.3 Fire måneder', 0.4],
    ];
    expect(read(rows, { Indstillinger: [['Afgørelsesår', 2021]] }).figures).toEqual([
      { ruleset: 'SEL-2023', id: '2.3', compliant: 0.4, relevant: null },
    ]);
  });

  test.each<[string, Record<string, Cell[][]>, RegExp]>([
    [
      'no Overblik sheet',
      { Ark1: [['x']] },
      /^"forrige-resultat\.xlsx" har intet ark "Overblik" – brug resultatfilen/,
    ],
    [
      'no header row',
      { Overblik: [['Overblik'], ['Noget', 'Andet']] },
      /^Arket "Overblik" i "forrige-resultat\.xlsx" har ingen overskriftsrække med "Spørgsmål" og "Overholdt"/,
    ],
    [
      'text where a share belongs',
      { Overblik: [['Overblik'], [], ['Spørgsmål', 'Overholdt'], ['2.3 4-måneders frist', 'godt']] },
      /^Cellen Overblik!B4 i "forrige-resultat\.xlsx" skal være en andel .* indeholder "godt"/,
    ],
    [
      'a percent typed as a whole number',
      { Overblik: [['Overblik'], [], ['Spørgsmål', 'Overholdt'], ['2.3 4-måneders frist', 60]] },
      /^Cellen Overblik!B4 i "forrige-resultat\.xlsx" skal være en andel som værktøjet skrev den \(fx 60%\), men indeholder 60 – /,
    ],
    [
      'an error value',
      {
        Overblik: [
          ['Overblik'],
          [],
          ['Spørgsmål', 'Overholdt'],
          ['2.3 4-måneders frist', { error: '#REF!' }],
        ],
      },
      /Overblik!B4 .* indeholder #REF!/,
    ],
    [
      'no question under the header',
      { Overblik: [['Overblik'], [], ['Spørgsmål', 'Overholdt'], ['Noget', 0.5]] },
      /har ingen spørgsmål under overskriften "Spørgsmål"/,
    ],
  ])('%s gives one Danish message naming the file', (_name, sheets, expected) => {
    const r = previousFromSnapshot(snap(sheets), FILE, REVIEW_TODAY);
    expect(r.ok).toBe(false);
    expect(message(r)).toMatch(expected);
  });
});

describe('previousFromJson: the JSON of check --json', () => {
  const report = reportOf(reviewSnapshot());
  const json = JSON.parse(JSON.stringify(toJson(report))) as Record<string, unknown>;

  test('its overview, percent back to fractions', () => {
    const r = previousFromJson(json, 'forrige.json');
    if (!r.ok) throw new Error(r.message);
    expect(r.previous.reviewDate).toBeNull();
    for (const o of report.overview) {
      const f = r.previous.figures.find((x) => x.id === o.id);
      expect(f?.ruleset).toBe('SEL-2023');
      expect(f?.relevant).toBe(o.relevant);
      if (o.compliant === null) expect(f?.compliant).toBeNull();
      else expect(f?.compliant).toBeCloseTo(o.compliant, 4);
    }
  });

  test('a JSON without overview: Overholdt computed from its tables by the rule set', () => {
    const { overview: _dropped, ...older } = json;
    const r = previousFromJson(older, 'forrige.json');
    if (!r.ok) throw new Error(r.message);
    // Tables with no relevant case are left out of the JSON (spec §9), so are their figures.
    const present = report.overview.filter((o) => o.relevant > 0);
    expect(present.length).toBeGreaterThan(5);
    expect(r.previous.figures.map((f) => f.id)).toEqual(present.map((o) => o.id));
    for (const o of present) {
      expect(r.previous.figures.find((x) => x.id === o.id)?.compliant).toBe(o.compliant);
    }
  });

  test('a suppressed table has no figure', () => {
    const r = previousFromJson(
      {
        ruleset: 'SEL-2023',
        tables: [{ ruleset: 'SEL-2023', id: '2.3', total: 4, suppressed: true, rows: [] }],
      },
      'f.json',
    );
    expect(r.ok && r.previous.figures).toEqual([
      { ruleset: 'SEL-2023', id: '2.3', compliant: null, relevant: 4 },
    ]);
  });

  test.each<[string, string, RegExp]>([
    ['not JSON', '{"overview": [', /^"forrige\.json" kan ikke læses som JSON/],
    ['a list', '[1, 2]', /^"forrige\.json" er ikke JSON fra "barometer check --json" \(forventede et objekt/],
    ['neither part', '{"kommune": "Testrup"}', /hverken "overview" eller "tables"/],
    [
      'an unknown rule set',
      '{"overview": [{"ruleset": "SEL-1999", "id": "2.3", "compliant": 5}]}',
      /overview\[0\]\.ruleset/,
    ],
    [
      'a share above 100',
      '{"overview": [{"ruleset": "SEL-2023", "id": "2.3", "compliant": 250}]}',
      /overview\[0\]\.compliant/,
    ],
    [
      'a table without rows',
      '{"tables": [{"ruleset": "BL-2024", "id": "2.3", "total": 3}]}',
      /tables\[0\] mangler/,
    ],
  ])('%s gives one Danish message naming the file', (_n, textIn, expected) => {
    expect(message(previousFromJsonText(textIn, 'forrige.json'))).toMatch(expected);
  });

  test('a byte order mark is read past', () => {
    expect(previousFromJsonText(`\uFEFF${JSON.stringify(json)}`, 'f.json').ok).toBe(true);
  });
});

describe('withPrevious, changePoints, crossLaw', () => {
  const prev = (figures: PreviousResult['figures']): PreviousResult => ({ figures, reviewDate: null });

  test('without an earlier result nothing is added', () => {
    const rows = withPrevious([row('SEL-2023', '2.3', 0.5)], null);
    expect('previous' in (rows[0] as OverviewRow)).toBe(false);
    expect(changePoints(rows[0] as OverviewRow)).toBeNull();
  });

  test('same rule set and id; a question without an earlier figure stays null', () => {
    const [a, b] = withPrevious(
      [row('SEL-2023', '2.3', 12 / 17), row('SEL-2023', '4.10', 0.5)],
      prev([{ ruleset: 'SEL-2023', id: '2.3', compliant: 10 / 17, relevant: 17 }]),
    );
    expect(a?.previous).toEqual({ compliant: 10 / 17, ruleset: 'SEL-2023' });
    expect(changePoints(a as OverviewRow)).toBe(11.76);
    expect(crossLaw(a as OverviewRow)).toBe(false);
    expect(b?.previous).toBeNull();
  });

  test('across the change of law only when the own law has no row; marked', () => {
    const figures = [
      { ruleset: 'SEL-2023', id: '2.3', compliant: 0.6, relevant: 10 },
      { ruleset: 'BL-2024', id: '4.10', compliant: null, relevant: 3 },
      { ruleset: 'SEL-2023', id: '4.10', compliant: 0.9, relevant: 10 },
    ];
    const [a, b] = withPrevious([row('BL-2024', '2.3', 0.4), row('BL-2024', '4.10', 0.5)], prev(figures));
    expect(a?.previous).toEqual({ compliant: 0.6, ruleset: 'SEL-2023' });
    expect(crossLaw(a as OverviewRow)).toBe(true);
    expect(changePoints(a as OverviewRow)).toBe(-20);
    expect(b?.previous).toBeNull(); // its own law's earlier row was suppressed
  });

  test('with Offentliggørelse an earlier figure on fewer than 6 cases is left out', () => {
    const figures = [{ ruleset: 'SEL-2023', id: '2.3', compliant: 0.6, relevant: 5 }];
    expect(withPrevious([row('SEL-2023', '2.3', 0.4)], prev(figures), true)[0]?.previous).toBeNull();
    expect(withPrevious([row('SEL-2023', '2.3', 0.4)], prev(figures), false)[0]?.previous).not.toBeNull();
  });

  test('0.7 − 0.6 is 10 points, not 9.999…', () => {
    const [a] = withPrevious(
      [row('SEL-2023', '2.3', 0.7)],
      prev([{ ruleset: 'SEL-2023', id: '2.3', compliant: 0.6, relevant: 10 }]),
    );
    expect(changePoints(a as OverviewRow)).toBe(10);
  });
});

describe('the memo on the trend (changes of 10 points or more)', () => {
  const prev = (figures: PreviousResult['figures'], reviewDate: string | null = '23-11-2025') => ({
    figures,
    reviewDate,
  });
  const fig = (ruleset: string, id: string, compliant: number) => ({ ruleset, id, compliant, relevant: 17 });

  test('one sentence per change of 10 points or more, up and down; smaller ones not', () => {
    const p = prev([
      fig('SEL-2023', '2.3', 10 / 17),
      fig('SEL-2023', '3.8', 0.9),
      fig('SEL-2023', '4.10', 0.5),
    ]);
    const rows = withPrevious(
      [row('SEL-2023', '2.3', 12 / 17), row('SEL-2023', '3.8', 0.75), row('SEL-2023', '4.10', 0.59)],
      p,
    );
    expect(trendLines(rows, p)).toEqual([
      'Udvikling siden sidste gennemgang (egen gennemgang 23-11-2025)',
      '• 2.3 4-måneders frist: overholdt i 71% af sagerne mod 59% sidst, en stigning på 12 procentpoint.',
      '• 3.8 Børnesamtale: overholdt i 75% af sagerne mod 90% sidst, et fald på 15 procentpoint.',
    ]);
  });

  test('no change that large, and nothing to compare, each get one line', () => {
    const p = prev([fig('SEL-2023', '2.3', 0.5)], null);
    expect(trendLines(withPrevious([row('SEL-2023', '2.3', 0.55)], p), p)).toEqual([
      'Udvikling siden sidste gennemgang',
      'Intet spørgsmål har ændret sig med 10 procentpoint eller mere siden sidste gennemgang.',
    ]);
    expect(trendLines(withPrevious([row('SEL-2023', '4.10', 0.55)], p), p)[1]).toBe(
      'Den tidligere gennemgang har ingen resultater for de samme spørgsmål at sammenligne med.',
    );
  });

  test('across the change of law the sentence and a closing line say so', () => {
    const p = prev([fig('SEL-2023', '2.3', 0.3)]);
    const lines = trendLines(withPrevious([row('BL-2024', '2.3', 0.6)], p), p);
    expect(lines[1]).toBe(
      '• 2.3 4-måneders frist: overholdt i 60% af sagerne mod 30% sidst (efter serviceloven), en stigning på 30 procentpoint.',
    );
    expect(lines[2]).toMatch(
      /^Hvor resultatet sidst blev opgjort efter serviceloven, er det sammenlignet med spørgsmålet med samme nummer efter barnets lov/,
    );
  });

  test('through evaluate: the memo part stands before the caveat, only with an earlier result', () => {
    const snapshot = reviewSnapshot();
    const p = prev([fig('SEL-2023', '2.3', 1)]);
    const r = evaluate(snapshot, { today: REVIEW_TODAY, previous: p });
    if (!r.ok) throw new Error(r.error.message);
    const m = r.report.memo;
    const at = m.indexOf('Udvikling siden sidste gennemgang (egen gennemgang 23-11-2025)');
    expect(at).toBe(m.length - 3);
    expect(m[at + 1]).toBe(
      '• 2.3 4-måneders frist: overholdt i 50% af sagerne mod 100% sidst, et fald på 50 procentpoint.',
    );
    expect(r.report.overview.find((o) => o.id === '2.3')?.previous).toEqual({
      compliant: 1,
      ruleset: 'SEL-2023',
    });
    expect(reportOf(snapshot).memo.join('\n')).not.toContain('Udvikling');
  });
});

describe('Overblik and JSON with the earlier result', () => {
  const snapshot = reviewSnapshot();
  const withPrev = (figures: PreviousResult['figures']): Report => {
    const r = evaluate(snapshot, { today: REVIEW_TODAY, previous: { figures, reviewDate: null } });
    if (!r.ok) throw new Error(r.error.message);
    return r.report;
  };

  test('J "Sidst" and K "Ændring (procentpoint)", blank without an earlier figure; the chart stays below', () => {
    const report = withPrev([{ ruleset: 'SEL-2023', id: '2.3', compliant: 0.25, relevant: 4 }]);
    const sheet = planWrite(report, snapshot).sheets.find((s) => s.name === 'Overblik');
    const values = sheet?.blocks[0]?.values ?? [];
    expect(values[2]?.slice(9)).toEqual(['Sidst', 'Ændring (procentpoint)']);
    const r23 = values.find((v) => v[0] === '2.3 4-måneders frist');
    expect(r23?.slice(9)).toEqual([0.25, 25]);
    const r22 = values.find((v) => v[0] === '2.2 Børnefaglig undersøgelse');
    expect(r22?.slice(9)).toEqual([null, null]);
    expect(values.some((v) => typeof v[0] === 'string' && v[0].startsWith('Sidst: andelen overholdt'))).toBe(
      true,
    );
    // The chart stands in column A below every row the table and its notes fill (chartPlan.ts).
    const below = (a: string | undefined): number => Number(/^A(\d+)$/.exec(a ?? '')?.[1] ?? 0);
    expect(below(sheet?.chart?.anchor)).toBeGreaterThan(values.length);
    expect(sheet?.columnWidths.slice(0, 11)).toHaveLength(11);
    // Without --forrige Overblik is as before: A–I.
    const plain = planWrite(reportOf(snapshot), snapshot).sheets.find((s) => s.name === 'Overblik');
    expect(plain?.blocks[0]?.values[2]).toHaveLength(9);
    expect(below(plain?.chart?.anchor)).toBeGreaterThan(plain?.blocks[0]?.values.length ?? 99);
  });

  test('a cross-law row gets L "Bemærkning" and a note under the table', () => {
    const report = withPrev([{ ruleset: 'BL-2024', id: '2.3', compliant: 0.25, relevant: 4 }]);
    const values =
      planWrite(report, snapshot).sheets.find((s) => s.name === 'Overblik')?.blocks[0]?.values ?? [];
    expect(values[2]?.slice(9)).toEqual(['Sidst', 'Ændring (procentpoint)', 'Bemærkning']);
    expect(values.find((v) => v[0] === '2.3 4-måneders frist')?.slice(9)).toEqual([
      0.25,
      25,
      'Sidst efter barnets lov',
    ]);
    expect(
      values.some(
        (v) => typeof v[0] === 'string' && v[0].startsWith('"Sidst efter barnets lov" i Bemærkning'),
      ),
    ).toBe(true);
  });

  test('JSON overview rows get previous and change only with an earlier result', () => {
    const json = toJson(withPrev([{ ruleset: 'BL-2024', id: '2.3', compliant: 0.25, relevant: 4 }]));
    const o23 = json.overview.find((o) => o.id === '2.3');
    expect(o23).toMatchObject({ compliant: 50, previous: 25, change: 25, previousRuleset: 'BL-2024' });
    const o22 = json.overview.find((o) => o.id === '2.2');
    expect(o22?.previous).toBeNull();
    expect(o22?.change).toBeNull();
    expect('previous' in (toJson(reportOf(snapshot)).overview[0] ?? {})).toBe(false);
  });
});
