import { applyCorrections, latestLines, readCorrections, reviewLine } from './corrections';
import { SEL_2023 } from './rules/sel2023';
import { evaluateRecords } from './evaluate';
import { ctx, day, record } from './testing/records';
import { reportOf, reviewSnapshot } from './testing/review';
import { snap } from './testing/snapshot';
import { REVIEW_HEADERS, type Cell, type Correction } from './types';

const H = [...REVIEW_HEADERS] as Cell[];
const read = (rows: Cell[][], known = [1, 2, 3]) =>
  readCorrections(snap({ Gennemgang: [H, ...rows] }), false, SEL_2023, new Set(known));

describe('readCorrections (spec §10)', () => {
  test('reads Excel date-times and text Tidspunkt; Rettet til in table spelling; blank = withdrawal', () => {
    const r = read([
      [{ n: 45000.5, fmt: 'dd-mm-yyyy hh:mm' }, 1, '2.3', 'Nej', 'ja', 'Partshøring medregnet', 'AB'],
      ['01-06-2023 kl. 10.15', '2', 4.1, 'Nej', null, '', 'CD'],
      ['02-06-2023 09:00', 3, '6.13', 'Ja', 'Nej, foretaget senere end 24 timer (rettet)', 'x', null],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.lines).toEqual([
      {
        logRow: 2,
        sagsnr: 1,
        question: '2.3',
        computed: 'Nej',
        correctedTo: 'Ja',
        reason: 'Partshøring medregnet',
        initials: 'AB',
        at: 45000 * 1440 + 720,
      },
      {
        logRow: 3,
        sagsnr: 2,
        question: '4.10',
        computed: 'Nej',
        correctedTo: null,
        reason: '',
        initials: 'CD',
        at: day('01-06-2023') * 1440 + 615,
      },
      {
        logRow: 4,
        sagsnr: 3,
        question: '6.13',
        computed: 'Ja',
        correctedTo: 'Nej, foretaget senere end 24 timer',
        reason: 'x',
        initials: '',
        at: day('02-06-2023') * 1440 + 540,
      },
    ]);
  });

  test.each<[string, Cell[], string]>([
    [
      'answer not a row of the question',
      ['01-06-2023 10:00', 1, '2.4', 'Ja', 'Nej, men lovlig grund', '', ''],
      'Gennemgang!E2',
    ],
    [
      'Ikke relevant is not a table row',
      ['01-06-2023 10:00', 1, '2.4', 'Ja', 'Ikke relevant', '', ''],
      'Gennemgang!E2',
    ],
    ['unknown sagsnr', ['01-06-2023 10:00', 9, '2.4', 'Ja', 'Nej', '', ''], 'Gennemgang!B2'],
    ['unknown question', ['01-06-2023 10:00', 1, '7.1', 'Ja', 'Nej', '', ''], 'Gennemgang!C2'],
    ['unreadable Tidspunkt', ['i går', 1, '2.4', 'Ja', 'Nej', '', ''], 'Gennemgang!A2'],
  ])('%s → ignored, problem names %s', (_n, row, where) => {
    const r = read([row]);
    expect(r.lines).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message.startsWith(`${where}:`)).toBe(true);
    expect(r.problems[0]!.severity).toBe('error');
  });

  test('Excel date-times keep their seconds: the later time wins even from an earlier row', () => {
    const sec = (h: number, m: number, s: number) => ({
      n: 45000 + (h * 3600 + m * 60 + s) / 86400,
      fmt: 'dd-mm-yyyy hh:mm',
    });
    const r = read([
      [sec(10, 0, 40), 1, '2.4', 'Ja', 'Nej', 'senest', 'AB'],
      [sec(10, 0, 10), 1, '2.4', 'Ja', 'Ja', 'først', 'AB'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.lines[0]!.at).toBeGreaterThan(r.lines[1]!.at!);
    expect(latestLines(r.lines).get('1|2.4')?.reason).toBe('senest');
  });

  test('Rettet til is read without regard to case or spacing', () => {
    const r = read([['01-06-2023 10:00', 1, '2.3', 'Nej', ' nej,   MEN lovlig  grund ', '', '']]);
    expect(r.lines[0]?.correctedTo).toBe('Nej, men lovlig grund');
  });

  test('no sheet → nothing', () => {
    expect(readCorrections(snap({ Sagsoversigt: [] }), false, SEL_2023, new Set())).toEqual({
      lines: [],
      problems: [],
    });
  });
});

describe('applyCorrections', () => {
  const records = [
    record({ row: 2, sagsnr: 1, bfu: 'ny', stillingtagen: false }),
    record({ row: 3, sagsnr: 2, bfu: 'ny', stillingtagen: true }),
    record({ row: 4, sagsnr: 3, bfu: 'ny', stillingtagen: true }),
  ];
  const qs = SEL_2023.questions;
  const i24 = qs.findIndex((q) => q.id === '2.4');
  const computed = evaluateRecords(records, ctx().settings, ctx().today, SEL_2023);
  const line = (over: Partial<Correction>): Correction => ({
    logRow: 2,
    sagsnr: 1,
    question: '2.4',
    computed: 'Nej',
    correctedTo: 'Ja',
    reason: 'Fremgår af notat',
    initials: 'AB',
    ...over,
  });
  const apply = (lines: Correction[]) => applyCorrections(computed, records, qs, lines, 'Sagsoversigt');

  test('a correction replaces the computed verdict and marks the case rettet', () => {
    const a = apply([line({})]);
    expect(a.verdicts[0]![i24]).toMatchObject({ answer: 'Ja', computedAnswer: 'Nej', correction: line({}) });
    expect(a.verdicts[0]![i24]!.reason).toBe('Rettet ved gennemgang af AB fra "Nej": Fremgår af notat.');
    expect(a.review).toEqual(['rettet', 'ikke gennemgået', 'ikke gennemgået']);
    expect(a.reviewed).toBe(1);
    expect(a.problems).toEqual([]);
  });

  test('latest line wins by Tidspunkt, then by row order', () => {
    const a = apply([
      line({ logRow: 5, at: 100, correctedTo: 'Ja' }),
      line({ logRow: 2, at: 200, correctedTo: 'Nej' }),
    ]);
    expect(a.verdicts[0]![i24]!.answer).toBe('Nej');
    expect(a.verdicts[0]![i24]!.correction).toBeUndefined();
    const b = apply([
      line({ logRow: 3, at: 100, correctedTo: 'Nej' }),
      line({ logRow: 4, at: 100, correctedTo: 'Ja' }),
    ]);
    expect(b.verdicts[0]![i24]!.answer).toBe('Ja');
  });

  test('a withdrawal puts the computed verdict back: rettelse trukket tilbage, not godkendt', () => {
    const a = apply([line({ logRow: 2, at: 1 }), line({ logRow: 3, at: 2, correctedTo: null })]);
    expect(a.verdicts[0]![i24]).toBe(computed[0]![i24]);
    expect(a.review[0]).toBe('rettelse trukket tilbage');
    expect(a.reviewed).toBe(1);
  });

  test('case status: a correction outranks a withdrawal, a withdrawal outranks an approval', () => {
    const withdrawn = line({ logRow: 3, at: 2, correctedTo: null });
    const q22 = qs.find((q) => q.id === '2.2')!;
    const a22 = computed[0]![qs.indexOf(q22)]!.answer;
    const other = q22.rows.find((r) => r !== a22)!;
    const approvedOther = line({ logRow: 4, at: 3, question: '2.2', computed: a22, correctedTo: a22 });
    expect(apply([line({ logRow: 2, at: 1 }), withdrawn, approvedOther]).review[0]).toBe(
      'rettelse trukket tilbage',
    );
    const correctedOther = line({ logRow: 4, at: 3, question: '2.2', computed: a22, correctedTo: other });
    expect(apply([line({ logRow: 2, at: 1 }), withdrawn, correctedOther]).review[0]).toBe('rettet');
    // A withdrawal written later than a newer approval of the same question is not in force.
    const reApproved = line({ logRow: 4, at: 3, computed: 'Nej', correctedTo: 'Nej' });
    expect(apply([line({ logRow: 2, at: 1 }), withdrawn, reApproved]).review[0]).toBe('godkendt');
  });

  test('an approval (Rettet til = Beregnet) keeps the computed verdict: godkendt', () => {
    const a = apply([line({ sagsnr: 2, computed: 'Ja', correctedTo: 'Ja' })]);
    expect(a.verdicts[1]![i24]).toBe(computed[1]![i24]);
    expect(a.review[1]).toBe('godkendt');
  });

  test('stale: Beregnet differs from today → ændret siden gennemgang and a warning naming the question', () => {
    const a = apply([line({ sagsnr: 3, computed: 'Nej', correctedTo: 'Nej' })]);
    expect(a.review[2]).toBe('ændret siden gennemgang');
    expect(a.verdicts[2]![i24]).toMatchObject({ answer: 'Ja', stale: true });
    expect(a.problems).toHaveLength(1);
    expect(a.problems[0]).toMatchObject({
      code: 'review-stale',
      severity: 'warning',
      sagsnr: 3,
      row: 4,
      question: '2.4',
    });
    expect(a.problems[0]!.message).toContain('Spørgsmål 2.4');
  });
});

test('reviewLine builds the log row with an Excel serial Tidspunkt', () => {
  expect(
    reviewLine({
      now: { day: 45000, minutes: 360 },
      date1904: false,
      sagsnr: 3,
      question: '2.3',
      computed: 'Nej',
      correctedTo: 'Ja',
      reason: 'r',
      initials: 'AB',
    }),
  ).toEqual([45000.25, 3, '2.3', 'Nej', 'Ja', 'r', 'AB']);
  expect(
    reviewLine({
      now: { day: 45000, minutes: 0 },
      date1904: true,
      sagsnr: 3,
      question: '2.3',
      computed: 'Nej',
      correctedTo: null,
      reason: '',
      initials: null,
    })[0],
  ).toBe(45000 - 1462);
});

// Issue 9 item 5 (spec §10): approvals and corrections when the data change; lines for 1.1.
describe('the log against changed data, and lines for table 1.1 (spec §10)', () => {
  const at = (h: number) => `01-12-2025 ${String(h).padStart(2, '0')}:00`;
  const verdict = (rep: ReturnType<typeof reportOf>, sagsnr: number, q: string) =>
    rep.cases.find((c) => c.sagsnr === sagsnr)!.verdicts[q]!;
  const count = (rep: ReturnType<typeof reportOf>, id: string, label: string) =>
    rep.tables.find((t) => t.id === id)?.rows.find((r) => r.label === label)?.count;

  test('an approval never replaces the computed verdict: after a data change the new computed verdict shows', () => {
    const log: Cell[][] = [[at(10), 2, '2.4', 'Ja', 'Ja', '', 'AB']];
    const before = reportOf(reviewSnapshot({ log }));
    expect(verdict(before, 2, '2.4')).toMatchObject({ answer: 'Ja', computedAnswer: 'Ja' });
    expect(verdict(before, 2, '2.4').correction).toBeUndefined();
    const after = reportOf(
      reviewSnapshot({
        log,
        edit: (cases) => {
          (cases[1] as Record<string, Cell>).stillingtagen = 'Nej';
        },
      }),
    );
    expect(verdict(after, 2, '2.4')).toMatchObject({ answer: 'Nej', computedAnswer: 'Nej', stale: true });
    expect(verdict(after, 2, '2.4').correction).toBeUndefined();
    expect(after.cases.find((c) => c.sagsnr === 2)!.review).toBe('ændret siden gennemgang');
    expect(count(after, '2.4', 'Nej')).toBe(1);
    expect(after.problems.filter((p) => p.code === 'review-stale').map((p) => p.question)).toEqual(['2.4']);
  });

  test('a correction replaces the computed verdict and stays in force when the data change', () => {
    const log: Cell[][] = [[at(10), 1, '2.3', 'Nej', 'Ja', 'Partshøring medregnet', 'AB']];
    const before = reportOf(reviewSnapshot({ log }));
    expect(verdict(before, 1, '2.3')).toMatchObject({ answer: 'Ja', computedAnswer: 'Nej' });
    const after = reportOf(
      reviewSnapshot({
        log,
        edit: (cases) => {
          (cases[0] as Record<string, Cell>).bfu_foreloebig = 'Foreløbig vurdering 01-01-2021';
        },
      }),
    );
    expect(verdict(after, 1, '2.3')).toMatchObject({
      answer: 'Ja',
      computedAnswer: 'Nej, men lovlig grund',
      stale: true,
    });
    expect(count(after, '2.3', 'Ja')).toBe(3); // cases 2 and 3 computed, case 1 corrected
    expect(count(after, '2.3', 'Nej, men lovlig grund')).toBe(0);
    expect(after.cases.find((c) => c.sagsnr === 1)!.review).toBe('ændret siden gennemgang');
  });

  test.each<[string, Cell, Cell]>([
    ['a correction', '1.1', 'Kontaktperson § 52, stk. 3, nr. 6'],
    ['an approval', '1.1', 'Familiebehandling § 52, stk. 3, nr. 3'],
    ['a number cell 1.1', 1.1, 'Andre foranstaltninger efter § 52, stk. 3.'],
    ['a withdrawal', ' 1.1 ', null],
  ])('a line for 1.1 (%s) is ignored and reported naming the log row', (_n, q, to) => {
    const r = read([['01-06-2023 10:00', 1, q, 'Familiebehandling § 52, stk. 3, nr. 3', to, 'x', 'AB']]);
    expect(r.lines).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', row: 2, sheet: 'Gennemgang', cell: 'C2' });
    expect(r.problems[0]!.message).toMatch(/^Gennemgang!C2: Spørgsmål 1\.1 .*Foranstaltning/);
  });

  test('through evaluate: a 1.1 line changes neither table 1.1 nor the case, and the problem names the log row', () => {
    const log: Cell[][] = [
      [at(9), 2, '2.4', 'Ja', 'Ja', '', 'AB'],
      [
        at(10),
        2,
        '1.1',
        'Familiebehandling § 52, stk. 3, nr. 3',
        'Kontaktperson § 52, stk. 3, nr. 6',
        'x',
        'AB',
      ],
    ];
    const plain = reportOf(reviewSnapshot());
    const rep = reportOf(reviewSnapshot({ log }));
    expect(rep.tables.find((t) => t.id === '1.1')).toEqual(plain.tables.find((t) => t.id === '1.1'));
    expect(verdict(rep, 2, '1.1')).toMatchObject({ answer: 'Familiebehandling § 52, stk. 3, nr. 3' });
    expect(verdict(rep, 2, '1.1').correction).toBeUndefined();
    const p = rep.problems.filter((x) => x.code === 'invalid-review-line');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ row: 3, cell: 'C3', sheet: 'Gennemgang' });
    expect(rep.corrections.map((l) => l.question)).toEqual(['2.4']);
  });
});
