/**
 * Regression (found while probing 32,767-character strings in the settings): a Kommune of 32,767
 * characters (or a long --kommune) went into every title and memo line, making generated cells
 * longer than Excel's 32,767-character limit, a file Excel has to repair. Now such a name is
 * reported (with its cell, or --kommune) and left out, and no generated cell is too long.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { fixtureWorkbook } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';

const MAX = 32767;

async function run(kommuneCell: string, flags: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-long-'));
  const file = path.join(dir, 'in.xlsx');
  const out = path.join(dir, 'ud.xlsx');
  await fixtureWorkbook({
    ...eksempel,
    settings: { ...eksempel.settings, Kommune: kommuneCell },
  }).xlsx.writeFile(file);
  let stdout = '';
  const code = await main(['check', file, '--out', out, '--json', '--today', '23-11-2026', ...flags], {
    out: (t) => (stdout += t),
    err: () => undefined,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  let longest = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((r) => r.eachCell((c) => (longest = Math.max(longest, String(c.text).length)))),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const json = JSON.parse(stdout) as {
    kommune: string | null;
    problems: { code: string; cell: string | null; message: string }[];
  };
  return { code, json, longest };
}

describe('a Kommune too long to be a name', () => {
  it("in Indstillinger: reported at its cell, left out, every cell within Excel's limit", async () => {
    const r = await run('x'.repeat(MAX), []);
    expect(r.code).toBe(0);
    expect(r.json.kommune).toBeNull();
    const p = r.json.problems.find((x) => x.code === 'invalid-setting' && x.cell === 'B1');
    expect(p?.message).toMatch(/^Indstillinger!B1 \(Kommune\): navnet er 32767 tegn langt/);
    expect(r.json.problems.some((x) => x.code === 'missing-kommune')).toBe(false);
    // The person's own 32,767-character cell is kept; nothing generated is longer.
    expect(r.longest).toBe(MAX);
  });

  it('as --kommune: reported as the flag, left out', async () => {
    const r = await run('Testrup', ['--kommune', 'y'.repeat(40_000)]);
    expect(r.code).toBe(0);
    expect(r.json.kommune).toBeNull();
    expect(r.json.problems.find((x) => x.code === 'invalid-setting')?.message).toMatch(
      /^--kommune: navnet er 40000 tegn/,
    );
    expect(r.longest).toBeLessThanOrEqual(MAX);
  });

  it('a name of 100 characters is still used', async () => {
    const r = await run('Æ'.repeat(100), []);
    expect(r.json.kommune).toBe('Æ'.repeat(100));
    expect(r.longest).toBeLessThanOrEqual(MAX);
  });
});
