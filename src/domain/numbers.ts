/**
 * Danish number words for every generated text (memo, Overblik, notices, summary lines): "20.000",
 * "34%" (no space, as the tables and memo of seeds 000/003 write it), "1 sag" / "2 sager".
 * Intl.NumberFormat('da-DK') gives "20.000" in Node 20 and Chromium alike (numbers.test.ts).
 */
const DA = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** 20000 → "20.000". Whole numbers only (counts and rounded percents). */
export function formatCount(n: number): string {
  return DA.format(n);
}

/** 34 → "34%", the one percent form of seeds 000 and 003. */
export function formatPercent(p: number): string {
  return `${DA.format(p)}%`;
}

/** A count with its noun in the right number: (1, 'sag', 'sager') → "1 sag", (20000, …) → "20.000 sager". */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "1 sag", "2 sager". */
export const sager = (n: number): string => countOf(n, 'sag', 'sager');
