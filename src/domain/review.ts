import { normalizeHeader } from './headers';
import { MEASURE_BY_CODE } from './measures';
import { SETTINGS_LABELS } from './settings';
import { SETTINGS_SHEET, sameSheetName } from './sheetnames';
import { isChange, latestLines, lineKey, reviewLine } from './corrections';
import { getRuleSet } from './rules';
import {
  IKKE_RELEVANT,
  NO_COLUMN,
  UNREADABLE,
  type CaseResult,
  type Correction,
  type Day,
  type FinalVerdict,
  type PlanValue,
  type Question,
  type Report,
  type Snapshot,
  type WritePlan,
} from './types';

/**
 * The reviewer's actions in the task pane (issue "Reviewer workflow", spec §10), as pure checks
 * that turn an action into log lines for "Gennemgang". The controller supplies a fresh report
 * (read just before writing) and the wall-clock time; nothing here reads the clock.
 */

/** A wall-clock time in Europe/Copenhagen: the day and minutes after midnight. */
export interface WallClock {
  readonly day: Day;
  readonly minutes: number;
}

export type ReviewAction =
  /** "Godkend": confirms the verdict as shown (Rettet til = the answer in force). */
  | { readonly kind: 'godkend' }
  /** "Ret": a new answer, one of the question's table rows, with a reason. */
  | { readonly kind: 'ret'; readonly to: string; readonly reason: string }
  /** "Træk rettelse tilbage": a line with an empty Rettet til, with a reason. */
  | { readonly kind: 'tilbagekald'; readonly reason: string };

/** What the reviewer saw when acting: the verdict must still be the same when the line is written. */
export interface ReviewTarget {
  readonly sagsnr: number;
  readonly question: string;
  readonly shown: { readonly answer: string; readonly computedAnswer: string };
}

export interface ReviewContext {
  readonly now: WallClock;
  readonly date1904: boolean;
  readonly initials: string | null;
}

export type ReviewResult =
  | { readonly ok: true; readonly lines: PlanValue[][] }
  /** changed: the verdict is not what the reviewer saw (data or log changed); invalid: bad input. */
  | { readonly ok: false; readonly code: 'changed' | 'invalid'; readonly message: string };

/** Longest reason accepted (well inside Excel's 32,767 characters per cell). */
export const MAX_REASON_LENGTH = 2000;

const CPR_LIKE = /(^|[^\d])\d{6}[-\s]?\d{4}(?!\d)/;

const invalid = (message: string): ReviewResult => ({ ok: false, code: 'invalid', message });

/**
 * Initials as kept in Indstillinger and written on every log line: 1–10 letters, digits or "-".
 * Decision: initials are upper-cased and limited so a log line always names its reviewer in the
 * same short form (Offentlighedsloven § 13: who made the note must be apparent).
 * Returns the trimmed initials, or null when they are not valid.
 * @example validInitials(' ab ') === 'AB'
 */
export function validInitials(text: string): string | null {
  const t = text.trim().toUpperCase();
  return /^[\p{L}\d-]{1,10}$/u.test(t) ? t : null;
}

/** The questions a reviewer confirms or corrects: those with a legal requirement (not table 1.1). */
export function isReviewable(q: Question): boolean {
  return q.compliantRows.length > 0;
}

/** The answers "Ret" offers for a question: its table rows, the optional ones included. */
export function allowedAnswers(q: Question): readonly string[] {
  return [...q.rows, ...(q.optionalRows ?? [])];
}

/** True when the answer is one of the question's table rows (what "Godkend" can confirm). */
export function isTableRow(q: Question, answer: string): boolean {
  return allowedAnswers(q).includes(answer);
}

function nameParts(c: CaseResult): string[] {
  const n = c.record.navn;
  if (n === null || n === UNREADABLE || n === NO_COLUMN) return [];
  const whole = n.trim();
  const parts = whole.split(/\s+/).filter((p) => p.length >= 3);
  return whole === '' ? [] : [whole, ...parts];
}

/**
 * Checks a free-text reason before it goes into the log. The log is kept for years and shown to
 * others: no CPR number, no child's name (spec §2.5: never in logs).
 * Decision: a reason that mentions the child's name or a CPR-like number is refused with a
 * message, so the log holds no personal identifiers (databeskyttelsesforordningen art. 5, stk. 1, litra c).
 */
export function reasonProblem(reason: string, c: CaseResult): string | null {
  const t = reason.trim();
  if (t === '') return 'Skriv en begrundelse; den gemmes i arket Gennemgang.';
  if (t.length > MAX_REASON_LENGTH)
    return `Begrundelsen er for lang (${t.length} tegn); skriv højst ${MAX_REASON_LENGTH} tegn.`;
  if (CPR_LIKE.test(t))
    return 'Begrundelsen må ikke indeholde et cpr-nummer (eller et tal, der ligner et); skriv sagsnummeret i stedet.';
  const lower = t.toLocaleLowerCase('da-DK');
  for (const part of nameParts(c)) {
    const p = part.toLocaleLowerCase('da-DK').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}])${p}($|[^\\p{L}])`, 'u').test(lower))
      return 'Begrundelsen må ikke indeholde barnets navn; skriv "barnet" eller sagsnummeret i stedet.';
  }
  return null;
}

/**
 * The one case with this Sagsnr, or a Danish message (the log names cases by Sagsnr alone).
 * Decision: a Sagsnr on two rows cannot be reviewed until fixed, since a log line could not tell
 * the cases apart (spec §3: duplicate sagsnr is an error; §10: lines are keyed by Sagsnr).
 */
export function caseBySagsnr(report: Report, sagsnr: number): CaseResult | string {
  const hits = report.cases.filter((c) => c.sagsnr === sagsnr);
  if (hits.length === 0)
    return `Sag ${sagsnr} findes ikke længere i ${report.caseSheet.name}; kør kontrollen igen.`;
  if (hits.length > 1)
    return `Sagsnummer ${sagsnr} står i flere rækker i ${report.caseSheet.name}; ret sagsnumrene, så loggen kan skelne sagerne, og kør kontrollen igen.`;
  return hits[0] as CaseResult;
}

/** The log line in force for a case's question, if any. */
export function lineInForce(report: Report, sagsnr: number, question: string): Correction | undefined {
  return latestLines(report.corrections).get(lineKey(sagsnr, question));
}

function questionOf(report: Report, id: string): Question | undefined {
  return getRuleSet(report.ruleset).questions.find((q) => q.id === id);
}

/**
 * The log line for one action on one question, checked against a fresh report.
 * - The case and question must exist, the question must be reviewable and relevant.
 * - The verdict must be what the reviewer saw, else { code: 'changed' } (the pane shows it again).
 * - Initials must be set. Godkend needs an answer that is a table row; Ret a different table row
 *   and a reason; a withdrawal a correction in force and a reason.
 * Beregnet is always today's computed answer, Rettet til the answer in force after the action.
 */
export function reviewLineFor(
  report: Report,
  target: ReviewTarget,
  action: ReviewAction,
  ctx: ReviewContext,
): ReviewResult {
  const c = caseBySagsnr(report, target.sagsnr);
  if (typeof c === 'string') return { ok: false, code: 'changed', message: c };
  const q = questionOf(report, target.question);
  if (q === undefined || !isReviewable(q))
    return invalid(`Spørgsmål ${target.question} kan ikke godkendes eller rettes i gennemgangen.`);
  const v = c.verdicts[q.id] as FinalVerdict;
  // Decision: nothing is logged when the verdict is no longer what the reviewer saw, so Beregnet
  // always records what was actually reviewed (Offentlighedsloven § 13, notatpligt).
  if (v.answer !== target.shown.answer || v.computedAnswer !== target.shown.computedAnswer) {
    return {
      ok: false,
      code: 'changed',
      message: `Spørgsmål ${q.id} i sag ${target.sagsnr} er ændret, siden det blev vist (nu "${v.answer}"); se det igen, før du godkender eller retter.`,
    };
  }
  const initials = ctx.initials === null ? null : validInitials(ctx.initials);
  if (initials === null)
    return invalid('Skriv dine initialer først; de gemmes i arket Indstillinger og skrives i loggen.');
  // Decision: relevance comes from the case's facts, so a question that is not relevant is put
  // right by fixing the cells, never by a log line (spec §4 "Relevance is always decided from the facts").
  if (v.computedAnswer === IKKE_RELEVANT)
    return invalid(
      `Spørgsmål ${q.id} er ikke relevant for sagen efter oplysningerne i arket; ret oplysningerne i ${report.caseSheet.name}, hvis det er forkert.`,
    );
  const line = (correctedTo: string | null, reason: string): ReviewResult => ({
    ok: true,
    lines: [
      reviewLine({
        now: ctx.now,
        date1904: ctx.date1904,
        sagsnr: target.sagsnr,
        question: q.id,
        computed: v.computedAnswer,
        correctedTo,
        reason: reason.trim(),
        initials,
      }),
    ],
  });
  switch (action.kind) {
    // Decision: "Godkend" confirms the answer in force, so on a corrected question it repeats the
    // correction (Beregnet = computed, Rettet til = corrected answer) rather than undoing it (spec §10).
    case 'godkend':
      // Decision: "Mangler oplysninger" is not a table row and cannot be approved; the reviewer
      // fills in the cell or uses "Ret" with a reason (spec §4, §10: Rettet til is a table row).
      if (!isTableRow(q, v.answer))
        return invalid(
          `"${v.answer}" kan ikke godkendes; udfyld oplysningerne i ${report.caseSheet.name}, eller brug "Ret" og vælg et svar.`,
        );
      return line(v.answer, '');
    // Decision: a correction and a withdrawal both need a written reason; an approval does not
    // (the computed reason stands) (Offentlighedsloven § 13, notatpligt).
    case 'ret': {
      if (!isTableRow(q, action.to))
        return invalid(
          `"${action.to}" er ikke et af svarene i tabel ${q.id}; vælg et af: ${allowedAnswers(q).join(', ')}.`,
        );
      if (action.to === v.answer) return invalid(`Svaret er allerede "${v.answer}"; vælg et andet svar.`);
      const why = reasonProblem(action.reason, c);
      return why === null ? line(action.to, action.reason) : invalid(why);
    }
    case 'tilbagekald': {
      if (v.correction === undefined || !isChange(v.correction))
        return invalid(`Spørgsmål ${q.id} har ingen rettelse, der kan trækkes tilbage.`);
      const why = reasonProblem(action.reason, c);
      return why === null ? line(null, action.reason) : invalid(why);
    }
  }
}

/**
 * "Godkend resten": approval lines for every relevant question of the case that has no line in
 * force yet and whose answer is a table row ("Mangler oplysninger" is left for the reviewer).
 */
export function approveRemaining(report: Report, sagsnr: number, ctx: ReviewContext): ReviewResult {
  const c = caseBySagsnr(report, sagsnr);
  if (typeof c === 'string') return { ok: false, code: 'changed', message: c };
  const latest = latestLines(report.corrections);
  const lines: PlanValue[][] = [];
  for (const q of getRuleSet(report.ruleset).questions) {
    const v = c.verdicts[q.id];
    if (v === undefined || !isReviewable(q) || v.computedAnswer === IKKE_RELEVANT) continue;
    if (latest.has(lineKey(sagsnr, q.id)) || !isTableRow(q, v.answer)) continue;
    const r = reviewLineFor(report, { sagsnr, question: q.id, shown: v }, { kind: 'godkend' }, ctx);
    if (!r.ok) return r;
    lines.push(...r.lines);
  }
  if (lines.length === 0)
    return invalid(`Alle spørgsmål i sag ${sagsnr}, der kan godkendes, er allerede gennemgået.`);
  return { ok: true, lines };
}

/** The measure of a case as its label, for lists and headings (never the child's name or CPR). */
export function measureText(c: CaseResult): string {
  const m = c.record.foranstaltning;
  if (m === null || m === NO_COLUMN) return 'Foranstaltning ikke angivet';
  if (m === UNREADABLE) return 'Foranstaltning kan ikke læses';
  return MEASURE_BY_CODE[m].label;
}

/**
 * The plan that keeps the reviewer's initials in Indstillinger, touching one cell: the value next
 * to an existing "Initialer" label (column A or B, first such row, as readSettings finds it), else
 * a new "Initialer | XX" row below the sheet's last row, else (no sheet) a new Indstillinger sheet
 * with that row. The cells are written through the plan's cell block on the named sheet; nothing
 * else of the workbook changes (a person's other settings and notes stay as they are).
 */
export function initialsPlan(snapshot: Snapshot, caseSheet: string, initials: string): WritePlan {
  const base: WritePlan = {
    caseSheet,
    clearColumns: null,
    verdictBlock: { row: 1, col: 1, values: [] },
    verdictColumnWidths: [],
    sheets: [],
    deleteSheets: [],
  };
  const label = SETTINGS_LABELS.initialer;
  const name = snapshot.sheetNames.find((n) => sameSheetName(n, SETTINGS_SHEET));
  if (name === undefined) {
    return {
      ...base,
      sheets: [
        {
          name: SETTINGS_SHEET,
          blocks: [{ row: 1, col: 1, values: [[label, initials]] }],
          columnWidths: [28, 24],
          freezeRows: 0,
          visibility: 'visible',
        },
      ],
    };
  }
  const rows = snapshot.sheets[name]?.rows ?? [];
  const key = normalizeHeader(label);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] ?? [];
    for (let c = 0; c < 2; c += 1) {
      const cell = row[c];
      if (typeof cell === 'string' && normalizeHeader(cell) === key)
        return { ...base, caseSheet: name, verdictBlock: { row: r + 1, col: c + 2, values: [[initials]] } };
    }
  }
  let last = rows.length;
  while (last > 0 && (rows[last - 1] ?? []).every((c) => c === null || c === '')) last -= 1;
  return { ...base, caseSheet: name, verdictBlock: { row: last + 1, col: 1, values: [[label, initials]] } };
}
