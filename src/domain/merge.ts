import { foldKey } from './fold';
import { RULE_SETS, getRuleSet } from './rules';
import { countAnswers, overviewFromCounts, tablesFromCounts } from './tables';
import { formatDay } from './days';
import { countOf, formatCount } from './numbers';
import type { Day, OverviewRow, Report, RuleSet, Settings, TableResult } from './types';

/**
 * `barometer saml` (issue 12 item 3): several municipalities' checked reports merged into one set
 * of counts. Pure: each report's final answers are counted per rule set, the counts summed, and the
 * tables and overview recomputed from the sums with check's own functions (tables.ts), so the
 * rounding, the zero rows and the suppression are check's. Only counts leave this module.
 */

/** One input: the file as named on the command line and its report, evaluated with its own Indstillinger. */
export interface MergeInput {
  readonly file: string;
  readonly report: Report;
}

/** A problem of the merge, in Danish, naming the file. */
export interface MergeProblem {
  readonly file: string;
  readonly kommune: string | null;
  readonly severity: 'error' | 'warning';
  readonly code: 'duplicate-kommune' | 'different-edition' | 'own-problems';
  readonly message: string;
}

/** A municipality in the merge: its counts per rule set part and its own overview. */
export interface MergeMember {
  readonly file: string;
  readonly kommune: string;
  readonly cases: number;
  /** The rule sets its cases fall under (its report's parts), oldest law first. */
  readonly rulesets: readonly string[];
  readonly undersoegelsesaar: number;
  /** Overblik per question of its own parts, with the merge's suppression applied. */
  readonly overview: readonly OverviewRow[];
  readonly report: Report;
}

export interface MergeResult {
  readonly members: readonly MergeMember[];
  /** The rule set of the first file's Afgørelsesår (check's `ruleset` of that file). */
  readonly ruleset: string;
  /** The rule sets any member's cases fall under, oldest law first: one part each. */
  readonly rulesets: readonly string[];
  readonly settings: Settings;
  readonly today: Day;
  readonly tables: readonly TableResult[];
  /** Overblik of all members together, per rule set part. */
  readonly overview: readonly OverviewRow[];
  readonly problems: readonly MergeProblem[];
  readonly cases: number;
}

export interface MergeOptions {
  readonly today: Day;
  /** --offentliggoerelse: suppress every table and cell group resting on fewer than 6 cases. */
  readonly offentliggoerelse: boolean;
}

/** The key two spellings of one municipality share ("Ishøj", " ishøj ", "ISHØJ"). */
export const kommuneKey = (k: string): string => foldKey(k);

/** "A", "A og B", "A, B og C". */
export function danishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] as string}`;
}

/** Per rule set id, the summed answer counts of the given members (one Map per question). */
type Counts = Map<string, Map<string, number>[]>;

function countsOf(report: Report): Counts {
  const out: Counts = new Map();
  for (const id of report.rulesets) {
    const rs = getRuleSet(id);
    out.set(
      id,
      countAnswers(
        rs.questions,
        report.cases.filter((c) => c.ruleset === id),
      ),
    );
  }
  return out;
}

function addCounts(into: Counts, from: Counts): void {
  for (const [id, maps] of from) {
    const target = into.get(id) ?? maps.map(() => new Map<string, number>());
    maps.forEach((m, i) => {
      const t = target[i] as Map<string, number>;
      for (const [label, n] of m) t.set(label, (t.get(label) ?? 0) + n);
    });
    into.set(id, target);
  }
}

const sumOf = (m: Map<string, number>): number => [...m.values()].reduce((s, n) => s + n, 0);

/** The source line under every merged table: the municipalities' own reviews, never "Ankestyrelsen". */
export function mergedSourceLine(kommuner: readonly string[], today: Day): string {
  const names = danishList(kommuner);
  return `Kilde: ${names} ${kommuner.length === 1 ? 'Kommune' : 'Kommuner'}, egen gennemgang ${formatDay(today)} (sammenlagt)`;
}

/**
 * Merges the reports. Decision: a Kommune that is already in the merge (same name, letter case
 * and spaces ignored) is left out with a warning and the first file is kept: counting one
 * municipality's cases twice would overstate both its weight and the number of cases (Ankestyrelsen's
 * bilag 2 has one column per kommune). The caller refuses reports without a Kommune before this.
 */
export function mergeReports(inputs: readonly MergeInput[], options: MergeOptions): MergeResult {
  const problems: MergeProblem[] = [];
  const kept: MergeInput[] = [];
  const seen = new Map<string, { file: string; kommune: string }>();
  for (const input of inputs) {
    const kommune = input.report.settings.kommune ?? input.file;
    const key = kommuneKey(kommune);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file: input.file,
        kommune,
        severity: 'warning',
        code: 'duplicate-kommune',
        message: `"${input.file}": ${first.kommune} Kommune er allerede med fra "${first.file}"; filen er udeladt, så kommunens sager ikke tælles to gange – fjern den ene fil, eller ret Kommune i arket Indstillinger, hvis det er en anden kommune.`,
      });
      continue;
    }
    seen.set(key, { file: input.file, kommune });
    kept.push(input);
  }
  const firstInput = kept[0];
  if (firstInput === undefined) throw new RangeError('mergeReports needs at least one report');
  const base = firstInput.report.settings;
  // Decision: the national figures and titles follow the first file's Undersøgelsesår; a file of
  // another barometer edition is still counted but named, as its figures answer another round.
  for (const input of kept) {
    if (input.report.settings.undersoegelsesaar !== base.undersoegelsesaar) {
      problems.push({
        file: input.file,
        kommune: input.report.settings.kommune,
        severity: 'warning',
        code: 'different-edition',
        message: `"${input.file}": Undersøgelsesår er ${input.report.settings.undersoegelsesaar}, mens "${firstInput.file}" har ${base.undersoegelsesaar}; sammenlægningen bruger ${base.undersoegelsesaar} til landsresultat og titler – tjek, at filerne hører til samme barometer.`,
      });
    }
  }

  // Only the number of each file's own problems: their messages name cells of case rows, which
  // stay with the municipality (its own `barometer check` lists them).
  for (const input of kept) {
    const ps = input.report.problems;
    if (ps.length === 0) continue;
    const n = (sev: string): number => ps.filter((p) => p.severity === sev).length;
    problems.push({
      file: input.file,
      kommune: input.report.settings.kommune,
      severity: 'warning',
      code: 'own-problems',
      message: `"${input.file}": ${countOf(ps.length, 'problem', 'problemer')} i filen (${countOf(n('error'), 'fejl', 'fejl')}, ${countOf(n('warning'), 'advarsel', 'advarsler')}, ${formatCount(n('missing'))} mangler oplysninger); sagerne er talt med som i check – kør "barometer check" på filen for at se og rette dem.`,
    });
  }

  const total: Counts = new Map();
  const members: MergeMember[] = kept.map((input) => {
    const r = input.report;
    const counts = countsOf(r);
    addCounts(total, counts);
    // A member's own Offentliggørelse = Ja suppresses its own cell groups, as its own check does.
    const own: Settings = {
      ...r.settings,
      offentliggoerelse: options.offentliggoerelse || r.settings.offentliggoerelse,
    };
    const overview = r.rulesets.flatMap((id) => {
      const rs = getRuleSet(id);
      return overviewFromCounts(rs.questions, counts.get(id) ?? [], own, rs);
    });
    return {
      file: input.file,
      kommune: r.settings.kommune ?? input.file,
      cases: r.cases.length,
      rulesets: r.rulesets,
      undersoegelsesaar: r.settings.undersoegelsesaar,
      overview,
      report: r,
    };
  });

  const withCases = RULE_SETS.filter((rs) => {
    const maps = total.get(rs.id);
    return maps !== undefined && maps.some((m) => sumOf(m) > 0);
  });
  const firstParts = firstInput.report.rulesets.map((id) => getRuleSet(id));
  const parts: readonly RuleSet[] = withCases.length > 0 ? withCases : firstParts;
  const settings: Settings = {
    ...base,
    kommune: null,
    offentliggoerelse: options.offentliggoerelse,
  };
  const source = mergedSourceLine(
    members.map((m) => m.kommune),
    options.today,
  );
  const tables: TableResult[] = [];
  const overview: OverviewRow[] = [];
  for (const rs of parts) {
    const counts = total.get(rs.id) ?? rs.questions.map(() => new Map<string, number>());
    for (const t of tablesFromCounts(rs.questions, counts, settings, options.today, rs))
      tables.push({ ...t, source });
    for (const o of overviewFromCounts(rs.questions, counts, settings, rs)) overview.push(o);
  }
  return {
    members,
    ruleset: firstInput.report.ruleset,
    rulesets: parts.map((r) => r.id),
    settings,
    today: options.today,
    tables,
    overview,
    problems,
    cases: members.reduce((s, m) => s + m.cases, 0),
  };
}
