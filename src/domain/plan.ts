import { columnLetter } from './address';
import { withOverviewChart } from './chartPlan';
import { formatDay } from './days';
import { isMemoHeading } from './memo';
import { trendColumns } from './overviewTrend';
import { formatCount, sager } from './numbers';
import {
  buildMetaSheet,
  columnFingerprint,
  readMeta,
  REMARKS_HEADER,
  SELECTION_HEADER,
  type RecordedHeader,
} from './meta';
import { quarterBlock } from './quarterSheet';
import { getRuleSet } from './rules';
import { META_SHEET, sameSheetName } from './sheetnames';
import {
  IKKE_RELEVANT,
  MANGLER,
  REVIEW_HEADERS,
  REVIEW_SHEET,
  type Block,
  type CaseResult,
  type FinalVerdict,
  type GeneratedColumn,
  type PlanValue,
  type Problem,
  type OverviewRow,
  type Question,
  type Report,
  type RuleSet,
  type PageSetup,
  type SheetBuild,
  type Snapshot,
  type StyleId,
  type WritePlan,
} from './types';

/**
 * The write plan: everything the tool writes, as plain data. Pure: the same report and snapshot
 * give the same plan, whichever adapter (Office.js or ExcelJS) applies it.
 */

export const TABLES_SHEET = 'Resultattabeller';
export const OVERVIEW_SHEET = 'Overblik';
export const MEMO_SHEET = 'Notat';
/** The generated visible sheets, in the order they are added. */
export const GENERATED_SHEETS = [TABLES_SHEET, OVERVIEW_SHEET, MEMO_SHEET] as const;

export { REMARKS_HEADER, SELECTION_HEADER };
export const SUPPRESSED_TEXT = 'Udeladt – færre end 6 sager';
export const CORRECTED_SUFFIX = ' (rettet)';

const REMARK_SEPARATOR = '; ';
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;
/** Excel's limit for text in one cell. */
const MAX_CELL_TEXT = 32767;

/** The style of a verdict cell. Answers that are not a Ja/Nej verdict (table 1.1's measure) get none. */
export function verdictStyle(v: FinalVerdict): StyleId | null {
  if (v.correction) return 'verdict-corrected';
  return answerStyle(v.answer);
}

export function answerStyle(answer: string): StyleId | null {
  if (answer === 'Ja') return 'verdict-ja';
  if (answer === IKKE_RELEVANT) return 'verdict-irrelevant';
  if (answer === MANGLER) return 'verdict-missing';
  if (answer.startsWith('Nej, men')) return 'verdict-nejmen';
  if (answer.startsWith('Nej')) return 'verdict-nej';
  return null;
}

/** The text shown in a verdict cell: the final answer, marked when a reviewer corrected it. */
export function verdictText(v: FinalVerdict): string {
  return v.correction ? `${v.answer}${CORRECTED_SUFFIX}` : v.answer;
}

/**
 * "Bemærkninger" for one case: the reason of every question whose final answer is not Ja,
 * Ikke relevant or a non-verdict answer (1.1), prefixed with the question id, then the row's own
 * problems (problems of severity "missing" repeat a Mangler reason and are left out).
 */
export function remarksFor(
  c: CaseResult,
  questions: readonly Question[],
  rowProblems: readonly Problem[],
): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const add = (s: string): void => {
    if (s !== '' && !seen.has(s)) {
      seen.add(s);
      parts.push(s);
    }
  };
  for (const q of questions) {
    const v = c.verdicts[q.id];
    if (!v) continue;
    const style = answerStyle(v.answer);
    if (style === null || style === 'verdict-ja' || style === 'verdict-irrelevant') continue;
    add(`${q.id}: ${v.reason}`);
  }
  for (const p of rowProblems) if (p.severity !== 'missing') add(p.message);
  const text = parts.join(REMARK_SEPARATOR);
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** Pads a row to `width` cells so every block is rectangular (Office.js needs exact shapes). */
function pad<T>(row: readonly T[], width: number, fill: T): T[] {
  const out = row.slice();
  while (out.length < width) out.push(fill);
  return out;
}

const clampWidth = (n: number, min: number, max: number): number => Math.max(min, Math.min(max, n));

/** A case's problems on its own row of the case sheet, by row number. */
function problemsByRow(report: Report): Map<number, Problem[]> {
  const info = report.caseSheet;
  const out = new Map<number, Problem[]>();
  for (const p of report.problems) {
    if (p.row === null || (p.sheet !== null && !sameSheetName(p.sheet, info.name))) continue;
    const list = out.get(p.row);
    if (list) list.push(p);
    else out.set(p.row, [p]);
  }
  return out;
}

/** The verdict cells of one case row: a verdict per question, Udvælgelse and Bemærkninger. */
function verdictRow(
  c: CaseResult,
  questions: readonly Question[],
  rowProblems: readonly Problem[],
): { values: PlanValue[]; styles: (StyleId | null)[] } {
  const width = questions.length + 2;
  const values: PlanValue[] = new Array<PlanValue>(width);
  const styles: (StyleId | null)[] = new Array<StyleId | null>(width);
  const verdicts = c.verdicts;
  for (let i = 0; i < questions.length; i += 1) {
    const v = verdicts[(questions[i] as Question).id];
    values[i] = v ? verdictText(v) : null;
    styles[i] = v ? verdictStyle(v) : null;
  }
  const sel = questions.length;
  values[sel] = c.selection;
  styles[sel] = c.selectionOk ? 'selection-ok' : 'selection-problem';
  const remark = remarksFor(c, questions, rowProblems);
  values[sel + 1] = remark === '' ? null : remark;
  styles[sel + 1] = remark === '' ? null : 'remark';
  return { values, styles };
}

function verdictBlock(
  report: Report,
  questions: readonly Question[],
  firstCol: number,
): { block: Block; widths: number[] } {
  const info = report.caseSheet;
  const width = questions.length + 2;
  const header: PlanValue[] = [...questions.map((q) => q.columnHeader), SELECTION_HEADER, REMARKS_HEADER];
  const values: PlanValue[][] = [header];
  const styles: (StyleId | null)[][] = [header.map((): StyleId => 'generated-header')];
  const maxLen = header.map((h) => String(h).length);
  const byProblemRow = problemsByRow(report);
  const byRow = new Map<number, CaseResult>();
  for (const c of report.cases) byRow.set(c.row, c);

  const emptyValues: PlanValue[] = new Array<PlanValue>(width).fill(null);
  const emptyStyles: (StyleId | null)[] = new Array<StyleId | null>(width).fill(null);
  for (let r = info.headerRow + 1; r <= info.lastRow; r += 1) {
    const c = byRow.get(r);
    if (!c) {
      values.push(emptyValues);
      styles.push(emptyStyles);
      continue;
    }
    const row = verdictRow(c, questions, byProblemRow.get(r) ?? []);
    for (let i = 0; i < width - 1; i += 1) {
      const t = row.values[i];
      if (typeof t === 'string' && t.length > (maxLen[i] as number)) maxLen[i] = t.length;
    }
    values.push(row.values);
    styles.push(row.styles);
  }
  // Decision: verdict columns as wide as their longest text (10–30), Udvælgelse up to 40,
  // Bemærkninger a fixed 80 so the sheet stays scannable (long remarks overflow or can be widened).
  const widths = maxLen.map((n, i) => {
    if (i === width - 1) return 80;
    if (i === width - 2) return clampWidth(n + 2, 12, 40);
    return clampWidth(n + 2, 10, 30);
  });
  return { block: { row: info.headerRow, col: firstCol, values, styles }, widths };
}

/** The header texts of a rule set's verdict block, in order. */
function blockHeaders(questions: readonly Question[]): string[] {
  return [...questions.map((q) => q.columnHeader), SELECTION_HEADER, REMARKS_HEADER];
}

/** True when the generated columns are exactly the rule set's block, contiguous and in order. */
function isIntactBlock(gen: readonly GeneratedColumn[] | null, headers: readonly string[]): boolean {
  if (gen === null || gen.length !== headers.length) return false;
  const first = (gen[0] as GeneratedColumn).col;
  return gen.every((g, i) => g.col === first + i && g.header === headers[i]);
}

/**
 * The verdict cells of the given cases as a write plan, in the verdict columns an earlier check
 * made (the task pane after Godkend/Ret, so the case's row shows e.g. "Ja (rettet)" at once).
 * Null when those columns are not the rule set's block exactly (missing, moved apart, reordered
 * or of another width): then the next Kør kontrol writes them.
 */
export function planCaseRows(
  report: Report,
  sagsnrs: readonly number[],
  ruleset: RuleSet = getRuleSet(report.ruleset),
): WritePlan | null {
  const gen = report.caseSheet.generatedColumns;
  const questions = ruleset.questions;
  if (!isIntactBlock(gen, blockHeaders(questions))) return null;
  const first = (gen as readonly GeneratedColumn[])[0] as GeneratedColumn;
  const byProblemRow = problemsByRow(report);
  const rows = report.cases
    .filter((c) => c.sagsnr !== null && sagsnrs.includes(c.sagsnr))
    .sort((a, b) => a.row - b.row);
  if (rows.length !== 1) return null; // one case at a time (a Sagsnr on two rows is not reviewable)
  const c = rows[0] as CaseResult;
  const cells = verdictRow(c, questions, byProblemRow.get(c.row) ?? []);
  return {
    caseSheet: report.caseSheet.name,
    clearColumns: null,
    verdictBlock: { row: c.row, col: first.col, values: [cells.values], styles: [cells.styles] },
    verdictColumnWidths: [],
    sheets: [],
    deleteSheets: [],
  };
}

const isEmptyCell = (c: unknown): boolean => c === null || c === undefined || c === '';

/**
 * The first column of the verdict block. Decision: where the earlier block starts when every
 * column the block needs from there is an earlier generated column or holds nothing in the rows
 * it writes; otherwise right after the last column holding any cell of a person's in those rows
 * (generated columns left apart by a person's edits are cleared). So the block never lands on a
 * cell the tool did not write, whatever columns were inserted, deleted or moved.
 */
function blockStart(
  rows: readonly (readonly unknown[])[],
  from: number,
  to: number,
  generated: ReadonlySet<number>,
  width: number,
  lastDataColumn: number,
): number {
  const free = (col: number): boolean => {
    if (generated.has(col)) return true;
    for (let r = from; r <= to; r += 1) if (!isEmptyCell(rows[r - 1]?.[col - 1])) return false;
    return true;
  };
  if (generated.size > 0) {
    const start = Math.min(...generated);
    let ok = true;
    for (let c = start; c < start + width && ok; c += 1) ok = free(c);
    if (ok) return start;
  }
  let last = lastDataColumn;
  for (let r = from; r <= to; r += 1) {
    const row = rows[r - 1];
    if (row === undefined) continue;
    for (let c = row.length; c > last; c -= 1) {
      if (!generated.has(c) && !isEmptyCell(row[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last + 1;
}

/** Contiguous runs of column numbers, as spans. */
function columnRuns(cols: readonly number[]): { first: number; last: number }[] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: { first: number; last: number }[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.last === c - 1) prev.last = c;
    else out.push({ first: c, last: c });
  }
  return out;
}

/** The block's headers as _Barometer records them, with fingerprints of the generic columns. */
function recordedHeaders(block: Block): RecordedHeader[] {
  const header = block.values[0] ?? [];
  return header.map((h, i): RecordedHeader => {
    const text = String(h);
    const generic = text === SELECTION_HEADER || text === REMARKS_HEADER;
    return {
      text,
      fingerprint: generic ? columnFingerprint(block.values.slice(1).map((row) => row[i])) : null,
    };
  });
}

function kommuneText(report: Pick<Report, 'settings'>): string {
  const k = report.settings.kommune;
  return k ? `${k} Kommune` : 'Kommunen';
}

/** The rule sets of the report's parts: the given one for a list under one rule set. */
function partsOf(report: Pick<Report, 'rulesets'>, ruleset: RuleSet): readonly RuleSet[] {
  return report.rulesets.length > 1 ? report.rulesets.map((id) => getRuleSet(id)) : [ruleset];
}

/** Excel's "Normal" margins in inches: room for a binding-free A4 hand-out and the page number. */
const NORMAL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** A4 portrait, every column on one page wide, as many pages tall as it takes. */
export function a4Portrait(repeatRows?: readonly [number, number]): PageSetup {
  return {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: 1,
    margins: NORMAL_MARGINS,
    ...(repeatRows ? { repeatRows } : {}),
  };
}

/** Resultattabeller; `heading` replaces the title line (barometer saml names every kommune). */
export function tablesSheet(
  report: Pick<Report, 'settings' | 'today' | 'rulesets' | 'tables'>,
  ruleset: RuleSet,
  name: string,
  heading?: string,
): SheetBuild {
  const values: PlanValue[][] = [];
  const styles: (StyleId | null)[][] = [];
  const push = (v: PlanValue[], s: (StyleId | null)[]): void => {
    values.push(v);
    styles.push(s);
  };
  push(
    [
      heading ??
        `Børnesagsbarometer ${report.settings.undersoegelsesaar} – ${kommuneText(report)}, egen gennemgang ${formatDay(report.today)}`,
      null,
      null,
    ],
    ['memo-heading', null, null],
  );
  push([null, null, null], [null, null, null]);
  let longest = 0;
  // A list under two rule sets gets one part per rule set, each under its heading (barnets-lov.md §1).
  const parts = partsOf(report, ruleset);
  for (const part of parts) {
    if (parts.length > 1) {
      push([part.partHeading, null, null], ['memo-heading', null, null]);
      push([null, null, null], [null, null, null]);
    }
    let chapter = -1;
    let first = true;
    for (const t of report.tables) {
      if (t.ruleset !== part.id && parts.length > 1) continue;
      if (t.chapter !== chapter) {
        chapter = t.chapter;
        const ch = part.chapters.find((c) => c.no === chapter);
        push([`KAPITEL ${chapter}${ch ? ` ${ch.title}` : ''}`, null, null], ['chapter', null, null]);
        if (first && part.tablesNote !== null) push([part.tablesNote, null, null], ['source', null, null]);
        first = false;
      }
      push([`TABEL ${t.id} ${t.title}`, null, null], ['table-title', null, null]);
      push(['', 'Antal sager', 'Procent'], ['table-header', 'table-header-num', 'table-header-num']);
      if (t.suppressed) {
        push([SUPPRESSED_TEXT, null, null], ['table-row', null, null]);
      } else {
        for (const row of t.rows) {
          push([row.label, row.count, row.percent / 100], ['table-row', 'table-row', 'percent']);
          if (row.label.length > longest) longest = row.label.length;
        }
      }
      push(['I alt', t.total, 1], ['table-total', 'table-total', 'percent-total']);
      push([t.source, null, null], ['source', null, null]);
      push([null, null, null], [null, null, null]);
    }
  }
  return {
    name,
    blocks: [{ row: 1, col: 1, values, styles }],
    // Column A as wide as the longest row label so each block can be copied as it looks.
    columnWidths: [clampWidth(longest + 2, 40, 70), 13, 10],
    freezeRows: 0,
    visibility: 'visible',
    // No repeated rows: each table prints its own "Antal sager / Procent" header right above its
    // rows, and one table's header repeated atop the next page would stand over another table.
    page: a4Portrait(),
  };
}

export const OVERVIEW_HEADERS = [
  'Spørgsmål',
  'Overholdt',
  'Landsresultat',
  '95 %-interval fra',
  '95 %-interval til',
  'Relevante sager',
  'Ja',
  'Nej, men …',
  'Nej',
] as const;

function overviewSheet(report: Report, name: string): SheetBuild {
  const title: PlanValue[] = [
    `Overblik – ${kommuneText(report)}, egen gennemgang ${formatDay(report.today)}`,
  ];
  const headerRow = 3;
  const trend = trendColumns(report.overview);
  const headers = [...OVERVIEW_HEADERS, ...trend.headers];
  const values: PlanValue[][] = [title, [], headers];
  const styles: (StyleId | null)[][] = [
    ['memo-heading'],
    [],
    headers.map((h, j): StyleId =>
      // Numbers stand right-aligned; so do their headers (Spørgsmål and a text Bemærkning stay left).
      j === 0 || h === 'Bemærkning' ? 'table-header' : 'table-header-num',
    ),
  ];
  const row = (o: OverviewRow): void => {
    const [lo, hi] = o.interval ?? [null, null];
    values.push([
      o.columnHeader,
      o.compliant,
      o.national,
      lo,
      hi,
      o.relevant,
      o.ja,
      o.nejMen,
      o.nej,
      ...trend.values(o),
    ]);
    styles.push([
      'table-row',
      'percent',
      'percent',
      'percent',
      'percent',
      'table-row',
      'table-row',
      'table-row',
      'table-row',
      ...trend.styles,
    ]);
  };
  const mixed = report.rulesets.length > 1;
  if (mixed) {
    // One part per rule set, each under its heading (barnets-lov.md §1).
    for (const id of report.rulesets) {
      values.push([getRuleSet(id).partHeading]);
      styles.push(['chapter']);
      for (const o of report.overview) if (o.ruleset === id) row(o);
    }
  } else {
    for (const o of report.overview) row(o);
  }
  values.push([]);
  styles.push([]);
  values.push([`${formatCount(report.reviewed)} af ${sager(report.cases.length)} gennemgået`]);
  styles.push(['table-total']);
  // The national figures stand in the Landsresultat column on their own question's row; this line
  // only names their source (spec §7), never the figures again.
  if (report.overview.some((o) => o.national !== null)) {
    values.push([
      `Landsresultat: andelen overholdt i alle deltagende kommuner, Børnesagsbarometret ${report.settings.undersoegelsesaar} (Ankestyrelsen).`,
    ]);
    styles.push(['source']);
  }
  for (const note of trend.notes) {
    values.push([note]);
    styles.push(['source']);
  }
  const longest = report.overview.reduce((m, o) => Math.max(m, o.columnHeader.length), 10);
  const w = headers.length;
  // Egenkontrol: "Overblik pr. kvartal" one blank row below the main table and its notes.
  const quarters = quarterBlock(report, values.length + 2);
  const sheet: SheetBuild = {
    name,
    blocks: [
      {
        row: 1,
        col: 1,
        values: values.map((r) => pad(r, w, null)),
        styles: styles.map((r) => pad(r, w, null)),
      },
      ...(quarters === null ? [] : [quarters]),
    ],
    columnWidths: [clampWidth(longest + 2, 14, 50), 11, 14, 17, 17, 15, 8, 12, 8, ...trend.widths],
    freezeRows: headerRow,
    visibility: 'visible',
    // The header row repeats on every printed page, as it stays frozen on screen.
    // Decision: not with the quarter block, whose pages would carry the main table's header over rows it does not describe.
    page: a4Portrait(quarters === null ? [headerRow, headerRow] : undefined),
  };
  // Decision: Overholdt and Landsresultat sit right after Spørgsmål so one contiguous range
  // feeds the chart and a manager reads the key figure first. The chart goes last, below all blocks.
  return withOverviewChart(sheet, report, headerRow);
}

function memoSheet(report: Report, name: string): SheetBuild {
  const values: PlanValue[][] = [[`Notat – Børnesagsbarometer, ${kommuneText(report)}`], [null]];
  const styles: (StyleId | null)[][] = [['memo-heading'], [null]];
  for (const line of report.memo) {
    values.push([line]);
    styles.push([isMemoHeading(line) ? 'memo-heading' : 'memo-text']);
  }
  return {
    name,
    blocks: [{ row: 1, col: 1, values, styles }],
    // One wrapped column as wide as an A4 portrait page holds at 100 % (about 90 characters).
    columnWidths: [90],
    freezeRows: 0,
    visibility: 'visible',
    page: a4Portrait(),
  };
}

/** Review log column widths, Tidspunkt … Initialer: a date-time, two short ids, two answers, a reason, initials. */
const REVIEW_WIDTHS = [17, 9, 11, 28, 28, 50, 10];

/**
 * The review log "Gennemgang" (spec §10) as the tool creates it when the workbook has none: the
 * seven headers (bold), their widths, the header row frozen, then the given log lines with their
 * Tidspunkt (an Excel serial) as a date-time. Every adapter builds the missing log from this.
 */
export function reviewLogSheet(lines: readonly (readonly PlanValue[])[] = []): SheetBuild {
  const width = REVIEW_HEADERS.length;
  const values: PlanValue[][] = [[...REVIEW_HEADERS], ...lines.map((l) => pad(l, width, null))];
  const styles: (StyleId | null)[][] = [
    REVIEW_HEADERS.map((): StyleId => 'table-title'),
    ...lines.map((l) =>
      pad(l, width, null).map((v, j): StyleId | null =>
        j === 0 && typeof v === 'number' ? 'datetime' : null,
      ),
    ),
  ];
  return {
    name: REVIEW_SHEET,
    blocks: [{ row: 1, col: 1, values, styles }],
    columnWidths: REVIEW_WIDTHS,
    freezeRows: 1,
    visibility: 'visible',
  };
}

/**
 * The name a generated sheet gets: its own name, unless a person made a sheet of that name
 * (a sheet not recorded as generated by an earlier run); then the first free "Name (n)".
 */
function freeName(wanted: string, existing: readonly string[], generated: readonly string[]): string {
  const ours = (n: string): boolean => generated.some((g) => sameSheetName(g, n));
  const taken = (n: string): boolean => existing.some((e) => sameSheetName(e, n)) && !ours(n);
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i += 1) {
    const candidate = `${wanted} (${i})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Plans every write of a check run: the verdict block on the case sheet, the result sheets
 * and the metadata sheet. Never overwrites a sheet a person made.
 */
export function planWrite(
  report: Report,
  snapshot: Snapshot,
  ruleset: RuleSet = getRuleSet(report.ruleset),
): WritePlan {
  const info = report.caseSheet;
  const meta = readMeta(snapshot);
  const questions = ruleset.questions;
  const width = questions.length + 2;
  const rows = snapshot.sheets[info.name]?.rows ?? [];
  const earlier = info.generatedColumns ?? [];
  const generated = new Set(earlier.map((g) => g.col));
  const firstCol = blockStart(rows, info.headerRow, info.lastRow, generated, width, info.lastDataColumn);
  const lastCol = firstCol + width - 1;
  // Decision: when the verdict columns do not fit before Excel's last column (XFD), e.g. because of a
  // stray cell far to the right in a case row, they are not written (a cell past XFD makes the file
  // unreadable); the result sheets still are, and one error says what to move.
  const fits = lastCol <= MAX_COLUMNS;
  const { block, widths } = fits
    ? verdictBlock(report, questions, firstCol)
    : { block: { row: info.headerRow, col: 1, values: [] }, widths: [] };

  // Decision: clear every earlier generated column (all its rows) whenever there is one, not only
  // when the block is wider: a shorter case list or moved blank rows would otherwise leave stale
  // verdicts. Only columns found by their own header cells are cleared (meta.ts), from that header
  // row down: the tool never writes above it.
  const fromRow = info.headerRow;
  const toRow = Math.max(rows.length, info.lastRow);
  const clearColumns =
    earlier.length > 0 ? columnRuns([...generated]).map((r) => ({ ...r, fromRow, toRow })) : null;

  const problems: Problem[] = [];
  if (!fits) {
    problems.push({
      sagsnr: null,
      row: null,
      column: null,
      severity: 'error',
      code: 'no-room-for-verdicts',
      message: `Arket "${info.name}" har data helt ud i kolonne ${columnLetter(Math.max(1, firstCol - 1))}, så der er ikke plads til de ${width} kolonner med vurderinger til højre for dataene; flyt eller slet cellerne længst til højre, og kør kontrollen igen (resultattabeller, overblik og notat er lavet).`,
      sheet: info.name,
      cell: null,
    });
  }
  const names = GENERATED_SHEETS.map((wanted) => {
    const name = freeName(wanted, snapshot.sheetNames, meta.sheets);
    if (name !== wanted) {
      problems.push({
        sagsnr: null,
        row: null,
        column: null,
        severity: 'warning',
        code: 'sheet-name-taken',
        message: `Arket "${wanted}" er ikke lavet af værktøjet og bliver ikke overskrevet; resultatet står i arket "${name}" – omdøb dit ark, hvis resultatet skal stå i "${wanted}".`,
        sheet: wanted,
        cell: null,
      });
    }
    return name;
  });
  const [tablesName, overviewName, memoName] = names as [string, string, string];
  const sheets: SheetBuild[] = [
    tablesSheet(report, ruleset, tablesName),
    overviewSheet(report, overviewName),
    memoSheet(report, memoName),
  ];
  if (meta.foreign) {
    // Decision: a "_Barometer" sheet the tool did not write (a person's) is left exactly as it is
    // and no record is kept this run; the verdict columns are still found by their headers.
    problems.push({
      sagsnr: null,
      row: null,
      column: null,
      severity: 'warning',
      code: 'meta-sheet-taken',
      message: `Arket "${META_SHEET}" er ikke lavet af værktøjet og bliver ikke ændret; omdøb det, så værktøjet kan holde styr på sine egne ark (ellers laves resultatarkene under nye navne hver gang).`,
      sheet: META_SHEET,
      cell: null,
    });
  } else {
    sheets.push(buildMetaSheet({ sheets: [...names], headers: fits ? recordedHeaders(block) : null }));
  }
  // Only sheets a checked _Barometer lists (never the case sheet, settings or review log: meta.ts).
  const deleteSheets = meta.sheets.filter(
    (old) =>
      !names.some((n) => sameSheetName(n, old)) &&
      snapshot.sheetNames.some((s) => sameSheetName(s, old)) &&
      !sameSheetName(old, info.name),
  );
  return {
    caseSheet: info.name,
    clearColumns,
    verdictBlock: block,
    verdictColumnWidths: widths,
    sheets,
    deleteSheets,
    problems,
  };
}
