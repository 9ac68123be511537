import { snapshotFromRaw, type RawBlock, type RawSheet, type RawWorkbook } from '../../workbook/office';
import { UserError, type WorkbookPort } from '../../workbook/port';
import type { Snapshot, WritePlan } from '../../domain/types';
import type { PageMessage, PortMethod, WorkerMessage } from './protocol';
import { splitPlan } from './splitPlan';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  /** Blocks of a raw read received so far, per sheet index. */
  blocks: RawBlock[][];
};

/**
 * The worker's WorkbookPort in Excel mode: the workbook is read and written on the page (Office.js
 * needs the page), everything between runs here. The page sends a read as plain arrays in blocks
 * (snapshotFromRaw turns them into the Snapshot here); a write plan goes back in parts
 * (splitPlan), each applied before the next is sent, so no single step on the page takes long.
 */
export class RemotePort implements WorkbookPort {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly watches = new Map<number, (address: string) => void>();
  /** The running call's progress: blocks read, parts written (the worker sets it per call). */
  progress: ((phase: 'read' | 'write', fraction: number) => void) | null = null;

  constructor(private readonly post: (m: WorkerMessage) => void) {}

  async readSnapshot(): Promise<Snapshot> {
    return snapshotFromRaw(await this.ask<RawWorkbook>('readRaw'));
  }

  async apply(plan: WritePlan): Promise<void> {
    const parts = splitPlan(plan);
    for (const [i, part] of parts.entries()) {
      await this.ask('apply', [part]);
      this.progress?.('write', (i + 1) / parts.length);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.ask('select', [sheet, cell]);
  }

  async watchSelection(sheet: string, onSelect: (address: string) => void): Promise<() => Promise<void>> {
    const watch = this.next++;
    this.watches.set(watch, onSelect);
    try {
      await this.ask('watchSelection', [sheet, watch]);
    } catch (e) {
      this.watches.delete(watch);
      throw e;
    }
    return async () => {
      if (!this.watches.delete(watch)) return;
      await this.ask('unwatchSelection', [watch]);
    };
  }

  /** A message from the page for this port; false when it is not one. */
  receive(m: PageMessage): boolean {
    if (m.kind === 'selection') {
      this.watches.get(m.watch)?.(m.address);
      return true;
    }
    if (m.kind === 'call') return false;
    const p = this.pending.get(m.port);
    if (!p) return true;
    if (m.kind === 'port-part') {
      (p.blocks[m.sheet] ??= []).push(m.block);
      this.progress?.('read', (m.n + 1) / m.of);
      return true;
    }
    this.pending.delete(m.port);
    if (m.kind === 'port-error') p.reject(m.user ? new UserError(m.message) : new Error(m.message));
    else p.resolve(withBlocks(m.value, p.blocks));
    return true;
  }

  private ask<T>(method: PortMethod, args: readonly unknown[] = []): Promise<T> {
    const port = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(port, { resolve: resolve as (v: unknown) => void, reject, blocks: [] });
      this.post({ kind: 'port', port, method, args });
    });
  }
}

/** A raw read's answer (sheets without their blocks) with the blocks sent ahead of it put back. */
function withBlocks(value: unknown, blocks: readonly RawBlock[][]): unknown {
  if (blocks.length === 0) return value;
  const raw = value as RawWorkbook;
  const sheets: RawSheet[] = raw.sheets.map((s, i) => ({
    ...s,
    blocks: [...s.blocks, ...(blocks[i] ?? [])],
  }));
  return { ...raw, sheets };
}
