import type { BarometerController } from './controller';

/** One open workbook in the pane: the controller, and in standalone mode the file's name and download. */
export interface Session {
  readonly controller: BarometerController;
  /** Shown to the user: the file's name, or "Den åbne projektmappe" in Excel. */
  readonly name: string;
  /** Standalone only: the workbook as it is now, as an .xlsx blob, and the suggested file name. */
  readonly download?: () => Promise<{ blob: Blob; fileName: string }>;
}

/** Standalone mode's entry points; the implementation (ExcelJS) is loaded lazily. */
export interface StandaloneApi {
  open(file: File): Promise<Session>;
  example(): Promise<Session>;
  blank(): Promise<Session>;
}

/** "sager.xlsx" → "sager-resultat.xlsx" (as the CLI names its output). */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '') || 'projektmappe';
  return `${base}-resultat.xlsx`;
}

/** Saves a blob as a file via a temporary a[download] link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
