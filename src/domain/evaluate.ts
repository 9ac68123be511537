import { parseA1 } from './address';
import { COLUMN_BY_ID } from './columns';
import { correctVerdicts, readCorrections, resolveCorrections } from './corrections';
import { buildMemo } from './memo';
import { absentColumns, readCases } from './records';
import { findRuleSet, ruleSetIdForDecisionYear } from './rules';
import { evaluatorFor } from './rules/common';
import { checkSelection } from './selection';
import { readSettings } from './settings';
import { sheetRef } from './sheetnames';
import { overviewFromCounts, tablesFromCounts } from './tables';
import {
  MANGLER,
  REVIEW_SHEET,
  UNREADABLE,
  type CaseRecord,
  type CaseResult,
  type CaseSheetInfo,
  type ColumnId,
  type Day,
  type EvaluateResult,
  type FinalVerdict,
  type Problem,
  type Question,
  type RuleContext,
  type RuleSet,
  type Settings,
  type Snapshot,
  type Verdict,
} from './types';

export interface EvaluateOptions {
  /** The run date, injected (rules never read the clock). */
  readonly today: Day;
  /** CLI flags / task pane values; they win over the Indstillinger sheet. */
  readonly overrides?: Partial<Settings>;
  /** A rule-set id; default: by Afgørelsesår (spec §8). */
  readonly ruleset?: string;
}

const asFinal = (v: Verdict): FinalVerdict =>
  'computedAnswer' in v ? (v as FinalVerdict) : { ...v, computedAnswer: v.answer };

/**
 * The hot loop: every question for every record. Per case an array of verdicts in the rule set's
 * question order. Pure; used by evaluate, the benchmark and unit tests.
 */
export function evaluateRecords(
  records: readonly CaseRecord[],
  settings: Settings,
  today: Day,
  ruleSet: RuleSet,
  /**
   * The sheet's absent columns (absentColumns(info)), when every record comes from one sheet:
   * the missing-column guard is then decided once per question instead of once per row.
   */
  absent?: ReadonlySet<ColumnId>,
): FinalVerdict[][] {
  const ctx: RuleContext = { settings, today };
  const evals = ruleSet.questions.map((q) => (absent === undefined ? q.evaluate : evaluatorFor(q, absent)));
  const nq = evals.length;
  const out: FinalVerdict[][] = new Array<FinalVerdict[]>(records.length);
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i] as CaseRecord;
    const vs = new Array<FinalVerdict>(nq);
    for (let j = 0; j < nq; j += 1) vs[j] = asFinal((evals[j] as Question['evaluate'])(r, ctx));
    out[i] = vs;
  }
  return out;
}

/**
 * The rule core: the answer of every question for every record, case-major in one flat array
 * (case i, question j at i × nq + j). Answers are the rule set's shared label strings, so nothing
 * the rules allocate outlives the loop; reasons are built only for the verdicts someone reads
 * (evaluateRecords, CaseResult.verdicts).
 */
export function evaluateAnswers(
  records: readonly CaseRecord[],
  settings: Settings,
  today: Day,
  ruleSet: RuleSet,
  absent?: ReadonlySet<ColumnId>,
): string[] {
  const ctx: RuleContext = { settings, today };
  const evals = ruleSet.questions.map((q) => (absent === undefined ? q.evaluate : evaluatorFor(q, absent)));
  const nq = evals.length;
  const out = new Array<string>(records.length * nq);
  let k = 0;
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i] as CaseRecord;
    for (let j = 0; j < nq; j += 1) out[k++] = (evals[j] as Question['evaluate'])(r, ctx).answer;
  }
  return out;
}

/** Per question index, the count of each answer, from a flat case-major answer array. */
export function countFlatAnswers(nq: number, answers: readonly string[]): Map<string, number>[] {
  // Answers are the rule set's shared label strings, so a short scan by identity finds a
  // question's few distinct answers faster than hashing every one.
  const seen: string[][] = Array.from({ length: nq }, () => []);
  const tally: number[][] = Array.from({ length: nq }, () => []);
  for (let k = 0; k < answers.length;) {
    for (let j = 0; j < nq; j += 1, k += 1) {
      const a = answers[k] as string;
      const s = seen[j] as string[];
      let x = 0;
      while (x < s.length && s[x] !== a) x += 1;
      const t = tally[j] as number[];
      if (x === s.length) {
        s.push(a);
        t.push(1);
      } else t[x] = (t[x] as number) + 1;
    }
  }
  return seen.map((s, j) => new Map(s.map((a, x) => [a, (tally[j] as number[])[x] as number])));
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
  const sagsnr = typeof r.sagsnr === 'number' ? r.sagsnr : null;
  for (let j = 0; j < verdicts.length; j += 1) {
    const v = verdicts[j] as FinalVerdict;
    if (v.answer !== MANGLER) continue;
    const q = questions[j] as Question;
    const id = v.missing?.[0];
    if (v.inconsistent !== undefined) {
      const [earlier, later] = v.inconsistent;
      const col = info.columns[later];
      const cell = col === undefined ? null : `${columnLetterOf(col)}${r.row}`;
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
    const cell = col === undefined ? null : `${columnLetterOf(col)}${r.row}`;
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
  }
}

const letters: string[] = [];
function columnLetterOf(n: number): string {
  let s = letters[n];
  if (s === undefined) {
    s = '';
    let x = n;
    while (x > 0) {
      const rem = (x - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      x = (x - 1 - rem) / 26;
    }
    letters[n] = s;
  }
  return s;
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

/**
 * A case of the report. `verdicts` is built on first read (see evaluate) and kept; it lives on the
 * prototype, so copy a case with its fields, not with a spread.
 */
class EvaluatedCase implements CaseResult {
  readonly row: number;
  readonly sagsnr: number | null;
  private built: Readonly<Record<string, FinalVerdict>> | null = null;
  constructor(
    readonly record: CaseRecord,
    readonly selection: string,
    readonly selectionOk: boolean,
    readonly review: CaseResult['review'],
    private readonly build: () => Readonly<Record<string, FinalVerdict>>,
  ) {
    this.row = record.row;
    this.sagsnr = typeof record.sagsnr === 'number' ? record.sagsnr : null;
  }
  get verdicts(): Readonly<Record<string, FinalVerdict>> {
    if (this.built === null) this.built = this.build();
    return this.built;
  }
}

/**
 * The whole pure pipeline (spec §2–§10): settings, cases, verdicts, selection, corrections,
 * tables, overview, memo and every problem. Fatal problems (no case sheet, a missing required
 * column, an unknown rule set) give { ok: false }.
 */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): EvaluateResult {
  const { today } = options;
  const s = readSettings(snapshot, options.overrides ?? {}, today);
  const settings = s.settings;
  const rulesetId = options.ruleset ?? ruleSetIdForDecisionYear(settings.afgoerelsesaar);
  const ruleSet = findRuleSet(rulesetId);
  if (ruleSet === null) {
    return {
      ok: false,
      error: {
        code: 'unknown-ruleset',
        message:
          options.ruleset === undefined
            ? `Der findes endnu ingen regler for afgørelser truffet i ${settings.afgoerelsesaar} (regelsæt "${rulesetId}"); ret Afgørelsesår i arket Indstillinger til et år før 2024.`
            : `Regelsættet "${rulesetId}" findes ikke; brug et af de kendte regelsæt.`,
      },
    };
  }
  const cases = readCases(snapshot);
  if (!cases.ok) return { ok: false, error: cases.error };
  const { info, records } = cases;
  const questions = ruleSet.questions;

  const absent = absentColumns(info);
  const computed = evaluateAnswers(records, settings, today, ruleSet, absent);
  const selection = checkSelection(records, settings, info);
  const known = new Set<number>();
  for (const r of records) if (typeof r.sagsnr === 'number') known.add(r.sagsnr);
  const log = readCorrections(snapshot, snapshot.date1904, ruleSet, known);
  const resolved = resolveCorrections(computed, records, questions, log.lines, info.name);
  const finals = resolved.answers;

  // A case's verdict objects (reasons, missing columns, corrections) are built when first read:
  // the rules are pure, so running them again for that record gives the verdicts behind its answers.
  const ids = questions.map((q) => q.id);
  const nq = ids.length;
  const verdictsOf = (i: number): FinalVerdict[] => {
    const vs = evaluateRecords(
      [records[i] as CaseRecord],
      settings,
      today,
      ruleSet,
      absent,
    )[0] as FinalVerdict[];
    const lines = resolved.linesByCase.get(i);
    return lines === undefined ? vs : correctVerdicts(vs, lines, questions);
  };
  const byIdOf = (i: number): Readonly<Record<string, FinalVerdict>> => {
    const vs = verdictsOf(i);
    const m: Record<string, FinalVerdict> = {};
    for (let j = 0; j < nq; j += 1) m[ids[j] as string] = vs[j] as FinalVerdict;
    return m;
  };
  const caseResults: CaseResult[] = records.map((r, i) => {
    const sel = selection.cases[i] as { selectionOk: boolean; text: string };
    return new EvaluatedCase(r, sel.text, sel.selectionOk, resolved.review[i] as CaseResult['review'], () =>
      byIdOf(i),
    );
  });

  const counts = countFlatAnswers(nq, finals);
  const tables = tablesFromCounts(questions, counts, settings, today);
  const overview = overviewFromCounts(questions, counts, settings);
  const memo = buildMemo({
    ruleSet,
    settings,
    today,
    tables,
    cases: records.length,
    corrected: resolved.corrected,
  });

  const problems: Problem[] = s.problems.concat(cases.problems);
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i += 1) {
    // Only a case with a "Mangler oplysninger" answer has problems of its verdicts; only its
    // verdicts are needed to name the missing column.
    let missing = false;
    for (let j = i * nq; j < (i + 1) * nq; j += 1) if (finals[j] === MANGLER) missing = true;
    if (missing) verdictProblems(records[i] as CaseRecord, verdictsOf(i), questions, info, problems, seen);
  }
  for (const list of [selection.problems, log.problems, resolved.problems])
    for (const p of list) problems.push(p);

  return {
    ok: true,
    report: {
      ruleset: ruleSet.id,
      settings,
      today,
      caseSheet: info,
      cases: caseResults,
      tables,
      overview,
      memo,
      problems: sortProblems(problems, info.name),
      corrections: log.lines,
      reviewed: resolved.reviewed,
    },
  };
}
