import { previousFromJsonText, previousFromSnapshot, type PreviousResult } from '../domain/previous';
import type { Day } from '../domain/types';
import { assertXlsxSignature } from '../workbook/fileErrors';
import { UserError } from '../workbook/port';
import { XlsxPackageWorkbook } from '../workbook/xlsxpackage';
import { readInputFile } from './files';
import { nodeZipCodec } from './zipCodec';

/** A result workbook's sheets the trend reads besides the usual ones: "Overblik", "Overblik (2)", … */
const OVERVIEW_SHEET = /^overblik( \(\d+\))?$/i;

/** Whether the bytes look like JSON text: the first character past a byte order mark and blanks. */
function looksLikeJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') || head.startsWith('[');
}

/**
 * Reads the earlier result of `check --forrige` (issue 12): a result workbook (its Overblik) or
 * the JSON of `check --json`, told apart by content. Only read: the file is opened read-only and
 * never written. Every problem is a UserError (exit 1) naming the file.
 */
export async function readPrevious(file: string, today: Day): Promise<PreviousResult> {
  const named = (e: unknown): unknown =>
    e instanceof UserError ? new UserError(`--forrige "${file}": ${e.message}`, 1, { cause: e }) : e;
  let bytes: Uint8Array;
  try {
    bytes = (await readInputFile(file)).bytes;
  } catch (e) {
    throw named(e);
  }
  if (looksLikeJson(bytes)) {
    let textIn: string;
    try {
      textIn = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new UserError(
        `--forrige "${file}" er ikke en UTF-8-tekstfil – brug JSON-filen, som "barometer check --json" skrev.`,
        1,
        { cause },
      );
    }
    const r = previousFromJsonText(textIn, file);
    if (!r.ok) throw new UserError(`--forrige: ${r.message}`);
    return r.previous;
  }
  let snapshot;
  try {
    assertXlsxSignature(bytes);
    const wb = XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec);
    snapshot = await wb.readSnapshot((name) => OVERVIEW_SHEET.test(name.trim()));
  } catch (e) {
    throw named(e);
  }
  const r = previousFromSnapshot(snapshot, file, today);
  if (!r.ok) throw new UserError(`--forrige: ${r.message}`);
  return r.previous;
}
