import { dayFromYmd, formatDay } from './days';
import {
  isFailure,
  parseBfu,
  parseCell,
  parseConversationException,
  parseDate,
  parseDateTime,
  parseEffected,
  parseReassessment,
  parseSagsnr,
  parseText,
  parseYesNo,
  parseYesNoIrrelevant,
  PARSERS,
  type CellParser,
} from './values';
import { columnLetter } from './address';
import { COLUMNS } from './columns';
import { reportOf, reviewSnapshot } from './testing/review';
import type { Cell, Snapshot } from './types';

const BLANKS: Cell[] = [null, '', '   ', '\n\t'];
const ERRORS: Cell[] = [{ error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!', formula: 'A1+B1' }];

function expectFailure<T>(parser: CellParser<T>, cell: Cell, code: string, date1904 = false): void {
  const r = parser(cell, date1904);
  if (!isFailure(r))
    throw new Error(`expected ${code} for ${JSON.stringify(cell)}, got ${JSON.stringify(r)}`);
  expect(r.code).toBe(code);
}

describe.each<[string, CellParser<unknown>]>([
  ['parseDate', parseDate],
  ['parseDateTime', parseDateTime],
  ['parseYesNo', parseYesNo],
  ['parseYesNoIrrelevant', parseYesNoIrrelevant],
  ['parseBfu', parseBfu],
  ['parseReassessment', parseReassessment],
  ['parseConversationException', parseConversationException],
  ['parseEffected', parseEffected],
  ['parseSagsnr', parseSagsnr],
  ['parseText', parseText],
])('%s', (_name, parser) => {
  it.each(BLANKS)('reads blank %p as null', (cell) => {
    expect(parser(cell, false)).toBeNull();
  });
  it.each(ERRORS)('fails on error value %p with a hint about errors/formulas', (cell) => {
    const r = parser(cell, false);
    if (!isFailure(r)) throw new Error('expected failure');
    expect(r.code).toBe('error-value');
    expect(r.what).toMatch(/fejlværdi eller en formel uden resultat/);
  });
});

describe('parseYesNo', () => {
  it.each<[Cell, boolean]>([
    ['Ja', true],
    ['ja', true],
    [' JA ', true],
    ['J', true],
    ['j', true],
    ['X', true],
    ['x', true],
    ['Yes', true],
    ['1', true],
    ['TRUE', true],
    [true, true],
    [1, true],
    [{ n: 1, fmt: '0' }, true],
    ['Nej', false],
    ['NEJ', false],
    ['N', false],
    ['No', false],
    ['0', false],
    ['false', false],
    [false, false],
    [0, false],
  ])('%p → %p', (cell, v) => {
    expect(parseYesNo(cell, false)).toBe(v);
    expect(parseYesNoIrrelevant(cell, false)).toBe(v);
  });

  it.each<Cell>(['Jo', 'Måske', 'Ja.', 'ikke relevant', '2', 2, -1, 0.5, 'Y', 'J a'])(
    'rejects %p',
    (cell) => {
      expectFailure(parseYesNo, cell, 'invalid-yesno');
    },
  );

  it('yesno-irrelevant adds Ikke relevant', () => {
    expect(parseYesNoIrrelevant('Ikke relevant', false)).toBe('ikke-relevant');
    expect(parseYesNoIrrelevant(' ikke  RELEVANT ', false)).toBe('ikke-relevant');
    expect(parseYesNoIrrelevant('Ikke-relevant', false)).toBe('ikke-relevant');
    expectFailure(parseYesNoIrrelevant, 'Relevant', 'invalid-yesno');
    expectFailure(parseYesNoIrrelevant, 2, 'invalid-yesno');
    const r = parseYesNoIrrelevant('Måske', false);
    expect(isFailure(r) && r.hint).toBe('Skriv Ja, Nej eller Ikke relevant.');
  });
});

describe('parseDate: serials', () => {
  it.each<[Cell, boolean, string]>([
    [44256, false, '01-03-2021'],
    [44256.75, false, '01-03-2021'],
    [44256.9999999, false, '02-03-2021'],
    [{ n: 44256, fmt: 'dd-mm-yyyy' }, false, '01-03-2021'],
    [{ n: 44256, fmt: '0.00' }, false, '01-03-2021'],
    [1, false, '01-01-1900'],
    [59, false, '28-02-1900'],
    [61, false, '01-03-1900'],
    [42794, true, '01-03-2021'],
    [{ n: 42794, fmt: 'd/m/yyyy' }, true, '01-03-2021'],
    [0, true, '01-01-1904'],
  ])('%p (1904: %p) → %s', (cell, date1904, text) => {
    const r = parseDate(cell, date1904);
    expect(typeof r === 'number' && formatDay(r)).toBe(text);
  });

  it.each<[Cell, boolean]>([
    [0, false],
    [60, false],
    [-1, false],
    [-1, true],
    [3_000_000, false],
    [{ n: 60, fmt: 'dd-mm-yyyy' }, false],
    [true, false],
  ])('rejects %p (1904: %p)', (cell, date1904) => {
    expectFailure(parseDate, cell, 'invalid-date', date1904);
  });
});

describe('parseDate: text', () => {
  it.each<[string, string]>([
    ['01-03-2021', '01-03-2021'],
    ['1-3-2021', '01-03-2021'],
    ['01.03.2021', '01-03-2021'],
    ['1.3.2021', '01-03-2021'],
    ['01/03/2021', '01-03-2021'],
    [' 01-03-2021 ', '01-03-2021'],
    ['1-3-21', '01-03-2021'],
    ['01-03-99', '01-03-2099'],
    ['31-12-00', '31-12-2000'],
    ['1.3.21', '01-03-2021'],
    ['2021-03-01', '01-03-2021'],
    ['2021-3-1', '01-03-2021'],
    ['29-02-2020', '29-02-2020'],
    ['29-02-2000', '29-02-2000'],
    ['31-12-2021', '31-12-2021'],
    ['1. marts 2021', '01-03-2021'],
    ['1 marts 2021', '01-03-2021'],
    ['1.marts 2021', '01-03-2021'],
    ['15. JANUAR 2021', '15-01-2021'],
    ['31. december 2021', '31-12-2021'],
    ['1. februar 2021', '01-02-2021'],
    ['1. april 2021', '01-04-2021'],
    ['1. maj 2021', '01-05-2021'],
    ['1. juni 2021', '01-06-2021'],
    ['1. juli 2021', '01-07-2021'],
    ['1. august 2021', '01-08-2021'],
    ['1. september 2021', '01-09-2021'],
    ['1. oktober 2021', '01-10-2021'],
    ['1. november 2021', '01-11-2021'],
    ['1. okt. 2021', '01-10-2021'],
    ['1. sept. 2021', '01-09-2021'],
    ['01-03-2021 14:30', '01-03-2021'],
    ['01-03-2021 kl. 14.30', '01-03-2021'],
  ])('%p → %s', (text, expected) => {
    const r = parseDate(text, false);
    expect(typeof r === 'number' && formatDay(r)).toBe(expected);
    expect(parseDate(text, true)).toBe(r);
  });

  it.each([
    '31-02-2021',
    '29-02-2021',
    '29-02-1900',
    '31-04-2021',
    '00-01-2021',
    '01-13-2021',
    '32-01-2021',
    '01-03.2021',
    '01/03-2021',
    '2021/03/01',
    '01-03-021',
    '01-03-20211',
    '1. marz 2021',
    '1. mart 2021',
    'marts 2021',
    '01032021',
    '2021',
    'i går',
    '01-03-2021 25:00',
    '01-03-2021 14:60',
    '01-03-2021 14',
    '01-03-2021 kl',
    '01-03-2021x',
    '123-03-2021',
  ])('rejects %p', (text) => {
    expectFailure(parseDate, text, 'invalid-date');
  });

  it('hints at dd-mm-åååå', () => {
    const r = parseDate('31-02-2021', false);
    expect(isFailure(r) && r.hint).toBe('Skriv datoen som dd-mm-åååå.');
  });
});

describe('parseDateTime', () => {
  const day = dayFromYmd(2021, 3, 1);
  it.each<[Cell, boolean, number | null]>([
    ['01-03-2021', false, null],
    ['01-03-2021 14:30', false, 870],
    ['01-03-2021 kl. 14.30', false, 870],
    ['01-03-2021 kl. 14:30', false, 870],
    ['01-03-2021, kl. 9.05', false, 545],
    ['01-03-2021 kl 9', false, 540],
    ['01-03-2021 00:00', false, 0],
    ['01-03-2021 23:59', false, 1439],
    ['01-03-2021 14:30:29', false, 870],
    ['01-03-2021 14:30:30', false, 871],
    ['2021-03-01T14:30', false, 870],
    ['1. marts 2021 kl. 14.30', false, 870],
    ['01.03.2021 14.30', false, 870],
    [44256, false, null],
    [44256.5, false, 720],
    [{ n: 44256, fmt: 'dd-mm-yyyy' }, false, null],
    [{ n: 44256, fmt: 'dd-mm-yyyy hh:mm' }, false, 0],
    [{ n: 44256, fmt: '[h]:mm' }, false, 0],
    [{ n: 44256.5, fmt: 'dd-mm-yyyy' }, false, 720],
    [{ n: 42794 + 14.5 / 24, fmt: 'dd-mm-yyyy hh:mm' }, true, 870],
    [42794, true, null],
  ])('%p (1904: %p) → minutes %p', (cell, date1904, minutes) => {
    expect(parseDateTime(cell, date1904)).toEqual({ day, minutes });
  });

  it('rolls 23:59:59.9 of a serial into the next day (00:00: no time of day unless the format shows hours)', () => {
    expect(parseDateTime(44256 + 86399.9 / 86400, false)).toEqual({ day: day + 1, minutes: null });
    expect(parseDateTime({ n: 44256 + 86399.9 / 86400, fmt: 'hh:mm' }, false)).toEqual({
      day: day + 1,
      minutes: 0,
    });
  });

  it.each<Cell>(['01-03-2021 24:00', '01-03-2021 12:5', '31-02-2021 12:00', 60, true])(
    'rejects %p',
    (cell) => {
      expectFailure(parseDateTime, cell, 'invalid-date');
    },
  );
});

describe('parseEffected', () => {
  it.each<[Cell, number | 'ikke-effektueret']>([
    ['Ikke effektueret', 'ikke-effektueret'],
    ['ikke  effektueret', 'ikke-effektueret'],
    ['IKKE EFFEKTUERET', 'ikke-effektueret'],
    ['Ikke iværksat', 'ikke-effektueret'],
    ['01-03-2021', 44256],
    [44256, 44256],
  ])('%p → %p', (cell, v) => {
    expect(parseEffected(cell, false)).toBe(v);
  });

  it.each<Cell>(['Nej', 'Effektueret', '31-02-2021', 60])(
    'rejects %p with the Ikke effektueret hint',
    (cell) => {
      const r = parseEffected(cell, false);
      if (!isFailure(r)) throw new Error('expected failure');
      expect(r.code).toBe('invalid-date');
      expect(r.hint).toMatch(/Ikke effektueret/);
    },
  );
});

describe('parseBfu', () => {
  it.each<[Cell, string]>([
    ['Ny undersøgelse', 'ny'],
    ['ny  UNDERSØGELSE', 'ny'],
    ['Ny', 'ny'],
    ['Ny undersoegelse', 'ny'],
    ['§ 50-undersøgelse', 'ny'],
    ['Børnefaglig undersøgelse', 'ny'],
    ['Opdatering', 'opdatering'],
    ['opdatering af BFU', 'opdatering'],
    ['Ingen', 'ingen'],
    ['Nej', 'ingen'],
    ['Ingen undersøgelse', 'ingen'],
    ['Ikke relevant', 'ikke-relevant'],
    ['IKKE-RELEVANT', 'ikke-relevant'],
  ])('%p → %s', (cell, v) => {
    expect(parseBfu(cell, false)).toBe(v);
  });

  it.each<Cell>(['Ja', 'Gammel', 'Undersøgelse', 1, true])('rejects %p', (cell) => {
    expectFailure(parseBfu, cell, 'invalid-bfu');
  });
});

describe('parseReassessment', () => {
  it.each<[Cell, string]>([
    ['Ja', 'ja'],
    ['x', 'ja'],
    [true, 'ja'],
    [1, 'ja'],
    ['Vurdering fremgår ikke', 'fremgaar-ikke'],
    ['vurdering fremgaar ikke', 'fremgaar-ikke'],
    ['Fremgår ikke', 'fremgaar-ikke'],
    ['Ikke foretaget', 'ikke-foretaget'],
    ['ikke  foretaget', 'ikke-foretaget'],
    ['Ingen genvurdering', 'ikke-foretaget'],
  ])('%p → %s', (cell, v) => {
    expect(parseReassessment(cell, false)).toBe(v);
  });

  it.each<Cell>(['Nej', 'N', false, 0])('rejects the ambiguous Nej form %p with a hint', (cell) => {
    const r = parseReassessment(cell, false);
    if (!isFailure(r)) throw new Error('expected failure');
    expect(r.code).toBe('invalid-reassessment');
    expect(r.hint).toBe('Skriv "Vurdering fremgår ikke" eller "Ikke foretaget".');
  });

  it.each<Cell>(['Måske', 2, 'Foretaget'])('rejects %p', (cell) => {
    expectFailure(parseReassessment, cell, 'invalid-reassessment');
  });
});

describe('parseConversationException', () => {
  it.each<[Cell, string]>([
    ['Barnet ønskede ikke samtale', 'oenskede-ikke'],
    ['barnet  ønskede ikke samtale.', 'oenskede-ikke'],
    ['Modenhed eller sagens karakter', 'modenhed'],
    ['Ikke relevant', 'ikke-relevant'],
    ['Barnet var syg', 'andet'],
    ['Nej', 'andet'],
    [7, 'andet'],
  ])('%p → %s', (cell, v) => {
    expect(parseConversationException(cell, false)).toBe(v);
  });
});

describe('parseSagsnr', () => {
  it.each<[Cell, number]>([
    [1, 1],
    [17, 17],
    ['3', 3],
    [' 12 ', 12],
    ['007', 7],
    [{ n: 4, fmt: '0' }, 4],
  ])('%p → %d', (cell, v) => {
    expect(parseSagsnr(cell, false)).toBe(v);
  });

  it.each<Cell>([0, -1, 1.5, '0', '1.5', '1,0', 'Sag 1', 'a', true, '-3', '1234567890'])(
    'rejects %p',
    (cell) => {
      expectFailure(parseSagsnr, cell, 'invalid-sagsnr');
    },
  );

  // Regression: a CPR number typed as a number lost its leading zero (0409124706 → 409124706), was read
  // as sagsnr 409124706 and printed everywhere as the case's number.
  it.each<Cell>([409124706, '409124706', { n: 409124706, fmt: '0' }, 100_000_000])(
    'rejects 9+ digits %p',
    (cell) => {
      expectFailure(parseSagsnr, cell, 'invalid-sagsnr');
    },
  );
  it('accepts up to 8 digits', () => {
    expect(parseSagsnr(99_999_999, false)).toBe(99_999_999);
    expect(parseSagsnr('12345678', false)).toBe(12_345_678);
  });
});

describe('parseText', () => {
  it.each<[Cell, string]>([
    ['  Lovlig grund  ', 'Lovlig grund'],
    ['a\nb', 'a\nb'],
    [12, '12'],
    [1.5, '1.5'],
    [true, 'Ja'],
    [false, 'Nej'],
    [{ n: 44256, fmt: 'dd-mm-yyyy' }, '01-03-2021'],
    [{ n: 42, fmt: '0' }, '42'],
  ])('%p → %p', (cell, v) => {
    expect(parseText(cell, false)).toBe(v);
  });
  it('formats date cells in the 1904 system', () => {
    expect(parseText({ n: 42794, fmt: 'dd-mm-yyyy' }, true)).toBe('01-03-2021');
  });
});

describe('parseCell', () => {
  it('dispatches by column type', () => {
    expect(parseCell('date', '01-03-2021', false)).toBe(44256);
    expect(parseCell('yesno', 'Ja', false)).toBe(true);
    expect(parseCell('measure', 'Familiebehandling', false)).toBe('F3');
    expect(parseCell('cpr', '010203-1234', false)).toEqual({
      text: '010203-1234',
      birthDay: dayFromYmd(1903, 2, 1),
    });
    expect(parseCell('effected', 'Ikke effektueret', false)).toBe('ikke-effektueret');
    expect(parseCell('sagsnr', 4, false)).toBe(4);
    expect(isFailure(parseCell('datetime', 'x', false))).toBe(true);
  });
});

// Issue 9 item 5: the value forms settled in barometer.md §2.3, through the parsers and through evaluate.
describe('settled value forms (spec §2.3)', () => {
  it.each<[string, string]>([
    ['1.3.21', '01-03-2021'],
    ['01.03.21', '01-03-2021'],
    ['31.12.00', '31-12-2000'],
    ['1.1.99', '01-01-2099'],
    ['1/3/21', '01-03-2021'],
    ['01/03/21', '01-03-2021'],
    ['29/2/24', '29-02-2024'],
    ['31/12/99', '31-12-2099'],
    ['1-1-24', '01-01-2024'],
  ])('two-digit year %p is %s (2000–2099)', (text, expected) => {
    const r = parseDate(text, false);
    expect(typeof r === 'number' && formatDay(r)).toBe(expected);
    const e = parseEffected(text, false);
    expect(typeof e === 'number' && formatDay(e)).toBe(expected);
  });

  it.each(['29.2.23', '31/4/21', '1.3/21', '1/3.21', '1.3.2', '1/13/21'])(
    'rejects the impossible or mixed two-digit form %p',
    (text) => {
      expectFailure(parseDate, text, 'invalid-date');
    },
  );

  it('two-digit years keep an optional time: d/m/yy HH:mm and d.m.yy kl. HH.mm', () => {
    expect(parseDateTime('5/6/24 09:15', false)).toEqual({ day: dayFromYmd(2024, 6, 5), minutes: 555 });
    expect(parseDateTime('5.6.24 kl. 9.15', false)).toEqual({ day: dayFromYmd(2024, 6, 5), minutes: 555 });
    expect(parseDateTime('5.6.24', false)).toEqual({ day: dayFromYmd(2024, 6, 5), minutes: null });
  });

  it('a formula without a cached result (an ErrorCell with its formula) is unreadable in every column type, never blank', () => {
    const cell: Cell = { error: '#FORMEL', formula: 'C2+30' };
    for (const type of Object.keys(PARSERS) as (keyof typeof PARSERS)[]) {
      const r = parseCell(type, cell, false);
      expect([type, isFailure(r) && r.code]).toEqual([type, 'error-value']);
    }
  });

  it('"Nej" (any case, spaced) in the bfu column is Ingen', () => {
    expect(parseBfu('Nej', false)).toBe('ingen');
    expect(parseBfu(' NEJ ', false)).toBe('ingen');
    expect(parseBfu('nej', false)).toBe('ingen');
  });
});

describe('settled value forms reach the rules (evaluate)', () => {
  const answer = (s: Snapshot, sagsnr: number, q: string): string | undefined =>
    reportOf(s).cases.find((c) => c.sagsnr === sagsnr)?.verdicts[q]?.answer;

  it('a handleplan formula without a cached result makes 4.10 Mangler oplysninger (not Nej) and is a problem naming the cell', () => {
    const s = reviewSnapshot({
      edit: (cases) => {
        (cases[1] as Record<string, Cell>).handleplan = { error: '#FORMEL', formula: 'E3+30' };
      },
    });
    const report = reportOf(s);
    const c2 = report.cases.find((c) => c.sagsnr === 2)!;
    expect(c2.verdicts['4.10']?.answer).toBe('Mangler oplysninger');
    expect(c2.verdicts['4.11']?.answer).not.toBe('Nej');
    const col = COLUMNS.findIndex((c) => c.id === 'handleplan') + 1;
    const p = report.problems.find((x) => x.code === 'error-value' && x.sagsnr === 2);
    expect(p).toMatchObject({ severity: 'error', row: 3, cell: `${columnLetter(col)}3` });
    // A blank handleplan is Nej (not documented): the formula is not read as blank.
    const blank = reviewSnapshot({
      edit: (cases) => {
        (cases[1] as Record<string, Cell>).handleplan = null;
      },
    });
    expect(answer(blank, 2, '4.10')).toBe('Nej');
  });

  it('bfu "Nej" is read as Ingen: 2.2 Nej, and with a lovlig grund Nej, men lovlig grund', () => {
    const s = reviewSnapshot({
      edit: (cases) => {
        (cases[1] as Record<string, Cell>).bfu = 'Nej';
        (cases[2] as Record<string, Cell>).bfu = 'nej';
        (cases[2] as Record<string, Cell>).bfu_grund = 'Sagen var fuldt oplyst';
      },
    });
    expect(answer(s, 2, '2.2')).toBe('Nej');
    expect(answer(s, 2, '2.4')).toBe('Ikke relevant');
    expect(answer(s, 3, '2.2')).toBe('Nej, men lovlig grund');
    expect(reportOf(s).problems.filter((p) => p.code === 'invalid-bfu')).toEqual([]);
  });

  it('two-digit text dates with . and / decide the deadlines like dd-mm-yyyy', () => {
    const long = reviewSnapshot();
    const short = reviewSnapshot({
      edit: (cases) => {
        for (const c of cases as Record<string, Cell>[]) {
          for (const k of Object.keys(c)) {
            const v = c[k];
            if (typeof v === 'string' && /^\d\d-\d\d-\d{4}$/.test(v)) {
              const [d, m, y] = v.split('-');
              c[k] =
                k.length % 2 === 0 ? `${Number(d)}.${Number(m)}.${y!.slice(2)}` : `${d}/${m}/${y!.slice(2)}`;
            }
          }
        }
      },
    });
    const texts = JSON.stringify(short.sheets.Sagsoversigt?.rows);
    expect(texts).toMatch(/"\d{1,2}\.\d{1,2}\.\d\d"/);
    expect(texts).toMatch(/"\d\d\/\d\d\/\d\d"/);
    const answers = (s: Snapshot) => reportOf(s).cases.map((c) => c.verdicts);
    expect(JSON.stringify(answers(short).map((v) => Object.values(v).map((x) => x.answer)))).toBe(
      JSON.stringify(answers(long).map((v) => Object.values(v).map((x) => x.answer))),
    );
    expect(reportOf(short).problems.filter((p) => p.code === 'invalid-date')).toEqual([]);
  });
});
