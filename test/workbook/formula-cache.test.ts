import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnLetter } from '../../src/domain/address';
import { COLUMNS } from '../../src/domain/columns';
import { evaluate } from '../../src/domain/evaluate';
import { dayFromYmd } from '../../src/domain/days';
import type { Cell, Snapshot } from '../../src/domain/types';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';

/**
 * Issue 9 item 5 (spec §2.3): a formula cell is read by its cached result; a formula without one
 * (no <v>, or an empty <v> on a formula that is not a text formula) is unreadable, never blank.
 * The cells are written as raw sheet XML, the way Excel and other producers store them.
 */

/** An .xlsx whose sheet "Sagsoversigt" has `sheetData` as given (a date style is style 1). */
async function workbookWith(sheetData: (dateStyle: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sagsoversigt');
  ws.getCell('A1').value = 1;
  ws.getCell('A2').value = 44256;
  ws.getCell('A2').numFmt = 'dd-mm-yyyy';
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[path] as Uint8Array);
  const style = /<c r="A2" s="(\d+)"/.exec(xml)?.[1];
  if (style === undefined) throw new Error('no date style in the written sheet');
  files[path] = strToU8(
    xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${sheetData(style)}</sheetData>`),
  );
  return zipSync(files);
}

async function rowsOf(bytes: Uint8Array): Promise<readonly (readonly Cell[])[]> {
  const snap = await (await ExcelJsWorkbook.fromBuffer(bytes)).readSnapshot();
  return snap.sheets.Sagsoversigt?.rows ?? [];
}

describe('ExcelJS adapter: formula cells (spec §2.3)', () => {
  it('reads cached results and makes a formula without one an error cell carrying its formula', async () => {
    const rows = await rowsOf(
      await workbookWith(
        (s) =>
          '<row r="1">' +
          '<c r="A1"><f>1+1</f></c>' + // no <v>
          '<c r="B1"><f>1+1</f><v></v></c>' + // empty <v>, not a text formula
          '<c r="C1"><f>1+1</f><v/></c>' + // self-closed empty <v>
          `<c r="D1" s="${s}"><f>TODAY()</f></c>` + // date-formatted, no <v>
          '<c r="E1"><f>1+1</f><v>2</v></c>' +
          '<c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
          '<c r="G1" t="b"><f>TRUE()</f><v>1</v></c>' +
          '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          `<c r="I1" s="${s}"><f>E1+44254</f><v>44256</v></c>` +
          '</row>' +
          '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">E1</f><v>2</v></c></row>' +
          '<row r="3"><c r="A3"><f t="shared" si="0"/></c></row>',
      ),
    );
    expect(rows[0]).toEqual([
      { error: '#FORMEL', formula: '1+1' },
      { error: '#FORMEL', formula: '1+1' },
      { error: '#FORMEL', formula: '1+1' },
      { error: '#FORMEL', formula: 'TODAY()' },
      2,
      'ab',
      true,
      { error: '#DIV/0!' },
      { n: 44256, fmt: 'dd-mm-yyyy' },
    ]);
    expect(rows[1]).toEqual([2]);
    // A shared formula's other cell without a cached result is unreadable too.
    expect(rows[2]?.[0]).toMatchObject({ error: '#FORMEL' });
  });

  it('a text formula whose cached result is "" is blank; without a cached result it stays unreadable', async () => {
    const rows = await rowsOf(
      await workbookWith(
        () =>
          '<row r="1">' +
          '<c r="A1" t="str"><f>IF(B1="","",B1)</f><v></v></c>' + // cached ""
          '<c r="B1" t="str"><f>IF(B1="","",B1)</f><v/></c>' + // cached "", self-closed
          '<c r="C1" t="str"><f>IF(B1="","",B1)</f></c>' + // text formula without a cached result
          '<c r="D1" t="str"><f>"x"</f><v>x</v></c>' +
          '<c r="E1"><f>1+1</f><v></v></c>' + // not a text formula: unreadable
          '</row>',
      ),
    );
    expect(rows[0]).toEqual([
      '',
      '',
      { error: '#FORMEL', formula: 'IF(B1="","",B1)' },
      'x',
      { error: '#FORMEL', formula: '1+1' },
    ]);
  });

  it('rows of blank text formulas below the data are no cases; a blank text formula in a date column reads as blank', async () => {
    const col = (id: string): number => COLUMNS.findIndex((c) => c.id === id);
    const ref = (id: string, row: number): string => `${columnLetter(col(id) + 1)}${row}`;
    const text = (r: string, t: string): string => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const blankText = (r: string): string => `<c r="${r}" t="str"><f>IF(A1="","",A1)</f><v></v></c>`;
    const headers = COLUMNS.map((c, i) => text(`${columnLetter(i + 1)}1`, c.header)).join('');
    const bytes = await workbookWith(
      () =>
        `<row r="1">${headers}</row>` +
        '<row r="2">' +
        `<c r="${ref('sagsnr', 2)}"><v>1</v></c>` +
        text(ref('foranstaltning', 2), 'Familiebehandling') +
        text(ref('cpr', 2), '020218-4118') +
        text(ref('afgoerelsesdato', 2), '01-03-2021') +
        blankText(ref('handleplan', 2)) +
        '</row>' +
        `<row r="3">${blankText(ref('sagsnr', 3))}${blankText(ref('afgoerelsesdato', 3))}${blankText(ref('handleplan', 3))}</row>` +
        `<row r="4">${blankText(ref('handleplan', 4))}</row>`,
    );
    const snap = await (await ExcelJsWorkbook.fromBuffer(bytes)).readSnapshot();
    const e = evaluate(snap, { today: dayFromYmd(2023, 6, 1), overrides: { afgoerelsesaar: 2021 } });
    if (!e.ok) throw new Error(e.error.message);
    expect(e.report.cases.map((c) => [c.sagsnr, c.verdicts['4.10']?.answer])).toEqual([[1, 'Nej']]);
    expect(e.report.problems.filter((p) => p.code === 'error-value')).toEqual([]);
  });

  it('a handleplan formula without a cached result makes 4.10 Mangler oplysninger, not Nej, and names the cell', async () => {
    const col = (id: string): number => COLUMNS.findIndex((c) => c.id === id);
    const letter = (i: number): string => columnLetter(i + 1);
    const ref = (id: string, row: number): string => `${letter(col(id))}${row}`;
    const text = (r: string, t: string): string => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const headers = COLUMNS.map((c, i) => text(`${letter(i)}1`, c.header)).join('');
    const caseRow = (row: number, handleplan: string): string =>
      `<row r="${row}">` +
      `<c r="${ref('sagsnr', row)}"><v>${row - 1}</v></c>` +
      text(ref('foranstaltning', row), 'Familiebehandling') +
      text(ref('cpr', row), `0${row}0218-4118`) +
      text(ref('afgoerelsesdato', row), '01-03-2021') +
      handleplan +
      '</row>';
    const hp = (row: number): string => ref('handleplan', row);
    const bytes = await workbookWith(
      () =>
        `<row r="1">${headers}</row>` +
        caseRow(2, `<c r="${hp(2)}"><f>${ref('afgoerelsesdato', 2)}+14</f></c>`) +
        caseRow(3, `<c r="${hp(3)}"><f>${ref('afgoerelsesdato', 3)}+14</f><v></v></c>`) +
        caseRow(4, '') +
        caseRow(5, `<c r="${hp(5)}"><f>44256+14</f><v>44270</v></c>`),
    );
    const snap: Snapshot = await (await ExcelJsWorkbook.fromBuffer(bytes)).readSnapshot();
    const e = evaluate(snap, { today: dayFromYmd(2023, 6, 1), overrides: { afgoerelsesaar: 2021 } });
    if (!e.ok) throw new Error(e.error.message);
    expect(e.report.cases.map((c) => [c.sagsnr, c.verdicts['4.10']?.answer])).toEqual([
      [1, 'Mangler oplysninger'],
      [2, 'Mangler oplysninger'],
      [3, 'Nej'],
      [4, 'Ja'],
    ]);
    const cells = e.report.problems.filter((p) => p.code === 'error-value').map((p) => p.cell);
    expect(cells).toEqual([hp(2), hp(3)]);
  });
});
