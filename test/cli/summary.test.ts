import { summaryText } from '../../src/cli/main';
import type { Problem, Report } from '../../src/domain/types';

const problem = (severity: Problem['severity']): Problem => ({
  sagsnr: 1,
  row: 2,
  column: null,
  severity,
  code: 'missing',
  message: 'm',
  sheet: 'Sagsoversigt',
  cell: 'A2',
});

/** Only what summaryText reads; the rest of a Report plays no part in the summary. */
const report = (cases: number, problems: Problem[]): Report =>
  ({
    ruleset: 'SEL-2023',
    settings: { kommune: 'Testrup' },
    cases: Array.from({ length: cases }, () => ({})),
    overview: [
      {
        ruleset: 'SEL-2023',
        id: '2.3',
        columnHeader: '2.3 Frist',
        relevant: 12345,
        ja: 12000,
        nejMen: 0,
        nej: 345,
        compliant: 0.97,
        national: 0.34,
        nationalLabel: 'landsresultat 2023: 34%',
      },
    ],
    problems,
  }) as unknown as Report;

describe('CLI summary lines in Danish numbers (issue 11: "20000 sager", "1 advarsler")', () => {
  it('thousands separator in the case count and the table', () => {
    const text = summaryText(report(20000, []), 'ud.xlsx');
    expect(text.split('\n')[0]).toBe('Børnesagsbarometer (SEL-2023) – Testrup Kommune: 20.000 sager');
    expect(text).toMatch(/2\.3 Frist +12\.345 +12\.000 +0 +345 +97%/);
    expect(text).toContain('Problemer: 0 (0 fejl, 0 advarsler, 0 mangler oplysninger)');
  });
  it('singular where there is one', () => {
    const text = summaryText(report(1, [problem('warning'), problem('error')]), 'ud.xlsx');
    expect(text.split('\n')[0]).toBe('Børnesagsbarometer (SEL-2023) – Testrup Kommune: 1 sag');
    expect(text).toContain('Problemer: 2 (1 fejl, 1 advarsel, 0 mangler oplysninger)');
  });
});
