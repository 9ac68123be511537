/**
 * The standalone mode's workbooks, in the browser. Only ever loaded through the dynamic import()
 * in standalone.ts, so neither engine sits in the chunks Excel loads.
 *
 * An opened file is edited in place by the same package editor as the CLI (XlsxPackageWorkbook
 * on fflate, saxes and xmldom, all browser-safe), so the downloaded file keeps everything the CLI
 * keeps: charts, pivot tables, images, comments and every part the tool does not write, byte for
 * byte. ExcelJS is kept for one job: a new workbook made from nothing (the template), which the
 * package editor cannot do because it only edits an existing package.
 */
import { ExcelJsWorkbook } from '../../workbook/exceljs';
import type { WallClock } from '../../domain/review';
import type { Day } from '../../domain/types';
import type { WorkbookPort } from '../../workbook/port';
import { XlsxPackageWorkbook } from '../../workbook/xlsxpackage';
import { flateCodec } from '../../workbook/xlsx/zip';
import { BarometerController, type Core } from './controller';
import { resultFileName, type Session } from './session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function session(
  wb: WorkbookPort & { toBuffer(): Promise<Uint8Array> },
  name: string,
  core: Core,
  today: () => Day,
  now: () => WallClock,
  port: WorkbookPort = wb,
  downloadName: string = resultFileName(name),
): Session {
  return {
    controller: new BarometerController(port, core, today, now),
    name,
    download: async () => {
      const bytes = await wb.toBuffer();
      const copy = new Uint8Array(bytes); // a plain ArrayBuffer-backed copy for the Blob
      return { blob: new Blob([copy], { type: XLSX_TYPE }), fileName: downloadName };
    },
  };
}

export async function sessionFromBuffer(
  buf: ArrayBuffer,
  name: string,
  core: Core,
  today: () => Day,
  now: () => WallClock,
): Promise<Session> {
  return session(XlsxPackageWorkbook.fromBuffer(new Uint8Array(buf), flateCodec), name, core, today, now);
}

const PLACEHOLDER = 'Ark1';

/**
 * A new workbook for "Opret skabelon" when no file is open. It starts with one empty sheet (as
 * Excel's new workbooks do; a plan names an existing sheet), removed once the template is in.
 */
export function blankSession(core: Core, today: () => Day, now: () => WallClock): Session {
  const wb = ExcelJsWorkbook.empty();
  wb.workbook.addWorksheet(PLACEHOLDER);
  const port: WorkbookPort = {
    readSnapshot: () => wb.readSnapshot(),
    apply: async (plan) => {
      await wb.apply(plan);
      const placeholder = wb.workbook.getWorksheet(PLACEHOLDER);
      if (placeholder && wb.workbook.worksheets.length > 1 && placeholder.actualRowCount === 0) {
        wb.workbook.removeWorksheet(placeholder.id);
      }
    },
  };
  return session(wb, 'Ny projektmappe', core, today, now, port, 'sagsoversigt.xlsx');
}
