/**
 * The standalone mode's workbook: ExcelJS in the browser. Only ever loaded through the dynamic
 * import() in standalone.ts, so ExcelJS stays out of the chunks Excel loads.
 */
import { ExcelJsWorkbook } from '../../workbook/exceljs';
import type { Day } from '../../domain/types';
import { BarometerController, type Core } from './controller';
import { resultFileName, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function session(wb: ExcelJsWorkbook, name: string, core: Core, today: () => Day): Session {
  return {
    controller: new BarometerController(wb, core, today),
    name,
    download: async () => {
      const bytes = await wb.toBuffer();
      const copy = new Uint8Array(bytes); // a plain ArrayBuffer-backed copy for the Blob
      return { blob: new Blob([copy], { type: XLSX_TYPE }), fileName: resultFileName(name) };
    },
  };
}

export async function sessionFromBuffer(
  buf: ArrayBuffer,
  name: string,
  core: Core,
  today: () => Day,
): Promise<Session> {
  return session(await ExcelJsWorkbook.fromBuffer(buf), name, core, today);
}

/** A new workbook for "Opret skabelon" when no file is open; the template replaces its one sheet. */
export function blankSession(core: Core, today: () => Day): Session {
  const wb = ExcelJsWorkbook.empty();
  wb.workbook.addWorksheet('Ark1');
  return session(wb, 'sagsoversigt.xlsx', core, today);
}
