import { COLUMN_BY_ID, COLUMNS } from '../columns';
import { addMonthsDay, formatDay, formatMinutes } from '../days';
import {
  IKKE_RELEVANT,
  MANGLER,
  NO_COLUMN,
  UNREADABLE,
  type CaseRecord,
  type ColumnId,
  type DateTime,
  type Field,
  type Day,
  type FinalVerdict,
  type MeasureDef,
  type Question,
  type RuleContext,
  type Verdict,
} from '../types';
import { JA, NEJ, NEJ_LOVLIG } from './labels';

/**
 * Shared helpers of every rule set: verdict construction, the "Mangler oplysninger" verdicts per
 * column (precomputed and shared, so the hot loop allocates nothing for them), and date text.
 */

/** A readable value (not blank, not UNREADABLE, not NO_COLUMN). */
export function has<T>(v: Field<T>): v is T {
  return v !== null && typeof v !== 'symbol';
}

/**
 * A verdict. Rules return FinalVerdict (computedAnswer = answer) so that an uncorrected verdict
 * goes into the report as it is, without a copy.
 */
export function verdict(answer: string, reason: string): FinalVerdict {
  return { answer, reason, computedAnswer: answer };
}

/** A reason sentence from up to four numbers (days, minutes, counts, flags). */
export type Why = (a: number, b: number, c: number, d: number) => string;

/**
 * A verdict whose reason is a sentence function of a few numbers (the SEL-2023 rules keep their
 * sentences beside each other that way).
 * @example because('Ja', (end, dec) => `Afsluttet ${fd(end)}, før ${fd(dec)}.`, 44256, 44300).reason
 */
export function because(answer: string, why: Why, a = 0, b = 0, c = 0, d = 0): FinalVerdict {
  return verdict(answer, why(a, b, c, d));
}

/** A plain copy of a verdict with changes. */
export function copyVerdict(v: FinalVerdict, changes: Partial<FinalVerdict>): FinalVerdict {
  const out: { -readonly [K in keyof FinalVerdict]: FinalVerdict[K] } = {
    answer: v.answer,
    reason: v.reason,
    computedAnswer: v.computedAnswer,
  };
  if (v.missing !== undefined) out.missing = v.missing;
  if (v.inconsistent !== undefined) out.inconsistent = v.inconsistent;
  if (v.correction !== undefined) out.correction = v.correction;
  if (v.stale !== undefined) out.stale = v.stale;
  return Object.assign(out, changes);
}

const frozen = (v: FinalVerdict): FinalVerdict => Object.freeze(v);

/** "Mangler oplysninger" caused by one column, for each of its three states. */
interface MissingSet {
  readonly blank: FinalVerdict;
  readonly unreadable: FinalVerdict;
  readonly noColumn: FinalVerdict;
}

const MISSING = Object.fromEntries(
  COLUMNS.map((c) => {
    const missing = Object.freeze<ColumnId[]>([c.id]);
    const make = (reason: string): FinalVerdict =>
      frozen({ answer: MANGLER, reason, missing, computedAnswer: MANGLER });
    return [
      c.id,
      {
        blank: make(`"${c.header}" er ikke udfyldt.`),
        unreadable: make(`"${c.header}" kan ikke læses.`),
        noColumn: make(`Kolonnen "${c.header}" findes ikke i sagsoversigten.`),
      },
    ];
  }),
) as Record<ColumnId, MissingSet>;

/**
 * The "Mangler oplysninger" verdict for a column whose value is blank, unreadable or absent
 * (spec §4, "Blanks, by principle"). Shared objects: never mutate.
 */
export function missing(id: ColumnId, value: unknown): FinalVerdict {
  const m = MISSING[id];
  if (value === UNREADABLE) return m.unreadable;
  if (value === NO_COLUMN) return m.noColumn;
  return m.blank;
}

/** Mangler oplysninger because two dates contradict each other (spec §4). */
export function inconsistent(earlier: ColumnId, later: ColumnId, reason: string): FinalVerdict {
  return {
    answer: MANGLER,
    reason,
    missing: [later],
    inconsistent: [earlier, later],
    computedAnswer: MANGLER,
  };
}

/** dd-mm-yyyy */
export const fd = formatDay;

/** "dd-mm-yyyy kl. HH:mm", or "dd-mm-yyyy" when there is no time of day. */
export function fdt(dt: DateTime): string {
  return dt.minutes === null ? formatDay(dt.day) : `${formatDay(dt.day)} kl. ${formatMinutes(dt.minutes)}`;
}

/** "1 dag" / "12 dage" */
export function days(n: number): string {
  return n === 1 ? '1 dag' : `${n} dage`;
}

export const header = (id: ColumnId): string => COLUMN_BY_ID[id].header;

const WHY_NOT_THREE_MONTHS: Why = (eff, to, cut) =>
  `Foranstaltningen blev effektueret ${fd(eff)} og havde ikke virket i 3 måneder (${fd(to)}) på opgørelsesdatoen ${fd(cut)}.`;
const WHY_STOPPED: Why = (eff, stop, to) =>
  `Foranstaltningen blev effektueret ${fd(eff)} og ophørte ${fd(stop)}, før de første 3 måneder var gået (${fd(to)}).`;

/** effektueret + 3 months, the end of the three-month window of 3.9 and 5.12. */
export function threeMonthsAfter(eff: Day): Day {
  return addMonthsDay(eff, 3);
}

/**
 * The relevance gate of the three-month questions 3.9 and 5.12 (spec §4): null when the question is
 * relevant (effektueret + 3 months ≤ Opgørelsesdato and the measure had not stopped before
 * effektueret + 3 months; the window is then [effektueret, threeMonthsAfter(effektueret)]),
 * otherwise the verdict to give.
 * Decision: a measure that stopped ON effektueret + 3 months ran the full three months, so the
 * question is relevant (only ophoert < the three-month day is "stopped before") (SEL § 70, stk. 1).
 */
export function threeMonthsGate(
  r: CaseRecord,
  ctx: RuleContext,
  irrelevantNotEffected: FinalVerdict,
): FinalVerdict | null {
  const eff = r.effektueret;
  if (!has(eff)) return missing('effektueret', eff);
  if (eff === 'ikke-effektueret') return irrelevantNotEffected;
  const to = threeMonthsAfter(eff);
  const cut = ctx.settings.opgoerelsesdato;
  if (to > cut) return because(IKKE_RELEVANT, WHY_NOT_THREE_MONTHS, eff, to, cut);
  const stop = r.ophoert;
  if (stop === UNREADABLE || stop === NO_COLUMN) return missing('ophoert', stop);
  if (stop !== null && stop < to) return because(IKKE_RELEVANT, WHY_STOPPED, eff, stop, to);
  return null;
}

/**
 * Wraps a question so a column the question always reads that is missing from the sheet
 * (NO_COLUMN) makes it "Mangler oplysninger" for every row, as spec §2.1 says ("a missing optional
 * column means its questions are Mangler oplysninger for every row").
 */
export function guardColumns(q: Question): Question {
  const cols = q.columns;
  const inner = q.evaluate;
  const evaluate = (r: CaseRecord, ctx: RuleContext): Verdict => {
    for (const id of cols) if (r[id] === NO_COLUMN) return MISSING[id].noColumn;
    return inner(r, ctx);
  };
  return Object.freeze({ ...q, evaluate });
}

/**
 * The 4-month deadline of a new børnefaglig undersøgelse, one rule under both laws (SEL § 50,
 * stk. 7; barnets lov § 20, stk. 3): deadline = opmaerksom + 4 months (date-fns addMonths, so
 * 31-10 gives 28-02, 29-02 in a leap year; spec §4); a documented preliminary assessment is the
 * lawful reason for a late one. For a case whose bfu is Ny undersøgelse; `lawfulRef` is the
 * section the lawful-reason sentence cites ("" when the rule set cites none).
 * @example fourMonthDeadline(record, ' (§ 20, stk. 3, 2. pkt.)').answer // 'Ja'
 */
export function fourMonthDeadline(r: CaseRecord, lawfulRef: string): FinalVerdict {
  const start = r.opmaerksom;
  if (!has(start)) return missing('opmaerksom', start);
  const end = r.bfu_afsluttet;
  if (!has(end)) return missing('bfu_afsluttet', end);
  if (end < start) {
    return inconsistent(
      'opmaerksom',
      'bfu_afsluttet',
      `Undersøgelsen er angivet afsluttet ${fd(end)}, før kommunen blev opmærksom ${fd(start)}; ret en af datoerne.`,
    );
  }
  const deadline = addMonthsDay(start, 4);
  if (end <= deadline) {
    return verdict(
      JA,
      `Undersøgelsen blev afsluttet ${fd(end)}, inden for fristen ${fd(deadline)} (4 måneder fra ${fd(start)}).`,
    );
  }
  const late = `Undersøgelsen blev afsluttet ${fd(end)}, ${days(end - deadline)} efter fristen ${fd(deadline)}`;
  const f = r.bfu_foreloebig;
  if (f === null) return verdict(NEJ, `${late}.`);
  if (!has(f)) return missing('bfu_foreloebig', f);
  return verdict(NEJ_LOVLIG, `${late}, men der er dokumenteret en foreløbig vurdering${lawfulRef}.`);
}

/**
 * Question 1.1 "HVAD ER DER TRUFFET AFGØRELSE OM?" of a rule set: the table 1.1 row of the case's
 * measure, the same rule under both laws (only the measures and the sections differ). Table 1.1
 * describes the sample; it is not a legal requirement, so nothing is "Overholdt".
 * @example measureQuestion(MEASURES, TABLE_11_ROWS, 'Barnets lov §§ 32, 46 og 47').id // '1.1'
 */
export function measureQuestion(
  measures: readonly MeasureDef[],
  rows: readonly string[],
  legal: string,
): Question {
  // One verdict per measure: the reason names the measure, never the child.
  const byCode = new Map<string, FinalVerdict>(
    measures.map((m) => [m.code, Object.freeze(verdict(m.table11Row, `Afgørelsen gælder ${m.label}.`))]),
  );
  return {
    id: '1.1',
    chapter: 1,
    title: 'HVAD ER DER TRUFFET AFGØRELSE OM?',
    columnHeader: '1.1 Afgørelse om',
    rows,
    compliantRows: [],
    legal,
    columns: ['foranstaltning'],
    evaluate(r) {
      const m = r.foranstaltning;
      if (!has(m)) return missing('foranstaltning', m);
      return byCode.get(m) ?? missing('foranstaltning', m);
    },
  };
}
