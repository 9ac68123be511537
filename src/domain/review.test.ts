import { reviewAppendRows, withAppendedReviewRows } from './corrections';
import {
  approveRemaining,
  initialsPlan,
  reasonProblem,
  reviewLineFor,
  validInitials,
  type ReviewAction,
  type ReviewContext,
  type ReviewTarget,
} from './review';
import { toJson } from './json';
import { day } from './testing/records';
import { reportOf, reviewSnapshot } from './testing/review';
import { snap } from './testing/snapshot';
import { REVIEW_HEADERS, type Cell, type PlanValue, type Report, type Snapshot } from './types';

const NOW = { day: day('01-12-2025'), minutes: 10 * 60 + 15 };
const SERIAL = day('01-12-2025') + (10 * 60 + 15) / 1440;
const ctx: ReviewContext = { now: NOW, date1904: false, initials: 'AB' };
const target = (report: Report, sagsnr: number, question: string): ReviewTarget => {
  const v = report.cases.find((c) => c.sagsnr === sagsnr)!.verdicts[question]!;
  return { sagsnr, question, shown: { answer: v.answer, computedAnswer: v.computedAnswer } };
};

/** Writes the action's lines into the snapshot as the adapters would, and evaluates again. */
function act(snapshot: Snapshot, sagsnr: number, question: string, action: ReviewAction, at = ctx) {
  const report = reportOf(snapshot);
  const r = reviewLineFor(report, target(report, sagsnr, question), action, at);
  if (!r.ok) throw new Error(r.message);
  const rows = reviewAppendRows(snapshot, r.lines);
  if (!rows.ok) throw new Error(rows.message);
  const next = withAppendedReviewRows(snapshot, rows.rows);
  return { lines: r.lines, snapshot: next, report: reportOf(next) };
}
const table = (rep: Report, id: string) => rep.tables.find((t) => t.id === id)!;

describe('reviewLineFor: the log line of Godkend, Ret and a withdrawal', () => {
  test('Godkend writes Rettet til = the computed verdict, no reason, initials and an Excel date-time', () => {
    const { lines, report } = act(reviewSnapshot(), 1, '2.3', { kind: 'godkend' });
    expect(lines).toEqual([[SERIAL, 1, '2.3', 'Nej', 'Nej', null, 'AB']]);
    expect(report.cases[0]!.review).toBe('godkendt');
    expect(report.cases[0]!.verdicts['2.3']!.answer).toBe('Nej');
    expect(report.reviewed).toBe(1);
  });

  test('Ret replaces the verdict in the case, the tables, the overview, the memo and the JSON', () => {
    const before = reportOf(reviewSnapshot());
    expect(table(before, '2.3').rows[0]).toEqual({ label: 'Ja', count: 2, percent: 50 });
    const { lines, report } = act(reviewSnapshot(), 1, '2.3', {
      kind: 'ret',
      to: 'Nej, men lovlig grund',
      reason: ' Fristen var forlænget efter aftale med forældrene. ',
    });
    expect(lines).toEqual([
      [
        SERIAL,
        1,
        '2.3',
        'Nej',
        'Nej, men lovlig grund',
        'Fristen var forlænget efter aftale med forældrene.',
        'AB',
      ],
    ]);
    expect(report.cases[0]!.review).toBe('rettet');
    expect(table(report, '2.3').rows).toEqual([
      { label: 'Ja', count: 2, percent: 50 },
      { label: 'Nej, men lovlig grund', count: 1, percent: 25 },
      { label: 'Nej', count: 1, percent: 25 },
    ]);
    expect(report.overview.find((o) => o.id === '2.3')).toMatchObject({
      ja: 2,
      nejMen: 1,
      nej: 1,
      compliant: 0.75,
    });
    expect(report.memo.join('\n')).toContain(
      'Resultaterne omfatter 1 vurdering, som er rettet ved den manuelle gennemgang.',
    );
    expect(report.memo.join('\n')).not.toEqual(before.memo.join('\n'));
    expect(toJson(report).verdicts[0]!.answers['2.3']).toBe('Nej, men lovlig grund');
  });

  test('a withdrawal (empty Rettet til) puts the computed verdict back everywhere', () => {
    const corrected = act(reviewSnapshot(), 1, '2.3', {
      kind: 'ret',
      to: 'Ja',
      reason: 'Partshøring medregnet',
    });
    const later = { ...ctx, now: { ...NOW, minutes: NOW.minutes + 5 } };
    const { lines, report } = act(
      corrected.snapshot,
      1,
      '2.3',
      { kind: 'tilbagekald', reason: 'Fejl i rettelsen' },
      later,
    );
    expect(lines[0]?.[4]).toBeNull();
    expect(report.cases[0]!.verdicts['2.3']).toMatchObject({ answer: 'Nej', computedAnswer: 'Nej' });
    expect(report.cases[0]!.verdicts['2.3']!.correction).toBeUndefined();
    expect(report.cases[0]!.review).toBe('rettelse trukket tilbage');
    expect(table(report, '2.3')).toEqual(table(reportOf(reviewSnapshot()), '2.3'));
    // Both lines stay in the log, in order.
    expect(corrected.snapshot.sheets.Gennemgang!.rows).toHaveLength(2);
    expect(report.corrections.map((l) => [l.logRow, l.correctedTo])).toEqual([
      [2, 'Ja'],
      [3, null],
    ]);
  });

  test('a line written in the same minute as an earlier one wins by row order', () => {
    const first = act(reviewSnapshot(), 1, '2.3', { kind: 'ret', to: 'Ja', reason: 'a' });
    const second = act(first.snapshot, 1, '2.3', { kind: 'ret', to: 'Nej, men lovlig grund', reason: 'b' });
    expect(second.report.cases[0]!.verdicts['2.3']!.answer).toBe('Nej, men lovlig grund');
  });

  test('Godkend on a corrected question confirms the correction (Beregnet stays the computed answer)', () => {
    const corrected = act(reviewSnapshot(), 1, '2.3', {
      kind: 'ret',
      to: 'Ja',
      reason: 'Partshøring medregnet',
    });
    const { lines, report } = act(corrected.snapshot, 1, '2.3', { kind: 'godkend' });
    expect(lines[0]?.slice(1, 5)).toEqual([1, '2.3', 'Nej', 'Ja']);
    expect(report.cases[0]!.verdicts['2.3']!.answer).toBe('Ja');
  });

  test.each<[string, ReviewAction, string, number, RegExp]>([
    ['Ret without a reason', { kind: 'ret', to: 'Ja', reason: '  ' }, '2.3', 1, /Skriv en begrundelse/],
    [
      'Ret to an answer not in the table',
      { kind: 'ret', to: 'Ikke relevant', reason: 'x' },
      '2.3',
      1,
      /ikke et af svarene i tabel 2\.3/,
    ],
    ['Ret to the same answer', { kind: 'ret', to: 'Nej', reason: 'x' }, '2.3', 1, /allerede "Nej"/],
    ['Godkend on Mangler oplysninger', { kind: 'godkend' }, '2.4', 3, /kan ikke godkendes/],
    ['a withdrawal without a correction', { kind: 'tilbagekald', reason: 'x' }, '2.3', 1, /ingen rettelse/],
    ['a question that is not relevant', { kind: 'godkend' }, '6.13', 1, /ikke relevant for sagen/],
    [
      'table 1.1 (a fact, not a requirement)',
      { kind: 'godkend' },
      '1.1',
      1,
      /kan ikke godkendes eller rettes/,
    ],
    [
      'a reason with a CPR number',
      { kind: 'ret', to: 'Ja', reason: 'Se 120310-4118' },
      '2.3',
      1,
      /cpr-nummer/,
    ],
    [
      'a reason with the child’s name',
      { kind: 'ret', to: 'Ja', reason: 'Ane blev hørt' },
      '2.3',
      1,
      /barnets navn/,
    ],
  ])('refuses %s with a Danish message', (_n, action, question, sagsnr, message) => {
    const report = reportOf(reviewSnapshot());
    const r = reviewLineFor(report, target(report, sagsnr, question), action, ctx);
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).not.toMatch(/120310|Ane/);
    }
  });

  test('Ret on Mangler oplysninger is allowed (the reviewer found it in the journal)', () => {
    const { report } = act(reviewSnapshot(), 3, '2.4', {
      kind: 'ret',
      to: 'Ja',
      reason: 'Fremgår af journalnotat',
    });
    expect(report.cases[2]!.verdicts['2.4']!.answer).toBe('Ja');
    expect(report.problems.filter((p) => p.code === 'missing' && p.row === 4)).toEqual([]);
  });

  test('without initials nothing is written', () => {
    const report = reportOf(reviewSnapshot());
    const r = reviewLineFor(
      report,
      target(report, 1, '2.3'),
      { kind: 'godkend' },
      { ...ctx, initials: null },
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/initialer/) });
  });

  test('a verdict that changed since it was shown is refused as changed', () => {
    const report = reportOf(reviewSnapshot());
    const stale: ReviewTarget = { sagsnr: 1, question: '2.3', shown: { answer: 'Ja', computedAnswer: 'Ja' } };
    expect(reviewLineFor(report, stale, { kind: 'godkend' }, ctx)).toMatchObject({
      ok: false,
      code: 'changed',
    });
    expect(reviewLineFor(report, { ...stale, sagsnr: 99 }, { kind: 'godkend' }, ctx)).toMatchObject({
      ok: false,
      code: 'changed',
    });
  });

  test('a repeated Sagsnr cannot be reviewed (the log could not tell the cases apart)', () => {
    const report = reportOf(reviewSnapshot({ edit: (c) => void (c[1]!.sagsnr = 1) }));
    const r = reviewLineFor(report, target(report, 1, '2.3'), { kind: 'godkend' }, ctx);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/flere rækker/) });
  });
});

describe('stale lines: the data changed after the review', () => {
  test('the case shows ændret siden gennemgang and the problem names the question; Godkend clears it', () => {
    const reviewed = act(reviewSnapshot(), 2, '2.3', { kind: 'godkend' });
    // Now the investigation of case 2 finished after the deadline: 2.3 computes Nej.
    const changed = withAppendedReviewRows(
      reviewSnapshot({ edit: (c) => void (c[1]!.opmaerksom = '01-08-2020') }),
      reviewed.lines,
    );
    const report = reportOf(changed);
    expect(report.cases[1]!.review).toBe('ændret siden gennemgang');
    const p = report.problems.find((x) => x.code === 'review-stale');
    expect(p).toMatchObject({ sagsnr: 2, row: 3, question: '2.3', severity: 'warning' });
    expect(p!.message).toContain('se spørgsmål 2.3 igennem igen');
    const again = act(
      changed,
      2,
      '2.3',
      { kind: 'godkend' },
      { ...ctx, now: { ...NOW, minutes: NOW.minutes + 1 } },
    );
    expect(again.report.cases[1]!.review).toBe('godkendt');
    expect(again.report.problems.filter((x) => x.code === 'review-stale')).toEqual([]);
  });
});

describe('approveRemaining ("Godkend resten")', () => {
  test('approves every relevant question without a line whose answer is a table row', () => {
    const first = act(reviewSnapshot(), 3, '2.2', {
      kind: 'ret',
      to: 'Nej',
      reason: 'Ingen undersøgelse i journalen',
    });
    const r = approveRemaining(first.report, 3, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 2.2 has a line, 2.4 is Mangler, 1.1 is no requirement and 6.13/6.14 are not relevant.
    expect(r.lines.map((l) => l[2])).toEqual([
      '2.3',
      '2.5',
      '3.6',
      '3.7',
      '3.8',
      '3.9',
      '4.10',
      '4.11',
      '5.12',
    ]);
    expect(r.lines.every((l) => l[3] === l[4] && l[6] === 'AB')).toBe(true);
    const next = reportOf(withAppendedReviewRows(first.snapshot, r.lines));
    expect(approveRemaining(next, 3, ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/allerede/),
    });
  });
});

describe('the log sheet: where lines go', () => {
  const line: PlanValue[] = [SERIAL, 1, '2.3', 'Nej', 'Nej', '', 'AB'];
  test('no sheet → the lines (the adapter adds the headers); empty sheet → headers first', () => {
    expect(reviewAppendRows(snap({ Sagsoversigt: [] }), [line])).toEqual({ ok: true, rows: [line] });
    expect(reviewAppendRows(snap({ Gennemgang: [[null], ['  ']] }), [line])).toEqual({
      ok: true,
      rows: [[...REVIEW_HEADERS], line],
    });
  });

  test('a header row below a title is accepted; other content is refused with a message', () => {
    const titled: Cell[][] = [['Gennemgangslog'], [], [...REVIEW_HEADERS]];
    expect(reviewAppendRows(snap({ Gennemgang: titled }), [line])).toEqual({ ok: true, rows: [line] });
    const moved: Cell[][] = [[null, ...REVIEW_HEADERS]];
    const r = reviewAppendRows(snap({ Gennemgang: moved }), [line]);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/kolonne A–G/) });
    expect(reviewAppendRows(snap({ Gennemgang: [['Mine noter']] }), [line]).ok).toBe(false);
  });

  test('withAppendedReviewRows appends below the last row with a value and keeps earlier lines', () => {
    const s = snap({ Gennemgang: [[...REVIEW_HEADERS], ['x', 1], [null], []] });
    const next = withAppendedReviewRows(s, [line]);
    expect(next.sheets.Gennemgang!.rows).toEqual([
      [...REVIEW_HEADERS],
      ['x', 1],
      [{ n: SERIAL, fmt: 'dd-mm-yyyy hh:mm' }, 1, '2.3', 'Nej', 'Nej', null, 'AB'],
    ]);
    expect(s.sheets.Gennemgang!.rows).toHaveLength(4);
    const created = withAppendedReviewRows(snap({ Sagsoversigt: [] }), [line]);
    expect(created.sheetNames).toEqual(['Sagsoversigt', 'Gennemgang']);
    expect(created.sheets.Gennemgang!.rows[0]).toEqual([...REVIEW_HEADERS]);
  });
});

test('validInitials: 1–10 letters, digits or "-", upper-cased', () => {
  expect(validInitials(' ab ')).toBe('AB');
  expect(validInitials('Æøå-2')).toBe('ÆØÅ-2');
  expect(validInitials('')).toBeNull();
  expect(validInitials('A B')).toBeNull();
  expect(validInitials('=A1')).toBeNull();
  expect(validInitials('ABCDEFGHIJK')).toBeNull();
});

test('reasonProblem: names are matched as whole words only', () => {
  const c = reportOf(reviewSnapshot()).cases[1]!; // Testbarn Bo: "Bo" is too short to match alone
  expect(reasonProblem('Familien bor i Testrup', c)).toBeNull();
  expect(reasonProblem('testbarn var syg', c)).toMatch(/barnets navn/);
  expect(reasonProblem('Journal nr. 12345', c)).toBeNull();
  expect(reasonProblem('x'.repeat(2001), c)).toMatch(/for lang/);
});

describe('initialsPlan: the initials go into one Indstillinger cell', () => {
  const base = { clearColumns: null, verdictColumnWidths: [], sheets: [], deleteSheets: [] };
  test('next to an existing Initialer label (column A or B)', () => {
    const s = snap({
      Sagsoversigt: [],
      Indstillinger: [['Kommune', 'X'], [null, 'initialer', 'GL'], ['Note']],
    });
    expect(initialsPlan(s, 'Sagsoversigt', 'AB')).toEqual({
      ...base,
      caseSheet: 'Indstillinger',
      verdictBlock: { row: 2, col: 3, values: [['AB']] },
    });
  });
  test('a new label | value row below the last row; a new sheet when there is none', () => {
    const s = snap({ Sagsoversigt: [], Indstillinger: [['Kommune', 'X'], [], ['Note'], [null]] });
    expect(initialsPlan(s, 'Sagsoversigt', 'AB').verdictBlock).toEqual({
      row: 4,
      col: 1,
      values: [['Initialer', 'AB']],
    });
    const none = initialsPlan(snap({ Sagsoversigt: [] }), 'Sagsoversigt', 'AB');
    expect(none.caseSheet).toBe('Sagsoversigt');
    expect(none.verdictBlock.values).toEqual([]);
    expect(none.sheets.map((b) => [b.name, b.blocks[0]?.values])).toEqual([
      ['Indstillinger', [['Initialer', 'AB']]],
    ]);
  });
});
