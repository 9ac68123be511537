import { formatDay } from './days';
import { wilson } from './interval';
import { getRuleSet } from './rules';
import type { Day, OverviewRow, Question, RuleSet, Settings, TableResult } from './types';

/** With Offentliggørelse = Ja, tables with fewer cases than this are suppressed (spec §5). */
export const MIN_PUBLISHED_CASES = 6;

/**
 * Percent rounded half up, in integer arithmetic so 2/15 → 13 and 1/6 → 17 without float error.
 * @example percentOf(2, 15) === 13; percentOf(1, 15) === 7; percentOf(1, 6) === 17
 */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.floor((200 * count + total) / (2 * total));
}

/**
 * The source line under every table: the municipality's own review, never "Ankestyrelsen".
 * Decision: without a Kommune setting the line reads "Kilde: Kommunens egen gennemgang {dato}".
 */
export function sourceLine(kommune: string | null, today: Day): string {
  return kommune === null
    ? `Kilde: Kommunens egen gennemgang ${formatDay(today)}`
    : `Kilde: ${kommune} Kommune, egen gennemgang ${formatDay(today)}`;
}

/** The final answers of one case, by question id (corrections applied). */
export interface AnsweredCase {
  readonly verdicts: Readonly<Record<string, { readonly answer: string }>>;
}

/** Per question, the count of each final answer. */
export function countAnswers(
  questions: readonly Question[],
  cases: readonly AnsweredCase[],
): Map<string, number>[] {
  const counts = questions.map(() => new Map<string, number>());
  for (const c of cases) {
    for (let i = 0; i < questions.length; i += 1) {
      const q = questions[i] as Question;
      const a = c.verdicts[q.id]?.answer;
      if (a === undefined) continue;
      const m = counts[i] as Map<string, number>;
      m.set(a, (m.get(a) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The result tables (spec §5): rows in order with zero rows, optional rows only when used,
 * "Ikke relevant" and "Mangler oplysninger" not counted, total 0 → left out, and with
 * Offentliggørelse a total under 6 → suppressed (rows []).
 */
export function computeTables(
  questions: readonly Question[],
  cases: readonly AnsweredCase[],
  settings: Settings,
  today: Day,
  ruleSet: RuleSet = getRuleSet(),
): TableResult[] {
  return tablesFromCounts(questions, countAnswers(questions, cases), settings, today, ruleSet);
}

/** computeTables from precounted answers (countAnswers); the tables belong to `ruleSet`'s part. */
export function tablesFromCounts(
  questions: readonly Question[],
  counts: readonly Map<string, number>[],
  settings: Settings,
  today: Day,
  ruleSet: RuleSet = getRuleSet(),
): TableResult[] {
  const source = sourceLine(settings.kommune, today);
  const out: TableResult[] = [];
  questions.forEach((q, i) => {
    const m = counts[i] as Map<string, number>;
    const optional = (q.optionalRows ?? []).filter((r) => (m.get(r) ?? 0) > 0);
    const labels = [...q.rows, ...optional];
    const total = [...q.rows, ...(q.optionalRows ?? [])].reduce((s, r) => s + (m.get(r) ?? 0), 0);
    if (total === 0) return;
    const suppressed = settings.offentliggoerelse && total < MIN_PUBLISHED_CASES;
    out.push({
      ruleset: ruleSet.id,
      id: q.id,
      chapter: q.chapter,
      title: q.title,
      total,
      suppressed,
      rows: suppressed
        ? []
        : labels.map((label) => {
            const count = m.get(label) ?? 0;
            return { label, count, percent: percentOf(count, total) };
          }),
      source,
    });
  });
  return out;
}

/**
 * One overview row per compliance question (1.1 describes the sample and is left out):
 * Overholdt = (Ja + every "Nej, men …" row) ÷ I alt (spec §4), and the national figure (§7).
 * Decision: with Offentliggørelse, a question with fewer than 6 cases shows no Overholdt share,
 * like its suppressed table.
 */
export function computeOverview(
  questions: readonly Question[],
  cases: readonly AnsweredCase[],
  settings: Settings,
  ruleSet: RuleSet = getRuleSet(),
): OverviewRow[] {
  return overviewFromCounts(questions, countAnswers(questions, cases), settings, ruleSet);
}

/** computeOverview from precounted answers; national figures come from `ruleSet` (spec §7). */
export function overviewFromCounts(
  questions: readonly Question[],
  counts: readonly Map<string, number>[],
  settings: Settings,
  ruleSet: RuleSet = getRuleSet(),
): OverviewRow[] {
  const out: OverviewRow[] = [];
  questions.forEach((q, i) => {
    if (q.compliantRows.length === 0) return;
    const m = counts[i] as Map<string, number>;
    const all = [...q.rows, ...(q.optionalRows ?? [])];
    let ja = 0;
    let nejMen = 0;
    let nej = 0;
    for (const r of all) {
      const n = m.get(r) ?? 0;
      if (r === 'Ja') ja += n;
      else if (q.compliantRows.includes(r)) nejMen += n;
      else nej += n;
    }
    const relevant = ja + nejMen + nej;
    const hidden = relevant === 0 || (settings.offentliggoerelse && relevant < MIN_PUBLISHED_CASES);
    const nat = ruleSet.nationalFigure(settings.undersoegelsesaar, q.id);
    out.push({
      ruleset: ruleSet.id,
      id: q.id,
      columnHeader: q.columnHeader,
      relevant,
      ja,
      nejMen,
      nej,
      compliant: hidden ? null : (ja + nejMen) / relevant,
      interval: hidden ? null : wilson(ja + nejMen, relevant),
      national: nat === null ? null : nat.value / 100,
      nationalLabel: nat === null ? null : nat.label,
    });
  });
  return out;
}
