/**
 * splitPlan: a large write plan applied in parts, one after the other, leaves the simulated Excel
 * exactly as the whole plan does (cells, types, number formats, sheets), also over an earlier run.
 */
import { dayFromYmd } from '../../domain/days';
import { evaluate } from '../../domain/evaluate';
import { planWrite } from '../../domain/plan';
import { OfficeWorkbook } from '../../workbook/office';
import { createSimulatedExcel, dumpWorkbook, simWorkbookFromXlsx } from '../../../test/excel-sim';
import { fixtureWorkbook } from '../../../test/adapters/fixtures';
import { splitPlan } from './splitPlan';

const TODAY = dayFromYmd(2026, 11, 23);

async function session(xlsx: Buffer) {
  const sim = createSimulatedExcel(await simWorkbookFromXlsx(xlsx));
  const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported });
  const plan = async () => {
    const snap = await port.readSnapshot();
    const r = evaluate(snap, { today: TODAY });
    if (!r.ok) throw new Error(r.error.message);
    return planWrite(r.report, snap);
  };
  return { sim, port, plan };
}

describe('splitPlan', () => {
  it('keeps a small plan whole', async () => {
    const { plan } = await session(await fixtureWorkbook({ cases: 17 }));
    const p = await plan();
    expect(splitPlan(p)).toEqual([p]);
  });

  it('parts applied in turn write what the whole plan writes, on a fresh and on a checked workbook', async () => {
    const xlsx = await fixtureWorkbook({ cases: 300 });
    const whole = await session(xlsx);
    const parted = await session(xlsx);
    for (let run = 0; run < 2; run += 1) {
      const p = await whole.plan();
      await whole.port.apply(p);
      const parts = splitPlan(await parted.plan(), 500);
      expect(parts.length).toBeGreaterThan(5);
      // Only the first part clears and sets widths; sheets and deletions come last.
      expect(parts.slice(1).every((x) => x.clearColumns === null && x.verdictColumnWidths.length === 0)).toBe(
        true,
      );
      expect(parts.slice(0, -1).every((x) => x.sheets.length === 0)).toBe(true);
      expect(parts.at(-1)?.sheets.map((s) => s.name)).toEqual(p.sheets.map((s) => s.name));
      const rows = parts.reduce((n, x) => n + x.verdictBlock.values.length, 0);
      expect(rows).toBe(p.verdictBlock.values.length);
      for (const part of parts) await parted.port.apply(part);
      expect(dumpWorkbook(parted.sim.workbook)).toEqual(dumpWorkbook(whole.sim.workbook));
    }
  });
});
