import type { Phase } from './controller';
import type { FrontSheetsDelivery } from './frontSheets';
import type { PaneController } from './paneController';

/** One open workbook in the pane: its use cases, and in standalone mode the file's name and download. */
export interface PaneSession {
  readonly controller: PaneController;
  /** Shown to the user: the file's name, or "Den åbne projektmappe" in Excel. */
  readonly name: string;
  /** Standalone only: the workbook as it is now, as an .xlsx blob, and the suggested file name. */
  readonly download?: (onPhase?: (p: Phase) => void) => Promise<{ blob: Blob; fileName: string }>;
  /** "Opret sagsforsider (Bilag 2)": a file of its own (a download, or a new workbook in Excel). */
  readonly frontSheets?: (onPhase?: (p: Phase) => void) => Promise<FrontSheetsDelivery>;
}

/** Standalone mode's entry points (the workbook lives in a Web Worker). */
export interface StandaloneApi {
  /** Opens a file; `onPhase` reports reading, for the progress bar. */
  open(file: File, onPhase?: (p: Phase) => void): Promise<PaneSession>;
  example(onPhase?: (p: Phase) => void): Promise<PaneSession>;
  blank(): Promise<PaneSession>;
}
