import type { Day, EvaluateResult, Problem, Report, Settings, Snapshot, WritePlan } from '../../domain/types';
import { GENERATED_SHEETS } from '../../domain/plan';
import { UserError, type WorkbookPort } from '../../workbook/port';

/** The pure core the controller drives (bound to src/domain in core.ts; injected for tests). */
export interface Core {
  evaluate(snapshot: Snapshot, options: { today: Day }): EvaluateResult;
  planWrite(report: Report, snapshot: Snapshot): WritePlan;
  /** The template's sheets for this workbook (throws a UserError when it already has a case sheet). */
  templatePlan(snapshot: Snapshot, today: Day): WritePlan;
  /** The settings as the sheet states them (defaults filled in). */
  readSettings(snapshot: Snapshot, today: Day): Settings;
  /** A plan that (re)writes the Indstillinger sheet with these settings and nothing else. */
  settingsPlan(settings: Settings, snapshot: Snapshot): WritePlan;
}

export type Phase = 'read' | 'evaluate' | 'write';

export const PHASE_LABEL: Readonly<Record<Phase, string>> = {
  read: 'Læser arbejdsbogen …',
  evaluate: 'Kontrollerer sagerne …',
  write: 'Skriver resultatet i arbejdsbogen …',
};

/** The sheets "Byg tabeller" writes; "Kør kontrol" writes everything else of the plan. */
export const TABLE_SHEETS: readonly string[] = GENERATED_SHEETS;

export interface RunResult {
  readonly report: Report;
  /** Problems of the evaluation plus those found while planning the write. */
  readonly problems: readonly Problem[];
}

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
}

/**
 * The pane's use cases on one workbook. Knows the port and the core, never Office.js or React:
 * components call these and render the plain results.
 */
export class BarometerController {
  constructor(
    private readonly port: WorkbookPort,
    private readonly core: Core,
    private readonly today: () => Day,
  ) {}

  get canSelect(): boolean {
    return typeof this.port.select === 'function';
  }

  /** Writes the empty Sagsoversigt and Indstillinger sheets. Returns the plan's problems. */
  async createTemplate(): Promise<readonly Problem[]> {
    const snapshot = await this.port.readSnapshot();
    const plan = this.core.templatePlan(snapshot, this.today());
    await this.port.apply(plan);
    return plan.problems ?? [];
  }

  async loadSettings(): Promise<Settings> {
    const snapshot = await this.port.readSnapshot();
    return this.core.readSettings(snapshot, this.today());
  }

  /** Merges the form into the sheet's current settings and rewrites the Indstillinger sheet. */
  async saveSettings(form: SettingsForm, parseDay: (text: string) => Day | null): Promise<Settings> {
    const snapshot = await this.port.readSnapshot();
    const current = this.core.readSettings(snapshot, this.today());
    const settings = applySettingsForm(current, form, parseDay);
    await this.port.apply(this.core.settingsPlan(settings, snapshot));
    return settings;
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
    if (this.port.select && problem.sheet && problem.cell)
      await this.port.select(problem.sheet, problem.cell);
  }

  private async run(onPhase: (p: Phase) => void, choose: (plan: WritePlan) => WritePlan): Promise<RunResult> {
    onPhase('read');
    await yieldToEventLoop();
    const snapshot = await this.port.readSnapshot();
    onPhase('evaluate');
    await yieldToEventLoop();
    const result = this.core.evaluate(snapshot, { today: this.today() });
    if (!result.ok) throw new UserError(result.error.message, 2);
    const plan = this.core.planWrite(result.report, snapshot);
    onPhase('write');
    await yieldToEventLoop();
    await this.port.apply(choose(plan));
    return { report: result.report, problems: [...result.report.problems, ...(plan.problems ?? [])] };
  }
}

function wholeNumber(text: string, what: string, min: number, max: number): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError(`${what} skal være et helt tal mellem ${min} og ${max}; ret feltet, og gem igen.`);
  }
  return n;
}

/** The settings with the form's values; throws a UserError naming the field when a value is invalid. */
export function applySettingsForm(
  current: Settings,
  form: SettingsForm,
  parseDay: (text: string) => Day | null,
): Settings {
  const kommune = form.kommune.trim();
  if (kommune === '') throw new UserError('Kommune skal udfyldes (fx "Ishøj"); udfyld feltet, og gem igen.');
  const afgoerelsesaar = wholeNumber(form.afgoerelsesaar, 'Afgørelsesår', 2000, 2099);
  const opgoerelsesdato = parseDay(form.opgoerelsesdato.trim());
  if (opgoerelsesdato === null) {
    throw new UserError(
      'Opgørelsesdato skal være en dato som dd-mm-åååå (fx 23-03-2022); ret feltet, og gem igen.',
    );
  }
  const antalSager = wholeNumber(form.antalSager, 'Antal sager', 1, 1000);
  return {
    ...current,
    kommune,
    afgoerelsesaar,
    opgoerelsesdato,
    antalSager,
    offentliggoerelse: form.offentliggoerelse,
  };
}
