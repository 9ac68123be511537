import { evaluate } from '../domain/evaluate';
import type { Day, Report } from '../domain/types';
import { assertXlsxSignature } from '../workbook/fileErrors';
import { UserError } from '../workbook/port';
import { XlsxPackageWorkbook } from '../workbook/xlsxpackage';
import { readInputFile } from './files';
import { nodeZipCodec } from './zipCodec';

/** A UserError thrown while reading or writing a file, prefixed with the file's name. */
export const named = (displayName: string, e: unknown): unknown =>
  e instanceof UserError ? new UserError(`"${displayName}": ${e.message}`, e.exitCode, { cause: e }) : e;

/** Runs a step of reading or writing the workbook; a UserError it throws names the file. */
export async function withName<T>(displayName: string, step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw named(displayName, e);
  }
}

/**
 * A case list read as `check` reads it (read-only: the package editor, its own Indstillinger, no
 * overrides) and checked in memory; a missing case sheet or column exits 2 as check does.
 * Used by `saml` and `forsider`, which need the report but write no result into the file; `mode`
 * is the input's permission bits, which an output derived from it must not widen.
 */
export async function checkedCaseFile(
  file: string,
  today: Day,
): Promise<{ readonly report: Report; readonly mode: number }> {
  const { bytes, mode } = await readInputFile(file);
  const snapshot = await withName(file, () => {
    assertXlsxSignature(bytes);
    return XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec).readSnapshot();
  });
  const result = evaluate(snapshot, { today });
  if (!result.ok) throw new UserError(`"${file}": ${result.error.message}`, 2);
  return { report: result.report, mode };
}
