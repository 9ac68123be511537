import { toJson } from './json';
import type { FinalVerdict, Report } from './types';
import { day, record, settings } from './testing/records';

const v = (answer: string, extra: Partial<FinalVerdict> = {}): FinalVerdict => ({
  answer,
  reason: 'r',
  computedAnswer: answer,
  ...extra,
});

test('toJson: §9 shape, final answers as plain labels, suppressed tables, problem extras', () => {
  const report = {
    ruleset: 'SEL-2023',
    settings: settings({ kommune: 'Testrup' }),
    today: day('23-11-2025'),
    cases: [
      {
        row: 5,
        sagsnr: 1,
        record: record(),
        verdicts: {
          '2.2': v('Ja'),
          '2.3': v('Ja', {
            computedAnswer: 'Nej',
            correction: {
              logRow: 2,
              sagsnr: 1,
              question: '2.3',
              computed: 'Nej',
              correctedTo: 'Ja',
              reason: '',
              initials: '',
            },
          }),
        },
        selection: 'OK',
        selectionOk: true,
        review: 'rettet',
      },
    ],
    tables: [
      {
        id: '2.2',
        chapter: 2,
        title: 'T22',
        total: 1,
        suppressed: false,
        rows: [{ label: 'Ja', count: 1, percent: 100 }],
        source: 's',
      },
      { id: '2.3', chapter: 2, title: 'T23', total: 1, suppressed: true, rows: [], source: 's' },
    ],
    overview: [
      {
        ruleset: 'SEL-2023',
        id: '2.2',
        columnHeader: '2.2 Børnefaglig undersøgelse',
        relevant: 5,
        ja: 2,
        nejMen: 1,
        nej: 2,
        compliant: 0.6,
        interval: [0.230724, 0.882367],
        national: 0.73,
        nationalLabel: 'x',
      },
      {
        ruleset: 'SEL-2023',
        id: '2.3',
        columnHeader: '2.3',
        relevant: 0,
        ja: 0,
        nejMen: 0,
        nej: 0,
        compliant: null,
        interval: null,
        national: null,
        nationalLabel: null,
      },
    ],
    problems: [
      {
        sagsnr: 1,
        row: 5,
        column: 'Afgørelsesdato',
        severity: 'error',
        code: 'invalid-date',
        message: 'm',
        sheet: 'Sagsoversigt',
        cell: 'E5',
      },
    ],
  } as unknown as Report;
  expect(toJson(report)).toEqual({
    ruleset: 'SEL-2023',
    kommune: 'Testrup',
    cases: 1,
    tables: [
      { id: '2.2', title: 'T22', total: 1, rows: [{ label: 'Ja', count: 1, percent: 100 }] },
      { id: '2.3', title: 'T23', total: 1, suppressed: true, rows: [] },
    ],
    overview: [
      {
        ruleset: 'SEL-2023',
        id: '2.2',
        question: '2.2 Børnefaglig undersøgelse',
        relevant: 5,
        ja: 2,
        nejMen: 1,
        nej: 2,
        compliant: 60,
        interval: [23.07, 88.24],
        national: 73,
      },
      {
        ruleset: 'SEL-2023',
        id: '2.3',
        question: '2.3',
        relevant: 0,
        ja: 0,
        nejMen: 0,
        nej: 0,
        compliant: null,
        interval: null,
        national: null,
      },
    ],
    verdicts: [{ sagsnr: 1, row: 5, answers: { '2.2': 'Ja', '2.3': 'Ja' } }],
    problems: [
      {
        sagsnr: 1,
        row: 5,
        column: 'Afgørelsesdato',
        severity: 'error',
        code: 'invalid-date',
        message: 'm',
        sheet: 'Sagsoversigt',
        cell: 'E5',
      },
    ],
  });
});
