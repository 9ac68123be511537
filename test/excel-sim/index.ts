/// <reference types="office-js" />
/**
 * Simulated Excel for tests of the Office.js adapter (src/workbook/office.ts).
 *
 *   const sim = createSimulatedExcel(await simWorkbookFromXlsx(buffer));
 *   const wb = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported });
 *   await wb.readSnapshot();
 *   sim.syncCount;            // context.sync() calls so far (Excel.run's final flush included)
 *   sim.requests;             // [{ bytes, actions }] per request, UTF-8 JSON size of the queued commands
 *   dumpWorkbook(sim.workbook) // cells (value, type, number format) for comparison with ExcelJS
 *
 * It implements exactly the Excel JS API subset the adapter uses, with Office.js batch semantics
 * (see ./api.ts): proxies queue commands, load() + sync() before any read (else "PropertyNotLoaded"),
 * getItemOrNullObject/isNullObject, 5 MB request/response limits ("RequestPayloadSizeLimitExceeded"),
 * Excel's coercion of typed strings, cell-edit mode and protected sheets for error mapping tests.
 * The document model (./model.ts) can be built from an .xlsx through ExcelJS.
 */
import { SimContext, type SimStats } from './api';
import { emptyWorkbook, settleEvents, userSelects, type SimWorkbook } from './model';

export { SimOfficeError, PAYLOAD_LIMIT } from './api';
export * from './model';

export type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SimulatedExcel {
  /** Excel.run: one new request context per call, pending commands flushed at the end. */
  readonly run: Run;
  /** Excel.run(context, batch): a batch on an existing context (e.g. an EventHandlerResult's). */
  readonly runOn: <T>(
    context: Excel.RequestContext,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ) => Promise<T>;
  /** The user selects a range in Excel: the selection moves and Worksheet.onSelectionChanged is raised. */
  userSelects(sheet: string, address: string): void;
  /** Resolves once every raised event has been handled. */
  settle(): Promise<void>;
  readonly syncCount: number;
  readonly requests: readonly { bytes: number; actions: number }[];
  readonly responses: readonly { bytes: number }[];
  readonly stats: SimStats;
  readonly workbook: SimWorkbook;
  /** Office.context.requirements.isSetSupported for the simulated host. */
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Forgets counted syncs and requests (e.g. between the read and the write phase of a test). */
  resetStats(): void;
}

/** @param apiVersion the highest ExcelApi minor version the simulated host supports (default 1.13). */
export function createSimulatedExcel(
  workbook: SimWorkbook = emptyWorkbook(),
  apiVersion = 13,
): SimulatedExcel {
  const stats: SimStats = { syncCount: 0, writes: [], requests: [], responses: [], suspendCalculation: 0 };
  const run: Run = async (batch) => {
    const ctx = new SimContext(workbook, stats);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.hasPending()) await ctx.sync();
    return result;
  };
  const runOn = async <T>(
    context: Excel.RequestContext,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const ctx = context as unknown as SimContext;
    const result = await batch(context);
    if (ctx.hasPending()) await ctx.sync();
    return result;
  };
  return {
    run,
    runOn,
    userSelects: (sheet, address) => userSelects(workbook, sheet, address),
    settle: () => settleEvents(workbook),
    get syncCount() {
      return stats.syncCount;
    },
    get requests() {
      return stats.requests;
    },
    get responses() {
      return stats.responses;
    },
    stats,
    workbook,
    isSetSupported: (name, version) =>
      name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= apiVersion,
    resetStats() {
      stats.syncCount = 0;
      stats.writes = [];
      stats.requests = [];
      stats.responses = [];
      stats.suspendCalculation = 0;
    },
  };
}
