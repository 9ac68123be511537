/**
 * `_Barometer` is checked before it is believed, on every adapter: a sheet of that name the tool
 * did not write (a person's visible sheet, or one naming the review log or the settings as
 * generated) is never overwritten, hidden or deleted, and makes the tool delete nothing; the
 * positions an earlier version recorded are never used to clear columns.
 */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { EXAMPLE_PATH } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { META_NOTE, META_SHEET } from '../../src/domain/meta';
import { planWrite } from '../../src/domain/plan';
import type { WritePlan } from '../../src/domain/types';
import type { WorkbookPort } from '../../src/workbook/port';
import { ADAPTERS, type Dump } from './adapters';

const TODAY = dayFromYmd(2026, 11, 23);

async function checkRun(port: WorkbookPort): Promise<WritePlan> {
  const snapshot = await port.readSnapshot();
  const result = evaluate(snapshot, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  const plan = planWrite(result.report, snapshot);
  await port.apply(plan);
  return plan;
}

/** The example workbook with extra sheets a person made. */
async function example(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(EXAMPLE_PATH) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sheetOf = (d: Dump, name: string) => d.sheets.find((s) => s.name === name);

const REVIEW_LOG = [
  ['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer'],
  ['01-11-2026 10:00', 1, '2.3', 'Nej', 'Ja', 'Fristen var forlænget', 'AB'],
];

describe.each(ADAPTERS.map((a) => [a.name, a] as const))(
  '_Barometer is checked before it is believed: %s',
  (_n, adapter) => {
    it('a person’s visible sheet named _Barometer is left exactly as it is, and visible', async () => {
      const xlsx = await example((wb) => {
        const ws = wb.addWorksheet(META_SHEET);
        ws.getCell('A1').value = 'Mine noter om barometret';
        ws.getCell('B3').value = 42;
      });
      const o = await adapter.open(xlsx);
      const plan = await checkRun(o.port);
      expect(plan.problems?.map((p) => p.code)).toContain('meta-sheet-taken');
      const d = await o.dump();
      expect(sheetOf(d, META_SHEET)).toEqual({ name: META_SHEET, visibility: 'Visible' });
      expect(d.cells[META_SHEET]).toEqual({
        A1: { value: 'Mine noter om barometret', type: 'string', numFmt: 'General' },
        B3: { value: 42, type: 'number', numFmt: 'General' },
      });
      // The results are still made, under their own names.
      expect(d.sheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['Resultattabeller', 'Overblik', 'Notat']),
      );
    });

    it('a _Barometer naming Gennemgang and Indstillinger as generated deletes neither, and is not rewritten', async () => {
      const xlsx = await example((wb) => {
        const log = wb.addWorksheet('Gennemgang');
        REVIEW_LOG.forEach((r) => log.addRow(r));
        const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
        [[META_NOTE], ['ark', 'Gennemgang'], ['ark', 'Indstillinger'], ['ark', 'Notat']].forEach((r) =>
          meta.addRow(r),
        );
      });
      const before = await (await adapter.open(xlsx)).dump();
      const o = await adapter.open(xlsx);
      const plan = await checkRun(o.port);
      expect(plan.deleteSheets).toEqual([]);
      const d = await o.dump();
      for (const name of ['Gennemgang', 'Indstillinger', META_SHEET]) {
        expect([name, sheetOf(d, name)]).toEqual([name, sheetOf(before, name)]);
        expect([name, d.cells[name]]).toEqual([name, before.cells[name]]);
      }
    });

    it('the column positions an earlier version recorded are never used: the person’s columns there stay', async () => {
      const xlsx = await example((wb) => {
        const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
        [[META_NOTE], ['ark', 'Notat'], ['kolonner', 'Sagsoversigt', 1, 5]].forEach((r) => meta.addRow(r));
      });
      const before = await (await adapter.open(xlsx)).dump();
      const o = await adapter.open(xlsx);
      await checkRun(o.port);
      const d = await o.dump();
      const cases = d.cells.Sagsoversigt ?? {};
      const changed = Object.entries(before.cells.Sagsoversigt ?? {}).filter(
        ([addr, cell]) => JSON.stringify(cases[addr]) !== JSON.stringify(cell),
      );
      expect(changed).toEqual([]);
      // The tool's own record replaces the old one (no positions in it).
      expect(sheetOf(d, META_SHEET)?.visibility).toBe('VeryHidden');
      expect(Object.values(d.cells[META_SHEET] ?? {}).some((c) => c.value === 'kolonner')).toBe(false);
    });

    it('its own _Barometer is believed: a re-run replaces it and the block, once', async () => {
      const o = await adapter.open(fs.readFileSync(EXAMPLE_PATH));
      await checkRun(o.port);
      const plan = await checkRun(o.port);
      expect(plan.problems?.map((p) => p.code)).not.toContain('meta-sheet-taken');
      expect(plan.clearColumns).toHaveLength(1);
      const d = await o.dump();
      expect(d.sheets.filter((s) => s.name === META_SHEET)).toEqual([
        { name: META_SHEET, visibility: 'VeryHidden' },
      ]);
    });
  },
);
