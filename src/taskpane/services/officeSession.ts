/// <reference types="office-js" />
import { OfficeWorkbook } from '../../workbook/office';
import type { Day } from '../../domain/types';
import { BarometerController, type Core } from './controller';
import type { Session } from './session';

/** The session on the workbook open in Excel (the Office adapter does every Excel.run). */
export function officeSession(core: Core, today: () => Day): Session {
  const port = new OfficeWorkbook((batch) => Excel.run(batch));
  return { controller: new BarometerController(port, core, today), name: 'Den åbne arbejdsbog' };
}
