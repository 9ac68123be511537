import { CASE_SHEET, META_SHEET, REVIEW_SHEET, SETTINGS_SHEET, sameSheetName } from '../domain/sheetnames';

/** The sheets every snapshot holds when they exist (besides the case sheet). */
const ALWAYS_READ = [SETTINGS_SHEET, REVIEW_SHEET, META_SHEET];

/**
 * The sheets an adapter reads into the snapshot (types.ts, Snapshot.sheets): Sagsoversigt,
 * Indstillinger, Gennemgang and the tool's metadata sheet; when there is no Sagsoversigt, every
 * visible sheet too, so the core can find the case sheet by its header row (spec §2.1).
 * @example sheetsToRead([{ name: 'Ark1', visible: true }, { name: 'Skjult', visible: false }]) → [Ark1]
 */
export function sheetsToRead<T extends { readonly name: string; readonly visible: boolean }>(
  sheets: readonly T[],
): T[] {
  const hasCaseSheet = sheets.some((s) => sameSheetName(s.name, CASE_SHEET));
  return sheets.filter(
    (s) =>
      sameSheetName(s.name, CASE_SHEET) ||
      ALWAYS_READ.some((n) => sameSheetName(s.name, n)) ||
      (!hasCaseSheet && s.visible),
  );
}
