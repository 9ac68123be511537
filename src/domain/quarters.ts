import { ymdFromDay } from './days';
import { wilson } from './interval';
import { MIN_PUBLISHED_CASES } from './tables';
import type { Day, Question, QuarterRow, RuleSet, Settings } from './types';

/**
 * Overblik per quarter of the decision date (issue 12 item 6, Egenkontrol): for each rule set's part
 * and compliance question, one row per quarter with the relevant cases, Overholdt and its 95 % Wilson
 * interval, from the final verdicts (corrections applied). Pure.
 */

/** One case as the quarters need it: its rule set, decision date (a Day, or anything unreadable) and final answers. */
export interface QuarterCase {
  readonly ruleset: string;
  readonly record: { readonly afgoerelsesdato: unknown };
  readonly verdicts: Readonly<Record<string, { readonly answer: string }>>;
}

/** A quarter as one number: year × 4 + (quarter − 1). */
export function quarterIndex(day: Day): number {
  const { y, m } = ymdFromDay(day);
  return y * 4 + Math.floor((m - 1) / 3);
}

/** @example quarterLabel(2024 * 4) === '2024 K1' */
export function quarterLabel(index: number): string {
  return `${Math.floor(index / 4)} K${(index % 4) + 1}`;
}

/**
 * The quarter rows of every part, parts in the given order, then question order, then quarter.
 * Decision: a part lists every quarter from its first to its last case's decision (an empty quarter
 * in between shows 0 relevant cases, so a gap is seen, not hidden); a case without a readable
 * decision date cannot be placed and is left out here (it is still in the main Overblik).
 * Decision: with Offentliggørelse a quarter with fewer than 6 relevant cases shows no Overholdt,
 * like the main Overblik and the tables (spec §5).
 */
export function quarterRows(
  parts: readonly RuleSet[],
  cases: readonly QuarterCase[],
  settings: Pick<Settings, 'offentliggoerelse'>,
): QuarterRow[] {
  const out: QuarterRow[] = [];
  for (const ruleSet of parts) {
    const mine: { q: number; c: QuarterCase }[] = [];
    let first = Infinity;
    let last = -Infinity;
    for (const c of cases) {
      const dec = c.record.afgoerelsesdato;
      if (c.ruleset !== ruleSet.id || typeof dec !== 'number') continue;
      const q = quarterIndex(dec);
      if (q < first) first = q;
      if (q > last) last = q;
      mine.push({ q, c });
    }
    if (mine.length === 0) continue;
    const span = last - first + 1;
    for (const question of ruleSet.questions) {
      if (question.compliantRows.length === 0) continue;
      const relevant = new Array<number>(span).fill(0);
      const compliant = new Array<number>(span).fill(0);
      const counted = countedRows(question);
      for (const { q, c } of mine) {
        const a = c.verdicts[question.id]?.answer;
        if (a === undefined || !counted.has(a)) continue;
        const k = q - first;
        relevant[k] = (relevant[k] as number) + 1;
        if (a === 'Ja' || question.compliantRows.includes(a)) compliant[k] = (compliant[k] as number) + 1;
      }
      for (let k = 0; k < span; k += 1) {
        const n = relevant[k] as number;
        const x = compliant[k] as number;
        const hidden = n === 0 || (settings.offentliggoerelse && n < MIN_PUBLISHED_CASES);
        const index = first + k;
        out.push({
          ruleset: ruleSet.id,
          id: question.id,
          columnHeader: question.columnHeader,
          quarter: quarterLabel(index),
          year: Math.floor(index / 4),
          q: (index % 4) + 1,
          relevant: n,
          compliant: hidden ? null : x / n,
          interval: hidden ? null : wilson(x, n),
        });
      }
    }
  }
  return out;
}

/** The answers a question's table counts (its rows and optional rows; not Ikke relevant or Mangler oplysninger). */
function countedRows(q: Question): Set<string> {
  return new Set([...q.rows, ...(q.optionalRows ?? [])]);
}
