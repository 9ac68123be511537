import type { Snapshot, WritePlan } from '../domain/types';

/**
 * The port between the pure core and a workbook (Excel via Office.js, or an .xlsx file via
 * ExcelJS). Adapters hold no domain logic: they move plain data in and out in as few round
 * trips as possible.
 */
export interface WorkbookPort {
  /** Reads everything the core needs, once. */
  readSnapshot(): Promise<Snapshot>;
  /**
   * Applies a write plan, once. Touches only generated columns and sheets (and appends to the log).
   * A plan whose verdictBlock has no rows and whose clearColumns is null writes nothing to the case
   * sheet (the task pane's template and settings plans: sheets only; caseSheet names an existing sheet).
   */
  apply(plan: WritePlan): Promise<void>;
  /**
   * Optional: selects a cell so the user sees it (the task pane's problem list). Only adapters
   * with a visible workbook (Office) implement it; callers check for its presence.
   * @example await port.select?.('Sagsoversigt', 'D7')
   */
  select?(sheet: string, cell: string): Promise<void>;
  /**
   * Optional: calls `onSelect` with the selected address ("C7", "A7:AE7") each time the selection
   * on `sheet` changes, by the user or by select() (Excel's Worksheet.onSelectionChanged). Resolves
   * to a function that stops watching. Only adapters with a visible workbook (Office) implement it.
   * @example const stop = await port.watchSelection?.('Sagsoversigt', (a) => open(a)); await stop?.();
   */
  watchSelection?(sheet: string, onSelect: (address: string) => void): Promise<() => Promise<void>>;
}

/** An error whose message is a Danish sentence meant for the user; `cause` keeps the original. */
export class UserError extends Error {
  constructor(
    message: string,
    /** CLI exit status: 1 = unreadable input or usage, 2 = case sheet or required column missing. */
    readonly exitCode: 1 | 2 = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}
