/// <reference types="office-js" />
/**
 * Test-only page (never in dist/, never in the manifest): the task pane in Excel mode inside
 * Chromium. The in-repo Excel simulator (test/excel-sim) is installed as the global Office and
 * Excel before the pane boots, holding the workbook named in ?workbook= (fetched from the test
 * server); ?latency= adds that many milliseconds to each context.sync() as a round trip to Excel
 * does; ?theme=dark gives Office's dark body colour. window.__sim exposes the simulator to the test,
 * window.__simSyncs the time the simulator itself worked in each sync (Excel's work, which in
 * Office runs outside the pane's thread).
 * Built by excelmode.webpack.mjs; driven by test/browser/excelmode.mjs.
 */
import { utf8Length } from '../../../src/workbook/office';
import { createSimulatedExcel, simWorkbookFromXlsx, type SimulatedExcel } from '../../excel-sim';
import { SimContext } from '../../excel-sim/api';

declare global {
  interface Window {
    __sim?: SimulatedExcel;
    __simReady?: boolean;
    /** performance.now() when the pane's own script starts (the test counts long tasks from here). */
    __paneStart?: number;
    __simError?: string;
    /** How long the simulator itself worked in each sync (Excel's share, not the pane's). */
    __simSyncs?: { start: number; ms: number; bytes: number; at: string }[];
    __phase?: string;
  }
}

// The simulator measures requests with Buffer.byteLength (Node); the page has no Buffer.
const g = globalThis as unknown as { Buffer?: { byteLength(s: string): number } };
g.Buffer ??= { byteLength: (s: string) => utf8Length(s) };

async function install(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const res = await fetch(params.get('workbook') ?? './eksempel.xlsx');
  if (!res.ok) throw new Error(`workbook: HTTP ${res.status}`);
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(new Uint8Array(await res.arrayBuffer())));
  const latency = Number(params.get('latency') ?? '0');
  if (latency > 0) {
    // Each sync is a round trip to Excel: the page's task ends and Excel answers later.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
    const sync = SimContext.prototype.sync;
    const syncs: NonNullable<Window['__simSyncs']> = (window.__simSyncs = []);
    SimContext.prototype.sync = async function (this: SimContext) {
      await new Promise((resolve) => setTimeout(resolve, latency));
      const start = performance.now();
      try {
        return await sync.call(this);
      } finally {
        const ms = performance.now() - start;
        const bytes = (sim.stats.requests.at(-1)?.bytes ?? 0) + (sim.stats.responses.at(-1)?.bytes ?? 0);
        syncs.push({ start, ms, bytes, at: window.__phase ?? 'start' });
      }
    };
  }
  const dark = params.get('theme') === 'dark';
  const office = {
    HostType: { Excel: 'Excel' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      officeTheme: { bodyBackgroundColor: dark ? '#262626' : '#ffffff' },
      requirements: { isSetSupported: sim.isSetSupported },
    },
  };
  const excel = {
    run: (a: unknown, b?: unknown) =>
      typeof b === 'function'
        ? sim.runOn(a as Excel.RequestContext, b as (c: Excel.RequestContext) => Promise<unknown>)
        : sim.run(a as (c: Excel.RequestContext) => Promise<unknown>),
  };
  Object.assign(window, { Office: office, Excel: excel, __sim: sim });
}

install().then(
  async () => {
    window.__simReady = true;
    window.__paneStart = performance.now();
    await import('../../../src/taskpane/index');
  },
  (e: unknown) => {
    window.__simError = e instanceof Error ? e.message : String(e);
  },
);
