/**
 * Writes the front sheets' plan as a new .xlsx with ExcelJS (as the CLI's `forsider` does). Loaded
 * only through dynamic import() (the standalone worker, and in Excel on the action), so the
 * workbook library never sits in the chunks Excel loads at start.
 */
import type { FrontSheets } from '../../domain/frontSheets';
import { ExcelJsWorkbook } from '../../workbook/exceljs';
import type { FrontSheetsFile } from './frontSheets';

export async function frontSheetsFile(plan: FrontSheets): Promise<FrontSheetsFile> {
  const wb = ExcelJsWorkbook.empty();
  wb.buildSheets(plan.sheets);
  return {
    bytes: await wb.toBuffer(),
    cases: plan.sheets.length,
    warnings: plan.warnings.map((w) => w.message),
  };
}
