/**
 * Random hostile workbooks as plain data (a model), with two renderings: as the snapshot an adapter
 * should read (for the pure core) and as a real .xlsx written by ExcelJS (for the CLI and the
 * simulated Excel). The model also knows, independently of the code under test, which rows are
 * cases, which cells a correct reader must report as unreadable (with their address), and which
 * made-up names and CPR numbers it holds, so the tests can check the tool's answers against it.
 *
 * What a model can hold: the case sheet under its own or another name, title rows above the
 * header (merged as pasted from Word), shuffled, aliased, re-cased, duplicated and missing
 * columns, unknown columns, blank rows, every column type's valid values and typical errors, wrong
 * types, 32,767-character strings, RTL and invisible characters, formula-like text, formulas with
 * and without a result, error values, rich text, hyperlinks, vertically merged data cells, dates
 * before 1900, both date systems, a settings sheet with hostile values, a review log, other sheets.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { a1 } from '../../src/domain/address';
import { COLUMNS, type ColumnDef, type ColumnType } from '../../src/domain/columns';
import { PARSERS, isFailure } from '../../src/domain/values';
import type { Cell, ColumnId } from '../../src/domain/types';
import {
  FORMULA_TEXTS,
  INVISIBLE,
  longString,
  RTL,
  anyCase,
  hostileString,
  padded,
  dateTextIn,
} from '../property/arbitraries';
import { isBlankCell, oracleDay, oracleYmd, pad2 } from '../property/oracle';

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

export type GenCell =
  | { readonly k: 'empty' }
  | { readonly k: 'text'; readonly s: string; readonly style: 'plain' | 'rich' | 'link' | 'formula' }
  | { readonly k: 'num'; readonly n: number; readonly fmt: string | null; readonly formula: boolean }
  | { readonly k: 'bool'; readonly b: boolean; readonly formula: boolean }
  | { readonly k: 'error'; readonly e: string; readonly formula: boolean }
  | { readonly k: 'noresult'; readonly f: string }
  /** A real Excel date (serial with a date format); day may lie before 1900 (a negative serial). */
  | { readonly k: 'date'; readonly day: number; readonly minutes: number; readonly fmt: string };

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface GenSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden';
  /** rows[r][c] is Excel row r + 1, column c + 1. */
  readonly rows: readonly (readonly GenCell[])[];
  readonly merges: readonly Rect[];
}

export interface GenWorkbook {
  readonly date1904: boolean;
  /** Sheets in tab order; the case sheet is sheets[caseIndex]. */
  readonly sheets: readonly GenSheet[];
  readonly caseIndex: number;
  /** Excel row of the header row of the case sheet. */
  readonly headerRow: number;
  /** The known column of each header cell (index c = column c + 1), null for unknown columns. */
  readonly columns: readonly (ColumnId | null)[];
  /** What the CLI must do: 0 = run, 2 = case sheet or required column missing. */
  readonly expectedExit: 0 | 2;
  /** Made-up names and CPR numbers (DDMMYY-SSSS) put into this workbook. */
  readonly names: readonly string[];
  readonly cprs: readonly string[];
  /** A --kommune flag for the CLI (hostile text), or null. */
  readonly kommuneFlag: string | null;
}

export const EMPTY: GenCell = { k: 'empty' };
const text = (s: string, style: 'plain' | 'rich' | 'link' | 'formula' = 'plain'): GenCell => ({
  k: 'text',
  s,
  style,
});
/** `arb` in `percent` % of the cases, else null. */
export function sometimes<T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> {
  return fc.oneof(
    { weight: 100 - percent, arbitrary: fc.constant(null) },
    { weight: percent, arbitrary: arb },
  );
}

/**
 * Text as it can stand in a real .xlsx: U+FFFE and U+FFFF are not allowed in XML (a file can only
 * carry them as _xFFFE_ escapes, which the generator writes on purpose elsewhere).
 */
export const xmlSafe = (s: string): string => s.replace(/[\uFFFE\uFFFF]/g, '');

const num = (n: number, fmt: string | null = null, formula = false): GenCell => ({
  k: 'num',
  n,
  fmt,
  formula,
});

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/** The Excel serial of a day (1900 system: serial 1 = 01-01-1900, with the fake 29-02-1900 as 60). */
export function serialOf(day: number, date1904: boolean): number {
  if (date1904) return day - oracleDay(1904, 1, 1);
  return day < oracleDay(1900, 3, 1) ? day - 1 : day;
}

/**
 * What ExcelJS's .xlsx round trip does to text: control characters other than tab, line feed and
 * carriage return are dropped, lone surrogates become U+FFFD, and _xHHHH_ escapes are decoded.
 */
export function xlsxText(s: string): string {
  return xmlSafe(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') // eslint-disable-line no-control-regex
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/_x([0-9A-F]{4})_/g, (_m: string, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The snapshot cell a correct adapter reads for a model cell (spec: dates are serials, never Dates). */
export function snapshotCell(g: GenCell, date1904: boolean, viaXlsx: boolean): Cell {
  switch (g.k) {
    case 'empty':
      return null;
    case 'text':
      return viaXlsx ? xlsxText(g.s) : g.s;
    case 'num':
      return g.fmt === null || g.fmt === 'General' ? g.n : { n: g.n, fmt: g.fmt };
    case 'bool':
      return g.b;
    case 'error':
      return { error: g.e };
    case 'noresult':
      return { error: '#FORMEL', formula: g.f };
    case 'date':
      return { n: serialOf(g.day, date1904) + g.minutes / 1440, fmt: g.fmt };
  }
}

/** Writes a model cell into an ExcelJS cell. */
function writeCell(cell: ExcelJS.Cell, g: GenCell, date1904: boolean): void {
  switch (g.k) {
    case 'empty':
      return;
    case 'text':
      {
        const s = xmlSafe(g.s);
        if (g.style === 'rich' && s.length > 1) {
          let cut = Math.max(1, Math.floor(s.length / 2));
          // Never between the two halves of a surrogate pair.
          if (/[\uD800-\uDBFF]/.test(s[cut - 1] as string)) cut += 1;
          cell.value = {
            richText: [{ text: s.slice(0, cut) }, { text: s.slice(cut), font: { bold: true } }],
          };
        } else if (g.style === 'link') {
          cell.value = { text: s, hyperlink: 'https://example.invalid/sag' };
        } else if (g.style === 'formula') {
          cell.value = { formula: 'T("x")', result: s };
        } else {
          cell.value = s;
        }
      }
      return;
    case 'num':
      cell.value = g.formula ? { formula: '0+0', result: g.n } : g.n;
      if (g.fmt !== null) cell.numFmt = g.fmt;
      return;
    case 'bool':
      cell.value = g.formula ? { formula: 'TRUE()', result: g.b } : g.b;
      return;
    case 'error':
      cell.value = g.formula
        ? ({ formula: 'NA()', result: { error: g.e } } as unknown as ExcelJS.CellFormulaValue)
        : ({ error: g.e } as ExcelJS.CellErrorValue);
      return;
    case 'noresult':
      cell.value = { formula: g.f };
      return;
    case 'date':
      cell.value = serialOf(g.day, date1904) + g.minutes / 1440;
      cell.numFmt = g.fmt;
      return;
  }
}

/** The model as an ExcelJS workbook (not yet serialised). */
export function toExcelJs(m: GenWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Børnesagsbarometer hærdningstest';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  if (m.date1904) wb.properties.date1904 = true;
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    s.rows.forEach((row, r) => {
      row.forEach((g, c) => {
        if (g.k !== 'empty') writeCell(ws.getCell(r + 1, c + 1), g, m.date1904);
      });
    });
    for (const rect of s.merges) ws.mergeCells(rect.top, rect.left, rect.bottom, rect.right);
  }
  return wb;
}

/** The model as .xlsx bytes. The zip entries are stored, not deflated: valid, and faster to write. */
export async function toXlsx(m: GenWorkbook): Promise<Buffer> {
  const options = { zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  return Buffer.from(await toExcelJs(m).xlsx.writeBuffer(options));
}

// ---------------------------------------------------------------------------
// What a correct tool must answer (independent of the code under test, except that the parsers
// decide readability of each cell value: they are property-tested on their own in test/property)
// ---------------------------------------------------------------------------

export interface Expectation {
  /** Excel rows that are cases. */
  readonly caseRows: readonly number[];
  /** A1 addresses (on the case sheet) of cells that must be reported as unreadable. */
  readonly unreadable: ReadonlySet<string>;
  /** A1 addresses of cells of known columns in case rows that must not be reported as unreadable. */
  readonly readable: ReadonlySet<string>;
  /** The first column (1-based) of each known column found. */
  readonly present: ReadonlyMap<ColumnId, number>;
  /** Header cells (A1) of duplicated known columns after the first. */
  readonly duplicates: readonly string[];
}

/** The value a reader sees at (row, col) of the case sheet, after merged areas (records.ts decision). */
function cellAt(m: GenWorkbook, row: number, col: number, viaXlsx: boolean): Cell {
  const sheet = m.sheets[m.caseIndex] as GenSheet;
  for (const r of sheet.merges) {
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    if (row === r.top && col === r.left) break;
    if (r.top <= m.headerRow || col !== r.left) return null;
    return snapshotCell(sheet.rows[r.top - 1]?.[r.left - 1] ?? EMPTY, m.date1904, viaXlsx);
  }
  return snapshotCell(sheet.rows[row - 1]?.[col - 1] ?? EMPTY, m.date1904, viaXlsx);
}

export function expectation(m: GenWorkbook, viaXlsx: boolean): Expectation {
  const sheet = m.sheets[m.caseIndex] as GenSheet;
  const present = new Map<ColumnId, number>();
  const duplicates: string[] = [];
  m.columns.forEach((id, c) => {
    if (id === null) return;
    if (present.has(id)) duplicates.push(a1(m.headerRow, c + 1));
    else present.set(id, c + 1);
  });
  const caseRows: number[] = [];
  const unreadable = new Set<string>();
  const readable = new Set<string>();
  for (let row = m.headerRow + 1; row <= sheet.rows.length; row += 1) {
    const cells = [...present].map(([id, col]) => ({ id, col, cell: cellAt(m, row, col, viaXlsx) }));
    if (cells.every((x) => isBlankCell(x.cell))) continue;
    caseRows.push(row);
    for (const { id, col, cell } of cells) {
      const def = COLUMNS.find((c) => c.id === id) as ColumnDef;
      const parsed = (PARSERS[def.type] as (c: Cell, d: boolean) => unknown)(cell, m.date1904);
      (isFailure(parsed) ? unreadable : readable).add(a1(row, col));
    }
  }
  return { caseRows, unreadable, readable, present, duplicates };
}

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

/** Made-up children: names and CPR numbers no output may ever show. */
export const SECRET_NAMES = [
  'Testbarn Ane Fiktiv',
  'Opdigtet Hansen',
  'Prøvebarn Ølstykke',
  'Zyx Testperson',
  'أحمد تجريبي',
  'שרה בדיקה',
  'Æblerød Påfund',
  'Kim Lyvesen',
] as const;

/** A made-up CPR number (DDMMYY-SSSS) with a 7th digit that puts the birth year in 2004–2020. */
const secretCpr: fc.Arbitrary<string> = fc
  .record({
    day: fc.integer({ min: oracleDay(2004, 1, 1), max: oracleDay(2020, 12, 31) }),
    rest: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ day, rest }) => {
    const { y, m, d } = oracleYmd(day);
    return `${pad2(d)}${pad2(m)}${pad2(y % 100)}-4${String(rest).padStart(3, '0')}`;
  });

/** The forms a CPR number can be typed in (or stored as a number). */
function cprCell(cpr: string): fc.Arbitrary<GenCell> {
  const digits = cpr.replace('-', '');
  return fc.constantFrom(
    text(cpr),
    text(digits),
    text(`${digits.slice(0, 6)} ${digits.slice(6)}`),
    text(` ${cpr}\u200B`),
    num(Number(digits)),
    num(Number(digits), '000000-0000'),
    text(cpr, 'rich'),
  );
}

const DATE_FMTS = ['dd-mm-yyyy', 'd/m/yyyy', 'yyyy-mm-dd', 'd. mmmm yyyy', 'mm-dd-yy'] as const;
const DATETIME_FMTS = ['dd-mm-yyyy hh:mm', 'd/m/yyyy h:mm', 'yyyy-mm-dd hh:mm:ss'] as const;
const textStyle = fc.constantFrom<'plain' | 'rich' | 'link' | 'formula'>(
  'plain',
  'plain',
  'plain',
  'rich',
  'link',
  'formula',
);

const caseDay = fc.integer({ min: oracleDay(2018, 1, 1), max: oracleDay(2024, 12, 31) });

/** A date cell: a real Excel date or a §2.3 text form. */
function dateCell(withTime: boolean): fc.Arbitrary<GenCell> {
  return fc.oneof(
    fc
      .tuple(
        caseDay,
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...(withTime ? DATETIME_FMTS : DATE_FMTS)),
      )
      .map(([day, minutes, fmt]): GenCell => ({ k: 'date', day, minutes: withTime ? minutes : 0, fmt })),
    dateTextIn(oracleDay(2018, 1, 1), oracleDay(2024, 12, 31)).chain((d) =>
      textStyle.map((style) => text(d.text, style)),
    ),
  );
}

const MEASURES = [
  'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
  'Anbringelse (tvangsmæssig) § 58, stk. 1',
  'Familiebehandling § 52, stk. 3, nr. 3',
  'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2',
  'Døgnophold § 52, stk. 3, nr. 4',
  'Aflastningsordning § 52, stk. 3, nr. 5',
  'Kontaktperson § 52, stk. 3, nr. 6',
  '§ 58',
  '52.3.7',
  'familiebehandling',
  'Tvangsanbringelse',
  'aflastning',
] as const;

/** A value a correct reader accepts for the column type (mostly; hostile text may not be). */
function validCell(type: ColumnType): fc.Arbitrary<GenCell> {
  const words = (...w: string[]) =>
    fc.constantFrom(...w).chain((s) => fc.tuple(padded(anyCase(s)), textStyle).map(([t, st]) => text(t, st)));
  switch (type) {
    case 'sagsnr':
      return fc.oneof(
        fc.integer({ min: 1, max: 40 }).map((n) => num(n)),
        fc.integer({ min: 1, max: 40 }).map((n) => text(` ${n} `)),
        fc.integer({ min: 1, max: 40 }).map((n) => num(n, '0', true)),
      );
    case 'measure':
      return fc.oneof(words(...MEASURES), fc.constant(num(58)));
    case 'text':
      return fc.oneof(
        {
          weight: 5,
          arbitrary: fc.tuple(hostileString, textStyle).map(([s, st]) => text(s.length > 0 ? s : 'x', st)),
        },
        { weight: 1, arbitrary: fc.constantFrom(...FORMULA_TEXTS).map((s) => text(s)) },
        { weight: 1, arbitrary: fc.constantFrom(...RTL).map((s) => text(s)) },
        { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => num(n)) },
        { weight: 1, arbitrary: fc.boolean().map((b): GenCell => ({ k: 'bool', b, formula: false })) },
      );
    case 'cpr':
      return secretCpr.chain(cprCell);
    case 'date':
      return dateCell(false);
    case 'datetime':
      return dateCell(true);
    case 'yesno':
      return fc.oneof(
        words('Ja', 'Nej', 'J', 'N', 'X', 'Yes', 'No', '1', '0'),
        fc.boolean().map((b): GenCell => ({ k: 'bool', b, formula: false })),
        fc.constantFrom(num(1), num(0), { k: 'bool', b: true, formula: true } as GenCell),
      );
    case 'yesno-irrelevant':
      return words('Ja', 'Nej', 'Ikke relevant');
    case 'bfu':
      return words('Ny undersøgelse', 'Opdatering', 'Ingen', 'Ikke relevant');
    case 'conversation-exception':
      return fc.oneof(
        words('Barnet ønskede ikke samtale', 'Modenhed eller sagens karakter', 'Ikke relevant'),
        hostileString.filter((s) => s.trim().length > 0).map((s) => text(s)),
      );
    case 'effected':
      return fc.oneof(dateCell(false), words('Ikke effektueret'));
    case 'reassessment':
      return words('Ja', 'Vurdering fremgår ikke', 'Ikke foretaget');
    case 'plan-stance':
      return words('Plan udarbejdes', 'Plan ikke nødvendig');
  }
}

/** A value a correct reader must reject for the column type (wrong type, impossible, ambiguous). */
function badCell(type: ColumnType): fc.Arbitrary<GenCell> {
  const any = fc.constantFrom<GenCell>(
    { k: 'error', e: '#N/A', formula: false },
    { k: 'error', e: '#REF!', formula: true },
    { k: 'error', e: '#DIV/0!', formula: false },
    { k: 'noresult', f: '1/0' },
    { k: 'noresult', f: 'DATO(2021;2;30)' },
  );
  const t = (...s: string[]) => fc.constantFrom(...s).map((x) => text(x));
  const beforeFirst = fc
    .integer({ min: oracleDay(1800, 1, 1), max: oracleDay(1899, 12, 31) })
    .map((day): GenCell => ({ k: 'date', day, minutes: 0, fmt: 'dd-mm-yyyy' }));
  let own: fc.Arbitrary<GenCell>;
  switch (type) {
    case 'sagsnr':
      own = fc.oneof(t('abc', '1,5', '-3', 'nr. 4'), fc.constantFrom(num(0), num(-2), num(2.5), num(1e10)));
      break;
    case 'measure':
      own = t('Anbringelse', 'Anbragt', 'Foranstaltning', 'Familiebehandling og aflastning', '§ 99');
      break;
    case 'text':
    case 'conversation-exception':
      own = any;
      break;
    case 'cpr':
      own = fc.oneof(
        t('123', '310299-1234', '0102031234567', 'ukendt', '32-01-04-4118'),
        fc.constant(num(12.5)),
      );
      break;
    case 'date':
    case 'datetime':
    case 'effected':
      // Long strings are rare (about one per five workbooks in all): each costs in every reader.
      own = fc.oneof(
        {
          weight: 8,
          arbitrary: t(
            '31-02-2021',
            '2021-13-01',
            'i går',
            '15-06-1899',
            '1. smarts 2021',
            '01-03-2021 25:00',
            '29-02-2021',
          ),
        },
        { weight: 4, arbitrary: beforeFirst },
        { weight: 4, arbitrary: fc.constant<GenCell>({ k: 'bool', b: true, formula: false }) },
        { weight: 1, arbitrary: longString.filter((s) => !/^01-03-2021/.test(s)).map((s) => text(s)) },
      );
      break;
    case 'yesno':
    case 'yesno-irrelevant':
      own = fc.oneof(t('Måske', 'Ja tak', 'Nej?', 'Jo'), fc.constant(num(2)));
      break;
    case 'bfu':
      own = t('Ja', 'Måske', 'BFU');
      break;
    case 'reassessment':
      own = t('Nej', 'Måske');
      break;
    case 'plan-stance':
      own = t('Ja', 'Måske');
      break;
  }
  return fc.oneof({ weight: 3, arbitrary: own }, { weight: 1, arbitrary: any });
}

const blankCell: fc.Arbitrary<GenCell> = fc.constantFrom<GenCell>(
  EMPTY,
  EMPTY,
  EMPTY,
  text('   '),
  text('\u200B'),
  text(' \u00A0\t'),
);

/** Any value at all (no expectation beyond "no crash, reported if unreadable"). */
const anyCell: fc.Arbitrary<GenCell> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.tuple(hostileString, textStyle).map(([s, st]) => text(s.length > 0 ? s : ' ', st)),
  },
  { weight: 20, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((n) => num(n)) },
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.double({ min: -1e5, max: 3e6, noNaN: true }),
        fc.constantFrom('dd-mm-yyyy', '0%', '[h]:mm', '@'),
      )
      .map(([n, fmt]) => num(n, fmt)),
  },
  { weight: 1, arbitrary: fc.constant(text('x'.repeat(32767))) },
  { weight: 4, arbitrary: fc.constant(text('Note_xFFFF_ slut')) },
);

/** Header text variants the spec says must match (§2.1): case, spaces, punctuation, (…), æøå folding. */
function headerVariant(def: ColumnDef): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(def.header, ...def.aliases),
      fc.constantFrom('same', 'upper', 'lower', 'spaces', 'parens', 'fold', 'newline'),
    )
    .map(([h, how]) => {
      switch (how) {
        case 'upper':
          return h.toUpperCase();
        case 'lower':
          return h.toLowerCase();
        case 'spaces':
          return ` ${h.replace(/ /g, '  ')} `;
        case 'parens':
          return `${h} (se vejledning)`;
        case 'fold':
          return h
            .replace(/æ/g, 'ae')
            .replace(/ø/g, 'oe')
            .replace(/å/g, 'aa')
            .replace(/Æ/g, 'Ae')
            .replace(/Ø/g, 'Oe');
        case 'newline':
          return h.replace(' ', '\n');
        default:
          return h;
      }
    });
}

const UNKNOWN_HEADERS = [
  'Bemærkning',
  'Sagsbehandler',
  'Intern note (må ikke sendes)',
  'Team',
  'Journalnr.',
  'Ekstra',
];

const TITLE_LINES = [
  'Sagsoversigt',
  'Sager til Børnesagsbarometret. Ankestyrelsens undersøgelse af sagsbehandlingen på udsatte børn- og ungeområdet.',
  'Kommune: Testrup',
  'Kontaktoplysninger: Navn på kontaktperson i kommunen: Test Testesen',
];

const KOMMUNE_VALUES = [
  'Testrup',
  'Ishøj Kommune',
  '=HYPERLINK("http://example.invalid","Klik")',
  '+45 Testby',
  '-Testby',
  '@Testby',
  'مدينة الاختبار',
  '\u202ETestrup',
  'Testrup_xFFFE_',
  'Test\u200Brup',
] as const;

/** The settings sheet: Kommune (often hostile), years, dates and Ja/Nej, some unreadable. */
const settingsRows: fc.Arbitrary<GenCell[][]> = fc
  .record({
    kommune: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...KOMMUNE_VALUES) },
      { weight: 10, arbitrary: hostileString.filter((s) => s.trim() !== '') },
      { weight: 1, arbitrary: longString },
    ),
    year: fc.constantFrom<GenCell>(num(2023), text('2023'), text('tyve'), num(2024), EMPTY),
    afg: fc.constantFrom<GenCell>(EMPTY, num(2021), text('2021'), num(1850)),
    opg: fc.constantFrom<GenCell>(
      EMPTY,
      text('23-03-2022'),
      { k: 'date', day: oracleDay(2022, 3, 23), minutes: 0, fmt: 'dd-mm-yyyy' },
      text('31-02-2022'),
    ),
    antal: fc.constantFrom<GenCell>(num(17), text('15'), EMPTY, text('mange')),
    off: fc.constantFrom<GenCell>(text('Nej'), text('Ja'), EMPTY, text('Måske')),
  })
  .map((s) => [
    [text('Kommune'), text(s.kommune)],
    [text('Undersøgelsesår'), s.year],
    [text('Afgørelsesår'), s.afg],
    [text('Opgørelsesdato'), s.opg],
    [text('Antal sager'), s.antal],
    [text('Højst antal anbringelser'), num(9)],
    [text('Offentliggørelse'), s.off],
  ]);

const reviewRows: fc.Arbitrary<GenCell[][]> = fc
  .array(
    fc.tuple(
      fc.constantFrom<GenCell>(text('01-06-2022 10:00'), text('ikke en tid'), {
        k: 'date',
        day: oracleDay(2022, 6, 1),
        minutes: 600,
        fmt: 'dd-mm-yyyy hh:mm',
      }),
      fc.constantFrom<GenCell>(num(1), num(2), text('x'), num(999)),
      fc.constantFrom<GenCell>(text('2.2'), text('3.8'), text('9.9')),
      fc.constantFrom<GenCell>(text('Ja'), text('Nej')),
      fc.constantFrom<GenCell>(text('Nej'), text('Ja'), EMPTY, text('Måske')),
      fc.constantFrom<GenCell>(text('Begrundelse'), text('=1+1'), EMPTY),
      fc.constantFrom<GenCell>(text('ABC'), EMPTY),
    ),
    { maxLength: 3 },
  )
  .map((lines) => [
    ['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer'].map((h) =>
      text(h),
    ),
    ...lines.map((l) => [...l]),
  ]);

interface ColumnPlan {
  readonly id: ColumnId | null;
  readonly header: string;
  readonly headerStyle: 'plain' | 'rich';
}

const columnPlan: fc.Arbitrary<{ cols: ColumnPlan[]; missingRequired: boolean }> = fc
  .record({
    optional: fc.subarray(COLUMNS.filter((c) => !c.required)),
    dropRequired: sometimes(fc.constantFrom(...COLUMNS.filter((c) => c.required)), 5),
    unknown: fc.subarray(UNKNOWN_HEADERS, { maxLength: 3 }),
    duplicate: sometimes(fc.constantFrom(...COLUMNS), 12),
  })
  .chain(({ optional, dropRequired, unknown, duplicate }) => {
    const defs = [...COLUMNS.filter((c) => c.required && c !== dropRequired), ...optional];
    if (duplicate && defs.includes(duplicate)) defs.push(duplicate);
    const known = defs.map((def) =>
      fc
        .tuple(headerVariant(def), fc.constantFrom<'plain' | 'rich'>('plain', 'plain', 'rich'))
        .map(([header, headerStyle]): ColumnPlan => ({ id: def.id, header, headerStyle })),
    );
    const unk = unknown.map((h) => fc.constant<ColumnPlan>({ id: null, header: h, headerStyle: 'plain' }));
    return fc
      .shuffledSubarray([...known, ...unk], { minLength: known.length + unk.length })
      .chain((arbs): fc.Arbitrary<ColumnPlan[]> =>
        arbs.length === 0 ? fc.constant<ColumnPlan[]>([]) : fc.tuple<ColumnPlan[]>(...arbs),
      )
      .map((cols) => ({ cols: cols, missingRequired: dropRequired !== null }));
  });

/** One data cell of a column: mostly valid, sometimes blank, unreadable, anything, or a secret in the wrong column. */
function dataCell(id: ColumnId | null, names: readonly string[]): fc.Arbitrary<GenCell> {
  if (id === null) return fc.oneof(blankCell, anyCell);
  const def = COLUMNS.find((c) => c.id === id) as ColumnDef;
  if (id === 'navn')
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...names).map((n) => text(n)) },
      { weight: 1, arbitrary: blankCell },
    );
  const secret = fc.oneof(
    fc.constantFrom(...names).map((n) => text(n)),
    secretCpr.chain(cprCell),
  );
  return fc.oneof(
    { weight: 12, arbitrary: validCell(def.type) },
    { weight: 4, arbitrary: blankCell },
    { weight: 3, arbitrary: badCell(def.type) },
    { weight: 2, arbitrary: anyCell },
    { weight: 1, arbitrary: secret },
  );
}

/** Pulls the CPR numbers (DDMMYY-SSSS) out of the cells of a sheet model (any form they were written in). */
function cprsIn(rows: readonly (readonly GenCell[])[]): string[] {
  const out = new Set<string>();
  for (const row of rows)
    for (const g of row) {
      let digits: string | null = null;
      if (g.k === 'text') digits = g.s.replace(/[\s\u200B-]/g, '');
      if (g.k === 'num' && Number.isInteger(g.n)) digits = String(g.n).padStart(10, '0');
      if (digits !== null && /^\d{10}$/.test(digits) && digits[6] === '4')
        out.add(`${digits.slice(0, 6)}-${digits.slice(6)}`);
    }
  return [...out];
}

/** A whole hostile workbook. */
export const genWorkbook: fc.Arbitrary<GenWorkbook> = fc
  .record({
    date1904: fc.boolean(),
    sheetName: fc.oneof(
      { weight: 8, arbitrary: fc.constant('Sagsoversigt') },
      { weight: 1, arbitrary: fc.constantFrom(' sagsoversigt ', 'SAGSOVERSIGT') },
      { weight: 2, arbitrary: fc.constantFrom('Bilag 1', 'Ark1', 'Sager 2021') },
    ),
    titles: fc.subarray(TITLE_LINES),
    mergeTitle: fc.boolean(),
    blankAfterTitle: fc.boolean(),
    plan: columnPlan,
    nRows: fc.integer({ min: 0, max: 12 }),
    names: fc.shuffledSubarray([...SECRET_NAMES], { minLength: 2, maxLength: 4 }),
    settings: sometimes(settingsRows, 75),
    review: sometimes(reviewRows, 20),
    before: sometimes(fc.constantFrom('Forside', 'Noter', 'Gammel'), 20),
    hiddenBefore: fc.boolean(),
    kommuneFlag: sometimes(fc.constantFrom(...KOMMUNE_VALUES.filter((k) => !k.includes('_x'))), 15),
    mergeSeed: fc.nat(),
  })
  .chain((g) => {
    const width = g.plan.cols.length;
    const row = fc.oneof(
      { weight: 1, arbitrary: fc.constant<GenCell[]>([]) }, // a blank row
      {
        weight: 8,
        arbitrary:
          width === 0
            ? fc.constant<GenCell[]>([])
            : fc.tuple(...g.plan.cols.map((c) => dataCell(c.id, g.names))),
      },
    );
    return fc
      .array(row, { minLength: g.nRows, maxLength: g.nRows })
      .map((data): GenWorkbook => build(g, data));
  });

function build(
  g: {
    date1904: boolean;
    sheetName: string;
    titles: string[];
    mergeTitle: boolean;
    blankAfterTitle: boolean;
    plan: { cols: ColumnPlan[]; missingRequired: boolean };
    names: string[];
    settings: GenCell[][] | null;
    review: GenCell[][] | null;
    before: string | null;
    hiddenBefore: boolean;
    kommuneFlag: string | null;
    mergeSeed: number;
  },
  data: GenCell[][],
): GenWorkbook {
  const rows: GenCell[][] = g.titles.map((t) => [text(t)]);
  if (g.titles.length > 0 && g.blankAfterTitle) rows.push([]);
  const headerRow = rows.length + 1;
  rows.push(g.plan.cols.map((c) => text(c.header, c.headerStyle)));
  for (const r of data) rows.push(r.map((c) => c));
  const merges: Rect[] = [];
  if (g.mergeTitle && g.titles.length > 0 && g.plan.cols.length >= 2)
    merges.push({ top: 1, left: 1, bottom: 1, right: Math.min(4, g.plan.cols.length) });
  // A vertical merge in the data (e.g. Familie over two siblings), when there are two data rows.
  if (data.length >= 2 && g.plan.cols.length > 0 && g.mergeSeed % 3 === 0) {
    const col = (g.mergeSeed % g.plan.cols.length) + 1;
    const top = headerRow + 1 + (g.mergeSeed % (data.length - 1));
    merges.push({ top, left: col, bottom: top + 1, right: col });
    // Excel keeps only the top-left value of a merged area.
    const below = rows[top] as GenCell[];
    if (below.length >= col) below[col - 1] = EMPTY;
  }
  const sheets: GenSheet[] = [];
  if (g.before !== null)
    sheets.push({
      name: g.before,
      state: g.hiddenBefore ? 'hidden' : 'visible',
      rows: [[text('Noter til sagerne')], [text('Sagsnr'), text('Ikke en sagsoversigt')]],
      merges: [],
    });
  const caseIndex = sheets.length;
  sheets.push({ name: g.sheetName, state: 'visible', rows, merges });
  if (g.settings) sheets.push({ name: 'Indstillinger', state: 'visible', rows: g.settings, merges: [] });
  if (g.review) sheets.push({ name: 'Gennemgang', state: 'visible', rows: g.review, merges: [] });

  // The spec says every variant matches (§2.1); the test finds out if one does not.
  const columns = g.plan.cols.map((c) => c.id);
  const knownCount = new Set(columns.filter((c) => c !== null)).size;
  const named = g.sheetName.trim().toLowerCase() === 'sagsoversigt';
  // Another sheet name is found by its header row only with ≥ 2 known headers (records.ts decision);
  // the sheet before it has one known header ("Sagsnr") and is never the case sheet.
  const found = named || knownCount >= 2;
  const expectedExit: 0 | 2 = found && !g.plan.missingRequired ? 0 : 2;
  return {
    date1904: g.date1904,
    sheets,
    caseIndex,
    headerRow,
    columns,
    expectedExit,
    names: g.names,
    cprs: cprsIn(rows),
    kommuneFlag: g.kommuneFlag,
  };
}

export { INVISIBLE };

const RTL_RE = /[\u0590-\u08FF\u202E\u200F]/;
const INVISIBLE_RE = new RegExp(`[${INVISIBLE.join('')}]`, 'u');

/** The hostile features a workbook holds, so a suite can show that its sample covers every one. */
export function features(m: GenWorkbook): Set<string> {
  const f = new Set<string>();
  if (m.date1904) f.add('1904 date system');
  const caseSheet = m.sheets[m.caseIndex] as GenSheet;
  if (caseSheet.name !== 'Sagsoversigt') f.add('case sheet under another name');
  if (m.headerRow > 1) f.add('title rows');
  if (caseSheet.merges.length > 0) f.add('merged cells');
  if (caseSheet.rows.some((r, i) => i >= m.headerRow && r.length === 0)) f.add('blank rows');
  if (m.columns.includes(null)) f.add('unknown columns');
  if (new Set(m.columns.filter((c) => c !== null)).size < m.columns.filter((c) => c !== null).length)
    f.add('duplicated columns');
  if (m.expectedExit === 2) f.add('missing required column or case sheet');
  if (m.kommuneFlag !== null) f.add('--kommune');
  for (const s of m.sheets)
    for (const row of s.rows)
      for (const g of row) {
        if (g.k === 'text') {
          if (g.s.length >= 32767) f.add('32,767-character strings');
          if (RTL_RE.test(g.s)) f.add('RTL text');
          if (INVISIBLE_RE.test(g.s)) f.add('zero-width and invisible characters');
          if (/^[=+\-@]/.test(g.s)) f.add('formula-like text');
          if (g.style === 'rich') f.add('rich text');
          if (g.style === 'link') f.add('hyperlinks');
          if (g.style === 'formula') f.add('formulas with a text result');
        }
        if ((g.k === 'num' || g.k === 'bool') && g.formula) f.add('formulas with a result');
        if (g.k === 'noresult') f.add('formulas without a result');
        if (g.k === 'error') f.add('error values');
        if (g.k === 'bool') f.add('wrong types (booleans)');
        if (g.k === 'date' && g.day < oracleDay(1900, 1, 1)) f.add('dates before 1900');
        if (g.k === 'date' && g.minutes > 0) f.add('date-times');
      }
  return f;
}

/** Every feature the generator is meant to produce. */
export const ALL_FEATURES = [
  '1904 date system',
  'case sheet under another name',
  'title rows',
  'merged cells',
  'blank rows',
  'unknown columns',
  'duplicated columns',
  'missing required column or case sheet',
  '--kommune',
  '32,767-character strings',
  'RTL text',
  'zero-width and invisible characters',
  'formula-like text',
  'rich text',
  'hyperlinks',
  'formulas with a text result',
  'formulas with a result',
  'formulas without a result',
  'error values',
  'wrong types (booleans)',
  'dates before 1900',
  'date-times',
] as const;
