/**
 * The chart and drawing parts as text: user text (question labels, a sheet name a person chose)
 * escaped so the parts stay well-formed and read back to the same text; formulas quote the sheet
 * name; the anchor covers exactly the planned cells; relationship targets are relative.
 */
import type { Element } from '@xmldom/xmldom';
import type { ChartSpec } from '../../src/domain/types';
import { NS_CHART, chartXml, sheetRef } from '../../src/workbook/xlsx/chart';
import { NS_SPREADSHEET_DRAWING, drawingXml, relativePath } from '../../src/workbook/xlsx/drawing';
import { parseDom } from '../../src/workbook/xlsx/xml';

const LABELS = ['2.2 <Undersøgelse> & "frist"', "2.3 Kim's sag\u0007", '2.4 ]]> slut'];

const SPEC: ChartSpec = {
  title: 'Overholdt <pr.> & spørgsmål',
  dataRange: 'A3:C6',
  anchor: 'A20',
  anchorEnd: 'I39',
  categories: { range: 'A4:A6', labels: LABELS },
  series: [
    {
      name: 'Overholdt',
      nameCell: 'B3',
      range: 'B4:B6',
      values: [0.5, null, 1],
      errorBars: {
        minus: [0.2, null, 0.4],
        plus: [0.3, null, 0],
        from: 'D4:D6',
        to: 'E4:E6',
        helper: { minusRange: 'K4:K6', plusRange: 'L4:L6', headerRow: 3, headers: ['a', 'b'] },
      },
    },
    { name: 'Landsresultat', nameCell: 'C3', range: 'C4:C6', values: [0.7, 0.2, null] },
  ],
  valueAxis: { min: 0, max: 1, numFmt: '0%' },
};

const texts = (root: Element, local: string): string[] =>
  Array.from(root.getElementsByTagNameNS(NS_CHART, local)).map((e) => e.textContent ?? '');

describe('chart and drawing parts', () => {
  it('quotes the sheet name in references, doubling its apostrophes', () => {
    expect(sheetRef('Overblik', 'A4:A17')).toBe("'Overblik'!$A$4:$A$17");
    expect(sheetRef("Kim's ark", 'B3')).toBe("'Kim''s ark'!$B$3");
  });

  it('escapes every text, so the part is well-formed and reads back to the labels and title', () => {
    const root = parseDom(chartXml(SPEC, "Kim's <ark>")).documentElement as Element;
    const v = texts(root, 'v');
    // The control character is written as OOXML's _x0007_ escape (a reader decodes it).
    expect(v).toEqual(expect.arrayContaining([LABELS[0], "2.3 Kim's sag_x0007_", LABELS[2]]));
    expect(
      root.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/main', 't')[0]
        ?.textContent,
    ).toBe(SPEC.title);
    expect(texts(root, 'f')).toContain("'Kim''s <ark>'!$A$4:$A$6");
  });

  it('leaves empty cells out of the caches (a gap, no bar) and keeps the point count', () => {
    const root = parseDom(chartXml(SPEC, 'Overblik')).documentElement as Element;
    const caches = Array.from(root.getElementsByTagNameNS(NS_CHART, 'numCache'));
    // Per series: plus, minus (Overholdt only), then the values.
    const idx = caches.map((c) =>
      Array.from(c.getElementsByTagNameNS(NS_CHART, 'pt')).map((p) => p.getAttribute('idx')),
    );
    expect(idx).toEqual([
      ['0', '2'],
      ['0', '2'],
      ['0', '2'],
      ['0', '1'],
    ]);
    for (const c of caches)
      expect(c.getElementsByTagNameNS(NS_CHART, 'ptCount')[0]?.getAttribute('val')).toBe('3');
  });

  it('anchors the drawing from the top-left of the first cell to the top-left of the cell past the last', () => {
    const root = parseDom(drawingXml('A20', 'I39', 'rId1', 'Diagram 1', 'Alt & "tekst"'))
      .documentElement as Element;
    const n = (tag: string, what: string): string =>
      root
        .getElementsByTagNameNS(NS_SPREADSHEET_DRAWING, tag)[0]
        ?.getElementsByTagNameNS(NS_SPREADSHEET_DRAWING, what)[0]?.textContent ?? '';
    expect([n('from', 'col'), n('from', 'row'), n('to', 'col'), n('to', 'row')]).toEqual([
      '0',
      '19',
      '9',
      '39',
    ]);
    expect(root.getElementsByTagNameNS(NS_SPREADSHEET_DRAWING, 'cNvPr')[0]?.getAttribute('descr')).toBe(
      'Alt & "tekst"',
    );
  });

  it('writes relationship targets relative to the source part', () => {
    expect(relativePath('xl/worksheets/sheet4.xml', 'xl/drawings/drawing1.xml')).toBe(
      '../drawings/drawing1.xml',
    );
    expect(relativePath('xl/drawings/drawing2.xml', 'xl/charts/chart2.xml')).toBe('../charts/chart2.xml');
    expect(relativePath('xl/workbook.xml', 'xl/worksheets/sheet1.xml')).toBe('worksheets/sheet1.xml');
  });
});
