/**
 * Fixture workbooks and write plans for the adapter contract suite, built in code so every odd
 * cell is visible here: merged title rows above the header (as in the Word form Bilag 1), dates,
 * date-times, text that looks like formulas or numbers, errors, formula results, booleans,
 * formatted blank cells, hidden sheets, and the 1904 date system. All names/CPR are fictitious.
 */
import ExcelJS from 'exceljs';
import type { Block, PlanValue, SheetBuild, StyleId, WritePlan } from '../../src/domain/types';

const DATE = 'dd-mm-yyyy';
const DATETIME = 'dd-mm-yyyy hh:mm';

/** A UTC Date for ExcelJS from an Excel serial (1900 system). */
const serialDate = (serial: number): Date => new Date(Math.round((serial - 25569) * 86400000));

export interface FixtureOptions {
  /** Number of case rows. */
  cases?: number;
  date1904?: boolean;
  /** Name of the case sheet; another name makes the adapters read every visible sheet. */
  caseSheetName?: string;
}

/** The case sheet's first data row (rows 1–2 are a merged title and a contact line, row 3 the header). */
export const HEADER_ROW = 3;
export const CASE_HEADERS = [
  'Sag nummer',
  'Foranstaltning',
  'Barnets navn',
  'Barnets cpr.nr.',
  'Afgørelsesdato',
  'Anket til Ankestyrelsen',
  'Underretning modtaget',
  'Bemærkning (ukendt kolonne)',
] as const;
/** Columns of people's data; generated verdict columns start after a blank column. */
export const DATA_COLUMNS = CASE_HEADERS.length;

export async function fixtureWorkbook(opts: FixtureOptions = {}): Promise<Buffer> {
  const n = opts.cases ?? 17;
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  const offset = opts.date1904 ? 1462 : 0;

  const ws = wb.addWorksheet(opts.caseSheetName ?? 'Sagsoversigt');
  ws.getCell('A1').value = 'Bilag 1 – Sagsoversigt';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = 'Kontaktperson: Testa Testesen';
  CASE_HEADERS.forEach((h, i) => (ws.getRow(HEADER_ROW).getCell(i + 1).value = h));
  const measures = ['Anbringelse (frivillig) § 52, stk. 3, nr. 7', 'Familiebehandling', '§ 58', 'aflastning'];
  for (let i = 0; i < n; i += 1) {
    const r = ws.getRow(HEADER_ROW + 1 + i);
    r.getCell(1).value = i + 1;
    r.getCell(2).value = measures[i % measures.length];
    r.getCell(3).value = `Fiktiv Person ${i + 1}`;
    r.getCell(4).value = `0${(i % 9) + 1}0${(i % 9) + 1}15-${String(1000 + i)}`;
    const dateCell = r.getCell(5);
    if (i % 5 === 3)
      dateCell.value = `0${(i % 9) + 1}-03-2021`; // text date
    else {
      dateCell.value = serialDate(44197 + i * 11 + offset * 0);
      dateCell.numFmt = DATE;
    }
    r.getCell(6).value = i % 4 === 0 ? true : i % 4 === 1 ? 'Nej' : null;
    const t = r.getCell(7);
    t.value = serialDate(44200 + i + (i % 3) / 24);
    t.numFmt = DATETIME;
    if (i === 2) r.getCell(8).value = '=ikke en formel';
    if (i === 4) r.getCell(8).value = { error: '#N/A' };
    if (i === 5) r.getCell(8).value = { formula: 'A9*2', result: 12 };
    if (i === 6)
      r.getCell(8).value = { richText: [{ text: 'Rig ' }, { text: 'tekst', font: { bold: true } }] };
    if (i === 7) {
      r.getCell(8).value = 0.25;
      r.getCell(8).numFmt = '0%';
    }
    if (i === 8) r.getCell(8).value = 3.5;
  }
  // A formatted but empty cell far away: not part of the used range (values only).
  ws.getCell('Z200').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('Z200').numFmt = DATE;

  const settings = wb.addWorksheet('Indstillinger');
  settings.addRow(['Kommune', 'Ishøj']);
  settings.addRow(['Undersøgelsesår', 2023]);
  const od = settings.addRow(['Opgørelsesdato', serialDate(44643)]);
  od.getCell(2).numFmt = DATE;
  settings.addRow(['Offentliggørelse', 'Nej']);

  const review = wb.addWorksheet('Gennemgang');
  review.addRow(['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer']);
  const line = review.addRow([serialDate(45000.5), 3, '2.3', 'Nej', 'Ja', 'Fristen var forlænget', 'TT']);
  line.getCell(1).numFmt = DATETIME;

  const other = wb.addWorksheet('Andet ark');
  other.getCell('B2').value = 'Noget andet';
  const hidden = wb.addWorksheet('Skjult', { state: 'hidden' });
  hidden.getCell('A1').value = 'skjult';
  const old = wb.addWorksheet('Gammelt resultat');
  old.getCell('A1').value = 'fra en tidligere kørsel';

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}

// ---------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------

/** Strings the adapters must write as exactly this text (never formulas, numbers, dates or booleans). */
export const TRICKY_TEXTS = [
  '=SUM(A1:A3)',
  '+45 12 34 56 78',
  '-',
  '-5',
  '@bruger',
  '2.3',
  '01-02-2021',
  '12',
  'TRUE',
  'falsk',
  '#N/A',
  "'citeret",
  ' foranstillet mellemrum',
  '50%',
  'marts 2021',
] as const;

const VERDICTS = [
  'Ja',
  'Nej',
  'Nej, men lovlig grund',
  'Ikke relevant',
  'Mangler oplysninger',
  'Ja (rettet)',
];
const VERDICT_STYLE: Record<string, StyleId> = {
  Ja: 'verdict-ja',
  Nej: 'verdict-nej',
  'Nej, men lovlig grund': 'verdict-nejmen',
  'Ikke relevant': 'verdict-irrelevant',
  'Mangler oplysninger': 'verdict-missing',
  'Ja (rettet)': 'verdict-corrected',
};

export const VERDICT_HEADERS = [
  'Udvælgelse',
  '2.2 Børnefaglig undersøgelse',
  '2.3 4-måneders frist',
  'Bemærkning',
];

/** The verdict block: header row + one row per case (rows between cases left null). */
export function verdictBlock(cases: number, opts: { tricky?: boolean; col?: number } = {}): Block {
  const values: PlanValue[][] = [VERDICT_HEADERS.slice()];
  const styles: (StyleId | null)[][] = [VERDICT_HEADERS.map(() => 'generated-header' as const)];
  for (let i = 0; i < cases; i += 1) {
    const a = VERDICTS[i % VERDICTS.length] as string;
    const b = VERDICTS[(i * 7 + 3) % VERDICTS.length] as string;
    const remark =
      opts.tricky && i < TRICKY_TEXTS.length
        ? (TRICKY_TEXTS[i] as string)
        : i % 3 === 0
          ? null
          : `Sag ${i + 1}`;
    values.push([i % 6 === 5 ? 'Søskende: send kun ét barn' : 'OK', a, b, remark]);
    styles.push([
      i % 6 === 5 ? 'selection-problem' : 'selection-ok',
      VERDICT_STYLE[a] as StyleId,
      VERDICT_STYLE[b] as StyleId,
      remark === null ? null : 'remark',
    ]);
  }
  return { row: HEADER_ROW, col: opts.col ?? DATA_COLUMNS + 2, values, styles };
}

function tableSheet(): SheetBuild {
  const values: PlanValue[][] = [
    ['KAPITEL 2 Faglig udredning', null, null],
    [
      'TABEL 2.3 ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 7?',
      null,
      null,
    ],
    [null, 'Antal sager', 'Procent'],
    ['Ja', 1, 1 / 6],
    ['Nej, men lovlig grund', 0, 0],
    ['Nej', 5, 5 / 6],
    ['I alt', 6, 1],
    ['Kilde: Ishøj Kommune, egen gennemgang 23-11-2026', null, null],
  ];
  const styles: (StyleId | null)[][] = [
    ['chapter', null, null],
    ['table-title', null, null],
    [null, 'table-header', 'table-header'],
    ['table-row', 'table-row', 'percent'],
    ['table-row', 'table-row', 'percent'],
    ['table-row', 'table-row', 'percent'],
    ['table-total', 'table-total', 'percent-total'],
    ['source', null, null],
  ];
  return {
    name: 'Resultater',
    blocks: [
      { row: 1, col: 1, values, styles },
      { row: 12, col: 1, values: [['Kørt', 45000.25]], styles: [[null, 'datetime']] },
    ],
    columnWidths: [60, 12, 10],
    freezeRows: 0,
    visibility: 'visible',
  };
}

function overviewSheet(): SheetBuild {
  return {
    name: 'Overblik',
    blocks: [
      {
        row: 1,
        col: 1,
        values: [
          ['Spørgsmål', 'Kommunen', 'Landsresultat'],
          ['2.2', 0.8, 0.73],
          ['2.3', 0.17, 0.34],
          ['3.8', 0.5, 0.61],
        ],
        styles: [
          ['table-header', 'table-header', 'table-header'],
          [null, 'percent', 'percent'],
          [null, 'percent', 'percent'],
          [null, 'percent', 'percent'],
        ],
      },
    ],
    columnWidths: [30, 12, 14],
    freezeRows: 1,
    visibility: 'visible',
    chart: {
      title: 'Overholdt: kommunen og landsresultatet',
      dataRange: 'A1:C4',
      anchor: 'E2',
      anchorEnd: 'K17',
      categories: { range: 'A2:A4', labels: ['2.2', '2.3', '3.8'] },
      series: [
        {
          name: 'Kommunen',
          nameCell: 'B1',
          range: 'B2:B4',
          values: [0.8, 0.17, 0.5],
          errorBars: {
            minus: [0.2, 0.1, null],
            plus: [0.1, 0.2, null],
            from: 'D2:D4',
            to: 'E2:E4',
            helper: { minusRange: 'M2:M4', plusRange: 'N2:N4', headerRow: 1, headers: ['Under', 'Over'] },
          },
        },
        { name: 'Landsresultat', nameCell: 'C1', range: 'C2:C4', values: [0.73, 0.34, 0.61] },
      ],
      valueAxis: { min: 0, max: 1, numFmt: '0%' },
    },
  };
}

function templateSheet(): SheetBuild {
  return {
    name: 'Skabelon',
    blocks: [
      {
        row: 1,
        col: 1,
        values: [['Sag nummer', 'Afgørelsesdato', 'Anket']],
        styles: [['table-header', 'table-header', 'table-header']],
      },
    ],
    columnWidths: [12, 14, 10],
    freezeRows: 1,
    visibility: 'visible',
    validations: [{ range: 'C2:C50', list: ['Ja', 'Nej'] }],
    columnFormats: [{ col: 2, numFmt: DATE, fromRow: 2, toRow: 50 }],
  };
}

function metaSheet(): SheetBuild {
  return {
    name: '_Barometer',
    blocks: [
      {
        row: 1,
        col: 1,
        values: [['Børnesagsbarometer – genereret indhold. Redigér ikke.'], ['ark', 'Resultater']],
      },
    ],
    columnWidths: [],
    freezeRows: 0,
    visibility: 'veryHidden',
  };
}

export interface PlanOptions {
  cases?: number;
  tricky?: boolean;
  /** An earlier run's verdict block to clear (re-apply). */
  clear?: boolean;
  review?: boolean;
  sheets?: boolean;
}

export function fixturePlan(opts: PlanOptions = {}): WritePlan {
  const cases = opts.cases ?? 17;
  const first = DATA_COLUMNS + 2;
  return {
    caseSheet: 'Sagsoversigt',
    clearColumns: opts.clear
      ? [{ first, last: first + VERDICT_HEADERS.length - 1, toRow: HEADER_ROW + cases }]
      : null,
    verdictBlock: verdictBlock(cases, { tricky: opts.tricky ?? true }),
    verdictColumnWidths: [22, 18, 18, 30],
    sheets: opts.sheets === false ? [] : [tableSheet(), overviewSheet(), templateSheet(), metaSheet()],
    deleteSheets: ['Gammelt resultat', 'Findes ikke'],
    ...(opts.review
      ? {
          reviewAppend: [
            [45001.75, 5, '3.8', 'Nej', 'Ja', '=Barnet blev hørt telefonisk', 'TT'],
          ] as PlanValue[][],
        }
      : {}),
  };
}
