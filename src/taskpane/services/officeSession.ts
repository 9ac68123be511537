/// <reference types="office-js" />
import { OfficeWorkbook, type ExcelRun } from '../../workbook/office';
import type { WallClock } from '../../domain/review';
import type { Day } from '../../domain/types';
import { BarometerController, type Core } from './controller';
import { localPaneController } from './paneController';
import type { PaneSession } from './paneSession';

/** The session on the workbook open in Excel (the Office adapter does every Excel.run). */
export function officeSession(core: Core, today: () => Day, now: () => WallClock): PaneSession {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const port = new OfficeWorkbook(run, { runOn: (context, batch) => Excel.run(context, batch) });
  return {
    controller: localPaneController(new BarometerController(port, core, today, now)),
    name: 'Den åbne projektmappe',
  };
}
