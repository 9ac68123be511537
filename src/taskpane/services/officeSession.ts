/// <reference types="office-js" />
import { OfficeWorkbook, type ExcelRun } from '../../workbook/office';
import type { WallClock } from '../../domain/review';
import type { Day } from '../../domain/types';
import { BarometerController, type Core } from './controller';
import { localPaneController } from './paneController';
import { toBase64 } from './frontSheets';
import type { PaneSession } from './paneSession';

/** The session on the workbook open in Excel (the Office adapter does every Excel.run). */
export function officeSession(core: Core, today: () => Day, now: () => WallClock): PaneSession {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const port = new OfficeWorkbook(run, { runOn: (context, batch) => Excel.run(context, batch) });
  const controller = new BarometerController(port, core, today, now);
  return {
    controller: localPaneController(controller),
    name: 'Den åbne projektmappe',
    // The front sheets carry names and CPR numbers: a new workbook (ExcelApi 1.8), never this one.
    frontSheets: async (onPhase = () => undefined) => {
      const plan = await controller.frontSheets(onPhase);
      const { frontSheetsFile } = await import(/* webpackChunkName: "frontsheets" */ './frontSheetsFile');
      const file = await frontSheetsFile(plan);
      await Excel.createWorkbook(toBase64(file.bytes));
      return { kind: 'workbook', cases: file.cases, warnings: file.warnings };
    },
  };
}
