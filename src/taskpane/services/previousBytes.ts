import { previousFromJsonText, previousFromSnapshot, type PreviousResult } from '../../domain/previous';
import type { Day } from '../../domain/types';
import { UserError } from '../../workbook/port';
import { XlsxPackageWorkbook } from '../../workbook/xlsxpackage';
import { flateCodec } from '../../workbook/xlsx/zip';

/** A result workbook's overview sheets besides the usual ones: "Overblik", "Overblik (2)", … */
const OVERVIEW_SHEET = /^overblik( \(\d+\))?$/i;

/**
 * The pane's "Sammenlign med tidligere resultat" (issue 12): the chosen file's bytes as an earlier
 * result, by content a result workbook (its Overblik, through the package editor, read only) or
 * the JSON of `barometer check --json`; the same pure reading as the CLI's --forrige (previous.ts).
 */
export async function previousFromBytes(
  bytes: ArrayBuffer,
  name: string,
  today: Day,
): Promise<PreviousResult> {
  const data = new Uint8Array(bytes);
  const head = new TextDecoder('utf-8')
    .decode(data.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    const r = previousFromJsonText(new TextDecoder('utf-8').decode(data), name);
    if (!r.ok) throw new UserError(r.message);
    return r.previous;
  }
  let snapshot;
  try {
    const wb = XlsxPackageWorkbook.fromBuffer(data, flateCodec);
    snapshot = await wb.readSnapshot((sheet) => OVERVIEW_SHEET.test(sheet.trim()));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`"${name}": ${e.message}`, 1, { cause: e });
    throw e;
  }
  const r = previousFromSnapshot(snapshot, name, today);
  if (!r.ok) throw new UserError(r.message);
  return r.previous;
}
