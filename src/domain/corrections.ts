import { DATETIME_FORMAT } from './formats';
import { a1, columnLetter } from './address';
import { copyVerdict } from './rules/common';
import { formatDay, formatMinutes } from './days';
import { normalizeHeader } from './headers';
import { dayToSerial, serialToDateTime } from './serial';
import { sameSheetName, sheetRef } from './sheetnames';
import { isFailure, parseDateTime, parseSagsnr, parseText } from './values';
import {
  REVIEW_HEADERS,
  REVIEW_SHEET,
  type CaseRecord,
  type Cell,
  type Correction,
  type Day,
  type FinalVerdict,
  type PlanValue,
  type Problem,
  type Question,
  type ReviewStatus,
  type RuleSet,
  type Snapshot,
} from './types';

/**
 * Reviewer corrections (spec §10): the append-only log sheet "Gennemgang". The tool only appends
 * lines (reviewLine); it never edits or deletes them.
 */

type HeaderKey = 'tidspunkt' | 'sagsnr' | 'spoergsmaal' | 'beregnet' | 'rettet' | 'begrundelse' | 'initialer';
const KEYS: readonly HeaderKey[] = [
  'tidspunkt',
  'sagsnr',
  'spoergsmaal',
  'beregnet',
  'rettet',
  'begrundelse',
  'initialer',
];
const HEADER_KEY = new Map<string, HeaderKey>(
  REVIEW_HEADERS.map((h, i) => [normalizeHeader(h), KEYS[i] as HeaderKey]),
);
const CORRECTED_SUFFIX = /\s*\(rettet\)\s*$/i;

export interface ReadCorrectionsResult {
  readonly lines: Correction[];
  readonly problems: Problem[];
}

const text = (cell: Cell | undefined, d1904: boolean): string => {
  const t = parseText(cell ?? null, d1904);
  return t === null || isFailure(t) ? '' : t;
};

/** The question id of a Spørgsmål cell; a number cell such as 4.1 (Excel turned "4.10" into it) is matched by value. */
function questionId(cell: Cell | undefined, ids: readonly string[], d1904: boolean): string | null {
  if (typeof cell === 'number' || (cell !== null && typeof cell === 'object' && 'n' in cell)) {
    const n = typeof cell === 'number' ? cell : cell.n;
    const hits = ids.filter((id) => Number(id) === n);
    return hits.length === 1 ? (hits[0] as string) : null;
  }
  const t = text(cell, d1904);
  return ids.includes(t) ? t : null;
}

/**
 * Reads the log lines of "Gennemgang". A line whose Tidspunkt cannot be read, whose Sagsnr or
 * Spørgsmål is unknown, or whose Rettet til is not one of the question's rows is ignored and
 * reported (naming the log cell). Rettet til is matched without regard to case and written back
 * in the table's spelling. No sheet → no lines.
 */
export function readCorrections(
  snapshot: Snapshot,
  date1904: boolean,
  ruleSet: RuleSet,
  knownSagsnr: ReadonlySet<number>,
): ReadCorrectionsResult {
  const lines: Correction[] = [];
  const problems: Problem[] = [];
  const name = Object.keys(snapshot.sheets).find((n) => sameSheetName(n, REVIEW_SHEET));
  const sheet = name === undefined ? undefined : snapshot.sheets[name];
  if (sheet === undefined || name === undefined) return { lines, problems };

  // The header row: the first of the first 10 rows with Tidspunkt, Sagsnr and Spørgsmål.
  let headerIdx = -1;
  let cols: Partial<Record<HeaderKey, number>> = {};
  for (let r = 0; r < Math.min(10, sheet.rows.length) && headerIdx < 0; r += 1) {
    const found: Partial<Record<HeaderKey, number>> = {};
    (sheet.rows[r] ?? []).forEach((c, i) => {
      if (typeof c !== 'string') return;
      const k = HEADER_KEY.get(normalizeHeader(c));
      if (k !== undefined && found[k] === undefined) found[k] = i;
    });
    if (found.tidspunkt !== undefined && found.sagsnr !== undefined && found.spoergsmaal !== undefined) {
      headerIdx = r;
      cols = found;
    }
  }
  const problem = (row: number, col: number | null, message: string): void => {
    const cell = col === null ? null : a1(row, col + 1);
    problems.push({
      sagsnr: null,
      row,
      column: null,
      severity: 'error',
      code: 'invalid-review-line',
      message: `${cell === null ? `Arket ${name}, række ${row}` : sheetRef(name, cell)}: ${message}`,
      sheet: name,
      cell,
    });
  };
  if (headerIdx < 0) {
    if (sheet.rows.some((row) => row.some((c) => c !== null && c !== ''))) {
      problems.push({
        sagsnr: null,
        row: null,
        column: null,
        severity: 'error',
        code: 'invalid-review-sheet',
        message: `Arket ${name} har ikke overskrifterne ${REVIEW_HEADERS.join(' | ')} i de første rækker, så ingen rettelser bruges; gendan overskrifterne i række 1.`,
        sheet: name,
        cell: null,
      });
    }
    return { lines, problems };
  }

  const ids = ruleSet.questions.map((q) => q.id);
  const byId = new Map<string, Question>(ruleSet.questions.map((q) => [q.id, q]));
  const get = (row: readonly Cell[], k: HeaderKey): Cell | undefined => {
    const c = cols[k];
    return c === undefined ? undefined : row[c];
  };
  for (let r = headerIdx + 1; r < sheet.rows.length; r += 1) {
    const row = sheet.rows[r] ?? [];
    if (row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    const logRow = r + 1;
    const rawTime = get(row, 'tidspunkt') ?? null;
    const t = parseDateTime(rawTime, date1904);
    if (t === null || isFailure(t)) {
      problem(
        logRow,
        cols.tidspunkt ?? null,
        `Tidspunkt ${t === null ? 'mangler' : 'kan ikke læses'}, så linjen bruges ikke; skriv dato og klokkeslæt som dd-mm-åååå tt:mm.`,
      );
      continue;
    }
    const s = parseSagsnr(get(row, 'sagsnr') ?? null, date1904);
    if (s === null || isFailure(s) || !knownSagsnr.has(s)) {
      problem(
        logRow,
        cols.sagsnr ?? null,
        `Sagsnr ${s === null ? 'mangler' : isFailure(s) ? 'kan ikke læses' : `${s} findes ikke i sagsoversigten`}, så linjen bruges ikke; ret sagsnummeret.`,
      );
      continue;
    }
    const qid = questionId(get(row, 'spoergsmaal'), ids, date1904);
    const q = qid === null ? undefined : byId.get(qid);
    if (qid === null || q === undefined) {
      problem(
        logRow,
        cols.spoergsmaal ?? null,
        `Spørgsmål er ikke et kendt spørgsmål (fx "2.3"), så linjen bruges ikke; ret spørgsmålets nummer.`,
      );
      continue;
    }
    // Spec §10: table 1.1 (the measure) is a fact, not a requirement; it is corrected in the case sheet.
    if (q.compliantRows.length === 0) {
      problem(
        logRow,
        cols.spoergsmaal ?? null,
        `Spørgsmål ${q.id} er en oplysning om sagen og ikke et krav, så linjen bruges ikke; ret i stedet cellen Foranstaltning i sagsoversigten.`,
      );
      continue;
    }
    // Spacing is not part of an answer: "Nej,  men lovlig grund" is read as the table row.
    const raw = text(get(row, 'rettet'), date1904).replace(CORRECTED_SUFFIX, '').replace(/\s+/g, ' ').trim();
    let correctedTo: string | null = null;
    if (raw !== '') {
      const allowed = [...q.rows, ...(q.optionalRows ?? [])];
      const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
      if (hit === undefined) {
        problem(
          logRow,
          cols.rettet ?? null,
          `Rettet til er ikke et af svarene i tabel ${q.id} (${allowed.map((a) => `"${a}"`).join(', ')}), så linjen bruges ikke; skriv et af dem.`,
        );
        continue;
      }
      correctedTo = hit;
    }
    lines.push({
      logRow,
      sagsnr: s,
      question: qid,
      computed: text(get(row, 'beregnet'), date1904).replace(CORRECTED_SUFFIX, ''),
      correctedTo,
      reason: text(get(row, 'begrundelse'), date1904),
      initials: text(get(row, 'initialer'), date1904),
      at: exactMinutes(rawTime, date1904) ?? t.day * 1440 + (t.minutes ?? 0),
    });
  }
  return { lines, problems };
}

/**
 * An Excel date-time as minutes since Day 0 with its seconds kept (a fraction of a minute), so two
 * lines written in the same minute keep their real order; null for text (minute precision).
 * Decision: "latest by Tidspunkt" uses the full Excel time, and only equal times fall back to row
 * order (spec §10).
 */
function exactMinutes(cell: Cell, date1904: boolean): number | null {
  const serial =
    typeof cell === 'number'
      ? cell
      : cell !== null && typeof cell === 'object' && 'n' in cell
        ? cell.n
        : null;
  if (serial === null || !Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  const day = serialToDateTime(whole, date1904);
  return day === null ? null : day.day * 1440 + (serial - whole) * 1440;
}

/** Tidspunkt of a line as "dd-mm-yyyy kl. HH:mm" (to the nearest minute), or '' when unknown. */
export function lineTime(l: Correction): string {
  if (l.at === undefined) return '';
  const m = Math.round(l.at);
  return `${formatDay(Math.floor(m / 1440))} kl. ${formatMinutes(m % 1440)}`;
}

export interface AppliedCorrections {
  /** Per case, per question index (same order as the rule set). */
  readonly verdicts: FinalVerdict[][];
  readonly review: ReviewStatus[];
  /** Cases whose status is not "ikke gennemgået". */
  readonly reviewed: number;
  readonly problems: Problem[];
}

/** The map key of a (Sagsnr, Spørgsmål) pair. */
export const lineKey = (sagsnr: number, question: string): string => `${sagsnr}|${question}`;

/**
 * The line in force per (Sagsnr, Spørgsmål): the latest by Tidspunkt, then by row order (spec §10).
 * @example latestLines([{ logRow: 2, at: 9, … }, { logRow: 3, at: 5, … }]).get('1|2.3')?.logRow === 2
 */
export function latestLines(lines: readonly Correction[]): Map<string, Correction> {
  const latest = new Map<string, Correction>();
  const ordered = [...lines].sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity) || a.logRow - b.logRow);
  for (const l of ordered) latest.set(lineKey(l.sagsnr, l.question), l);
  return latest;
}

/** True when the line changes the answer (an approval repeats Beregnet in Rettet til). */
export const isChange = (l: Correction): l is Correction & { correctedTo: string } =>
  l.correctedTo !== null && l.correctedTo !== l.computed;

/** The log resolved against the computed answers: final answers and what each case's lines do. */
export interface ResolvedCorrections {
  /** Final answers, case-major (case i, question j at i × nq + j); the computed ones where no line changes them. */
  readonly answers: readonly string[];
  readonly review: ReviewStatus[];
  /** Cases whose status is not "ikke gennemgået". */
  readonly reviewed: number;
  /** (case, question) pairs whose answer a correction replaced. */
  readonly corrected: number;
  readonly problems: Problem[];
  /** The lines in force per case index (only cases that have any). */
  readonly linesByCase: ReadonlyMap<number, readonly Correction[]>;
}

/**
 * Applies the log to computed answers: per (Sagsnr, Spørgsmål) the latest line by Tidspunkt, then
 * row order, wins. A line whose Rettet til differs from its Beregnet replaces the computed answer;
 * a line that repeats Beregnet is an approval and an empty Rettet til a withdrawal (both leave the
 * computed answer; a withdrawal makes the case "rettelse trukket tilbage", not "godkendt"). Any
 * line in force whose Beregnet differs from today's computed answer is stale: the case becomes "ændret siden gennemgang" and a warning names the question.
 * Decision: a correction stays in force when stale (the reviewer's word stands until they look again).
 * Decision: a case counts as gennemgået once any of its questions has a line in force; the task
 * pane shows per case how many of its questions are reviewed (spec §10, issue "Reviewer workflow").
 */
export function resolveCorrections(
  computed: readonly string[],
  records: readonly CaseRecord[],
  questions: readonly Question[],
  lines: readonly Correction[],
  caseSheet: string,
): ResolvedCorrections {
  const nq = questions.length;
  const qIndex = new Map(questions.map((q, i) => [q.id, i]));
  const latest = latestLines(lines);
  const bySagsnr = new Map<number, Correction[]>();
  for (const l of latest.values()) {
    const list = bySagsnr.get(l.sagsnr);
    if (list) list.push(l);
    else bySagsnr.set(l.sagsnr, [l]);
  }
  const problems: Problem[] = [];
  const review: ReviewStatus[] = new Array<ReviewStatus>(records.length);
  const linesByCase = new Map<number, Correction[]>();
  let answers: string[] | null = null; // copied on the first change only
  let reviewed = 0;
  let corrected = 0;
  for (let ci = 0; ci < records.length; ci += 1) {
    const r = records[ci] as CaseRecord;
    const mine = typeof r.sagsnr === 'number' ? bySagsnr.get(r.sagsnr) : undefined;
    if (mine === undefined) {
      review[ci] = 'ikke gennemgået';
      continue;
    }
    linesByCase.set(ci, mine);
    let stale = false;
    let changed = false;
    let withdrawn = false;
    for (const l of mine) {
      const qi = qIndex.get(l.question);
      if (qi === undefined) continue;
      const q = questions[qi] as Question;
      const now = computed[ci * nq + qi] as string;
      if (l.computed !== now) {
        stale = true;
        const when = l.at === undefined ? '' : ` ${lineTime(l)}`;
        problems.push({
          sagsnr: r.sagsnr as number,
          row: r.row,
          column: q.columnHeader,
          severity: 'warning',
          code: 'review-stale',
          message: `${caseSheet}, række ${r.row}: Spørgsmål ${q.id} beregnes nu til "${now}", men var "${l.computed}" ved gennemgangen${when} (${REVIEW_SHEET} række ${l.logRow}); se spørgsmål ${q.id} igennem igen, og godkend eller ret det.`,
          sheet: caseSheet,
          cell: null,
          question: q.id,
        });
      }
      if (l.correctedTo === null) withdrawn = true;
      if (isChange(l)) {
        if (l.correctedTo !== now) changed = true;
        if (answers === null) answers = computed.slice();
        answers[ci * nq + qi] = l.correctedTo;
        corrected += 1;
      }
    }
    // Decision: a withdrawn correction leaves its computed answer unconfirmed, so the case is not
    // "godkendt" while one is in force; a correction or stale line says more and wins (spec §10).
    review[ci] = stale
      ? 'ændret siden gennemgang'
      : changed
        ? 'rettet'
        : withdrawn
          ? 'rettelse trukket tilbage'
          : 'godkendt';
    reviewed += 1;
  }
  return { answers: answers ?? computed, review, reviewed, corrected, problems, linesByCase };
}

/**
 * One case's final verdicts: its computed verdicts with its lines in force applied (a change
 * replaces the verdict and says who changed it from what and why; a stale line marks it).
 */
export function correctVerdicts(
  computed: readonly FinalVerdict[],
  lines: readonly Correction[],
  questions: readonly Question[],
): FinalVerdict[] {
  const out = computed.slice();
  for (const l of lines) {
    const qi = questions.findIndex((q) => q.id === l.question);
    if (qi < 0) continue;
    const v = computed[qi] as FinalVerdict;
    const isStale = l.computed !== v.answer;
    if (isChange(l)) {
      const who = l.initials === '' ? '' : ` af ${l.initials}`;
      const why = l.reason === '' ? 'ingen begrundelse angivet' : l.reason.replace(/[.\s]+$/, '');
      out[qi] = {
        answer: l.correctedTo,
        reason: `Rettet ved gennemgang${who} fra "${l.computed}": ${why}.`,
        computedAnswer: v.answer,
        computedReason: v.reason,
        correction: l,
        ...(isStale ? { stale: true } : {}),
      };
    } else if (isStale) {
      out[qi] = copyVerdict(v, { stale: true }); // not a spread: a lazy reason is an accessor
    }
  }
  return out;
}

/**
 * resolveCorrections and correctVerdicts over verdict arrays: the log applied to every case.
 * @example applyCorrections(evaluateRecords(records, settings, today, SEL_2023), records, SEL_2023.questions, lines, 'Sagsoversigt')
 */
export function applyCorrections(
  computed: readonly (readonly FinalVerdict[])[],
  records: readonly CaseRecord[],
  questions: readonly Question[],
  lines: readonly Correction[],
  caseSheet: string,
): AppliedCorrections {
  const answers: string[] = [];
  for (const vs of computed) for (const v of vs) answers.push(v.answer);
  const r = resolveCorrections(answers, records, questions, lines, caseSheet);
  const verdicts = computed.map((vs, ci) => {
    const mine = r.linesByCase.get(ci);
    return mine === undefined ? (vs as FinalVerdict[]) : correctVerdicts(vs, mine, questions);
  });
  return { verdicts, review: r.review, reviewed: r.reviewed, problems: r.problems };
}

/**
 * One log line for the task pane's "Godkend" (correctedTo = the computed answer) and "Ret"
 * (correctedTo = the new answer; null withdraws an earlier correction) buttons. Tidspunkt is an
 * Excel serial date-time in the workbook's date system; the caller passes "now".
 * @example reviewLine({ now: { day: 45000, minutes: 600 }, date1904: false, sagsnr: 3, question: '2.3',
 *   computed: 'Nej', correctedTo: 'Ja', reason: 'Partshøring før fristen', initials: 'AB' })
 *   → [45000.416666…, 3, '2.3', 'Nej', 'Ja', 'Partshøring før fristen', 'AB']
 */
export function reviewLine(line: {
  readonly now: { readonly day: Day; readonly minutes: number };
  readonly date1904: boolean;
  readonly sagsnr: number;
  readonly question: string;
  readonly computed: string;
  readonly correctedTo: string | null;
  readonly reason: string;
  readonly initials: string | null;
}): PlanValue[] {
  return [
    dayToSerial(line.now.day, line.date1904) + line.now.minutes / 1440,
    line.sagsnr,
    line.question,
    line.computed,
    line.correctedTo,
    // Empty text is written as an empty cell, never as a zero-length string.
    line.reason === '' ? null : line.reason,
    line.initials === null || line.initials === '' ? null : line.initials,
  ];
}

/** Column letter of each log column as the tool writes the sheet ("Rettet til" = E). */
export const REVIEW_COLUMN_LETTERS: Readonly<Record<(typeof REVIEW_HEADERS)[number], string>> =
  Object.fromEntries(REVIEW_HEADERS.map((h, i) => [h, columnLetter(i + 1)])) as Record<
    (typeof REVIEW_HEADERS)[number],
    string
  >;

/** The first rows searched for the log's header (as readCorrections does). */
const HEADER_SEARCH_ROWS = 10;

const isBlankCell = (c: Cell | undefined): boolean =>
  c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** True when the row holds exactly the seven log headers from column A on (spelling as normalised). */
function isExactHeaderRow(row: readonly Cell[]): boolean {
  return REVIEW_HEADERS.every(
    (h, i) => typeof row[i] === 'string' && normalizeHeader(row[i]) === normalizeHeader(h),
  );
}

export type ReviewAppendPlan =
  | { readonly ok: true; readonly rows: readonly (readonly PlanValue[])[] }
  | { readonly ok: false; readonly message: string };

/**
 * The rows to append to "Gennemgang" for new log lines. Both adapters create the sheet with its
 * headers when it is absent and append below its last row with a value; an existing but empty
 * sheet gets the header row first. The tool appends only to a log whose header row (within the
 * first 10 rows) is exactly the seven columns from column A, so every line lands in its column.
 * Decision: a "Gennemgang" sheet with other content is never written to; the reviewer gets a
 * message instead (the log must stay readable as kept, Offentlighedsloven § 13 om notatpligt).
 */
export function reviewAppendRows(
  snapshot: Snapshot,
  lines: readonly (readonly PlanValue[])[],
): ReviewAppendPlan {
  const name = snapshot.sheetNames.find((n) => sameSheetName(n, REVIEW_SHEET));
  if (name === undefined) return { ok: true, rows: lines };
  const rows = snapshot.sheets[name]?.rows ?? [];
  if (rows.every((row) => row.every(isBlankCell))) return { ok: true, rows: [[...REVIEW_HEADERS], ...lines] };
  if (rows.slice(0, HEADER_SEARCH_ROWS).some(isExactHeaderRow)) return { ok: true, rows: lines };
  return {
    ok: false,
    message: `Arket ${name} skal have overskrifterne ${REVIEW_HEADERS.join(' | ')} i kolonne A–G i en af de første ${HEADER_SEARCH_ROWS} rækker, før der kan gemmes godkendelser og rettelser; ret overskrifterne (ingen linjer slettes), og prøv igen.`,
  };
}

/**
 * The snapshot as it reads after the adapter appended `rows` to the log (same placement: below
 * the last row with a value; a new sheet starts with the headers). Lets the task pane show the
 * effect of a review line without reading the workbook again. Tidspunkt numbers read back as
 * date-times, as the adapters format them.
 */
export function withAppendedReviewRows(
  snapshot: Snapshot,
  rows: readonly (readonly PlanValue[])[],
): Snapshot {
  const existing = snapshot.sheetNames.find((n) => sameSheetName(n, REVIEW_SHEET));
  const name = existing ?? REVIEW_SHEET;
  const before = existing === undefined ? [[...REVIEW_HEADERS]] : (snapshot.sheets[name]?.rows ?? []);
  let last = before.length;
  while (last > 0 && (before[last - 1] ?? []).every(isBlankCell)) last -= 1;
  const asCell = (v: PlanValue, j: number): Cell =>
    j === 0 && typeof v === 'number' ? { n: v, fmt: REVIEW_DATETIME_FORMAT } : v === '' ? null : v;
  const appended = rows.map((r) => r.map(asCell));
  return {
    ...snapshot,
    sheetNames: existing === undefined ? [...snapshot.sheetNames, name] : snapshot.sheetNames,
    sheets: {
      ...snapshot.sheets,
      [name]: {
        name,
        rows: [...before.slice(0, last), ...appended],
        merges: snapshot.sheets[name]?.merges ?? [],
      },
    },
  };
}

/** The number format both adapters give Tidspunkt. */
export const REVIEW_DATETIME_FORMAT = DATETIME_FORMAT;
