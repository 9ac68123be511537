import { a1, parseA1 } from './address';
import { COLUMN_BY_ID } from './columns';
import { correctVerdicts, readCorrections, resolveCorrections } from './corrections';
import { buildMemo } from './memo';
import { withPrevious, type PreviousResult } from './previous';
import { byDecisionDate, readCases } from './records';
import { RULE_SETS, findRuleSet, ruleSetForYear } from './rules';
import { quarterRows } from './quarters';
import { checkSelection } from './selection';
import { isEgenkontrol, readSettings } from './settings';
import { sheetRef } from './sheetnames';
import { countAnswers, overviewFromCounts, tablesFromCounts } from './tables';
import {
  MANGLER,
  REVIEW_SHEET,
  UNREADABLE,
  type CaseRecord,
  type CaseResult,
  type CaseSheetInfo,
  type Day,
  type EvaluateResult,
  type FinalVerdict,
  type OverviewRow,
  type Problem,
  type Question,
  type RuleContext,
  type RuleSet,
  type Settings,
  type Snapshot,
  type TableResult,
  type Verdict,
} from './types';

export interface EvaluateOptions {
  /** The run date, injected (rules never read the clock). */
  readonly today: Day;
  /** CLI flags / task pane values; they win over the Indstillinger sheet. */
  readonly overrides?: Partial<Settings>;
  /** A rule-set id that applies to every case (CLI --ruleset); default: the Regelsæt setting, else by decision date. */
  readonly ruleset?: string;
  /** The earlier result to compare with (issue 12, --forrige; previous.ts). */
  readonly previous?: PreviousResult | null;
}

const asFinal = (v: Verdict): FinalVerdict =>
  'computedAnswer' in v ? (v as FinalVerdict) : { ...v, computedAnswer: v.answer };

/**
 * Every question of a rule set for every record: per case the verdicts in question order.
 * `ruleSet` is one rule set for all records, or one per record (same order). Pure.
 */
export function evaluateRecords(
  records: readonly CaseRecord[],
  settings: Settings,
  today: Day,
  ruleSet: RuleSet | readonly RuleSet[],
): FinalVerdict[][] {
  const ctx: RuleContext = { settings, today, offsets: new Map() };
  return records.map((r, i) => {
    const rs = Array.isArray(ruleSet) ? (ruleSet[i] as RuleSet) : (ruleSet as RuleSet);
    return rs.questions.map((q) => asFinal(q.evaluate(r, ctx)));
  });
}

/** A case's verdicts by question id. */
function byQuestionId(
  questions: readonly Question[],
  verdicts: readonly FinalVerdict[],
): Record<string, FinalVerdict> {
  const out: Record<string, FinalVerdict> = {};
  for (let j = 0; j < questions.length; j += 1)
    out[(questions[j] as Question).id] = verdicts[j] as FinalVerdict;
  return out;
}

/** The "missing" and "inconsistent-dates" problems of one case's final verdicts (spec §9). */
function verdictProblems(
  r: CaseRecord,
  verdicts: readonly FinalVerdict[],
  questions: readonly Question[],
  info: CaseSheetInfo,
  out: Problem[],
  seen: Set<string>,
): void {
  if (!verdicts.some((v) => v.answer === MANGLER)) return;
  const sagsnr = typeof r.sagsnr === 'number' ? r.sagsnr : null;
  verdicts.forEach((v, j) => {
    if (v.answer !== MANGLER) return;
    const q = questions[j] as Question;
    const id = v.missing?.[0];
    if (v.inconsistent !== undefined) {
      const [earlier, later] = v.inconsistent;
      const col = info.columns[later];
      const cell = col === undefined ? null : a1(r.row, col);
      const key = `${r.row}|${earlier}|${later}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({
          sagsnr,
          row: r.row,
          column: COLUMN_BY_ID[later].header,
          severity: 'error',
          code: 'inconsistent-dates',
          message: `${cell === null ? `${info.name}, række ${r.row}` : sheetRef(info.name, cell)}: "${COLUMN_BY_ID[later].header}" ligger før "${COLUMN_BY_ID[earlier].header}"; ret den forkerte dato.`,
          sheet: info.name,
          cell,
          question: q.id,
        });
      }
    }
    const header = id === undefined ? null : COLUMN_BY_ID[id].header;
    const col = id === undefined ? undefined : info.columns[id];
    const cell = col === undefined ? null : a1(r.row, col);
    const where = cell === null ? `${info.name}, række ${r.row}` : sheetRef(info.name, cell);
    const value = id === undefined ? null : r[id];
    const what =
      id === undefined
        ? 'oplysningerne mangler'
        : col === undefined
          ? `kolonnen "${header}" findes ikke i arket; tilføj kolonnen`
          : v.inconsistent !== undefined
            ? `datoerne modsiger hinanden; ret "${header}"`
            : value === UNREADABLE
              ? `cellen "${header}" ikke kan læses; ret værdien`
              : `cellen "${header}" er tom; udfyld den`;
    out.push({
      sagsnr,
      row: r.row,
      column: header,
      severity: 'missing',
      code: 'missing',
      message: `${where}: Spørgsmål ${q.id} kan ikke vurderes, fordi ${what}.`,
      sheet: info.name,
      cell,
      question: q.id,
    });
  });
}

/** Problems in reading order: workbook/settings first, then the case sheet by row and column, then the log. */
function sortProblems(problems: Problem[], caseSheet: string): Problem[] {
  const rank = (p: Problem): number =>
    p.sheet === REVIEW_SHEET ? 3 : p.sheet === caseSheet ? (p.row === null ? 1 : 2) : 0;
  const col = (p: Problem): number => {
    if (p.cell === null) return 0;
    try {
      return parseA1(p.cell).col;
    } catch {
      return 0;
    }
  };
  return problems
    .map((p, i) => ({ p, i, k: rank(p), r: p.row ?? 0, c: col(p) }))
    .sort((a, b) => a.k - b.k || a.r - b.r || a.c - b.c || a.i - b.i)
    .map((x) => x.p);
}

/** One rule set's part of the results: its cases' tables, overview rows and case count. */
export interface Part {
  readonly ruleSet: RuleSet;
  readonly cases: number;
  readonly tables: readonly TableResult[];
  readonly overview: readonly OverviewRow[];
}

/**
 * The whole pure pipeline (spec §2–§10, barnets-lov.md §1): settings, cases, each case's rule set,
 * verdicts, selection, corrections, tables, overview and memo per rule set, and every problem.
 * Fatal problems (no case sheet, a missing required column, an unknown forced rule set) give
 * { ok: false }.
 */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): EvaluateResult {
  const { today } = options;
  const s = readSettings(snapshot, options.overrides ?? {}, today);
  const settings = s.settings;
  const forcedId = options.ruleset ?? settings.regelsaet ?? null;
  const forced = forcedId === null ? null : findRuleSet(forcedId);
  if (forcedId !== null && forced === null) {
    return {
      ok: false,
      error: {
        code: 'unknown-ruleset',
        message: `Regelsættet "${forcedId}" findes ikke; brug et af de kendte regelsæt (${RULE_SETS.map((r) => r.id).join(', ')}).`,
      },
    };
  }
  // A forced rule set applies to every case; otherwise the decision date decides, and a case
  // without a readable one takes the rule set of Afgørelsesår (barnets-lov.md §1).
  const mainRuleSet = forced ?? ruleSetForYear(settings.afgoerelsesaar);
  const cases = readCases(snapshot, {
    ruleSetFor: forced === null ? byDecisionDate(mainRuleSet) : () => forced,
  });
  if (!cases.ok) return { ok: false, error: cases.error };
  const { info, records, ruleSets } = cases;
  const present = RULE_SETS.filter((r) => ruleSets.includes(r));
  const parts = present.length > 0 ? present : [mainRuleSet];
  // Every rule set asks the same question ids in the same order, so the cases share one answer grid.
  const questions = mainRuleSet.questions;

  const computed = evaluateRecords(records, settings, today, ruleSets);
  const computedAnswers: string[] = [];
  for (const vs of computed) for (const v of vs) computedAnswers.push(v.answer);
  const selection = checkSelection(records, settings, info, ruleSets);
  const known = new Set<number>();
  for (const r of records) if (typeof r.sagsnr === 'number') known.add(r.sagsnr);
  const log = readCorrections(snapshot, snapshot.date1904, mainRuleSet, known);
  const resolved = resolveCorrections(computedAnswers, records, questions, log.lines, info.name);

  const problems: Problem[] = s.problems.concat(cases.problems);
  const seen = new Set<string>();
  const caseResults: CaseResult[] = records.map((r, i) => {
    const rs = ruleSets[i] as RuleSet;
    const lines = resolved.linesByCase.get(i);
    const own = computed[i] as FinalVerdict[];
    const finals = lines === undefined ? own : correctVerdicts(own, lines, rs.questions);
    verdictProblems(r, finals, rs.questions, info, problems, seen);
    const sel = selection.cases[i] as { selectionOk: boolean; text: string };
    return {
      ruleset: rs.id,
      row: r.row,
      sagsnr: typeof r.sagsnr === 'number' ? r.sagsnr : null,
      record: r,
      verdicts: byQuestionId(rs.questions, finals),
      selection: sel.text,
      selectionOk: sel.selectionOk,
      review: resolved.review[i] as CaseResult['review'],
    };
  });

  const results: Part[] = parts.map((ruleSet) => {
    const mine = caseResults.filter((c) => c.ruleset === ruleSet.id);
    const counts = countAnswers(ruleSet.questions, mine);
    return {
      ruleSet,
      cases: mine.length,
      tables: tablesFromCounts(ruleSet.questions, counts, settings, today, ruleSet),
      overview: withPrevious(
        overviewFromCounts(ruleSet.questions, counts, settings, ruleSet),
        options.previous,
        settings.offentliggoerelse,
      ),
    };
  });
  const memo = buildMemo({
    parts: results,
    settings,
    today,
    cases: records.length,
    corrected: resolved.corrected,
    previous: options.previous ?? null,
  });
  for (const list of [selection.problems, log.problems, resolved.problems])
    for (const p of list) problems.push(p);

  return {
    ok: true,
    report: {
      ruleset: mainRuleSet.id,
      rulesets: parts.map((r) => r.id),
      settings,
      today,
      caseSheet: info,
      cases: caseResults,
      tables: results.flatMap((p) => p.tables),
      overview: results.flatMap((p) => p.overview),
      // Egenkontrol follows its own figures quarter by quarter (issue 12 item 6); a sample of 17 does not.
      quarters: isEgenkontrol(settings) ? quarterRows(parts, caseResults, settings) : [],
      memo,
      problems: sortProblems(problems, info.name),
      corrections: log.lines,
      reviewed: resolved.reviewed,
    },
  };
}
