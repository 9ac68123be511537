/**
 * Excel's limits enforced while the package editor reads (16,384 columns to XFD, 1,048,576 rows,
 * 32,767 characters): a reference past them is one Danish message naming the sheet and the cell,
 * never a native crash or running out of memory. And shared and array formulas are never cut by
 * the verdict columns: the run stops with a message before anything is written.
 */
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { UserError } from '../../src/workbook/port';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import {
  CASE_ROWS,
  NS,
  NSR,
  TODAY,
  basePackage,
  inline,
  malformedParts,
  partText,
  runCheck,
  sheetXml,
  zipOf,
} from './xlsx-package';

async function readError(rows: string, sst?: string): Promise<UserError> {
  try {
    await XlsxPackageWorkbook.fromBuffer(zipOf(basePackage(sheetXml(rows), {}, sst))).readSnapshot();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('read without complaint');
}

const withRow = (extra: string): string => `${CASE_ROWS}${extra}`;

describe("Excel's limits while reading", () => {
  it.each([
    ['a column past XFD (ZZZZZZ7)', '<row r="7"><c r="ZZZZZZ7"><v>1</v></c></row>', 'ZZZZZZ7'],
    ['column XFE', '<row r="7"><c r="XFE7"><v>1</v></c></row>', 'XFE7'],
    [
      'a cell in row 2,000,000,000',
      '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>',
      'A2000000000',
    ],
    ['a row 2,000,000,000 without cells', '<row r="2000000000"/>', 'A2000000000'],
    ['a row number of 40 digits', `<row r="${'9'.repeat(40)}"/>`, 'adresse'],
  ])('%s', async (_what, extra, named) => {
    const e = await readError(withRow(extra));
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain('Sagsoversigt');
    expect(e.message).toContain(named);
    expect(e.message).toMatch(/XFD|1\.048\.576/);
  });

  it('the last cell Excel has (XFD1048576) is read', async () => {
    const snap = await XlsxPackageWorkbook.fromBuffer(
      zipOf(basePackage(sheetXml(withRow('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')))),
    ).readSnapshot();
    expect(snap.sheets.Sagsoversigt?.rows[1048575]?.[16383]).toBe(7);
  });

  it('a text of 32,768 characters, inline or shared, names its cell', async () => {
    const long = 'x'.repeat(32_768);
    const inlineErr = await readError(withRow(`<row r="5">${inline('B5', long)}</row>`));
    expect(inlineErr.message).toContain('B5');
    expect(inlineErr.message).toContain('32.767');
    const sst = `<?xml version="1.0"?><sst xmlns="${NS}"><si><t>${long}</t></si></sst>`;
    const sharedErr = await readError(withRow('<row r="6"><c r="C6" t="s"><v>0</v></c></row>'), sst);
    expect(sharedErr.message).toContain('C6');
    // The message never carries the text itself.
    expect(sharedErr.message).not.toContain('xxxx');
  });

  it('a text of exactly 32,767 characters is read', async () => {
    const snap = await XlsxPackageWorkbook.fromBuffer(
      zipOf(basePackage(sheetXml(withRow(`<row r="5">${inline('E5', 'y'.repeat(32_767))}</row>`)))),
    ).readSnapshot();
    expect((snap.sheets.Sagsoversigt?.rows[4]?.[4] as string).length).toBe(32_767);
  });

  it('rows out of order and a cell in the wrong row are a damaged sheet, named', async () => {
    expect((await readError(withRow('<row r="2"/>'))).message).toContain('Sagsoversigt');
    expect((await readError(withRow('<row r="9"><c r="A8"><v>1</v></c></row>'))).message).toContain('A8');
  });
});

describe('shared and array formulas are never cut by the verdict columns', () => {
  /** The case sheet with a formula in D2 whose range reaches into the columns right of the data. */
  const formulaBook = (f: string): Uint8Array =>
    zipOf(
      basePackage(
        sheetXml(CASE_ROWS.replace('<c r="D2"><v>44256</v></c>', `<c r="D2">${f}<v>44256</v></c>`)),
      ),
    );

  async function applyError(bytes: Uint8Array): Promise<UserError> {
    const wb = XlsxPackageWorkbook.fromBuffer(bytes);
    const snap = await wb.readSnapshot();
    const r = evaluate(snap, { today: TODAY });
    if (!r.ok) throw new Error(r.error.message);
    const plan = planWrite(r.report, snap);
    // The plan puts the block right of the data: the formula's range reaches into it.
    expect(plan.verdictBlock.col).toBeLessThanOrEqual(6);
    try {
      await wb.apply(plan);
    } catch (e) {
      if (e instanceof UserError) return e;
      throw e;
    }
    throw new Error('applied');
  }

  it.each([
    ['a shared formula', '<f t="shared" ref="D2:F3" si="0">44256</f>', 'den delte formel'],
    ['an array formula', '<f t="array" ref="D2:G2">44256</f>', 'matrixformlen'],
  ])('%s reaching into them stops the run, naming sheet, cell and range', async (_what, f, word) => {
    const e = await applyError(formulaBook(f));
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain('Sagsoversigt');
    expect(e.message).toContain('D2');
    expect(e.message).toContain(word);
    expect(e.message).toContain('Intet er skrevet');
  });

  it('a shared formula left of them is kept as written', async () => {
    const run = await runCheck(formulaBook('<f t="shared" ref="D2:D3" si="0">44256</f>'));
    expect(run.after.sheets.Sagsoversigt?.rows[1]?.[3]).toBe(44256);
  });
});

describe('an Excel table the verdict columns would reach into', () => {
  const tableBook = (ref: string): Uint8Array => {
    const cols = ['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato', 'Ekstra', 'Mere'];
    const n = ref === 'A1:D3' ? 4 : 6;
    const table = `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${NS}" id="1" name="Sager" displayName="Sager" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="${n}">${cols
      .slice(0, n)
      .map((c, i) => `<tableColumn id="${i + 1}" name="${c}"/>`)
      .join('')}</tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;
    const sheet = sheetXml(
      CASE_ROWS,
      `<worksheet xmlns="${NS}" xmlns:r="${NSR}">`,
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    );
    return zipOf(
      basePackage(sheet, {
        'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NSR}/table" Target="../tables/table1.xml"/></Relationships>`,
        'xl/tables/table1.xml': table,
      }),
    );
  };

  it('stops the run with a message naming the sheet and the table area', async () => {
    const wb = XlsxPackageWorkbook.fromBuffer(tableBook('A1:F3'));
    const snap = await wb.readSnapshot();
    const r = evaluate(snap, { today: TODAY });
    if (!r.ok) throw new Error(r.error.message);
    const plan = planWrite(r.report, snap);
    expect(plan.verdictBlock.col).toBeLessThanOrEqual(6);
    await expect(wb.apply(plan)).rejects.toThrow(/Excel-tabel \(område A1:F3\).*Intet er skrevet/);
  });

  it('a table left of them is kept byte for byte', async () => {
    const bytes = tableBook('A1:D3');
    const run = await runCheck(bytes);
    expect(partText(run.out, 'xl/tables/table1.xml')).toBe(partText(bytes, 'xl/tables/table1.xml'));
    expect(malformedParts(run.out)).toEqual([]);
  });
});
