import { a1, columnLetter } from './address';
import { COLUMN_BY_ID } from './columns';
import { latestLines, lineKey, lineTime } from './corrections';
import { maskCpr } from './cpr';
import { formatDay, formatMinutes } from './days';
import { formatCount, sager } from './numbers';
import { allowedAnswers, isReviewable, isTableRow, measureText } from './review';
import { getRuleSet } from './rules';
import { sameSheetName } from './sheetnames';
import {
  IKKE_RELEVANT,
  NO_COLUMN,
  UNREADABLE,
  type CaseResult,
  type ColumnId,
  type Correction,
  type DateTime,
  type FinalVerdict,
  type Problem,
  type Report,
  type ReviewStatus,
} from './types';

/**
 * The task pane's case view as plain data (issue "Reviewer workflow"): the list of cases with
 * their review status, the filter, next/previous, the case at a selected cell, and per case the
 * relevant questions with verdict, reason, source cells and the answers "Ret" offers. Pure: it
 * reads a Report and nothing else. Never exposes a CPR number (masked) or a child's name.
 */

export type CaseFilter = 'alle' | 'problemer' | 'nej';

export const CASE_FILTER_LABEL: Readonly<Record<CaseFilter, string>> = {
  alle: 'Alle sager',
  problemer: 'Sager med problemer',
  nej: 'Sager med et "Nej"',
};

export interface CaseListItem {
  /** Index into report.cases. */
  readonly index: number;
  readonly sagsnr: number | null;
  /** Excel row of the case. */
  readonly row: number;
  readonly measure: string;
  readonly status: ReviewStatus;
  /** Problems of the case's row (selection, cells, missing data, stale review lines). */
  readonly problems: number;
  /** Any final answer is one of the "Nej" rows ("Nej, men …" included). */
  readonly hasNej: boolean;
}

/** Problems that belong to a case: its row on the case sheet, or its Sagsnr. */
function problemsOf(report: Report, c: CaseResult): Problem[] {
  const sheet = report.caseSheet.name;
  return report.problems.filter(
    (p) =>
      (p.row === c.row && (p.sheet === null || sameSheetName(p.sheet, sheet))) ||
      (p.sagsnr !== null && p.sagsnr === c.sagsnr && p.row === null),
  );
}

const isNej = (answer: string): boolean => answer === 'Nej' || answer.startsWith('Nej,');

/** One list entry per case, in sheet order. */
export function caseList(report: Report): CaseListItem[] {
  const byRow = new Map<number, number>();
  const sheet = report.caseSheet.name;
  for (const p of report.problems) {
    if (p.row !== null && (p.sheet === null || sameSheetName(p.sheet, sheet)))
      byRow.set(p.row, (byRow.get(p.row) ?? 0) + 1);
  }
  return report.cases.map((c, index) => ({
    index,
    sagsnr: c.sagsnr,
    row: c.row,
    measure: measureText(c),
    status: c.review,
    problems: byRow.get(c.row) ?? 0,
    hasNej: Object.values(c.verdicts).some((v) => isNej(v.answer)),
  }));
}

/**
 * The cases a filter shows. Decision: "Sager med et Nej" includes "Nej, men …" answers, because
 * whether a ground is lawful is exactly what the reviewer must judge (spec §4; e.g. Serviceloven
 * § 50, stk. 7, and § 52, stk. 2, for "Nej, men lovlig grund").
 */
export function filterCases(items: readonly CaseListItem[], filter: CaseFilter): CaseListItem[] {
  if (filter === 'problemer') return items.filter((i) => i.problems > 0);
  if (filter === 'nej') return items.filter((i) => i.hasNej);
  return [...items];
}

/**
 * The next (step 1) or previous (step -1) case in the shown list, by sheet order; works when the
 * current case is not in the list (a filter changed). null at either end.
 */
export function neighbour(
  items: readonly CaseListItem[],
  current: number | null,
  step: 1 | -1,
): number | null {
  if (items.length === 0) return null;
  if (current === null) return (step === 1 ? items[0] : items[items.length - 1])?.index ?? null;
  if (step === 1) return items.find((i) => i.index > current)?.index ?? null;
  for (let k = items.length - 1; k >= 0; k -= 1) {
    const i = items[k] as CaseListItem;
    if (i.index < current) return i.index;
  }
  return null;
}

/**
 * The row of an address as Excel reports a selection ("C7", "$A$7:$D$9", "Sagsoversigt!B7",
 * "7:7"); the top row of a range. null for whole columns or what cannot be read.
 */
export function rowOfAddress(address: string): number | null {
  const area = address.slice(address.lastIndexOf('!') + 1).split(',')[0] ?? '';
  const rows: number[] = [];
  for (const part of area.split(':')) {
    const m = /^([A-Z]{0,3})(\d+)$/.exec(part.replace(/\$/g, '').trim().toUpperCase());
    if (!m) return null;
    rows.push(Number(m[2]));
  }
  return rows.length === 0 ? null : Math.min(...rows);
}

/** The index of the case on the row of a selection on the case sheet, or null (header, blank row). */
export function caseAtAddress(report: Report, address: string): number | null {
  const row = rowOfAddress(address);
  if (row === null) return null;
  const i = report.cases.findIndex((c) => c.row === row);
  return i < 0 ? null : i;
}

/** The case's row across the people's columns, for moving Excel's selection to the case. */
export function caseRowAddress(report: Report, index: number): { sheet: string; address: string } | null {
  const c = report.cases[index];
  if (c === undefined) return null;
  const last = Math.max(1, report.caseSheet.lastDataColumn);
  return { sheet: report.caseSheet.name, address: `A${c.row}:${columnLetter(last)}${c.row}` };
}

/** "x af n sager gennemgået" (the pane and the Overblik sheet say the same). */
export function progressText(report: Report): string {
  return `${formatCount(report.reviewed)} af ${sager(report.cases.length)} gennemgået`;
}

// ---------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------

export interface SourceCell {
  /** The column's Danish header. */
  readonly column: string;
  readonly sheet: string;
  /** A1 address, or null when the column is not in the sheet. */
  readonly cell: string | null;
  /** The value as read ("03-02-2021", "Ja", "tom", "kan ikke læses"). */
  readonly value: string;
}

export interface LineSummary {
  readonly logRow: number;
  /** "Godkendt 01-06-2023 kl. 10:15 af AB", "Rettet fra "Nej" til "Ja" … : begrundelse". */
  readonly text: string;
}

export interface QuestionView {
  readonly id: string;
  readonly columnHeader: string;
  readonly title: string;
  readonly legal: string;
  /** The answer in force (a correction's when one is). */
  readonly answer: string;
  readonly computedAnswer: string;
  /** The computed verdict's reason with the dates used. */
  readonly computedReason: string;
  readonly corrected: boolean;
  readonly status: ReviewStatus;
  readonly line: LineSummary | null;
  readonly sources: readonly SourceCell[];
  /** What "Ret" offers: the table rows other than the answer in force. */
  readonly answers: readonly string[];
  readonly canApprove: boolean;
  readonly canWithdraw: boolean;
  readonly problems: readonly Problem[];
}

export interface CaseView {
  readonly index: number;
  readonly sagsnr: number | null;
  readonly row: number;
  readonly measure: string;
  /** "010203-••••", or null when the CPR is blank or unreadable. */
  readonly cprMasked: string | null;
  readonly status: ReviewStatus;
  readonly selection: string;
  readonly selectionOk: boolean;
  readonly questions: readonly QuestionView[];
  /** Reviewable questions that do not apply to the case, e.g. "3.9 Kontakt inden 3 mdr.". */
  readonly notRelevant: readonly string[];
  /** Problems of the case not tied to one question. */
  readonly problems: readonly Problem[];
  readonly reviewedQuestions: number;
  /** Why the case cannot be reviewed in the pane (no valid or a repeated Sagsnr), or null. */
  readonly blocked: string | null;
}

const BFU_TEXT = {
  ny: 'Ny undersøgelse',
  opdatering: 'Opdatering',
  afdaekning: 'Afdækning',
  ingen: 'Ingen',
  'ikke-relevant': 'Ikke relevant',
};
const EXCEPTION_TEXT = {
  'oenskede-ikke': 'Barnet ønskede ikke samtale',
  modenhed: 'Modenhed eller sagens karakter',
  alder: 'Alder eller andre forhold',
  'ikke-relevant': 'Ikke relevant',
  andet: 'anden begrundelse',
};
const REASSESSMENT_TEXT = {
  ja: 'Ja',
  'fremgaar-ikke': 'Vurdering fremgår ikke',
  'ikke-foretaget': 'Ikke foretaget',
};
const MAX_SHOWN_TEXT = 200;

const dateTimeText = (v: DateTime): string =>
  v.minutes === null ? formatDay(v.day) : `${formatDay(v.day)} kl. ${formatMinutes(v.minutes)}`;

/**
 * A record field as shown next to its cell address. Never a name; a CPR only masked.
 * Decision: the pane identifies a case by Sagsnr, row and masked CPR and never shows the child's
 * name (databeskyttelsesforordningen art. 5, stk. 1, litra c, dataminimering; spec §2.5).
 */
export function fieldText(c: CaseResult, id: ColumnId): string {
  const v = c.record[id] as unknown;
  if (v === NO_COLUMN) return 'kolonnen findes ikke';
  if (v === UNREADABLE) return 'kan ikke læses';
  if (v === null || v === undefined) return 'tom';
  switch (COLUMN_BY_ID[id].type) {
    case 'date':
      return formatDay(v as number);
    case 'datetime':
      return dateTimeText(v as DateTime);
    case 'effected':
      return v === 'ikke-effektueret' ? 'Ikke effektueret' : formatDay(v as number);
    case 'yesno':
      return v === true ? 'Ja' : 'Nej';
    case 'yesno-irrelevant':
      return v === true ? 'Ja' : v === false ? 'Nej' : 'Ikke relevant';
    case 'bfu':
      return BFU_TEXT[v as keyof typeof BFU_TEXT];
    case 'conversation-exception':
      return EXCEPTION_TEXT[v as keyof typeof EXCEPTION_TEXT];
    case 'reassessment':
      return REASSESSMENT_TEXT[v as keyof typeof REASSESSMENT_TEXT];
    case 'plan-stance':
      return v === 'ikke-noedvendig' ? 'Plan ikke nødvendig' : 'Plan udarbejdes';
    case 'measure':
      return measureText(c);
    case 'cpr':
      return maskCpr((v as { text: string }).text);
    case 'sagsnr':
      return String(v);
    case 'text': {
      if (id === 'navn') return 'udfyldt';
      const t = String(v);
      return t.length > MAX_SHOWN_TEXT ? `${t.slice(0, MAX_SHOWN_TEXT - 1)}…` : t;
    }
  }
}

const when = (l: Correction): string => (l.at === undefined ? '' : ` ${lineTime(l)}`);

/** One log line in force, in words. */
export function lineSummary(l: Correction): LineSummary {
  const who = l.initials === '' ? '' : ` af ${l.initials}`;
  const why = l.reason === '' ? '' : `: ${l.reason}`;
  const head =
    l.correctedTo === null
      ? 'Rettelse trukket tilbage'
      : l.correctedTo === l.computed
        ? 'Godkendt'
        : `Rettet fra "${l.computed}" til "${l.correctedTo}"`;
  return { logRow: l.logRow, text: `${head}${when(l)}${who}${why}` };
}

function questionStatus(line: Correction | undefined, v: FinalVerdict): ReviewStatus {
  if (line === undefined) return 'ikke gennemgået';
  if (line.computed !== v.computedAnswer) return 'ændret siden gennemgang';
  if (line.correctedTo === null) return 'rettelse trukket tilbage';
  return v.correction !== undefined && v.answer !== v.computedAnswer ? 'rettet' : 'godkendt';
}

function blockedReason(report: Report, c: CaseResult): string | null {
  if (c.sagsnr === null)
    return `Sagen i række ${c.row} har intet gyldigt sagsnummer; ret "Sag nummer", og kør kontrollen igen, før sagen gennemgås.`;
  if (report.cases.filter((o) => o.sagsnr === c.sagsnr).length > 1)
    return `Sagsnummer ${c.sagsnr} står i flere rækker; ret sagsnumrene, og kør kontrollen igen, før sagen gennemgås.`;
  return null;
}

/** The case view of report.cases[index], or null when there is no such case. */
export function caseView(report: Report, index: number): CaseView | null {
  const c = report.cases[index];
  if (c === undefined) return null;
  const info = report.caseSheet;
  const latest = latestLines(report.corrections);
  const problems = problemsOf(report, c);
  const questions: QuestionView[] = [];
  const notRelevant: string[] = [];
  let reviewedQuestions = 0;
  // The case's own rule set: a mixed list shows each case under the law of its decision date.
  for (const q of getRuleSet(c.ruleset).questions) {
    const v = c.verdicts[q.id];
    if (v === undefined || !isReviewable(q)) continue;
    if (v.computedAnswer === IKKE_RELEVANT && v.answer === IKKE_RELEVANT) {
      notRelevant.push(q.columnHeader);
      continue;
    }
    const line = c.sagsnr === null ? undefined : latest.get(lineKey(c.sagsnr, q.id));
    const status = questionStatus(line, v);
    if (line !== undefined) reviewedQuestions += 1;
    const corrected = v.correction !== undefined && v.answer !== v.computedAnswer;
    questions.push({
      id: q.id,
      columnHeader: q.columnHeader,
      title: q.title,
      legal: q.legal,
      answer: v.answer,
      computedAnswer: v.computedAnswer,
      computedReason: v.computedReason ?? v.reason,
      corrected,
      status,
      line: line === undefined ? null : lineSummary(line),
      sources: [...q.columns, ...(q.conditionalColumns ?? [])].map((id) => {
        const col = info.columns[id];
        return {
          column: COLUMN_BY_ID[id].header,
          sheet: info.name,
          cell: col === undefined ? null : a1(c.row, col),
          value: fieldText(c, id),
        };
      }),
      answers: allowedAnswers(q).filter((a) => a !== v.answer),
      canApprove: isTableRow(q, v.answer),
      canWithdraw: v.correction !== undefined && v.correction.correctedTo !== null,
      problems: problems.filter((p) => p.question === q.id),
    });
  }
  const cpr = c.record.cpr;
  return {
    index,
    sagsnr: c.sagsnr,
    row: c.row,
    measure: measureText(c),
    cprMasked: cpr === null || cpr === UNREADABLE || cpr === NO_COLUMN ? null : maskCpr(cpr.text),
    status: c.review,
    selection: c.selection,
    selectionOk: c.selectionOk,
    questions,
    notRelevant,
    problems: problems.filter((p) => p.question === undefined),
    reviewedQuestions,
    blocked: blockedReason(report, c),
  };
}
