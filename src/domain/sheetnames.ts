import { META_SHEET, REVIEW_SHEET } from './types';

/** The case overview sheet (spec §2.1). */
export const CASE_SHEET = 'Sagsoversigt';
/** The settings sheet (spec §2.2). */
export const SETTINGS_SHEET = 'Indstillinger';

export { META_SHEET, REVIEW_SHEET };

/** Sheet name comparison as Excel does it: case-insensitive; surrounding spaces ignored. */
export function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The sheet reference for messages: Sagsoversigt!E7, or 'Ark 1'!E7 when the name needs quotes. */
export function sheetRef(sheet: string, cell: string): string {
  return /^[\p{L}\d_]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
