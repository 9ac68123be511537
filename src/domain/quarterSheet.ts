import { periodText } from './egenkontrol';
import { getRuleSet } from './rules';
import type { Block, PlanValue, Report, StyleId } from './types';

/** The quarter block of Overblik (issue 12 item 6): title, header, then per part and question one row per quarter. */
export const QUARTER_TITLE = 'Overblik pr. kvartal';
export const QUARTER_HEADERS = [
  'Spørgsmål',
  'Kvartal',
  'Relevante sager',
  'Overholdt',
  '95 %-interval fra',
  '95 %-interval til',
] as const;

/**
 * The block "Overblik pr. kvartal" starting at `row` (column A), or null when the report has no
 * quarter rows (Indsendelse, or no case with a readable decision date). Quarters are by decision
 * date; a list under two rule sets gets one part per rule set, each under its heading.
 */
export function quarterBlock(report: Report, row: number): Block | null {
  const rows = report.quarters ?? [];
  if (rows.length === 0) return null;
  const span = periodText(report.settings);
  const values: PlanValue[][] = [
    [`${QUARTER_TITLE} (afgørelsesdato${span === '' ? '' : `, ${span}`})`],
    [...QUARTER_HEADERS],
  ];
  const styles: (StyleId | null)[][] = [['memo-heading'], QUARTER_HEADERS.map((): StyleId => 'table-header')];
  const parts = [...new Set(rows.map((r) => r.ruleset))];
  for (const id of parts) {
    if (parts.length > 1) {
      values.push([getRuleSet(id).partHeading]);
      styles.push(['chapter']);
    }
    for (const q of rows) {
      if (q.ruleset !== id) continue;
      const [lo, hi] = q.interval ?? [null, null];
      values.push([q.columnHeader, q.quarter, q.relevant, q.compliant, lo, hi]);
      styles.push(['table-row', 'table-row', 'table-row', 'percent', 'percent', 'percent']);
    }
  }
  const w = QUARTER_HEADERS.length;
  const fill = <T>(r: T[], v: T): T[] => [...r, ...new Array<T>(Math.max(0, w - r.length)).fill(v)];
  return { row, col: 1, values: values.map((r) => fill(r, null)), styles: styles.map((r) => fill(r, null)) };
}
