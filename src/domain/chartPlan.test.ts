import { CHART_ROWS, HELPER_HEADERS, lastUsedColumn, lastUsedRow, withOverviewChart } from './chartPlan';
import type { OverviewRow, SheetBuild } from './types';

const row = (
  ruleset: string,
  id: string,
  compliant: number | null,
  interval: [number, number] | null,
  national: number | null,
): OverviewRow => ({
  ruleset,
  id,
  columnHeader: `${id} Spørgsmål ${id}`,
  relevant: compliant === null ? 0 : 5,
  ja: 3,
  nejMen: 0,
  nej: 2,
  compliant,
  interval,
  national,
  nationalLabel: null,
});

const sheet = (rows: number, cols = 9, extra: SheetBuild['blocks'] = []): SheetBuild => ({
  name: 'Overblik',
  blocks: [
    { row: 1, col: 1, values: Array.from({ length: rows }, () => Array.from({ length: cols }, () => null)) },
    ...extra,
  ],
  columnWidths: Array.from({ length: cols }, () => 10),
  freezeRows: 3,
  visibility: 'visible',
});

const ROWS = [
  row('BL-2024', '2.2', 0.6, [0.2307, 0.8824], 0.73),
  row('BL-2024', '2.3', null, null, null),
  row('BL-2024', '2.4', 1, [0.5655, 1], null),
];

describe('the Overblik chart plan', () => {
  it('draws Overholdt with the interval as error bars and Landsresultat, from the cells of the rows', () => {
    const chart = withOverviewChart(sheet(10), { overview: ROWS, rulesets: ['BL-2024'] }, 3).chart;
    expect(chart?.dataRange).toBe('A3:C6');
    expect(chart?.categories).toEqual({
      range: 'A4:A6',
      labels: ['2.2 Spørgsmål 2.2', '2.3 Spørgsmål 2.3', '2.4 Spørgsmål 2.4'],
    });
    const [overholdt, national] = chart?.series ?? [];
    expect([overholdt?.name, overholdt?.nameCell, overholdt?.range, overholdt?.values]).toEqual([
      'Overholdt',
      'B3',
      'B4:B6',
      [0.6, null, 1],
    ]);
    expect([national?.name, national?.nameCell, national?.range, national?.values]).toEqual([
      'Landsresultat',
      'C3',
      'C4:C6',
      [0.73, null, null],
    ]);
    expect(national?.errorBars).toBeUndefined();
    // Lengths: Overholdt − fra below, til − Overholdt above; none where no case is relevant.
    expect(overholdt?.errorBars?.minus).toEqual([0.3693, null, 0.4345]);
    expect(overholdt?.errorBars?.plus).toEqual([0.2824, null, 0]);
    expect(overholdt?.errorBars?.helper).toEqual({
      minusRange: 'K4:K6',
      plusRange: 'L4:L6',
      headerRow: 3,
      headers: HELPER_HEADERS,
    });
    expect(chart?.valueAxis).toEqual({ min: 0, max: 1, numFmt: '0%' });
  });

  it('anchors one empty row below the last block, A–I, CHART_ROWS rows; helpers right of the widest block', () => {
    const quarter: SheetBuild['blocks'] = [{ row: 25, col: 1, values: [['Kvartal'], ['1. kvt.']] }];
    const trend: SheetBuild['blocks'] = [{ row: 3, col: 10, values: [['Sidst', 'Ændring (procentpoint)']] }];
    const plain = withOverviewChart(sheet(20), { overview: ROWS, rulesets: ['BL-2024'] }, 3);
    expect([plain.chart?.anchor, plain.chart?.anchorEnd]).toEqual(['A22', `I${22 + CHART_ROWS - 1}`]);
    const more = withOverviewChart(
      sheet(20, 9, [...quarter, ...trend]),
      { overview: ROWS, rulesets: ['BL-2024'] },
      3,
    );
    expect(lastUsedRow(more)).toBe(26);
    expect(lastUsedColumn(more)).toBe(11);
    expect(more.chart?.anchor).toBe('A28');
    expect(more.chart?.series[0]?.errorBars?.helper.minusRange).toBe('M4:M6');
  });

  it('a list under two rule sets: the first part, its rows under its heading', () => {
    const mixed = [
      row('BL-2024', '2.2', 0.5, [0.1, 0.9], null),
      row('SEL', '2.2', 1, [0.2, 1], null),
      row('SEL', '2.3', 1, [0.2, 1], null),
    ];
    const chart = withOverviewChart(sheet(12), { overview: mixed, rulesets: ['BL-2024', 'SEL'] }, 3).chart;
    expect(chart?.categories.range).toBe('A5:A5');
    expect(chart?.series[0]?.values).toEqual([0.5]);
    expect(chart?.dataRange).toBe('A4:C5');
  });

  it('no chart without questions', () => {
    expect(withOverviewChart(sheet(5), { overview: [], rulesets: ['BL-2024'] }, 3).chart).toBeUndefined();
  });
});
