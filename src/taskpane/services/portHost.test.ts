/**
 * Excel mode across the worker boundary, in one process: the page's portHost on the Office
 * adapter over the simulated Excel, the worker's RemotePort under the real controller, every
 * message copied (structuredClone) and delivered in a later task as postMessage does. The result
 * in the workbook is the same as with the adapter on the same thread; reads travel in blocks,
 * writes in parts; selections reach the worker and open cases; a Danish UserError stays one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromYmd } from '../../domain/days';
import { OfficeWorkbook } from '../../workbook/office';
import { UserError } from '../../workbook/port';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromXlsx } from '../../../test/excel-sim';
import type { PageMessage, WorkerMessage } from '../worker/protocol';
import { RemotePort } from '../worker/remotePort';
import { BarometerController } from './controller';
import { core } from './core';
import { localPaneController } from './paneController';
import { portHost } from './portHost';
import type { PortRequest } from './workerClient';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'eksempel.xlsx'));
const later = (f: () => void) => setTimeout(f, 0);

async function excel() {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(EXAMPLE));
  const office = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
  return { sim, office };
}

function controllerOn(port: ConstructorParameters<typeof BarometerController>[0]) {
  let minute = 600;
  return localPaneController(
    new BarometerController(
      port,
      core,
      () => TODAY,
      () => ({ day: TODAY, minutes: minute++ }),
    ),
  );
}

async function bridged() {
  const { sim, office } = await excel();
  const toPage: WorkerMessage[] = [];
  const toWorker: PageMessage[] = [];
  let remote: RemotePort | null = null;
  const host = portHost(office, (m) => {
    toWorker.push(m);
    const copy = structuredClone(m);
    later(() => remote?.receive(copy));
  });
  remote = new RemotePort((m) => {
    toPage.push(m);
    const copy = structuredClone(m);
    later(() => host(copy as PortRequest));
  });
  return { sim, remote, pane: controllerOn(remote), toPage, toWorker };
}

describe('Excel mode through the worker boundary', () => {
  it('Kør kontrol and Byg tabeller write what the adapter on the page writes', async () => {
    const direct = await excel();
    const local = controllerOn(direct.office);
    const b = await bridged();
    const r1 = await local.check(() => undefined);
    const r2 = await b.pane.check(() => undefined);
    expect(r2).toEqual(r1);
    await local.buildTables(() => undefined);
    await b.pane.buildTables(() => undefined);
    expect(dumpWorkbook(b.sim.workbook)).toEqual(dumpWorkbook(direct.sim.workbook));
    const asked = b.toPage.filter((m) => m.kind === 'port').map((m) => m.kind === 'port' && m.method);
    expect(asked).toEqual(['readRaw', 'apply', 'readRaw', 'apply']);
    expect(b.toWorker.some((m) => m.kind === 'port-part')).toBe(true);
  });

  it('reports how far a read and a write are, block by block and part by part', async () => {
    const b = await bridged();
    const seen: [string, number][] = [];
    b.remote.progress = (phase, f) => seen.push([phase, f]);
    await b.pane.check(() => undefined);
    const reads = seen.filter(([p]) => p === 'read').map(([, f]) => f);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.at(-1)).toBe(1);
    expect(seen.filter(([p]) => p === 'write').map(([, f]) => f)).toEqual([1]);
  });

  it('a selection in Excel reaches the worker and opens the case of that row; stop ends it', async () => {
    const b = await bridged();
    const r = await b.pane.check(() => undefined);
    const opened: number[] = [];
    const stop = await b.pane.watchCases(r.caseSheetName, (i) => opened.push(i));
    const row = r.cases[3]!.row;
    b.sim.userSelects(r.caseSheetName, `B${row}`);
    await b.sim.settle();
    await new Promise((res) => setTimeout(res, 20));
    expect(opened).toEqual([3]);
    await stop();
    b.sim.userSelects(r.caseSheetName, `B${r.cases[4]!.row}`);
    await b.sim.settle();
    await new Promise((res) => setTimeout(res, 20));
    expect(opened).toEqual([3]);
  });

  it("the page's Danish UserError arrives as a UserError", async () => {
    const b = await bridged();
    const err = await b.pane.selectCell('Findes ikke', 'A1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe('Arket "Findes ikke" findes ikke i projektmappen.');
  });
});
