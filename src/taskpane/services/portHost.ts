import type { WritePlan } from '../../domain/types';
import type { RawSheet, RawWorkbook } from '../../workbook/office';
import { UserError } from '../../workbook/port';
import type { PageMessage } from '../worker/protocol';
import { yieldToEventLoop } from './controller';
import type { PortRequest } from './workerClient';

/** What the page does with the open workbook for the worker (OfficeWorkbook in the add-in). */
export interface PageWorkbook {
  readRaw(): Promise<RawWorkbook>;
  apply(plan: WritePlan): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  watchSelection(sheet: string, onSelect: (address: string) => void): Promise<() => Promise<void>>;
}

/**
 * The page's side of the worker's port in Excel mode: Office.js reads and writes here, on the
 * main thread, and the worker gets plain arrays. A read goes over block by block, each posted in
 * its own task, so copying 20,000 rows into the worker never holds the page up.
 * @returns the handler for the worker's port requests (WorkerRpc's onPort)
 */
export function portHost(workbook: PageWorkbook, post: (m: PageMessage) => void): (r: PortRequest) => void {
  const stops = new Map<number, () => Promise<void>>();
  const run = async (r: PortRequest): Promise<unknown> => {
    switch (r.method) {
      case 'readRaw': {
        const raw = await workbook.readRaw();
        const sheets: RawSheet[] = [];
        const of = raw.sheets.reduce((k, s) => k + s.blocks.length, 0);
        let n = 0;
        for (const [sheet, s] of raw.sheets.entries()) {
          for (const block of s.blocks) {
            post({ kind: 'port-part', port: r.port, sheet, block, n: n++, of });
            await yieldToEventLoop();
          }
          sheets.push({ ...s, blocks: [] });
        }
        return { ...raw, sheets };
      }
      case 'apply':
        return workbook.apply(r.args[0] as WritePlan);
      case 'select':
        return workbook.select(r.args[0] as string, r.args[1] as string);
      case 'watchSelection': {
        const watch = r.args[1] as number;
        const stop = await workbook.watchSelection(r.args[0] as string, (address) =>
          post({ kind: 'selection', watch, address }),
        );
        stops.set(watch, stop);
        return null;
      }
      case 'unwatchSelection': {
        const watch = r.args[0] as number;
        const stop = stops.get(watch);
        stops.delete(watch);
        await stop?.();
        return null;
      }
    }
  };
  return (r) => {
    run(r).then(
      (value) => post({ kind: 'port-ok', port: r.port, value: value ?? null }),
      (err: unknown) =>
        post({
          kind: 'port-error',
          port: r.port,
          message: err instanceof Error ? err.message : String(err),
          user: err instanceof UserError,
        }),
    );
  };
}
