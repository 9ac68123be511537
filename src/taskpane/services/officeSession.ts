/// <reference types="office-js" />
import { OfficeWorkbook, type ExcelRun } from '../../workbook/office';
import type { Day } from '../../domain/types';
import { BarometerController, type Core } from './controller';
import type { Session } from './session';

/** The session on the workbook open in Excel (the Office adapter does every Excel.run). */
export function officeSession(core: Core, today: () => Day): Session {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const port = new OfficeWorkbook(run);
  return { controller: new BarometerController(port, core, today), name: 'Den åbne arbejdsbog' };
}
