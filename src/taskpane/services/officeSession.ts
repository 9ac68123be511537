/// <reference types="office-js" />
import { OfficeWorkbook, type ExcelRun, type OfficeWorkbookOptions } from '../../workbook/office';
import type { OpenedSession } from '../worker/protocol';
import { toBase64, type FrontSheetsDelivery, type FrontSheetsFile } from './frontSheets';
import type { PaneSession } from './paneSession';
import { portHost } from './portHost';
import { WorkerRpc, workerController } from './workerClient';

/** What the worker's session on the open workbook can do (Excel selects and reports selections). */
const EXCEL: OpenedSession = { name: 'Den åbne projektmappe', canSelect: true, canWatchSelection: true };

/**
 * The session on the workbook open in Excel (issue 11, no freezes): Office.js reads and writes on
 * the page (the Office adapter does every Excel.run), the evaluation and the write plan run in the
 * pane's Web Worker (the same bundle as standalone mode), so the pane keeps redrawing on 20,000 cases.
 * @param makeWorker the worker (services/standalone.ts); `run` is Excel.run (the test harness's simulator)
 */
export function officeSession(
  makeWorker: () => Worker,
  run: ExcelRun = (batch) => Excel.run(batch),
  options: OfficeWorkbookOptions = { runOn: (context, batch) => Excel.run(context, batch) },
): PaneSession {
  const workbook = new OfficeWorkbook(run, options);
  let rpc: WorkerRpc | null = null;
  const host = portHost(workbook, (m) => rpc?.post(m));
  rpc = new WorkerRpc(makeWorker(), host);
  // The worker takes calls in order: this one opens the session before any use case arrives.
  void rpc.call<OpenedSession>('openExcel').catch(() => undefined);
  const worker = rpc;
  return {
    controller: workerController(worker, EXCEL),
    name: EXCEL.name,
    // The front sheets carry names and CPR numbers: the worker builds the file from the open
    // workbook's cases, and it opens as a new workbook (ExcelApi 1.8), never written into this one.
    frontSheets: async (onPhase) =>
      frontSheetsToExcel(await worker.call<FrontSheetsFile>('frontSheets', [], onPhase)),
  };
}

/** Opens the front sheets file as a new workbook in Excel (ExcelApi 1.8); the open one is not touched. */
export async function frontSheetsToExcel(file: FrontSheetsFile): Promise<FrontSheetsDelivery> {
  await Excel.createWorkbook(toBase64(new Uint8Array(file.bytes)));
  return { kind: 'workbook', cases: file.cases, warnings: file.warnings };
}
