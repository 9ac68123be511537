/**
 * Print setup of the result sheets (issue 11 item 6) as each adapter writes it, on the bundled
 * example: the package editor's XML read back (sheetPr, pageMargins, pageSetup in schema order,
 * the print titles as _xlnm.Print_Titles, heights of rows with wrapped text), a re-run that keeps
 * exactly one print-titles name, ExcelJS's pageSetup read back from its own file, and the
 * simulated Excel's recorded worksheet.pageLayout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { MEMO_SHEET, OVERVIEW_SHEET, TABLES_SHEET, planWrite } from '../../src/domain/plan';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { cellKey, createSimulatedExcel, simWorkbookFromXlsx } from '../excel-sim';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'eksempel.xlsx'));
const RESULT_SHEETS = [TABLES_SHEET, OVERVIEW_SHEET, MEMO_SHEET];

async function fullCheck(port: WorkbookPort): Promise<void> {
  const snapshot = await port.readSnapshot();
  const result = evaluate(snapshot, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  await port.apply(planWrite(result.report, snapshot));
}

async function packageRun(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = XlsxPackageWorkbook.fromBuffer(bytes);
  await fullCheck(wb);
  return wb.toBuffer();
}

/** The child elements of a worksheet's root, by local name, in document order. */
function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

interface Parts {
  readonly workbook: Element;
  /** Sheet name → its worksheet root element. */
  readonly sheets: Map<string, Element>;
  /** Sheet names in <sheets> order (the index localSheetId counts). */
  readonly order: string[];
}

function parts(xlsx: Uint8Array): Parts {
  const files = unzipSync(xlsx);
  const xml = (name: string): Element =>
    new DOMParser().parseFromString(strFromU8(files[name] as Uint8Array), 'text/xml')
      .documentElement as Element;
  const workbook = xml('xl/workbook.xml');
  const rels = xml('xl/_rels/workbook.xml.rels');
  const targets = new Map(
    children(rels).map((r) => [r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '']),
  );
  const sheetEls = children(children(workbook).find((e) => e.localName === 'sheets') as Element);
  const sheets = new Map<string, Element>();
  for (const s of sheetEls) {
    const target = targets.get(s.getAttribute('r:id') ?? '') ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.set(s.getAttribute('name') ?? '', xml(part));
  }
  return { workbook, sheets, order: sheetEls.map((s) => s.getAttribute('name') ?? '') };
}

function printTitles(p: Parts): { sheet: string; value: string }[] {
  const names = children(p.workbook).find((e) => e.localName === 'definedNames');
  if (!names) return [];
  return children(names)
    .filter((d) => d.getAttribute('name') === '_xlnm.Print_Titles')
    .map((d) => ({
      sheet: p.order[Number(d.getAttribute('localSheetId'))] ?? '?',
      value: d.textContent ?? '',
    }));
}

/** CT_Worksheet's sequence (ECMA-376 Part 1, §18.3.1.99), the elements the tool writes among them. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'dataValidations',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
];

describe('package editor (CLI and browser): page setup in the written XML', () => {
  let first: Parts;
  let second: Parts;
  beforeAll(async () => {
    const once = await packageRun(EXAMPLE);
    first = parts(once);
    second = parts(await packageRun(once));
  });

  it.each(RESULT_SHEETS)('%s: A4 portrait, one page wide and free height, Normal margins', (name) => {
    const root = first.sheets.get(name) as Element;
    const els = children(root);
    const names = els.map((e) => e.localName ?? '');
    expect(names[0]).toBe('sheetPr');
    const known = names.filter((n) => WORKSHEET_ORDER.includes(n));
    expect(known).toEqual([...known].sort((a, b) => WORKSHEET_ORDER.indexOf(a) - WORKSHEET_ORDER.indexOf(b)));
    const pr = children(els[0] as Element)[0] as Element;
    expect(pr.localName).toBe('pageSetUpPr');
    expect(pr.getAttribute('fitToPage')).toBe('1');
    const setup = els.find((e) => e.localName === 'pageSetup') as Element;
    expect({
      paperSize: setup.getAttribute('paperSize'),
      orientation: setup.getAttribute('orientation'),
      fitToWidth: setup.getAttribute('fitToWidth'),
      fitToHeight: setup.getAttribute('fitToHeight'),
    }).toEqual({ paperSize: '9', orientation: 'portrait', fitToWidth: '1', fitToHeight: '0' });
    const m = els.find((e) => e.localName === 'pageMargins') as Element;
    expect(['left', 'right', 'top', 'bottom', 'header', 'footer'].map((a) => m.getAttribute(a))).toEqual([
      '0.7',
      '0.7',
      '0.75',
      '0.75',
      '0.3',
      '0.3',
    ]);
  });

  it("repeats Overblik's header row on every printed page, and no rows of the other two", () => {
    expect(printTitles(first)).toEqual([{ sheet: OVERVIEW_SHEET, value: `'${OVERVIEW_SHEET}'!$3:$3` }]);
  });

  it('a second run rebuilds the sheets with exactly one print-titles name, still on Overblik', () => {
    expect(printTitles(second)).toEqual([{ sheet: OVERVIEW_SHEET, value: `'${OVERVIEW_SHEET}'!$3:$3` }]);
    expect(children(second.sheets.get(OVERVIEW_SHEET) as Element)[0]?.localName).toBe('sheetPr');
  });

  it('the sheets the person keeps get no page setup of ours', () => {
    const own = first.sheets.get('Sagsoversigt') as Element;
    expect(children(own).some((e) => e.localName === 'sheetPr')).toBe(false);
  });

  it("Notat's paragraphs that wrap get rows tall enough for their lines", () => {
    const root = first.sheets.get(MEMO_SHEET) as Element;
    const width = Number(
      children(children(root).find((e) => e.localName === 'cols') as Element)[0]?.getAttribute('width'),
    );
    expect(width).toBeGreaterThanOrEqual(80);
    const data = children(root).find((e) => e.localName === 'sheetData') as Element;
    let checked = 0;
    for (const row of children(data)) {
      const text = row.textContent ?? '';
      const lines = Math.ceil(text.length / width);
      if (lines < 2) continue;
      checked += 1;
      expect(row.getAttribute('customHeight')).toBe('1');
      expect(Number(row.getAttribute('ht'))).toBeGreaterThanOrEqual(lines * 15);
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('ExcelJS adapter (standalone fallback): ws.pageSetup', () => {
  it('writes A4 portrait, fit to one page wide and print titles that read back from its file', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(EXAMPLE);
    await fullCheck(wb);
    await fullCheck(wb);
    const bytes = await wb.toBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const name of RESULT_SHEETS) {
      const ps = back.getWorksheet(name)?.pageSetup;
      expect({ paper: ps?.paperSize, orientation: ps?.orientation, fit: ps?.fitToPage }).toEqual({
        paper: 9,
        orientation: 'portrait',
        fit: true,
      });
      expect([ps?.fitToWidth, ps?.fitToHeight]).toEqual([1, 0]);
    }
    expect(back.getWorksheet(OVERVIEW_SHEET)?.pageSetup.printTitlesRow).toBe('3:3');
    expect(back.getWorksheet(TABLES_SHEET)?.pageSetup.printTitlesRow).toBeUndefined();
    expect(printTitles(parts(bytes))).toEqual([
      { sheet: OVERVIEW_SHEET, value: `'${OVERVIEW_SHEET}'!$3:$3` },
    ]);
  });
});

describe('Office.js adapter: worksheet.pageLayout on the simulated Excel', () => {
  it('sets orientation, A4, one page wide, margins in points and the print title rows', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(Buffer.from(EXAMPLE)));
    await fullCheck(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }));
    for (const name of RESULT_SHEETS) {
      const pl = sim.workbook.sheets.find((s) => s.name === name)?.pageLayout;
      expect(pl).toMatchObject({
        orientation: 'Portrait',
        paperSize: 'A4',
        zoom: { scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 },
        leftMargin: 50.4,
        rightMargin: 50.4,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 21.6,
        footerMargin: 21.6,
        printTitleRows: name === OVERVIEW_SHEET ? '$3:$3' : null,
      });
    }
    // The case sheet keeps Excel's defaults.
    expect(sim.workbook.sheets.find((s) => s.name === 'Sagsoversigt')?.pageLayout.paperSize).toBe('Letter');
    const memo = sim.workbook.sheets.find((s) => s.name === MEMO_SHEET);
    expect([...(memo?.rowHeights.values() ?? [])].length).toBeGreaterThan(3);
  });

  it('reads a page layout back only after load() and sync(), as Office.js does', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(Buffer.from(EXAMPLE)));
    await fullCheck(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }));
    await sim.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem(OVERVIEW_SHEET).pageLayout;
      pl.load('paperSize,zoom');
      expect(() => pl.paperSize).toThrow();
      await ctx.sync();
      expect(pl.paperSize).toBe('A4');
      expect(pl.zoom.horizontalFitToPages).toBe(1);
    });
  });

  it('rejects what Excel rejects: an unknown paper size, print titles that are not whole rows', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(Buffer.from(EXAMPLE)));
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sagsoversigt').pageLayout.paperSize = 'A0' as Excel.PaperType;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sagsoversigt').pageLayout.setPrintTitleRows('A1:B2');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('number column headers stand right-aligned over their numbers (all three adapters)', () => {
  /** Overblik's header row (3): Spørgsmål left, every number column right. */
  const expectAligned = (align: (col: number) => string | undefined): void => {
    expect(align(1)).not.toBe('right');
    for (let col = 2; col <= 9; col += 1) expect([col, align(col)]).toEqual([col, 'right']);
  };

  it('package editor and ExcelJS adapter: the written file says horizontal="right"', async () => {
    const viaExcelJs = await ExcelJsWorkbook.fromBuffer(EXAMPLE);
    await fullCheck(viaExcelJs);
    for (const bytes of [await packageRun(new Uint8Array(EXAMPLE)), await viaExcelJs.toBuffer()]) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = back.getWorksheet(OVERVIEW_SHEET) as ExcelJS.Worksheet;
      expect(ws.getCell(3, 2).value).toBe('Overholdt');
      expectAligned((col) => ws.getCell(3, col).alignment?.horizontal);
      // Resultattabeller: "Antal sager" and "Procent" over their columns.
      const tables = back.getWorksheet(TABLES_SHEET) as ExcelJS.Worksheet;
      let found = 0;
      tables.eachRow((row) => {
        if (row.getCell(2).value === 'Antal sager') {
          found += 1;
          expect([row.getCell(2).alignment?.horizontal, row.getCell(3).alignment?.horizontal]).toEqual([
            'right',
            'right',
          ]);
        }
      });
      expect(found).toBeGreaterThan(5);
    }
  });

  it('Office.js adapter: format.horizontalAlignment "Right" on the simulated Excel', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(Buffer.from(EXAMPLE)));
    await fullCheck(new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported }));
    const ws = sim.workbook.sheets.find((s) => s.name === OVERVIEW_SHEET);
    const align = (col: number) => {
      const h = ws?.cells.get(cellKey(3, col))?.format.horizontalAlignment;
      return h === undefined ? undefined : h.toLowerCase();
    };
    expectAligned(align);
  });
});
