/**
 * Regression (found by test/hardening/workbooks.test.ts with a Kommune of "Testrup_xFFFE_"): ExcelJS
 * decodes OOXML escapes when it reads (_xFFFE_ → U+FFFE) but writes U+FFFE and U+FFFF raw, which XML
 * forbids, so the ExcelJS adapter (the task pane's standalone mode) wrote a workbook nobody could
 * open as soon as a person's cell or the Kommune held such a character. It also wrote a literal
 * "_x0041_" unescaped, which Excel then shows as "A".
 */
import ExcelJS from 'exceljs';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { ExcelJsWorkbook, ooxmlText } from '../../src/workbook/exceljs';
import { fixtureWorkbook } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the ExcelJS adapter writes every text so that it reads back the same', () => {
  it('escapes non-characters and literal escapes, nothing else', () => {
    expect(ooxmlText('Testrup\uFFFE')).toBe('Testrup_xFFFE_');
    expect(ooxmlText('a\uFFFFb')).toBe('a_xFFFF_b');
    expect(ooxmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(ooxmlText('Ishøj =1+1 _x12_ x_')).toBe('Ishøj =1+1 _x12_ x_');
  });

  it('a full check on a workbook holding U+FFFE/U+FFFF and a literal "_x0041_" writes a file that opens, with every text unchanged', async () => {
    const src = fixtureWorkbook({
      ...eksempel,
      settings: { ...eksempel.settings, Kommune: 'Testrup_xFFFE_' },
    });
    const ws = src.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    ws.getCell('AH7').value = 'note_xFFFF_';
    ws.getCell('AH8').value = '_x005F_x0041_';
    // ExcelJS writes these texts literally; reading them back decodes the escapes, as for Excel's own files.
    const bytes = new Uint8Array(await src.xlsx.writeBuffer());
    const input = await load(bytes);
    const before = input.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    expect([before.getCell('AH7').value, before.getCell('AH8').value]).toEqual(['note\uFFFF', '_x0041_']);

    const wb = await ExcelJsWorkbook.fromBuffer(bytes);
    const snapshot = await wb.readSnapshot();
    const result = evaluate(snapshot, { today: dayFromYmd(2026, 11, 23) });
    if (!result.ok) throw new Error(result.error.message);
    await wb.apply(planWrite(result.report, snapshot));
    const first = await wb.toBuffer();
    const second = await wb.toBuffer();
    for (const bytes of [first, second]) {
      const back = await load(bytes);
      const sheet = back.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
      expect([sheet.getCell('AH7').value, sheet.getCell('AH8').value]).toEqual(['note\uFFFF', '_x0041_']);
      const memo = (back.getWorksheet('Notat') as ExcelJS.Worksheet).getCell('A1').value;
      expect(memo).toBe('Notat – Børnesagsbarometer, Testrup\uFFFE Kommune');
    }
  });
});
