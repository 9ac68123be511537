import type { PaneController } from './paneController';

/** One open workbook in the pane: its use cases, and in standalone mode the file's name and download. */
export interface PaneSession {
  readonly controller: PaneController;
  /** Shown to the user: the file's name, or "Den åbne projektmappe" in Excel. */
  readonly name: string;
  /** Standalone only: the workbook as it is now, as an .xlsx blob, and the suggested file name. */
  readonly download?: () => Promise<{ blob: Blob; fileName: string }>;
}

/** Standalone mode's entry points (the workbook lives in a Web Worker). */
export interface StandaloneApi {
  open(file: File): Promise<PaneSession>;
  example(): Promise<PaneSession>;
  blank(): Promise<PaneSession>;
}
