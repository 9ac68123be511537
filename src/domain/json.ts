import { formatDay } from './days';
import { changePoints } from './previous';
import type { Problem, Report } from './types';

/** The JSON object of `barometer check --json` (spec §9). */
export interface ReportJson {
  readonly ruleset: string;
  readonly kommune: string | null;
  readonly cases: number;
  readonly tables: readonly (
    | {
        readonly ruleset: string;
        readonly id: string;
        readonly title: string;
        readonly total: number;
        readonly rows: readonly {
          readonly label: string;
          readonly count: number;
          readonly percent: number;
        }[];
      }
    | {
        readonly ruleset: string;
        readonly id: string;
        readonly title: string;
        readonly total: number;
        readonly suppressed: true;
        readonly rows: readonly [];
      }
  )[];
  /**
   * Overblik per question (issue 12): counts, Overholdt in percent and its 95 % Wilson interval
   * `[lo, hi]` in percent (two decimals), null when no case is relevant or the row is suppressed.
   */
  readonly overview: readonly {
    readonly ruleset: string;
    readonly id: string;
    readonly question: string;
    readonly relevant: number;
    readonly ja: number;
    readonly nejMen: number;
    readonly nej: number;
    readonly compliant: number | null;
    readonly interval: readonly [number, number] | null;
    readonly national: number | null;
    /** With --forrige (issue 12): the earlier Overholdt in percent, null when it has none. */
    readonly previous?: number | null;
    /** With --forrige: the change in percentage points (two decimals), null without both figures. */
    readonly change?: number | null;
    /** With --forrige, when the earlier figure was judged by the other law: its rule set. */
    readonly previousRuleset?: string;
  }[];
  /**
   * Egenkontrol (issue 12 item 6): per rule set, question and quarter of the decision date ("2024 K1"),
   * the relevant cases, Overholdt and its interval in percent (two decimals). Absent under Indsendelse,
   * so spec §9's object stays as it was for the barometer's sample.
   */
  readonly formaal?: 'egenkontrol';
  /** The period of an Egenkontrol, dd-mm-yyyy; null = an open end. */
  readonly periode?: { readonly fra: string | null; readonly til: string | null };
  readonly quarters?: readonly {
    readonly ruleset: string;
    readonly id: string;
    readonly quarter: string;
    readonly relevant: number;
    readonly compliant: number | null;
    readonly interval: readonly [number, number] | null;
  }[];
  readonly verdicts: readonly {
    readonly ruleset: string;
    readonly sagsnr: number | null;
    readonly row: number;
    readonly answers: Readonly<Record<string, string>>;
  }[];
  readonly problems: readonly (Pick<
    Problem,
    'sagsnr' | 'row' | 'column' | 'severity' | 'code' | 'message'
  > & {
    readonly sheet: string | null;
    readonly cell: string | null;
    readonly question?: string;
  })[];
}

/** A fraction as percent with two decimals: 0.230724 → 23.07 (the interval's precision in JSON). */
function percent2(fraction: number): number {
  return Math.round(fraction * 10000) / 100;
}

/**
 * The report as spec §9's JSON: tables with total 0 are already left out; suppressed tables keep
 * id, title and total with `suppressed: true` and `rows: []`; answers are the final ones
 * (corrections applied) as plain labels, without "(rettet)". `ruleset` is the rule set of
 * Afgørelsesår (or the forced one); every table and verdict names its own (barnets-lov.md §1).
 */
export function toJson(report: Report): ReportJson {
  return {
    ruleset: report.ruleset,
    kommune: report.settings.kommune,
    cases: report.cases.length,
    tables: report.tables.map((t) =>
      t.suppressed
        ? {
            ruleset: t.ruleset,
            id: t.id,
            title: t.title,
            total: t.total,
            suppressed: true as const,
            rows: [] as [],
          }
        : {
            ruleset: t.ruleset,
            id: t.id,
            title: t.title,
            total: t.total,
            rows: t.rows.map((r) => ({ label: r.label, count: r.count, percent: r.percent })),
          },
    ),
    overview: report.overview.map((o) => ({
      ruleset: o.ruleset,
      id: o.id,
      question: o.columnHeader,
      relevant: o.relevant,
      ja: o.ja,
      nejMen: o.nejMen,
      nej: o.nej,
      compliant: o.compliant === null ? null : percent2(o.compliant),
      interval: o.interval === null ? null : [percent2(o.interval[0]), percent2(o.interval[1])],
      national: o.national === null ? null : percent2(o.national),
      ...(o.previous === undefined
        ? {}
        : {
            previous: o.previous === null ? null : percent2(o.previous.compliant),
            change: changePoints(o),
            ...(o.previous !== null && o.previous.ruleset !== o.ruleset
              ? { previousRuleset: o.previous.ruleset }
              : {}),
          }),
    })),
    ...(report.settings.formaal === 'egenkontrol'
      ? {
          formaal: 'egenkontrol' as const,
          periode: {
            fra: report.settings.periodeFra == null ? null : formatDay(report.settings.periodeFra),
            til: report.settings.periodeTil == null ? null : formatDay(report.settings.periodeTil),
          },
          quarters: (report.quarters ?? []).map((q) => ({
            ruleset: q.ruleset,
            id: q.id,
            quarter: q.quarter,
            relevant: q.relevant,
            compliant: q.compliant === null ? null : percent2(q.compliant),
            interval:
              q.interval === null ? null : ([percent2(q.interval[0]), percent2(q.interval[1])] as const),
          })),
        }
      : {}),
    verdicts: report.cases.map((c) => ({
      ruleset: c.ruleset,
      sagsnr: c.sagsnr,
      row: c.row,
      answers: Object.fromEntries(Object.entries(c.verdicts).map(([id, v]) => [id, v.answer])),
    })),
    problems: report.problems.map((p) => ({
      sagsnr: p.sagsnr,
      row: p.row,
      column: p.column,
      severity: p.severity,
      code: p.code,
      message: p.message,
      sheet: p.sheet,
      cell: p.cell,
      ...(p.question !== undefined ? { question: p.question } : {}),
    })),
  };
}
