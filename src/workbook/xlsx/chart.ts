import { parseRange, a1 } from '../../domain/address';
import type { ChartSeries, ChartSpec } from '../../domain/types';
import { escapeAttr, escapeXml } from './xml';

/**
 * The chart part (DrawingML chart, ECMA-376 Part 1 §21.2) of a SheetBuild's chart: a clustered
 * column chart whose series reference the sheet's cells, with the cells' values as caches so a
 * reader draws it before recalculating (LibreOffice and Excel both do), custom error bars from
 * helper cells, a value axis from min to max in a percent format, and a legend. Hand-written:
 * neither ExcelJS nor any installed library writes charts. Every text goes through escapeXml.
 */

export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_DRAWINGML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** An element as text: attributes escaped, children given as already-built XML. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | number>> = {},
  ...children: string[]
): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) s += ` ${k}="${escapeAttr(String(v))}"`;
  return children.length === 0 ? `${s}/>` : `${s}>${children.join('')}</${name}>`;
}

/** `<c:name val="…"/>`, the chart schema's usual one-attribute element. */
const val = (name: string, v: string | number): string => el(`c:${name}`, { val: v });

/** An absolute reference to a range on a sheet for a chart formula: 'Overblik'!$A$4:$A$17. */
export function sheetRef(sheet: string, range: string): string {
  const r = parseRange(range);
  const abs = (row: number, col: number): string => a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const from = abs(r.top, r.left);
  const to = r.top === r.bottom && r.left === r.right ? '' : `:${abs(r.bottom, r.right)}`;
  return `'${sheet.replace(/'/g, "''")}'!${from}${to}`;
}

/** Points of a cache or literal: one <c:pt> per finite value, empty cells left out (a gap). */
function numPoints(values: readonly (number | null)[], format: string): string {
  const pts = values.flatMap((v, i) =>
    v === null || !Number.isFinite(v) ? [] : [el('c:pt', { idx: i }, el('c:v', {}, String(v)))],
  );
  return el('c:formatCode', {}, escapeXml(format)) + val('ptCount', values.length) + pts.join('');
}

function strCache(texts: readonly string[]): string {
  return el(
    'c:strCache',
    {},
    val('ptCount', texts.length),
    ...texts.map((t, i) => el('c:pt', { idx: i }, el('c:v', {}, escapeXml(t)))),
  );
}

const solid = (rgb: string): string => el('a:solidFill', {}, el('a:srgbClr', { val: rgb }));

/** Series colours: the municipality's own result dark blue, the national figure grey. */
const COLOURS = ['1F4E79', 'A5A5A5', '70AD47', 'ED7D31'];

/** Small rich text properties (axis labels, legend), `size` in hundredths of a point. */
function textProps(size: number): string {
  return el(
    'c:txPr',
    {},
    el('a:bodyPr'),
    el('a:lstStyle'),
    el('a:p', {}, el('a:pPr', {}, el('a:defRPr', { sz: size })), el('a:endParaRPr', { lang: 'da-DK' })),
  );
}

function errorBars(e: NonNullable<ChartSeries['errorBars']>, sheet: string): string {
  // The lengths from the helper cells, cached: LibreOffice draws custom error bars from cell
  // ranges only (a c:numLit is ignored), Excel from either.
  const ref = (range: string, values: readonly (number | null)[]): string =>
    el(
      'c:numRef',
      {},
      el('c:f', {}, escapeXml(sheetRef(sheet, range))),
      el('c:numCache', {}, numPoints(values, 'General')),
    );
  return el(
    'c:errBars',
    {},
    val('errDir', 'y'),
    val('errBarType', 'both'),
    val('errValType', 'cust'),
    val('noEndCap', 0),
    el('c:plus', {}, ref(e.helper.plusRange, e.plus)),
    el('c:minus', {}, ref(e.helper.minusRange, e.minus)),
    el('c:spPr', {}, el('a:ln', { w: 12700 }, solid('000000'))),
  );
}

function series(s: ChartSeries, i: number, sheet: string, chart: ChartSpec): string {
  return el(
    'c:ser',
    {},
    val('idx', i),
    val('order', i),
    el(
      'c:tx',
      {},
      el('c:strRef', {}, el('c:f', {}, escapeXml(sheetRef(sheet, s.nameCell))), strCache([s.name])),
    ),
    el('c:spPr', {}, solid(COLOURS[i % COLOURS.length] as string)),
    val('invertIfNegative', 0),
    s.errorBars ? errorBars(s.errorBars, sheet) : '',
    el(
      'c:cat',
      {},
      el(
        'c:strRef',
        {},
        el('c:f', {}, escapeXml(sheetRef(sheet, chart.categories.range))),
        strCache(chart.categories.labels),
      ),
    ),
    el(
      'c:val',
      {},
      el(
        'c:numRef',
        {},
        el('c:f', {}, escapeXml(sheetRef(sheet, s.range))),
        el('c:numCache', {}, numPoints(s.values, chart.valueAxis.numFmt)),
      ),
    ),
  );
}

const CAT_AX = 111;
const VAL_AX = 222;

/** The chart part's XML for `chart` on the sheet named `sheet`. */
export function chartXml(chart: ChartSpec, sheet: string): string {
  const title = el(
    'c:title',
    {},
    el(
      'c:tx',
      {},
      el(
        'c:rich',
        {},
        el('a:bodyPr'),
        el('a:lstStyle'),
        el(
          'a:p',
          {},
          el('a:pPr', {}, el('a:defRPr', { sz: 1400, b: 1 })),
          el(
            'a:r',
            {},
            el('a:rPr', { lang: 'da-DK', sz: 1400, b: 1 }),
            el('a:t', {}, escapeXml(chart.title)),
          ),
        ),
      ),
    ),
    val('overlay', 0),
  );
  const bars = el(
    'c:barChart',
    {},
    val('barDir', 'col'),
    val('grouping', 'clustered'),
    val('varyColors', 0),
    ...chart.series.map((s, i) => series(s, i, sheet, chart)),
    val('gapWidth', 80),
    val('axId', CAT_AX),
    val('axId', VAL_AX),
  );
  const catAx = el(
    'c:catAx',
    {},
    val('axId', CAT_AX),
    el('c:scaling', {}, val('orientation', 'minMax')),
    val('delete', 0),
    val('axPos', 'b'),
    val('majorTickMark', 'out'),
    val('minorTickMark', 'none'),
    val('tickLblPos', 'nextTo'),
    textProps(800),
    val('crossAx', VAL_AX),
    val('crosses', 'autoZero'),
    val('auto', 1),
    val('lblAlgn', 'ctr'),
    val('lblOffset', 100),
    val('noMultiLvlLbl', 0),
  );
  const valAx = el(
    'c:valAx',
    {},
    val('axId', VAL_AX),
    el(
      'c:scaling',
      {},
      val('orientation', 'minMax'),
      val('max', chart.valueAxis.max),
      val('min', chart.valueAxis.min),
    ),
    val('delete', 0),
    val('axPos', 'l'),
    el('c:majorGridlines'),
    el('c:numFmt', { formatCode: chart.valueAxis.numFmt, sourceLinked: 0 }),
    val('majorTickMark', 'out'),
    val('minorTickMark', 'none'),
    val('tickLblPos', 'nextTo'),
    textProps(900),
    val('crossAx', CAT_AX),
    val('crosses', 'autoZero'),
    val('crossBetween', 'between'),
    val('majorUnit', (chart.valueAxis.max - chart.valueAxis.min) / 5),
  );
  const legend = el('c:legend', {}, val('legendPos', 'b'), val('overlay', 0), textProps(900));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el(
      'c:chartSpace',
      { 'xmlns:c': NS_CHART, 'xmlns:a': NS_DRAWINGML },
      val('date1904', 0),
      val('lang', 'da-DK'),
      val('roundedCorners', 0),
      el(
        'c:chart',
        {},
        title,
        val('autoTitleDeleted', 0),
        el('c:plotArea', {}, el('c:layout'), bars, catAx, valAx),
        legend,
        val('plotVisOnly', 1),
        val('dispBlanksAs', 'gap'),
      ),
    )
  );
}
