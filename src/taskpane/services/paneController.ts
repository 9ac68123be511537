import { caseList, caseView, type CaseListItem, type CaseView } from '../../domain/caseview';
import { formatCount, sager } from '../../domain/numbers';
import type { ReviewAction, ReviewTarget } from '../../domain/review';
import type { Day, OverviewRow, Problem, Report, Settings, TableResult } from '../../domain/types';
import { todayInCopenhagen } from '../today';
import { UserError } from '../../workbook/port';
import type { BarometerController, OnPhase, Phase, RunResult, SettingsForm } from './controller';
import { parseDayText } from './parseDay';

/**
 * What the pane renders of a report: everything but the cases' records and verdicts, which stay
 * with the controller (in standalone mode inside the Web Worker) and are asked for one case at a
 * time (caseView). Small enough to send from the worker without freezing the page on 20,000 cases.
 */
export interface PaneReport {
  readonly ruleset: string;
  readonly settings: Settings;
  readonly caseSheetName: string;
  readonly caseCount: number;
  readonly reviewed: number;
  readonly tables: readonly TableResult[];
  readonly overview: readonly OverviewRow[];
  readonly memo: readonly string[];
  /** One entry per case, in sheet order (caseview.ts). */
  readonly cases: readonly CaseListItem[];
  /** Problems of the evaluation plus those found while planning the write. */
  readonly problems: readonly Problem[];
}

export interface PaneOutcome {
  readonly result: PaneReport;
  readonly written: number;
  readonly changed: string | null;
}

/** What a freshly opened workbook holds: ready to check, or why the check cannot run. */
export type Inspection =
  { readonly ok: true; readonly cases: number } | { readonly ok: false; readonly message: string };

/**
 * The pane's use cases as the components call them. The same interface in Excel (on the main
 * thread, Office.js needs it) and in standalone mode (a proxy to the Web Worker, workerClient.ts).
 */
export interface PaneController {
  readonly canSelect: boolean;
  readonly canWatchSelection: boolean;
  createTemplate(): Promise<readonly Problem[]>;
  loadSettings(onPhase?: OnPhase): Promise<Settings>;
  saveSettings(form: SettingsForm, onPhase?: OnPhase): Promise<Settings>;
  inspect(): Promise<Inspection>;
  check(onPhase: (p: Phase) => void): Promise<PaneReport>;
  buildTables(onPhase: (p: Phase) => void): Promise<PaneReport>;
  caseView: (index: number) => Promise<CaseView | null>;
  review(target: ReviewTarget, action: ReviewAction, onPhase?: (p: Phase) => void): Promise<PaneOutcome>;
  approveRest(sagsnr: number, onPhase?: (p: Phase) => void): Promise<PaneOutcome>;
  saveInitials(text: string, onPhase?: OnPhase): Promise<string>;
  /**
   * "Sammenlign med tidligere resultat" (issue 12): reads an earlier result (.xlsx or .json, its
   * bytes; the file is never written) for the checks that follow; null bytes end the comparison.
   * Resolves to the file's name; a file that cannot be used rejects with a UserError naming it.
   */
  compare(bytes: ArrayBuffer | null, name: string): Promise<string | null>;
  selectProblem(problem: Problem): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  selectCase(index: number): Promise<void>;
  watchCases(sheet: string, onCase: (index: number) => void): Promise<() => Promise<void>>;
}

/** The pane's view of a run. */
export function paneReport(run: RunResult): PaneReport {
  const r = run.report;
  return {
    ruleset: r.ruleset,
    settings: r.settings,
    caseSheetName: r.caseSheet.name,
    caseCount: r.cases.length,
    reviewed: r.reviewed,
    tables: r.tables,
    overview: r.overview,
    memo: r.memo,
    cases: caseList(r),
    problems: run.problems,
  };
}

/** "x af n sager gennemgået" (as caseview.progressText, on the pane's report). */
export const progressText = (r: PaneReport): string =>
  `${formatCount(r.reviewed)} af ${sager(r.caseCount)} gennemgået`;

/** The controller bound for the pane: keeps the latest full report for case views and selections. */
export function localPaneController(
  c: BarometerController,
  today: () => Day = () => todayInCopenhagen(new Date()),
): PaneController {
  let latest: Report | null = null;
  const keep = (run: RunResult): PaneReport => {
    latest = run.report;
    return paneReport(run);
  };
  return {
    get canSelect() {
      return c.canSelect;
    },
    get canWatchSelection() {
      return c.canWatchSelection;
    },
    createTemplate: () => c.createTemplate(),
    loadSettings: (onPhase) => c.loadSettings(onPhase),
    saveSettings: (form, onPhase) => c.saveSettings(form, parseDayText, onPhase),
    inspect: async () => {
      try {
        // A dry run: evaluation without writing tells whether the case sheet and its columns are there.
        const run = await c.inspect();
        return { ok: true, cases: run.report.cases.length };
      } catch (e) {
        if (e instanceof UserError) return { ok: false, message: e.message };
        throw e;
      }
    },
    check: async (onPhase) => keep(await c.check(onPhase)),
    buildTables: async (onPhase) => keep(await c.buildTables(onPhase)),
    caseView: async (index) => (latest ? caseView(latest, index) : null),
    review: async (target, action, onPhase) => {
      const out = await c.review(target, action, onPhase);
      return { ...out, result: keep(out.result) };
    },
    approveRest: async (sagsnr, onPhase) => {
      const out = await c.approveRest(sagsnr, onPhase);
      return { ...out, result: keep(out.result) };
    },
    saveInitials: async (text, onPhase) => {
      const initials = await c.saveInitials(text, onPhase);
      if (latest) latest = { ...latest, settings: { ...latest.settings, initialer: initials } };
      return initials;
    },
    compare: async (bytes, name) => {
      if (bytes === null) {
        c.setPrevious(null);
        return null;
      }
      // Its own chunk: the package editor is not loaded in Excel unless a comparison is asked for.
      const { previousFromBytes } = await import(/* webpackChunkName: "previous" */ './previousBytes');
      c.setPrevious(await previousFromBytes(bytes, name, today()));
      return name;
    },
    selectProblem: (p) => c.select(p),
    selectCell: (sheet, address) => c.selectCell(sheet, address),
    selectCase: async (index) => {
      if (latest) await c.selectCase(latest, index);
    },
    watchCases: (sheet, onCase) => c.watchCases(sheet, onCase),
  };
}
