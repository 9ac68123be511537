import {
  caseAtAddress,
  caseList,
  caseRowAddress,
  caseView,
  filterCases,
  neighbour,
  progressText,
  rowOfAddress,
} from './caseview';
import { REVIEW_CASES, reportOf, reviewSnapshot } from './testing/review';
import type { Cell } from './types';

const at = (text: string, hhmm: string): Cell => `${text} ${hhmm}`;

describe('caseList and filters', () => {
  const report = reportOf(
    reviewSnapshot({
      log: [
        [at('01-06-2023', '10:00'), 2, '2.3', 'Ja', 'Ja', '', 'AB'],
        [at('01-06-2023', '10:05'), 4, '2.3', 'Nej', 'Nej, men lovlig grund', 'Fristen forlænget', 'AB'],
      ],
    }),
  );
  const items = caseList(report);

  test('one item per case: Sagsnr, measure, status, problems, any Nej', () => {
    expect(items.map((i) => [i.sagsnr, i.row, i.measure, i.status, i.problems, i.hasNej])).toEqual([
      [1, 2, 'Familiebehandling § 52, stk. 3, nr. 3', 'ikke gennemgået', 0, true],
      [2, 3, 'Familiebehandling § 52, stk. 3, nr. 3', 'godkendt', 0, false],
      [3, 4, 'Familiebehandling § 52, stk. 3, nr. 3', 'ikke gennemgået', 1, false],
      [4, 5, 'Kontaktperson § 52, stk. 3, nr. 6', 'rettet', 0, true],
    ]);
  });

  test('filters: problems; any Nej (corrected "Nej, men …" included)', () => {
    expect(filterCases(items, 'alle').map((i) => i.sagsnr)).toEqual([1, 2, 3, 4]);
    expect(filterCases(items, 'problemer').map((i) => i.sagsnr)).toEqual([3]);
    expect(filterCases(items, 'nej').map((i) => i.sagsnr)).toEqual([1, 4]);
  });

  test('neighbour walks the shown list in sheet order, also from a case outside it', () => {
    const nej = filterCases(items, 'nej');
    expect(neighbour(nej, 0, 1)).toBe(3);
    expect(neighbour(nej, 3, 1)).toBeNull();
    expect(neighbour(nej, 3, -1)).toBe(0);
    expect(neighbour(nej, 0, -1)).toBeNull();
    expect(neighbour(nej, 1, 1)).toBe(3);
    expect(neighbour(nej, null, 1)).toBe(0);
    expect(neighbour(nej, null, -1)).toBe(3);
    expect(neighbour([], 0, 1)).toBeNull();
  });

  test('progress: "x af n sager gennemgået"', () => {
    expect(progressText(report)).toBe('2 af 4 sager gennemgået');
    expect(progressText(reportOf(reviewSnapshot()))).toBe('0 af 4 sager gennemgået');
    const big = { ...report, reviewed: 12345, cases: Array.from({ length: 20000 }, () => report.cases[0]!) };
    expect(progressText(big)).toBe('12.345 af 20.000 sager gennemgået');
    expect(progressText({ ...report, reviewed: 0, cases: report.cases.slice(0, 1) })).toBe(
      '0 af 1 sag gennemgået',
    );
  });
});

describe('the case at an Excel selection, and the row the pane selects', () => {
  const report = reportOf(reviewSnapshot());
  test.each<[string, number | null]>([
    ['C3', 3],
    ['$A$4:$D$9', 4],
    ['Sagsoversigt!B5', 5],
    ["'Sags oversigt'!B2:C2", 2],
    ['5:5', 5],
    ['B2,B4', 2],
    ['B:B', null],
    ['', null],
  ])('rowOfAddress(%j) = %j', (address, row) => {
    expect(rowOfAddress(address)).toBe(row);
  });

  test('caseAtAddress: the case on that row; null on the header or below the cases', () => {
    expect(caseAtAddress(report, 'D4')).toBe(2);
    expect(caseAtAddress(report, 'A1')).toBeNull();
    expect(caseAtAddress(report, 'A9')).toBeNull();
  });

  test('caseRowAddress spans the people’s columns of the case row', () => {
    expect(caseRowAddress(report, 1)).toEqual({ sheet: 'Sagsoversigt', address: 'A3:AE3' });
    expect(caseRowAddress(report, 9)).toBeNull();
  });
});

describe('caseView: one case with its relevant questions', () => {
  test('verdict, reason with dates, source cells with addresses and values, Ret answers', () => {
    const v = caseView(reportOf(reviewSnapshot()), 0)!;
    expect(v).toMatchObject({
      sagsnr: 1,
      row: 2,
      measure: 'Familiebehandling § 52, stk. 3, nr. 3',
      cprMasked: '120310-••••',
      status: 'ikke gennemgået',
      reviewedQuestions: 0,
      blocked: null,
    });
    expect(v.questions.map((q) => q.id)).toEqual([
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '3.6',
      '3.7',
      '3.8',
      '3.9',
      '4.10',
      '4.11',
      '5.12',
    ]);
    expect(v.notRelevant).toEqual(['6.13 24-timers vurdering', '6.14 Genvurdering']);
    const q = v.questions.find((x) => x.id === '2.3')!;
    expect(q).toMatchObject({
      answer: 'Nej',
      computedAnswer: 'Nej',
      corrected: false,
      status: 'ikke gennemgået',
      line: null,
      answers: ['Ja', 'Nej, men lovlig grund'],
      canApprove: true,
      canWithdraw: false,
    });
    expect(q.computedReason).toMatch(/20-01-2021/);
    expect(q.computedReason).toMatch(/01-01-2021/);
    expect(q.sources).toEqual([
      { column: 'Børnefaglig undersøgelse', sheet: 'Sagsoversigt', cell: 'J2', value: 'Ny undersøgelse' },
      { column: 'Kommunen blev opmærksom', sheet: 'Sagsoversigt', cell: 'L2', value: '01-09-2020' },
      { column: 'Undersøgelsen afsluttet', sheet: 'Sagsoversigt', cell: 'M2', value: '20-01-2021' },
      { column: 'Foreløbig vurdering', sheet: 'Sagsoversigt', cell: 'N2', value: 'tom' },
    ]);
  });

  test('no CPR number or name anywhere in the view', () => {
    const report = reportOf(reviewSnapshot());
    const text = JSON.stringify(report.cases.map((_, i) => caseView(report, i)));
    for (const c of REVIEW_CASES) {
      expect(text).not.toContain(String(c.cpr));
      expect(text).not.toContain(String(c.navn));
    }
  });

  test('Mangler oplysninger cannot be approved but can be corrected; its problem is on the question', () => {
    const v = caseView(reportOf(reviewSnapshot()), 2)!;
    const q = v.questions.find((x) => x.id === '2.4')!;
    expect(q).toMatchObject({ answer: 'Mangler oplysninger', canApprove: false, answers: ['Ja', 'Nej'] });
    expect(q.problems.map((p) => p.code)).toEqual(['missing']);
    expect(v.problems).toEqual([]);
  });

  test('statuses per question from the lines in force: godkendt, rettet (with both reasons), stale', () => {
    const report = reportOf(
      reviewSnapshot({
        log: [
          [at('01-06-2023', '10:00'), 1, '2.2', 'Ja', 'Ja', '', 'AB'],
          [at('01-06-2023', '10:01'), 1, '2.3', 'Nej', 'Ja', 'Partshøring medregnet', 'AB'],
          [at('01-06-2023', '10:02'), 1, '2.4', 'Nej', 'Nej', '', 'CD'],
        ],
      }),
    );
    const v = caseView(report, 0)!;
    expect(v.status).toBe('ændret siden gennemgang');
    expect(v.reviewedQuestions).toBe(3);
    const byId = new Map(v.questions.map((q) => [q.id, q]));
    expect(byId.get('2.2')).toMatchObject({
      status: 'godkendt',
      line: { logRow: 2, text: 'Godkendt 01-06-2023 kl. 10:00 af AB' },
    });
    expect(byId.get('2.3')).toMatchObject({
      status: 'rettet',
      answer: 'Ja',
      computedAnswer: 'Nej',
      corrected: true,
      canWithdraw: true,
      answers: ['Nej, men lovlig grund', 'Nej'],
      line: {
        logRow: 3,
        text: 'Rettet fra "Nej" til "Ja" 01-06-2023 kl. 10:01 af AB: Partshøring medregnet',
      },
    });
    expect(byId.get('2.3')!.computedReason).toMatch(/20-01-2021/);
    expect(byId.get('2.4')).toMatchObject({ status: 'ændret siden gennemgang', answer: 'Ja' });
    expect(byId.get('2.4')!.problems.map((p) => p.code)).toEqual(['review-stale']);
    expect(byId.get('2.5')).toMatchObject({ status: 'ikke gennemgået', line: null });
  });

  test('a withdrawal is summarised and has its own status (not godkendt)', () => {
    const report = reportOf(
      reviewSnapshot({
        log: [
          [at('01-06-2023', '10:01'), 1, '2.3', 'Nej', 'Ja', 'x', 'AB'],
          [at('02-06-2023', '09:00'), 1, '2.3', 'Nej', null, 'Fejl', 'AB'],
        ],
      }),
    );
    const q = caseView(report, 0)!.questions.find((x) => x.id === '2.3')!;
    expect(q).toMatchObject({
      status: 'rettelse trukket tilbage',
      answer: 'Nej',
      corrected: false,
      canWithdraw: false,
      canApprove: true,
    });
    expect(q.line?.text).toBe('Rettelse trukket tilbage 02-06-2023 kl. 09:00 af AB: Fejl');
    expect(caseView(report, 0)!.status).toBe('rettelse trukket tilbage');
  });

  test('a case without a valid or with a repeated Sagsnr is blocked with a reason', () => {
    const report = reportOf(reviewSnapshot({ edit: (c) => void (c[1]!.sagsnr = 1) }));
    expect(caseView(report, 0)!.blocked).toMatch(/Sagsnummer 1 står i flere rækker/);
    const none = reportOf(reviewSnapshot({ edit: (c) => void (c[2]!.sagsnr = 'x') }));
    expect(caseView(none, 2)!.blocked).toMatch(/intet gyldigt sagsnummer/);
    expect(caseView(none, 7)).toBeNull();
  });

  test('source cell values: dates, times, choices; unreadable and missing columns said in words', () => {
    const report = reportOf(
      reviewSnapshot({
        edit: (c) => {
          c[0]!.underretning = '02-06-2021 10:15';
          c[0]!.vurdering_24t = '03-06-2021';
          c[0]!.genvurdering = 'Vurdering fremgår ikke';
          c[0]!.boernesamtale = '31-02-2021';
        },
      }),
    );
    const v = caseView(report, 0)!;
    const src = (id: string) => v.questions.find((q) => q.id === id)!.sources;
    expect(src('6.13').map((s) => s.value)).toEqual(['02-06-2021 kl. 10:15', '03-06-2021']);
    expect(src('6.14').map((s) => s.value)).toContain('Vurdering fremgår ikke');
    expect(src('3.8').find((s) => s.column === 'Børnesamtale før afgørelsen')?.value).toBe('kan ikke læses');
  });
});
