/**
 * The pane's rule core in a Web Worker (issue 11, part 3), so the page keeps redrawing on 20,000
 * cases. Standalone: the .xlsx is read, evaluated and written here. Excel ("openExcel"): the page
 * reads and writes through Office.js, this worker's RemotePort asks it to, and the evaluation and
 * write plan run here. The page talks to it through workerClient.ts; this file only dispatches.
 */
import { BarometerController, type OnPhase } from '../services/controller';
import { core } from '../services/core';
import { localPaneController, type PaneController } from '../services/paneController';
import type { Session } from '../services/session';
import { nowInCopenhagen, todayInCopenhagen } from '../today';
import {
  CHUNK_SIZE,
  CHUNKED_FIELDS,
  reportIn,
  type OpenedSession,
  type PageMessage,
  type WorkerCall,
  type WorkerMessage,
} from './protocol';
import { RemotePort } from './remotePort';

/** The worker's global scope, as much of it as this file uses (the DOM lib types `self` as a window). */
declare const self: {
  postMessage(message: WorkerMessage): void;
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
};

const today = () => todayInCopenhagen(new Date());
const now = () => nowInCopenhagen(new Date());
// The workbook library stays in its own lazily loaded chunk, as before the worker.
const load = () => import(/* webpackChunkName: "standalone" */ '../services/standaloneWorkbook');
const loadFrontSheets = () => import(/* webpackChunkName: "standalone" */ '../services/frontSheetsFile');

let session: Session | null = null;
let controller: PaneController | null = null;
/** Excel mode: the port whose reads and writes the page carries out. */
let remote: RemotePort | null = null;
/** Excel mode: stops watching the selection, per watch id of the page. */
const watches = new Map<number, () => Promise<void>>();

function opened(s: Session): OpenedSession {
  session = s;
  controller = localPaneController(s.controller);
  return { name: s.name, canSelect: controller.canSelect, canWatchSelection: controller.canWatchSelection };
}

function current(): PaneController {
  if (!controller) throw new Error('Ingen projektmappe er åben.');
  return controller;
}

type Handler = (args: readonly unknown[], onPhase: OnPhase) => unknown;

const handlers: Record<string, Handler> = {
  open: async ([buffer, name], onPhase) => {
    onPhase('read');
    return opened(
      await (await load()).sessionFromBuffer(buffer as ArrayBuffer, name as string, core, today, now),
    );
  },
  blank: async () => opened((await load()).blankSession(core, today, now)),
  openExcel: () => {
    remote = new RemotePort((m) => self.postMessage(m));
    const c = new BarometerController(remote, core, today, now);
    return opened({ controller: c, name: 'Den åbne projektmappe' });
  },
  selectProblem: ([problem]) =>
    current().selectProblem(problem as Parameters<PaneController['selectProblem']>[0]),
  selectCell: ([sheet, address]) => current().selectCell(sheet as string, address as string),
  selectCase: ([index]) => current().selectCase(index as number),
  watchCases: async ([sheet, watch]) => {
    const w = watch as number;
    const post = (index: number) => self.postMessage({ kind: 'case', watch: w, index });
    watches.set(w, await current().watchCases(sheet as string, post));
    return null;
  },
  unwatchCases: async ([watch]) => {
    const stop = watches.get(watch as number);
    watches.delete(watch as number);
    await stop?.();
    return null;
  },
  download: async (_args, onPhase) => {
    if (!session?.download) throw new Error('Projektmappen kan ikke hentes.');
    onPhase('write');
    return session.download();
  },
  // The front sheets go back as bytes for a download of their own; this workbook is not changed.
  frontSheets: async (_args, onPhase) => {
    if (!session) throw new Error('Ingen projektmappe er åben.');
    const plan = await session.controller.frontSheets(onPhase);
    return (await loadFrontSheets()).frontSheetsFile(plan);
  },
  createTemplate: () => current().createTemplate(),
  loadSettings: (_args, onPhase) => current().loadSettings(onPhase),
  saveSettings: ([form], onPhase) =>
    current().saveSettings(form as Parameters<PaneController['saveSettings']>[0], onPhase),
  inspect: () => current().inspect(),
  caseView: ([index]) => current().caseView(index as number),
  saveInitials: ([text], onPhase) => current().saveInitials(text as string, onPhase),
  compare: ([bytes, name]) => current().compare(bytes as ArrayBuffer | null, name as string),
};

self.onmessage = (e: MessageEvent<PageMessage>) => {
  if (e.data.kind === 'call') void answer(e.data);
  else remote?.receive(e.data);
};

async function answer(call: WorkerCall): Promise<void> {
  const { id, method, args } = call;
  const post = (reply: WorkerMessage) => self.postMessage(reply);
  try {
    let value: unknown;
    const onPhase: OnPhase = (phase, fraction) =>
      post({ id, kind: 'phase', phase, ...(fraction === undefined ? {} : { fraction }) });
    if (remote) remote.progress = onPhase;
    if (method === 'check' || method === 'buildTables') {
      value = await current()[method](onPhase);
    } else if (method === 'review') {
      const [target, action] = args as Parameters<PaneController['review']>;
      value = await current().review(target, action, onPhase);
    } else if (method === 'approveRest') {
      value = await current().approveRest(args[0] as number, onPhase);
    } else {
      const handler = handlers[method];
      if (!handler) throw new Error(`unknown call ${method}`);
      value = await handler(args, onPhase);
    }
    // The long lists go ahead in parts; the final answer carries them empty (workerClient refills them).
    const report = reportIn(value);
    if (report) {
      for (const field of CHUNKED_FIELDS) {
        const items = report[field] as readonly unknown[];
        for (let i = 0; i < items.length; i += CHUNK_SIZE)
          post({ id, kind: 'chunk', field, items: items.slice(i, i + CHUNK_SIZE) });
        report[field] = [];
      }
    }
    post({ id, kind: 'ok', value });
  } catch (err) {
    const user = err instanceof Error && err.name === 'UserError';
    post({ id, kind: 'error', message: err instanceof Error ? err.message : String(err), user });
  }
}
