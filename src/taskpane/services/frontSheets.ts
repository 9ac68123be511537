/**
 * The pane's "Opret sagsforsider (Bilag 2)" (issue 12 item 4): what a session hands back, and the
 * small pure helpers both modes use. The sheets carry names and CPR numbers on purpose, so they
 * always leave as a file of their own: a download in standalone mode, a new workbook in Excel.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the worker sends back: the new workbook's bytes and what the pane says about it. */
export interface FrontSheetsFile {
  readonly bytes: Uint8Array;
  readonly cases: number;
  /** One Danish sentence per field left open (never a name or CPR number). */
  readonly warnings: readonly string[];
}

/** How the file reached the user. */
export type FrontSheetsDelivery =
  | {
      readonly kind: 'download';
      readonly blob: Blob;
      readonly fileName: string;
      readonly cases: number;
      readonly warnings: readonly string[];
    }
  | { readonly kind: 'workbook'; readonly cases: number; readonly warnings: readonly string[] };

/** "sager.xlsx" → "sager-sagsforsider.xlsx" (as the CLI names it). */
export function frontSheetsFileName(name: string): string {
  const base = name.replace(/\.xls[xm]$/i, '') || 'projektmappe';
  return `${base}-sagsforsider.xlsx`;
}

/**
 * Base64 of bytes, for Excel.createWorkbook. Hand-written: no base64 package is installed, and
 * Uint8Array.prototype.toBase64 is missing in the webviews Office runs in.
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000; // String.fromCharCode takes its arguments on the stack: a chunk at a time
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}
