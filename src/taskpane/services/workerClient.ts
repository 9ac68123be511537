import { UserError } from '../../workbook/port';
import {
  reportIn,
  type ChunkedField,
  type OpenedSession,
  type WorkerCall,
  type WorkerMessage,
} from '../worker/protocol';
import type { OnPhase } from './controller';
import type { PaneController } from './paneController';
import { frontSheetsFileName, XLSX_TYPE, type FrontSheetsFile } from './frontSheets';
import type { PaneSession, StandaloneApi } from './paneSession';

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onPhase?: OnPhase;
  /** Parts of the result's long lists received so far. */
  parts: Partial<Record<ChunkedField, unknown[][]>>;
};

/** A request of the worker's port in Excel mode (the page reads and writes the workbook). */
export type PortRequest = Extract<WorkerMessage, { kind: 'port' }>;

/** Calls into the worker; each call resolves with the worker's answer. */
export class WorkerRpc {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cases = new Map<number, (index: number) => void>();

  constructor(
    private readonly worker: Worker,
    /** Excel mode: answers the worker's port requests on the page (portHost.ts). */
    private readonly onPort?: (request: PortRequest) => void,
  ) {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => this.reply(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      // A worker that cannot start or crashed: every open call fails with a message, none hangs.
      const failure = new Error(e.message || 'arbejdsprocessen stoppede');
      for (const p of this.pending.values()) p.reject(failure);
      this.pending.clear();
    };
  }

  call<T>(method: string, args: readonly unknown[] = [], onPhase?: OnPhase, transfer: Transferable[] = []) {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        parts: {},
        ...(onPhase ? { onPhase } : {}),
      });
      const msg: WorkerCall = { kind: 'call', id, method, args };
      this.worker.postMessage(msg, transfer);
    });
  }

  /** Posts a message that is not a call (Excel mode: the port's answers and selections). */
  post(message: unknown): void {
    this.worker.postMessage(message);
  }

  /** Registers a callback for the cases the user's selections open; returns its id for the worker. */
  watch(onCase: (index: number) => void): number {
    const id = this.next++;
    this.cases.set(id, onCase);
    return id;
  }

  unwatch(id: number): void {
    this.cases.delete(id);
  }

  private reply(r: WorkerMessage): void {
    if (r.kind === 'port') {
      this.onPort?.(r);
      return;
    }
    if (r.kind === 'case') {
      this.cases.get(r.watch)?.(r.index);
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.kind === 'phase') {
      p.onPhase?.(r.phase, r.fraction);
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

/**
 * The pane's controller for the workbook in the worker. In Excel the worker asks the page to
 * select (its port); outside Excel there is nothing to select and these calls do nothing.
 */
export function workerController(rpc: WorkerRpc, opened: OpenedSession): PaneController {
  const call =
    <T>(method: string) =>
    (...args: unknown[]) =>
      rpc.call<T>(method, args);
  return {
    canSelect: opened.canSelect,
    canWatchSelection: opened.canWatchSelection,
    createTemplate: call('createTemplate'),
    loadSettings: (onPhase) => rpc.call('loadSettings', [], onPhase),
    saveSettings: (form, onPhase) => rpc.call('saveSettings', [form], onPhase),
    inspect: call('inspect'),
    check: (onPhase) => rpc.call('check', [], onPhase),
    buildTables: (onPhase) => rpc.call('buildTables', [], onPhase),
    caseView: call('caseView'),
    review: (target, action, onPhase) => rpc.call('review', [target, action], onPhase),
    approveRest: (sagsnr, onPhase) => rpc.call('approveRest', [sagsnr], onPhase),
    saveInitials: (text, onPhase) => rpc.call('saveInitials', [text], onPhase),
    compare: (bytes, name) => rpc.call('compare', [bytes, name], undefined, bytes ? [bytes] : []),
    selectProblem: opened.canSelect ? call('selectProblem') : async () => undefined,
    selectCell: opened.canSelect ? call('selectCell') : async () => undefined,
    selectCase: opened.canSelect ? call('selectCase') : async () => undefined,
    watchCases: opened.canWatchSelection
      ? async (sheet, onCase) => {
          const watch = rpc.watch(onCase);
          await rpc.call('watchCases', [sheet, watch]).catch((e: unknown) => {
            rpc.unwatch(watch);
            throw e;
          });
          return async () => {
            rpc.unwatch(watch);
            await rpc.call('unwatchCases', [watch]);
          };
        }
      : async () => async () => undefined,
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
  const fromBuffer = async (buf: ArrayBuffer, name: string, onPhase?: OnPhase) =>
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
