import { UserError } from '../../workbook/port';
import {
  reportIn,
  type ChunkedField,
  type OpenedSession,
  type WorkerCall,
  type WorkerReply,
} from '../worker/protocol';
import type { Phase } from './controller';
import type { PaneController } from './paneController';
import { frontSheetsFileName, XLSX_TYPE, type FrontSheetsFile } from './frontSheets';
import type { PaneSession, StandaloneApi } from './paneSession';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onPhase?: (p: Phase) => void;
  /** Parts of the result's long lists received so far. */
  parts: Partial<Record<ChunkedField, unknown[][]>>;
};

/** Calls into the standalone worker; each call resolves with the worker's answer. */
export class WorkerRpc {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => this.reply(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      // A worker that cannot start or crashed: every open call fails with a message, none hangs.
      const failure = new Error(e.message || 'arbejdsprocessen stoppede');
      for (const p of this.pending.values()) p.reject(failure);
      this.pending.clear();
    };
  }

  call<T>(
    method: string,
    args: readonly unknown[] = [],
    onPhase?: (p: Phase) => void,
    transfer: Transferable[] = [],
  ) {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        parts: {},
        ...(onPhase ? { onPhase } : {}),
      });
      const msg: WorkerCall = { id, method, args };
      this.worker.postMessage(msg, transfer);
    });
  }

  private reply(r: WorkerReply): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.kind === 'phase') {
      p.onPhase?.(r.phase);
      return;
    }
    if (r.kind === 'chunk') {
      (p.parts[r.field] ??= []).push(r.items as unknown[]);
      return;
    }
    this.pending.delete(r.id);
    if (r.kind === 'ok') {
      const report = reportIn(r.value);
      if (report) for (const [field, parts] of Object.entries(p.parts)) report[field] = parts.flat();
      p.resolve(r.value);
    } else p.reject(r.user ? new UserError(r.message) : new Error(r.message));
  }
}

/** The pane's controller for the workbook in the worker. Selections do not exist outside Excel. */
export function workerController(rpc: WorkerRpc, opened: OpenedSession): PaneController {
  const call =
    <T>(method: string) =>
    (...args: unknown[]) =>
      rpc.call<T>(method, args);
  return {
    canSelect: opened.canSelect,
    canWatchSelection: opened.canWatchSelection,
    createTemplate: call('createTemplate'),
    loadSettings: call('loadSettings'),
    saveSettings: call('saveSettings'),
    inspect: call('inspect'),
    check: (onPhase) => rpc.call('check', [], onPhase),
    buildTables: (onPhase) => rpc.call('buildTables', [], onPhase),
    caseView: call('caseView'),
    review: (target, action, onPhase) => rpc.call('review', [target, action], onPhase),
    approveRest: (sagsnr, onPhase) => rpc.call('approveRest', [sagsnr], onPhase),
    saveInitials: call('saveInitials'),
    compare: (bytes, name) => rpc.call('compare', [bytes, name], undefined, bytes ? [bytes] : []),
    selectProblem: async () => undefined,
    selectCell: async () => undefined,
    selectCase: async () => undefined,
    watchCases: async () => async () => undefined,
  };
}

/** Standalone mode on a worker: one workbook at a time, opened from a file, the example or blank. */
export function workerStandaloneApi(makeWorker: () => Worker): StandaloneApi {
  let rpc: WorkerRpc | null = null;
  const worker = () => (rpc ??= new WorkerRpc(makeWorker()));
  const session = (opened: OpenedSession): PaneSession => {
    const r = worker();
    return {
      controller: workerController(r, opened),
      name: opened.name,
      download: (onPhase) => r.call('download', [], onPhase),
      frontSheets: async (onPhase) => {
        const f = await r.call<FrontSheetsFile>('frontSheets', [], onPhase);
        const blob = new Blob([new Uint8Array(f.bytes)], { type: XLSX_TYPE });
        return {
          kind: 'download',
          blob,
          fileName: frontSheetsFileName(opened.name),
          cases: f.cases,
          warnings: f.warnings,
        };
      },
    };
  };
  const fromBuffer = async (buf: ArrayBuffer, name: string, onPhase?: (p: Phase) => void) =>
    session(await worker().call<OpenedSession>('open', [buf, name], onPhase, [buf]));
  return {
    open: async (file, onPhase) => fromBuffer(await file.arrayBuffer(), file.name, onPhase),
    async example(onPhase) {
      const res = await fetch('./eksempel.xlsx');
      if (!res.ok) throw new Error(`eksempel.xlsx: HTTP ${res.status}`);
      return fromBuffer(await res.arrayBuffer(), 'eksempel.xlsx', onPhase);
    },
    blank: async () => session(await worker().call<OpenedSession>('blank')),
  };
}
