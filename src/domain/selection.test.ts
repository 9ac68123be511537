import { checkSelection } from './selection';
import { day, record, settings } from './testing/records';
import { UNREADABLE, type CaseRecord, type Cpr } from './types';

const info = {
  name: 'Sagsoversigt',
  columns: {
    sagsnr: 1,
    foranstaltning: 2,
    cpr: 4,
    afgoerelsesdato: 5,
    anket: 6,
    ast_behandlet: 7,
    familie: 8,
    dom_ukn: 9,
  },
};
const cpr = (birth: string, serial = '4000'): Cpr => ({
  text: `${birth.replace(/-/g, '').slice(0, 4)}${birth.slice(8)}-${serial}`,
  birthDay: day(birth),
});
let nextRow = 2;
const rec = (over: Partial<CaseRecord>): CaseRecord => {
  const row = nextRow++;
  return record({
    row,
    sagsnr: row - 1,
    foranstaltning: 'F3',
    cpr: cpr('01-01-2010', String(row).padStart(4, '0')),
    afgoerelsesdato: day('01-06-2021'),
    ...over,
  });
};
const run = (records: CaseRecord[], over = {}) =>
  checkSelection(records, settings({ antalSager: records.length, ...over }), info);
beforeEach(() => {
  nextRow = 2;
});

describe('per-row selection checks (spec §3)', () => {
  test.each<[string, Partial<CaseRecord>, boolean, string, string | null]>([
    ['a clean case', {}, true, 'OK', null],
    [
      'decision in 2020',
      { afgoerelsesdato: day('31-12-2020') },
      false,
      'afgørelsen er ikke fra 2021',
      'decision-outside-year',
    ],
    [
      'decision 01-01-2022',
      { afgoerelsesdato: day('01-01-2022') },
      false,
      'afgørelsen er ikke fra 2021',
      'decision-outside-year',
    ],
    ['decision 01-01-2021', { afgoerelsesdato: day('01-01-2021') }, true, 'OK', null],
    [
      'D4 is a warning',
      { foranstaltning: 'D4' },
      true,
      'døgnophold er ikke med i indkaldelsen',
      'measure-not-in-call',
    ],
    ['anket', { anket: true }, false, 'anket – skal ikke indsendes', 'excluded-case'],
    [
      'behandlet af Ankestyrelsen',
      { ast_behandlet: true },
      false,
      'behandlet af Ankestyrelsen – skal ikke indsendes',
      'excluded-case',
    ],
    ['dom/UKN', { dom_ukn: true }, false, 'afgørelse efter dom/UKN – skal ikke indsendes', 'excluded-case'],
    ['invalid CPR: text only, the parser reported it', { cpr: UNREADABLE }, false, 'ugyldigt cpr-nr.', null],
    ['age 17', { cpr: cpr('02-06-2003') }, true, 'OK', null],
    [
      'age 18 on the birthday is a warning',
      { cpr: cpr('01-06-2003') },
      true,
      '18 år ved afgørelsen',
      'age-over-17',
    ],
    ['age 22', { cpr: cpr('02-06-1998') }, true, '22 år ved afgørelsen', 'age-over-17'],
    [
      'age 23',
      { cpr: cpr('01-06-1998') },
      false,
      'alder ved afgørelsen uden for 0–22 år',
      'age-out-of-range',
    ],
    [
      'born after the decision',
      { cpr: cpr('02-06-2021') },
      false,
      'alder ved afgørelsen uden for 0–22 år',
      'age-out-of-range',
    ],
  ])('%s', (_n, over, ok, text, code) => {
    const r = run([rec(over)]);
    expect(r.cases[0]).toEqual({ selectionOk: ok, text });
    expect(r.problems.map((p) => p.code)).toEqual(code === null ? [] : [code]);
  });

  test('siblings: only the eldest may be sent; same birthday → warning on all but the first listed', () => {
    const r = run([
      rec({ familie: 'Hansen', cpr: cpr('01-01-2012', '4001') }),
      rec({ familie: ' hansen ', cpr: cpr('01-01-2010', '4002') }),
      rec({ familie: 'Jensen', cpr: cpr('05-05-2011', '4003') }),
      rec({ familie: 'JENSEN', cpr: cpr('05-05-2011', '4004') }),
      rec({ familie: 'Olsen' }),
    ]);
    expect(r.cases.map((c) => c.text)).toEqual([
      'søskende – ikke det ældste barn',
      'OK',
      'OK',
      'søskende født samme dag – send kun ét barn',
      'OK',
    ]);
    expect(r.cases.map((c) => c.selectionOk)).toEqual([false, true, true, true, true]);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ['sibling-not-eldest', 'H2'],
      ['sibling-same-day', 'H5'],
    ]);
  });

  test('duplicate sagsnr and CPR flag every occurrence without showing the CPR', () => {
    const same = cpr('03-03-2013', '4321');
    const r = run([rec({ sagsnr: 1, cpr: same }), rec({ sagsnr: 1, cpr: same })], { antalSager: 2 });
    expect(r.problems.map((p) => p.code).sort()).toEqual([
      'duplicate-cpr',
      'duplicate-cpr',
      'duplicate-sagsnr',
      'duplicate-sagsnr',
      'sagsnr-sequence',
    ]);
    for (const p of r.problems) expect(p.message).not.toContain('4321');
    expect(r.cases[0]!.text).toBe('sagsnummeret er brugt flere gange; samme barn står flere gange');
  });
});

describe('whole-list checks', () => {
  const list = (codes: CaseRecord['foranstaltning'][]) =>
    codes.map((foranstaltning) => rec({ foranstaltning }));
  test('count ≠ Antal sager is a warning with sagsnr null', () => {
    const r = run(list(['F3', 'F3']), { antalSager: 17 });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'case-count', severity: 'warning', sagsnr: null, row: null }),
    ]);
  });
  test('placements above the cap', () => {
    const r = run(list(['A7', 'T58', 'A7']), { hoejstAnbringelser: 2 });
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['too-many-placements', 'error']]);
  });
  test('other measures while placements (capped) + F3 already reach Antal sager', () => {
    const r = run(list(['A7', 'A7', 'A7', 'F3', 'K6']), { antalSager: 5, hoejstAnbringelser: 2 });
    expect(r.problems.map((p) => p.code)).toEqual(['too-many-placements']);
    nextRow = 2;
    const r2 = run(list(['A7', 'F3', 'F3', 'K6']), { antalSager: 3 });
    expect(r2.problems.map((p) => p.code)).toEqual(['case-count', 'other-measures-not-needed']);
  });
  test('sagsnr not 1…n', () => {
    const r = run([rec({ sagsnr: 1 }), rec({ sagsnr: 3 })]);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['sagsnr-sequence', 'warning']]);
  });
});
