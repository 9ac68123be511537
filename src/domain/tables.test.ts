import { SEL_2023 } from './rules/sel2023';
import { computeOverview, computeTables, percentOf, sourceLine } from './tables';
import { day, settings } from './testing/records';

const today = day('23-11-2025');
const q = (id: string) => SEL_2023.questions.find((x) => x.id === id)!;
/** Cases answering one question with the given answers. */
const cases = (id: string, answers: string[]) =>
  answers.map((answer) => ({ verdicts: { [id]: { answer } } }));
const rep = (a: string, n: number): string[] => Array.from({ length: n }, () => a);

describe('percentOf: round half up per row (spec §5)', () => {
  test.each([
    [2, 15, 13],
    [1, 15, 7],
    [12, 15, 80],
    [1, 6, 17],
    [5, 6, 83],
    [1, 8, 13], // 12.5 → 13
    [3, 8, 38], // 37.5 → 38
    [1, 40, 3], // 2.5 → 3
    [0, 9, 0],
    [9, 9, 100],
    [0, 0, 0],
  ])('%i/%i → %i', (c, t, p) => expect(percentOf(c, t)).toBe(p));
});

describe('computeTables', () => {
  test('rows in order incl. zero rows; Ikke relevant and Mangler are not counted', () => {
    const t = computeTables(
      [q('2.3')],
      cases('2.3', ['Nej', 'Ja', 'Nej', 'Ikke relevant', 'Mangler oplysninger', 'Nej', 'Nej', 'Nej']),
      settings(),
      today,
    );
    expect(t).toEqual([
      {
        ruleset: 'SEL-2023',
        id: '2.3',
        chapter: 2,
        title: q('2.3').title,
        total: 6,
        suppressed: false,
        rows: [
          { label: 'Ja', count: 1, percent: 17 },
          { label: 'Nej, men lovlig grund', count: 0, percent: 0 },
          { label: 'Nej', count: 5, percent: 83 },
        ],
        source: 'Kilde: Testrup Kommune, egen gennemgang 23-11-2025',
      },
    ]);
  });

  test('6.13 optional row appears only when used, after the fixed rows', () => {
    const without = computeTables([q('6.13')], cases('6.13', rep('Ja', 4)), settings(), today);
    expect(without[0]!.rows.map((r) => r.label)).toEqual(['Ja', 'Nej, det ses ikke i journalen']);
    const withLate = computeTables(
      [q('6.13')],
      cases('6.13', [...rep('Ja', 3), 'Nej, foretaget senere end 24 timer']),
      settings(),
      today,
    );
    expect(withLate[0]!.rows).toEqual([
      { label: 'Ja', count: 3, percent: 75 },
      { label: 'Nej, det ses ikke i journalen', count: 0, percent: 0 },
      { label: 'Nej, foretaget senere end 24 timer', count: 1, percent: 25 },
    ]);
    expect(withLate[0]!.total).toBe(4);
  });

  test('a table with total 0 is left out', () => {
    expect(computeTables([q('3.9')], cases('3.9', rep('Ikke relevant', 5)), settings(), today)).toEqual([]);
  });

  test.each([
    [5, true],
    [6, false],
  ])('Offentliggørelse with %i cases → suppressed %s', (n, suppressed) => {
    const [t] = computeTables(
      [q('5.12')],
      cases('5.12', rep('Ja', n)),
      settings({ offentliggoerelse: true }),
      today,
    );
    expect(t!.suppressed).toBe(suppressed);
    expect(t!.total).toBe(n);
    expect(t!.rows.length).toBe(suppressed ? 0 : 2);
  });

  test('source line without a Kommune', () => {
    expect(sourceLine(null, today)).toBe('Kilde: Kommunens egen gennemgang 23-11-2025');
  });
});

describe('computeOverview', () => {
  test('Overholdt counts Ja and every "Nej, men …"; national figure by edition', () => {
    const [o] = computeOverview(
      [q('2.3')],
      cases('2.3', ['Ja', 'Nej, men lovlig grund', 'Nej', 'Nej']),
      settings({ undersoegelsesaar: 2023 }),
    );
    expect(o).toEqual({
      ruleset: 'SEL-2023',
      id: '2.3',
      columnHeader: '2.3 4-måneders frist',
      relevant: 4,
      ja: 1,
      nejMen: 1,
      nej: 2,
      compliant: 0.5,
      interval: [expect.closeTo(0.15, 4), expect.closeTo(0.85, 4)],
      national: 0.34,
      nationalLabel: 'landsresultat 2023: 34%',
    });
  });
  test('1.1 is not a compliance question; no relevant case → compliant null', () => {
    const o = computeOverview([q('1.1'), q('2.2')], cases('2.2', ['Ikke relevant']), settings());
    expect(o.map((r) => [r.id, r.compliant, r.interval, r.national])).toEqual([['2.2', null, null, null]]);
  });
});
