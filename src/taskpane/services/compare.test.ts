/**
 * The pane's "Sammenlign med tidligere resultat" (issue 12) through the pane controller in Excel
 * mode (the Office adapter on the simulated Excel, the bundled example): the chosen file's bytes
 * (a result workbook written by the package editor as the CLI writes it, or check --json) make the
 * following checks carry Sidst/Ændring; a file that cannot be used is refused naming it; null ends it.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flateCodec } from '../../workbook/xlsx/zip';
import { dayFromYmd } from '../../domain/days';
import { evaluate } from '../../domain/evaluate';
import { toJson } from '../../domain/json';
import { planWrite } from '../../domain/plan';
import { changePoints } from '../../domain/previous';
import { OfficeWorkbook } from '../../workbook/office';
import { XlsxPackageWorkbook } from '../../workbook/xlsxpackage';
import { createSimulatedExcel, simWorkbookFromXlsx } from '../../../test/excel-sim';
import { BarometerController } from './controller';
import { core } from './core';
import { localPaneController } from './paneController';

const TODAY = dayFromYmd(2026, 11, 23);
const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'eksempel.xlsx');
const noPhase = () => undefined;

async function setup() {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(fs.readFileSync(EXAMPLE)));
  const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported, runOn: sim.runOn });
  const c = new BarometerController(
    port,
    core,
    () => TODAY,
    () => ({ day: TODAY, minutes: 600 }),
  );
  return localPaneController(c, () => TODAY);
}

/** The example checked as the CLI does it: its result workbook's bytes and its --json. */
async function earlier() {
  const wb = XlsxPackageWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(EXAMPLE)), flateCodec);
  const snapshot = await wb.readSnapshot();
  const r = evaluate(snapshot, { today: TODAY });
  if (!r.ok) throw new Error(r.error.message);
  await wb.apply(planWrite(r.report, snapshot));
  return { xlsx: await wb.toBuffer(), json: toJson(r.report) };
}

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const sha = (b: ArrayBuffer) => crypto.createHash('sha256').update(new Uint8Array(b)).digest('hex');

describe('compare in the pane', () => {
  it('a result workbook: every question of the next check has its earlier figure (no change)', async () => {
    const pane = await setup();
    const first = await pane.check(noPhase);
    expect(first.overview.some((o) => 'previous' in o)).toBe(false);
    const bytes = buffer((await earlier()).xlsx);
    const before = sha(bytes);
    expect(await pane.compare(bytes, 'eksempel-resultat.xlsx')).toBe('eksempel-resultat.xlsx');
    expect(sha(bytes)).toBe(before);
    const next = await pane.check(noPhase);
    const shown = next.overview.filter((o) => o.compliant !== null);
    expect(shown.length).toBeGreaterThan(5);
    for (const o of shown) {
      expect(o.previous?.compliant).toBeCloseTo(o.compliant as number, 10);
      expect(changePoints(o)).toBe(0);
    }
    expect(next.memo).toContain(
      'Intet spørgsmål har ændret sig med 10 procentpoint eller mere siden sidste gennemgang.',
    );
  });

  it('a check --json with one figure 25 points lower: the change and the memo line', async () => {
    const pane = await setup();
    const { json } = await earlier();
    const target = json.overview.find((o) => o.compliant !== null && o.compliant >= 25);
    if (!target) throw new Error('no question to lower');
    const edited = {
      ...json,
      overview: json.overview.map((o) =>
        o === target ? { ...o, compliant: (o.compliant as number) - 25 } : o,
      ),
    };
    const bytes = buffer(new TextEncoder().encode(JSON.stringify(edited)));
    await pane.compare(bytes, 'sidste.json');
    const row = (await pane.check(noPhase)).overview.find(
      (o) => o.id === target.id && o.ruleset === target.ruleset,
    );
    expect(changePoints(row!)).toBeCloseTo(25, 1);
    const built = await pane.buildTables(noPhase);
    expect(
      built.memo.some(
        (l) => l.startsWith(`• ${row!.columnHeader}`) && l.includes('en stigning på 25 procentpoint'),
      ),
    ).toBe(true);
  });

  it('a file that is no result is refused naming it; null ends the comparison', async () => {
    const pane = await setup();
    await expect(pane.compare(buffer(new TextEncoder().encode('{"x": 1}')), 'noget.json')).rejects.toThrow(
      /^"noget\.json" er ikke JSON fra "barometer check --json"/,
    );
    await expect(pane.compare(buffer(fs.readFileSync(EXAMPLE)), 'eksempel.xlsx')).rejects.toThrow(
      /^"eksempel\.xlsx" har intet ark "Overblik"/,
    );
    await expect(pane.compare(buffer(new Uint8Array([1, 2, 3])), 'rod.xlsx')).rejects.toThrow(
      /^"rod\.xlsx": /,
    );
    await pane.compare(buffer((await earlier()).xlsx), 'eksempel-resultat.xlsx');
    expect((await pane.check(noPhase)).overview.some((o) => o.previous !== undefined)).toBe(true);
    expect(await pane.compare(null, '')).toBeNull();
    expect((await pane.check(noPhase)).overview.some((o) => 'previous' in o)).toBe(false);
  });
});
