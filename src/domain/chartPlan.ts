import { columnLetter } from './address';
import type { ChartSeries, ChartSpec, OverviewRow, Report, SheetBuild } from './types';

/**
 * The chart on Overblik, planned as plain data: a clustered column chart of Overholdt (with its
 * 95 % interval as error bars) and Landsresultat per question, placed below everything else on
 * the finished sheet, as wide as columns A–I, so it prints on Overblik's page(s).
 */

export const CHART_TITLE = 'Overholdt pr. spørgsmål';
/**
 * Rows the chart covers: 20, a little more than a third of an A4 portrait page at Overblik's
 * scale; the slanted question labels take a third of the chart's height.
 */
export const CHART_ROWS = 20;

/** The headers of the two hidden helper columns that hold the error bars' lengths. */
export const HELPER_HEADERS: readonly [string, string] = [
  'Diagram: Overholdt minus 95 %-interval fra',
  'Diagram: 95 %-interval til minus Overholdt',
];

/**
 * Differences of fractions without binary noise (0.6 − 0.2307 is not 0.3693 in floating point),
 * to nine decimals: never ten digits in a row, which the privacy checks would take for a CPR number.
 */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The last row any block (or column format) of the sheet fills, 0 for an empty sheet. */
export function lastUsedRow(build: Pick<SheetBuild, 'blocks' | 'columnFormats'>): number {
  let last = 0;
  for (const b of build.blocks) last = Math.max(last, b.row + b.values.length - 1);
  for (const f of build.columnFormats ?? []) last = Math.max(last, f.toRow);
  return last;
}

/** The last column any block fills or any column width names, 0 for an empty sheet. */
export function lastUsedColumn(build: Pick<SheetBuild, 'blocks' | 'columnWidths'>): number {
  let last = build.columnWidths.length;
  for (const b of build.blocks) for (const v of b.values) last = Math.max(last, b.col + v.length - 1);
  return last;
}

/**
 * Overblik's chart for its rows: the question labels of column A as categories, Overholdt (B)
 * with error bars from the interval (D/E) and Landsresultat (C) as series. `firstRow` is the
 * first data row. Under two rule sets the rows are the first part's.
 * Decision: one chart per sheet, so a list under two rule sets shows its first part; a chart over
 * both parts would put questions of the same id under different laws side by side (barnets-lov.md §1).
 */
function chartOf(
  rows: readonly OverviewRow[],
  headerRow: number,
  firstRow: number,
  dataRange: string,
  top: number,
  helperCol: number,
): ChartSpec {
  const lastRow = firstRow + rows.length - 1;
  const range = (col: string): string => `${col}${firstRow}:${col}${lastRow}`;
  const minusCol = columnLetter(helperCol);
  const plusCol = columnLetter(helperCol + 1);
  const overholdt: ChartSeries = {
    name: 'Overholdt',
    nameCell: `B${headerRow}`,
    range: range('B'),
    values: rows.map((o) => o.compliant),
    errorBars: {
      minus: rows.map((o) =>
        o.compliant === null || o.interval === null ? null : clean(o.compliant - o.interval[0]),
      ),
      plus: rows.map((o) =>
        o.compliant === null || o.interval === null ? null : clean(o.interval[1] - o.compliant),
      ),
      from: range('D'),
      to: range('E'),
      // Decision: the lengths go to hidden helper cells (a numRef) rather than literals (numLit):
      // LibreOffice 7.4 draws custom error bars from cell ranges only and ignores literal ones.
      helper: { minusRange: range(minusCol), plusRange: range(plusCol), headerRow, headers: HELPER_HEADERS },
    },
  };
  const national: ChartSeries = {
    name: 'Landsresultat',
    nameCell: `C${headerRow}`,
    range: range('C'),
    values: rows.map((o) => o.national),
  };
  return {
    title: CHART_TITLE,
    dataRange,
    anchor: `A${top}`,
    anchorEnd: `I${top + CHART_ROWS - 1}`,
    categories: { range: range('A'), labels: rows.map((o) => o.columnHeader) },
    series: [overholdt, national],
    valueAxis: { min: 0, max: 1, numFmt: '0%' },
  };
}

/**
 * Overblik with its chart, anchored from the finished sheet's blocks: one empty row below the
 * last row anything fills, so tables added to Overblik never lie under the chart. Call it on the
 * sheet as built, last. No chart when there is no question.
 */
export function withOverviewChart(
  sheet: SheetBuild,
  report: Pick<Report, 'overview' | 'rulesets'>,
  headerRow: number,
): SheetBuild {
  if (report.overview.length === 0) return { ...sheet, chart: undefined };
  const mixed = report.rulesets.length > 1;
  const rows = mixed ? report.overview.filter((o) => o.ruleset === report.rulesets[0]) : report.overview;
  // Under two rule sets the first part's heading row stands between the header and its rows; the
  // Office chart takes that heading row as its header (the part's name as the chart's header).
  const firstRow = headerRow + (mixed ? 2 : 1);
  const dataRange = mixed
    ? `A${headerRow + 1}:C${headerRow + 1 + rows.length}`
    : `A${headerRow}:C${headerRow + rows.length}`;
  const top = lastUsedRow(sheet) + 2;
  // The helper columns stand one empty column right of everything else on the sheet.
  const helperCol = lastUsedColumn(sheet) + 2;
  return { ...sheet, chart: chartOf(rows, headerRow, firstRow, dataRange, top, helperCol) };
}
