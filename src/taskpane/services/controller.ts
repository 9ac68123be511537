import type {
  Day,
  EvaluateResult,
  Formaal,
  Problem,
  Report,
  Settings,
  Snapshot,
  WritePlan,
} from '../../domain/types';
import { caseAtAddress, caseRowAddress } from '../../domain/caseview';
import { reviewAppendRows, withAppendedReviewRows } from '../../domain/corrections';
import { GENERATED_SHEETS } from '../../domain/plan';
import { frontSheetsPlan, type FrontSheets } from '../../domain/frontSheets';
import {
  approveRemaining,
  initialsPlan,
  reviewLineFor,
  validInitials,
  type ReviewAction,
  type ReviewResult,
  type ReviewTarget,
  type WallClock,
} from '../../domain/review';
import type { PreviousResult } from '../../domain/previous';
import { UserError, type WorkbookPort } from '../../workbook/port';
import { formaalFromForm, periodFieldErrors } from './settingsPeriod';

/** The pure core the controller drives (bound to src/domain in core.ts; injected for tests). */
export interface Core {
  evaluate(snapshot: Snapshot, options: { today: Day; previous?: PreviousResult | null }): EvaluateResult;
  planWrite(report: Report, snapshot: Snapshot): WritePlan;
  /** The template's sheets for this workbook (throws a UserError when it already has a case sheet). */
  templatePlan(snapshot: Snapshot, today: Day): WritePlan;
  /** The settings as the sheet states them (defaults filled in). */
  readSettings(snapshot: Snapshot, today: Day): Settings;
  /** A plan that (re)writes the Indstillinger sheet with these settings and nothing else. */
  settingsPlan(settings: Settings, snapshot: Snapshot): WritePlan;
  /** The verdict cells of one case in the existing verdict columns, or null when there are none. */
  planCaseRows(report: Report, sagsnrs: readonly number[]): WritePlan | null;
}

export type Phase = 'read' | 'evaluate' | 'write';

/** How far a run is when a phase starts, for the progress bar (reading and evaluating take the most time). */
export const PHASE_PERCENT: Readonly<Record<Phase, number>> = { read: 5, evaluate: 40, write: 75 };

/**
 * The bar's percent for a phase and how far into it the run is (0…1, e.g. blocks read of all):
 * from the phase's start towards the next phase's, never 100 before the action has ended.
 * @example phasePercent('read', 0.5) === 23
 */
export function phasePercent(p: Phase, fraction = 0): number {
  const next = p === 'read' ? PHASE_PERCENT.evaluate : p === 'evaluate' ? PHASE_PERCENT.write : 99;
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(PHASE_PERCENT[p] + f * (next - PHASE_PERCENT[p]));
}

/** Reports a phase, and within it how far it is (0…1) when the step can tell. */
export type OnPhase = (p: Phase, fraction?: number) => void;

export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  read: 'Læser projektmappen …',
  evaluate: 'Kontrollerer sagerne …',
  write: 'Skriver resultatet i projektmappen …',
};

/** The sheets "Byg tabeller" writes; "Kør kontrol" writes everything else of the plan. */
export const TABLE_SHEETS: readonly string[] = GENERATED_SHEETS;

export interface RunResult {
  readonly report: Report;
  /** Problems of the evaluation plus those found while planning the write. */
  readonly problems: readonly Problem[];
}

/** What a review action did. */
export interface ReviewOutcome {
  /** The evaluation after the action (the case view shows it). */
  readonly result: RunResult;
  /** Lines appended to Gennemgang; 0 when nothing was written. */
  readonly written: number;
  /** Set (a Danish sentence) when nothing was written because the case changed since it was shown. */
  readonly changed: string | null;
}

/** How many of the pane's own selections are remembered while their events are on the way. */
const MAX_ECHOES = 20;

/** "$A$7:$AE$7", "Sagsoversigt!a7:ae7" → "A7:AE7". */
const normalAddress = (address: string): string =>
  address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .trim()
    .toUpperCase();

/** Lets the browser paint (progress, spinner) between the phases of a run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The form on the Indstillinger section, as text as the user typed it. */
export interface SettingsForm {
  readonly kommune: string;
  readonly afgoerelsesaar: string;
  readonly opgoerelsesdato: string;
  readonly antalSager: string;
  readonly offentliggoerelse: boolean;
  /** Formål (issue 12 item 6): "indsendelse" or "egenkontrol"; absent = keep the sheet's. */
  readonly formaal?: Formaal;
  /** Periode fra/til as typed (dd-mm-åååå), used under Egenkontrol. */
  readonly periodeFra?: string;
  readonly periodeTil?: string;
  /** Regelsæt: a rule-set id, or "" = by each case's decision date; absent = keep the sheet's. */
  readonly regelsaet?: string;
}

/**
 * The pane's use cases on one workbook. Knows the port and the core, never Office.js or React:
 * components call these and render the plain results.
 */
export class BarometerController {
  /** The latest evaluation (check, tables or review), for mapping Excel selections to cases. */
  private latest: Report | null = null;
  /** Addresses the pane selected whose selection event has not come back yet. */
  private readonly echoes: string[] = [];
  /** The earlier result every evaluation is compared with ("Sammenlign med tidligere resultat"). */
  private previous: PreviousResult | null = null;

  constructor(
    private readonly port: WorkbookPort,
    private readonly core: Core,
    private readonly today: () => Day,
    /** Wall-clock time in Europe/Copenhagen, for Tidspunkt in the review log. */
    private readonly now: () => WallClock,
  ) {}

  get canSelect(): boolean {
    return typeof this.port.select === 'function';
  }

  /** True when the workbook reports the user's selections (Excel), so a row can open its case. */
  get canWatchSelection(): boolean {
    return typeof this.port.watchSelection === 'function';
  }

  /** Compares every later check with this earlier result (issue 12), or with none again (null). */
  setPrevious(previous: PreviousResult | null): void {
    this.previous = previous;
  }

  /** Writes the empty Sagsoversigt and Indstillinger sheets. Returns the plan's problems. */
  async createTemplate(): Promise<readonly Problem[]> {
    const snapshot = await this.port.readSnapshot();
    const plan = this.core.templatePlan(snapshot, this.today());
    await this.port.apply(plan);
    return plan.problems ?? [];
  }

  async loadSettings(onPhase: OnPhase = () => undefined): Promise<Settings> {
    onPhase('read');
    const snapshot = await this.port.readSnapshot();
    return this.core.readSettings(snapshot, this.today());
  }

  /** Merges the form into the sheet's current settings and rewrites the Indstillinger sheet. */
  async saveSettings(
    form: SettingsForm,
    parseDay: (text: string) => Day | null,
    onPhase: OnPhase = () => undefined,
  ): Promise<Settings> {
    onPhase('read');
    const snapshot = await this.port.readSnapshot();
    const current = this.core.readSettings(snapshot, this.today());
    const settings = applySettingsForm(current, form, parseDay);
    onPhase('write');
    await this.port.apply(this.core.settingsPlan(settings, snapshot));
    return settings;
  }

  /** Reads and evaluates without writing: is the workbook ready for Kør kontrol? Throws a UserError when not. */
  async inspect(): Promise<RunResult> {
    const snapshot = await this.port.readSnapshot();
    const report = this.evaluateOrThrow(snapshot);
    return { report, problems: report.problems };
  }

  /**
   * "Opret sagsforsider (Bilag 2)": reads and evaluates, and returns the front sheets' plan. Writes
   * nothing into this workbook: the sheets carry names and CPR numbers and go to a file of their own.
   */
  async frontSheets(onPhase: (p: Phase) => void): Promise<FrontSheets> {
    onPhase('read');
    await yieldToEventLoop();
    const snapshot = await this.port.readSnapshot();
    onPhase('evaluate');
    await yieldToEventLoop();
    return frontSheetsPlan(this.evaluateOrThrow(snapshot));
  }

  /** Kør kontrol: read → evaluate → plan → write the verdict columns (not the table sheets). */
  check(onPhase: (p: Phase) => void): Promise<RunResult> {
    return this.run(onPhase, (plan) => ({
      ...plan,
      sheets: plan.sheets.filter((s) => !TABLE_SHEETS.includes(s.name)),
    }));
  }

  /** Byg tabeller: the same run, writing the verdict columns and the table, overview and memo sheets. */
  buildTables(onPhase: (p: Phase) => void): Promise<RunResult> {
    return this.run(onPhase, (plan) => plan);
  }

  async select(problem: Problem): Promise<void> {
    if (problem.sheet && problem.cell) await this.selectCell(problem.sheet, problem.cell);
  }

  /**
   * Selects a cell or range in Excel. The selection event Excel raises for it is recognised as the
   * pane's own (an echo) and ignored, so quick next/previous never jumps back to an earlier case.
   */
  async selectCell(sheet: string, address: string): Promise<void> {
    if (!this.port.select) return;
    const a = normalAddress(address);
    this.echoes.push(a);
    if (this.echoes.length > MAX_ECHOES) this.echoes.shift();
    try {
      await this.port.select(sheet, address);
    } catch (e) {
      const k = this.echoes.lastIndexOf(a);
      if (k >= 0) this.echoes.splice(k, 1);
      throw e;
    }
  }

  /** Moves Excel's selection to a case's row (the people's columns). */
  async selectCase(report: Report, index: number): Promise<void> {
    const target = caseRowAddress(report, index);
    if (target) await this.selectCell(target.sheet, target.address);
  }

  /**
   * Opens the case of the row the user selects on the case sheet: calls onCase(index of the case in
   * the latest report) for each user selection on a case row; the pane's own selections, the header
   * and rows without a case are ignored. Resolves to a function that stops watching.
   */
  async watchCases(sheet: string, onCase: (index: number) => void): Promise<() => Promise<void>> {
    if (!this.port.watchSelection) return async () => undefined;
    return this.port.watchSelection(sheet, (address) => {
      const k = this.echoes.indexOf(normalAddress(address));
      if (k >= 0) {
        this.echoes.splice(k, 1);
        return;
      }
      const report = this.latest;
      const index = report === null ? null : caseAtAddress(report, address);
      if (index !== null) onCase(index);
    });
  }

  /** Validates and keeps the reviewer's initials in Indstillinger (one cell). Returns them. */
  async saveInitials(text: string, onPhase: OnPhase = () => undefined): Promise<string> {
    const initials = validInitials(text);
    if (initials === null) {
      throw new UserError(
        'Initialer skal være 1–10 bogstaver eller tal uden mellemrum (fx "ABC"); ret feltet, og gem igen.',
      );
    }
    onPhase('read');
    const snapshot = await this.port.readSnapshot();
    const caseSheet = this.latest?.caseSheet.name ?? snapshot.sheetNames[0];
    if (caseSheet === undefined) throw new UserError('Projektmappen har ingen ark.');
    onPhase('write');
    await this.port.apply(initialsPlan(snapshot, caseSheet, initials));
    return initials;
  }

  /**
   * "Godkend", "Ret" or a withdrawal on one question: reads the workbook, checks that the verdict
   * is still what the reviewer saw, appends one line to Gennemgang and, when an earlier check made
   * the verdict columns, rewrites that case's verdict cells in the same write, so its row shows
   * e.g. "Ja (rettet)" at once. Returns the evaluation with the line applied.
   * Decision: a review click writes the log line and the case's own verdict row, nothing else; the
   * table, overview and memo sheets are rebuilt by Byg tabeller (spec §10: corrections win in the
   * verdict columns; the log itself is append-only, Offentlighedsloven § 13).
   */
  review(target: ReviewTarget, action: ReviewAction, onPhase?: (p: Phase) => void): Promise<ReviewOutcome> {
    return this.appendReview(
      (report, snapshot) => reviewLineFor(report, target, action, this.reviewContext(report, snapshot)),
      onPhase,
    );
  }

  /** "Godkend resten": approves every question of the case that has no line yet (one append). */
  approveRest(sagsnr: number, onPhase?: (p: Phase) => void): Promise<ReviewOutcome> {
    return this.appendReview(
      (report, snapshot) => approveRemaining(report, sagsnr, this.reviewContext(report, snapshot)),
      onPhase,
    );
  }

  private reviewContext(report: Report, snapshot: Snapshot) {
    return { now: this.now(), date1904: snapshot.date1904, initials: report.settings.initialer };
  }

  private async appendReview(
    lineFor: (report: Report, snapshot: Snapshot) => ReviewResult,
    onPhase: (p: Phase) => void = () => undefined,
  ): Promise<ReviewOutcome> {
    onPhase('read');
    const snapshot = await this.port.readSnapshot();
    onPhase('evaluate');
    const report = this.evaluateOrThrow(snapshot);
    const line = lineFor(report, snapshot);
    if (!line.ok) {
      if (line.code === 'invalid') throw new UserError(line.message);
      return { result: this.resultOf(report, snapshot), written: 0, changed: line.message };
    }
    const rows = reviewAppendRows(snapshot, line.lines);
    if (!rows.ok) throw new UserError(rows.message);
    // The workbook as it will be after the append, evaluated first: its verdicts for this case are
    // what the case's row must show.
    const after = withAppendedReviewRows(snapshot, rows.rows);
    const afterReport = this.evaluateOrThrow(after);
    const sagsnrs = [
      ...new Set(line.lines.map((l) => l[1]).filter((n): n is number => typeof n === 'number')),
    ];
    const caseRow = this.core.planCaseRows(afterReport, sagsnrs);
    onPhase('write');
    await this.port.apply({
      caseSheet: report.caseSheet.name,
      clearColumns: null,
      verdictBlock: { row: 1, col: 1, values: [] },
      verdictColumnWidths: [],
      sheets: [],
      deleteSheets: [],
      ...(caseRow ?? {}),
      reviewAppend: rows.rows,
    });
    return {
      result: this.resultOf(afterReport, after),
      written: line.lines.length,
      changed: null,
    };
  }

  private evaluateOrThrow(snapshot: Snapshot): Report {
    const result = this.core.evaluate(snapshot, { today: this.today(), previous: this.previous });
    if (!result.ok) throw new UserError(result.error.message, 2);
    this.latest = result.report;
    return result.report;
  }

  /** The report with the problems a write would add (as after Kør kontrol), without writing. */
  private resultOf(report: Report, snapshot: Snapshot): RunResult {
    const plan = this.core.planWrite(report, snapshot);
    return { report, problems: [...report.problems, ...(plan.problems ?? [])] };
  }

  private async run(onPhase: (p: Phase) => void, choose: (plan: WritePlan) => WritePlan): Promise<RunResult> {
    onPhase('read');
    await yieldToEventLoop();
    const snapshot = await this.port.readSnapshot();
    onPhase('evaluate');
    await yieldToEventLoop();
    const report = this.evaluateOrThrow(snapshot);
    const plan = this.core.planWrite(report, snapshot);
    onPhase('write');
    await yieldToEventLoop();
    await this.port.apply(choose(plan));
    return { report, problems: [...report.problems, ...(plan.problems ?? [])] };
  }
}

/** Why a whole-number field is invalid, or null when it is fine. */
function wholeNumberError(text: string, what: string, min: number, max: number): string | null {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    return `${what} skal være et helt tal mellem ${min} og ${max}; ret feltet, og gem igen.`;
  }
  return null;
}

export type SettingsFieldErrors = Partial<Record<keyof SettingsForm, string>>;

/** Every invalid field of the form with its Danish message (shown on the field itself). */
export function settingsFieldErrors(
  form: SettingsForm,
  parseDay: (text: string) => Day | null,
): SettingsFieldErrors {
  const out: SettingsFieldErrors = {};
  if (form.kommune.trim() === '')
    out.kommune = 'Kommune skal udfyldes (fx "Ishøj"); udfyld feltet, og gem igen.';
  const aar = wholeNumberError(form.afgoerelsesaar, 'Afgørelsesår', 2000, 2099);
  if (aar) out.afgoerelsesaar = aar;
  if (parseDay(form.opgoerelsesdato.trim()) === null) {
    out.opgoerelsesdato =
      'Opgørelsesdato skal være en dato som dd-mm-åååå (fx 23-03-2022); ret feltet, og gem igen.';
  }
  const antal = wholeNumberError(form.antalSager, 'Antal sager', 1, 1000);
  if (antal) out.antalSager = antal;
  Object.assign(out, periodFieldErrors(form, parseDay));
  return out;
}

/** The settings with the form's values; throws a UserError naming the field when a value is invalid. */
export function applySettingsForm(
  current: Settings,
  form: SettingsForm,
  parseDay: (text: string) => Day | null,
): Settings {
  const errors = settingsFieldErrors(form, parseDay);
  const first = Object.values(errors)[0];
  if (first !== undefined) throw new UserError(first);
  return {
    ...current,
    kommune: form.kommune.trim(),
    afgoerelsesaar: Number(form.afgoerelsesaar.trim()),
    opgoerelsesdato: parseDay(form.opgoerelsesdato.trim()) as Day,
    antalSager: Number(form.antalSager.trim()),
    offentliggoerelse: form.offentliggoerelse,
    ...formaalFromForm(current, form, parseDay),
  };
}
