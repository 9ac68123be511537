import type { RawBlock } from '../../workbook/office';
import type { Phase } from '../services/controller';

/** A call from the page to the worker. */
export interface WorkerCall {
  readonly kind: 'call';
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * In Excel mode the workbook stays on the page (Office.js runs there): the worker's port asks the
 * page to read, write or select, and the page answers (portHost.ts).
 */
export type PortMethod = 'readRaw' | 'apply' | 'select' | 'watchSelection' | 'unwatchSelection';

/** Everything the page posts to the worker. */
export type PageMessage =
  | WorkerCall
  /** One block of rows of a raw read (sheet = index in the final answer's sheets), ahead of it. */
  | {
      readonly kind: 'port-part';
      readonly port: number;
      readonly sheet: number;
      readonly block: RawBlock;
      /** This block's number (0-based) and how many the read has, for the progress bar. */
      readonly n: number;
      readonly of: number;
    }
  | { readonly kind: 'port-ok'; readonly port: number; readonly value: unknown }
  | { readonly kind: 'port-error'; readonly port: number; readonly message: string; readonly user: boolean }
  /** The user selected a range on a watched sheet in Excel. */
  | { readonly kind: 'selection'; readonly watch: number; readonly address: string };

/** The worker's answers to one call: phases while it runs, then one result or one error. */
export type WorkerReply =
  | { readonly id: number; readonly kind: 'phase'; readonly phase: Phase; readonly fraction?: number }
  /** Part of a long list of the result (the page takes each part in its own short task). */
  | {
      readonly id: number;
      readonly kind: 'chunk';
      readonly field: ChunkedField;
      readonly items: readonly unknown[];
    }
  | { readonly id: number; readonly kind: 'ok'; readonly value: unknown }
  | {
      readonly id: number;
      readonly kind: 'error';
      readonly message: string;
      /** True for a UserError (a Danish message for the user), false for an unexpected error. */
      readonly user: boolean;
    };

/** What the worker posts to the page: answers, and in Excel mode port requests and opened cases. */
export type WorkerMessage =
  | WorkerReply
  | {
      readonly kind: 'port';
      readonly port: number;
      readonly method: PortMethod;
      readonly args: readonly unknown[];
    }
  /** The user's selection in Excel opened a case (watchCases). */
  | { readonly kind: 'case'; readonly watch: number; readonly index: number };

/** What opening a workbook in the worker tells the page. */
export interface OpenedSession {
  readonly name: string;
  readonly canSelect: boolean;
  readonly canWatchSelection: boolean;
}

/** The long lists of a PaneReport, sent in parts so no single message takes long to unpack. */
export const CHUNKED_FIELDS = ['cases', 'problems'] as const;
export type ChunkedField = (typeof CHUNKED_FIELDS)[number];

/** Entries per part: small enough that unpacking one takes a few milliseconds. */
export const CHUNK_SIZE = 2000;

/** The PaneReport inside a result (a report itself, or an outcome's result), or null. */
export function reportIn(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v['cases']) && Array.isArray(v['problems'])) return v;
  return reportIn(v['result']);
}
