import ExcelJS from 'exceljs';
import { templatePlan } from '../../src/domain/template';
import { COLUMNS } from '../../src/domain/columns';
import {
  META_SHEET,
  REVIEW_HEADERS,
  type Cell,
  type SheetBuild,
  type WritePlan,
} from '../../src/domain/types';
import { ExcelJsWorkbook, STYLES } from '../../src/workbook/exceljs';
import { UserError } from '../../src/workbook/port';
import { dayFromYmd } from '../../src/domain/days';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJsWorkbook> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ExcelJsWorkbook.fromBuffer(bytes);
}

async function reload(port: ExcelJsWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

function emptyPlan(over: Partial<WritePlan> = {}): WritePlan {
  return {
    caseSheet: 'Sagsoversigt',
    clearColumns: null,
    verdictBlock: { row: 1, col: 3, values: [] },
    verdictColumnWidths: [],
    sheets: [],
    deleteSheets: [],
    ...over,
  };
}

describe('ExcelJsWorkbook.readSnapshot', () => {
  it('converts every kind of cell to the snapshot contract', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sagsoversigt');
    ws.getCell('A1').value = 'tekst';
    ws.getCell('B1').value = 42;
    ws.getCell('C1').value = 0.25;
    ws.getCell('C1').numFmt = '0%';
    ws.getCell('D1').value = new Date(Date.UTC(2021, 2, 1));
    ws.getCell('D1').numFmt = 'dd-mm-yyyy';
    ws.getCell('E1').value = new Date(Date.UTC(2021, 2, 1, 12, 30));
    ws.getCell('E1').numFmt = 'dd-mm-yyyy hh:mm';
    ws.getCell('F1').value = true;
    ws.getCell('G1').value = { error: '#N/A' };
    ws.getCell('H1').value = { formula: 'B1*2', result: 84 };
    ws.getCell('I1').value = { formula: 'B1*3' };
    ws.getCell('J1').value = { formula: 'A1', result: 'tekst' };
    ws.getCell('K1').value = { richText: [{ text: 'fed ' }, { text: 'tekst', font: { bold: true } }] };
    ws.getCell('L1').value = { text: 'link', hyperlink: 'https://example.org' };
    ws.getCell('M1').value = { formula: 'NA()', result: { error: '#N/A' } };
    ws.getCell('N1').value = '=1+1';
    const port = await roundTrip(wb);
    const snap = await port.readSnapshot();
    const row = snap.sheets.Sagsoversigt?.rows[0] as Cell[];
    expect(row).toEqual([
      'tekst',
      42,
      { n: 0.25, fmt: '0%' },
      { n: dayFromYmd(2021, 3, 1), fmt: 'dd-mm-yyyy' },
      { n: expect.closeTo(dayFromYmd(2021, 3, 1) + 0.5 + 30 / 1440, 9) as number, fmt: 'dd-mm-yyyy hh:mm' },
      true,
      { error: '#N/A' },
      84,
      { error: '#FORMEL', formula: 'B1*3' },
      'tekst',
      'fed tekst',
      'link',
      { error: '#N/A' },
      '=1+1',
    ]);
    expect(snap.date1904).toBe(false);
  });

  it('honours the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Sagsoversigt');
    ws.getCell('A1').value = new Date(Date.UTC(2021, 2, 1));
    ws.getCell('A1').numFmt = 'dd-mm-yyyy';
    const snap = await (await roundTrip(wb)).readSnapshot();
    expect(snap.date1904).toBe(true);
    expect(snap.sheets.Sagsoversigt?.rows[0]).toEqual([
      { n: dayFromYmd(2021, 3, 1) - 1462, fmt: 'dd-mm-yyyy' },
    ]);
  });

  it('reads shared formulas as their results, lists merges, and drops styled blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sagsoversigt');
    ws.getCell('A1').value = 'Sag';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 1;
    ws.getCell('A3').value = 2;
    ws.getCell('B2').value = {
      formula: 'A2*10',
      result: 10,
      shareType: 'shared',
      ref: 'B2:B3',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('B3').value = { sharedFormula: 'B2', result: 20 };
    for (let r = 4; r <= 3000; r += 1)
      ws.getCell(r, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const snap = await (await roundTrip(wb)).readSnapshot();
    const sheet = snap.sheets.Sagsoversigt;
    expect(sheet?.merges).toEqual(['A1:C1']);
    expect(sheet?.rows).toEqual([['Sag'], [1, 10], [2, 20]]);
  });

  it('reads the known sheets, and every visible sheet when Sagsoversigt is missing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').getCell('A1').value = 'x';
    wb.addWorksheet('Skjult', { state: 'hidden' }).getCell('A1').value = 'y';
    wb.addWorksheet('Indstillinger').getCell('A1').value = 'Kommune';
    wb.addWorksheet(META_SHEET, { state: 'veryHidden' }).getCell('A1').value = 'meta';
    const snap = await (await roundTrip(wb)).readSnapshot();
    expect(snap.sheetNames).toEqual(['Ark1', 'Skjult', 'Indstillinger', META_SHEET]);
    expect(Object.keys(snap.sheets).sort()).toEqual(['Ark1', 'Indstillinger', META_SHEET].sort());

    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('Ark1').getCell('A1').value = 'x';
    wb2.addWorksheet('Sagsoversigt').getCell('A1').value = 'Sag nummer';
    const snap2 = await (await roundTrip(wb2)).readSnapshot();
    expect(Object.keys(snap2.sheets)).toEqual(['Sagsoversigt']);
  });
});

describe('ExcelJsWorkbook.fromBuffer', () => {
  it.each([
    [
      'a text file',
      new TextEncoder().encode('Sag nummer;Foranstaltning\n1;Familiebehandling\n'),
      'ikke en gyldig Excel-fil (.xlsx)',
    ],
    [
      'an encrypted workbook',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'beskyttet med adgangskode',
    ],
    [
      'a damaged zip',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      'ikke en gyldig Excel-fil (.xlsx)',
    ],
    ['an empty file', new Uint8Array(0), 'ikke en gyldig Excel-fil (.xlsx)'],
  ])('rejects %s with a Danish UserError', async (_name, bytes, text) => {
    const err = await ExcelJsWorkbook.fromBuffer(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(text);
    expect((err as UserError).exitCode).toBe(1);
  });
});

describe('ExcelJsWorkbook.apply', () => {
  async function caseWorkbook(): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sagsoversigt');
    ws.addRow(['Sag nummer', 'Foranstaltning']);
    ws.addRow([1, 'Familiebehandling']);
    ws.addRow([]);
    ws.addRow([2, 'Kontaktperson']);
    wb.addWorksheet('Overblik').getCell('A1').value = 'min egen tekst';
    return roundTrip(wb);
  }

  it('writes the verdict block with shared styles, text that looks like formulas, and widths', async () => {
    const port = await caseWorkbook();
    await port.apply(
      emptyPlan({
        verdictBlock: {
          row: 1,
          col: 3,
          values: [
            ['2.2 BFU', 'Bemærkninger'],
            ['Ja', '=SUM(A1:A2)'],
            [null, null],
            ['Nej', '+45 12345678'],
          ],
          styles: [
            ['generated-header', 'generated-header'],
            ['verdict-ja', 'remark'],
            [null, null],
            ['verdict-nej', 'remark'],
          ],
        },
        verdictColumnWidths: [14, 60],
      }),
    );
    const out = await reload(port);
    const ws = out.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    expect(ws.getCell('C2').value).toBe('Ja');
    expect(ws.getCell('D2').value).toBe('=SUM(A1:A2)');
    expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D4').value).toBe('+45 12345678');
    expect(ws.getCell('C2').fill).toEqual(STYLES['verdict-ja'].fill);
    expect(ws.getCell('C4').font?.color?.argb).toBe('FF9C0006');
    expect(ws.getCell('C1').font?.bold).toBe(true);
    expect(ws.getColumn(4).width).toBe(60);
    expect(ws.getCell('A2').value).toBe(1);
    expect(ws.getCell('B4').value).toBe('Kontaktperson');
  });

  it('clears an earlier block, rebuilds and deletes generated sheets, and keeps the meta sheet very hidden', async () => {
    const port = await caseWorkbook();
    const meta: SheetBuild = {
      name: META_SHEET,
      blocks: [{ row: 1, col: 1, values: [['ark', 'Notat']] }],
      columnWidths: [],
      freezeRows: 0,
      visibility: 'veryHidden',
    };
    const notat: SheetBuild = {
      name: 'Notat',
      blocks: [{ row: 1, col: 1, values: [['Første']] }],
      columnWidths: [80],
      freezeRows: 1,
      visibility: 'visible',
    };
    await port.apply(
      emptyPlan({
        verdictBlock: {
          row: 1,
          col: 3,
          values: [
            ['a', 'b', 'c'],
            ['x', 'y', 'z'],
          ],
        },
        sheets: [notat, meta],
      }),
    );
    const second = await ExcelJsWorkbook.fromBuffer(await port.toBuffer());
    await second.apply(
      emptyPlan({
        clearColumns: [{ first: 3, last: 5, toRow: 4 }],
        verdictBlock: { row: 1, col: 3, values: [['a'], ['x']] },
        sheets: [{ ...notat, blocks: [{ row: 1, col: 1, values: [['Anden']] }] }, meta],
        deleteSheets: [],
      }),
    );
    const out = await reload(second);
    const ws = out.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    expect(ws.getCell('C2').value).toBe('x');
    expect(ws.getCell('D2').value).toBeNull();
    expect(ws.getCell('E1').value).toBeNull();
    expect(out.getWorksheet('Notat')?.getCell('A1').value).toBe('Anden');
    expect(out.getWorksheet('Notat')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(out.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
    expect(out.getWorksheet('Overblik')?.getCell('A1').value).toBe('min egen tekst');

    const third = await ExcelJsWorkbook.fromBuffer(await second.toBuffer());
    await third.apply(
      emptyPlan({ verdictBlock: { row: 1, col: 3, values: [['a']] }, deleteSheets: ['Notat'] }),
    );
    const out3 = await reload(third);
    expect(out3.getWorksheet('Notat')).toBeUndefined();
  });

  it('appends review lines, creating Gennemgang with its headers', async () => {
    const port = await caseWorkbook();
    const t = dayFromYmd(2026, 11, 23) + 0.5;
    await port.apply(
      emptyPlan({ reviewAppend: [[t, 1, '2.3', 'Nej', 'Ja', 'Fristen var forlænget', 'AB']] }),
    );
    await port.apply(emptyPlan({ reviewAppend: [[t, 2, '2.2', 'Ja', null, 'Tilbagekaldt', 'AB']] }));
    const out = await reload(port);
    const ws = out.getWorksheet('Gennemgang') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...REVIEW_HEADERS]);
    expect(ws.getCell('B2').value).toBe(1);
    expect(ws.getCell('B3').value).toBe(2);
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('A2').numFmt).toBe('dd-mm-yyyy hh:mm');
  });
});

describe('template', () => {
  it('re-reads with every header, drop-downs, date formats and a frozen header row', async () => {
    const port = ExcelJsWorkbook.empty();
    // A template made in 2022: Afgørelsesår 2021 under Serviceloven, Undersøgelsesår 2023 (spec §2.2).
    port.buildSheets(templatePlan(dayFromYmd(2022, 11, 23)));
    const wb = await reload(port);
    const ws = wb.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (id: string): number => COLUMNS.findIndex((c) => c.id === id) + 1;
    const dv = (r: number, id: string): ExcelJS.DataValidation | undefined =>
      (ws.getCell(r, col(id)) as unknown as { dataValidation?: ExcelJS.DataValidation }).dataValidation;
    expect(dv(2, 'bfu')?.formulae).toEqual(['"Ny undersøgelse,Opdatering,Ingen,Ikke relevant"']);
    expect(dv(1001, 'anket')?.formulae).toEqual(['"Ja,Nej"']);
    expect(dv(1002, 'anket')).toBeUndefined();
    expect(dv(5, 'foranstaltning')?.formulae?.[0]).toMatch(/^'?Lister'?!\$A\$1:\$A\$7$/);
    expect(ws.getCell(2, col('afgoerelsesdato')).numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell(1001, col('underretning')).numFmt).toBe('dd-mm-yyyy hh:mm');
    const lists = wb.getWorksheet('Lister') as ExcelJS.Worksheet;
    expect(lists.state).toBe('veryHidden');
    expect(lists.getCell('A1').value).toBe('Anbringelse (frivillig) § 52, stk. 3, nr. 7');
    const settings = wb.getWorksheet('Indstillinger') as ExcelJS.Worksheet;
    expect(settings.getCell('A1').value).toBe('Kommune');
    expect(settings.getCell('B2').value).toBe(2023);
  });
});
