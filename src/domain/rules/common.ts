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
  type Question,
  type RuleContext,
} from '../types';

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
 * A verdict whose reason is a static function of a few numbers, built the first time it is read.
 * Unlike a closure, the rule allocates nothing else (and V8 no context for captured variables, which it
 * would make on every call of a rule that has such a closure): one small object per verdict.
 */
class ReasonedVerdict implements FinalVerdict {
  readonly computedAnswer: string;
  private text: string | null = null;
  constructor(
    readonly answer: string,
    private readonly why: Why,
    private readonly a: number,
    private readonly b: number,
    private readonly c: number,
    private readonly d: number,
  ) {
    this.computedAnswer = answer;
  }
  get reason(): string {
    if (this.text === null) this.text = this.why(this.a, this.b, this.c, this.d);
    return this.text;
  }
}

/**
 * A verdict with a reason built on demand from a static sentence function and its numbers.
 * @example because('Ja', (end, dec) => `Afsluttet ${fd(end)}, før ${fd(dec)}.`, 44256, 44300).reason
 */
export function because(answer: string, why: Why, a = 0, b = 0, c = 0, d = 0): FinalVerdict {
  return new ReasonedVerdict(answer, why, a, b, c, d);
}

/** A plain copy of a verdict with changes (reads `reason`, so it works on lazy verdicts too). */
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

/** eff + 3 months, remembered for the last day asked: 3.9 and 5.12 ask it for the same case in turn. */
let lastEff = Number.NaN;
let lastTo = Number.NaN;
export function threeMonthsAfter(eff: Day): Day {
  if (eff !== lastEff) {
    lastEff = eff;
    lastTo = addMonthsDay(eff, 3);
  }
  return lastTo;
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

/** What a rule module declares; the rule set adds the NO_COLUMN guard (spec §2.1). */
export type QuestionDef = Question;

type Evaluate = Question['evaluate'];

/** The rule of each guarded question without its guard (for runs that check columns once). */
const UNGUARDED = new WeakMap<Question, Evaluate>();

/**
 * Wraps a question so a column the question reads that is missing from the sheet (NO_COLUMN)
 * makes it "Mangler oplysninger" for every row, as spec §2.1 says ("a missing optional column
 * means its questions are Mangler oplysninger for every row").
 */
export function guardColumns(q: QuestionDef): Question {
  const cols = q.columns;
  const inner = q.evaluate;
  const evaluate = (r: CaseRecord, ctx: RuleContext): FinalVerdict | ReturnType<typeof inner> => {
    for (let i = 0; i < cols.length; i += 1) {
      const id = cols[i] as ColumnId;
      if (r[id] === NO_COLUMN) return MISSING[id].noColumn;
    }
    return inner(r, ctx);
  };
  const guarded = Object.freeze({ ...q, evaluate });
  UNGUARDED.set(guarded, inner);
  return guarded;
}

/**
 * The evaluator to use for a whole sheet whose absent columns are known: the guard's constant
 * "Mangler oplysninger" when one of the question's columns is absent, else the bare rule. The
 * guard's answer is the same for every row of a sheet, so the hot loop need not repeat it.
 */
export function evaluatorFor(q: Question, absent: ReadonlySet<ColumnId>): Evaluate {
  for (const id of q.columns) {
    if (absent.has(id)) {
      const v = MISSING[id].noColumn;
      return () => v;
    }
  }
  return UNGUARDED.get(q) ?? q.evaluate;
}
