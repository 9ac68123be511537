/**
 * The pure core on random hostile workbooks (the same model as the CLI suite, rendered as the
 * snapshot an adapter reads): evaluate and planWrite never throw; a missing case sheet or required
 * column is the one fatal error; the cases are exactly the rows with a value in a known column;
 * every unreadable cell is an error problem naming its sheet and cell, and no readable cell is one;
 * every column found under any accepted header spelling is used; and no made-up name or CPR
 * number reaches a problem message or any cell the plan writes.
 * Seeds are fixed and printed; see test/property/seed.ts for replaying a failure.
 */
import fc from 'fast-check';
import { a1 } from '../../src/domain/address';
import { COLUMN_BY_ID } from '../../src/domain/columns';
import { dayFromYmd } from '../../src/domain/days';
import { evaluate } from '../../src/domain/evaluate';
import { planWrite } from '../../src/domain/plan';
import { sheetRef } from '../../src/domain/sheetnames';
import type { PlanValue, SheetSnapshot, Snapshot, WritePlan } from '../../src/domain/types';
import { params, seedFor } from '../property/seed';
import { expectation, genWorkbook, snapshotCell, type GenWorkbook } from './model';
import { findSecrets } from './secrets';

const SEED = seedFor('core', 20_260_502);
const TODAY = dayFromYmd(2026, 11, 23);
const RUNS = 1_000;

/** The snapshot an adapter reads from the model (every sheet, as the ExcelJS adapter gives it). */
export function modelSnapshot(m: GenWorkbook): Snapshot {
  const sheets: Record<string, SheetSnapshot> = {};
  for (const s of m.sheets) {
    sheets[s.name] = {
      name: s.name,
      rows: s.rows.map((row) => row.map((g) => snapshotCell(g, m.date1904, false))),
      merges: s.merges.map((r) => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`),
    };
  }
  return { date1904: m.date1904, sheetNames: m.sheets.map((s) => s.name), sheets };
}

/** Every text the plan writes anywhere. */
export function planTexts(plan: WritePlan): string[] {
  const out: string[] = [];
  const add = (v: PlanValue): void => {
    if (typeof v === 'string') out.push(v);
  };
  for (const row of plan.verdictBlock.values) row.forEach(add);
  for (const s of plan.sheets) for (const b of s.blocks) for (const row of b.values) row.forEach(add);
  for (const row of plan.reviewAppend ?? []) row.forEach(add);
  return out;
}

function check(ok: boolean, why: string): void {
  if (!ok) throw new Error(why);
}

const CELL_CODES = /^(invalid-|ambiguous-measure$|error-value$)/;

describe('the pure core on random hostile workbooks', () => {
  it(`${RUNS} workbooks: no throw, exact cases, every unreadable cell reported at its address, no secrets`, () => {
    fc.assert(
      fc.property(genWorkbook, (m) => {
        const snapshot = modelSnapshot(m);
        const result = evaluate(snapshot, { today: TODAY });
        if (m.expectedExit === 2) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(findSecrets(result.error.message, m.names, m.cprs)).toEqual([]);
          return;
        }
        if (!result.ok) throw new Error(`unexpected fatal error: ${result.error.message}`);
        const report = result.report;
        const caseSheet = m.sheets[m.caseIndex]?.name as string;
        const exp = expectation(m, false);

        // Plain checks (not expect()) in the hot part: this runs for every cell of 1,500 workbooks.
        check(report.caseSheet.name === caseSheet, `case sheet ${report.caseSheet.name}`);
        check(report.caseSheet.headerRow === m.headerRow, `header row ${report.caseSheet.headerRow}`);
        check(
          JSON.stringify(report.cases.map((c) => c.row)) === JSON.stringify(exp.caseRows),
          `case rows ${JSON.stringify(report.cases.map((c) => c.row))} ≠ ${JSON.stringify(exp.caseRows)}`,
        );

        const cellProblems = new Map(
          report.problems
            .filter((p) => p.sheet === caseSheet && p.cell !== null && CELL_CODES.test(p.code))
            .map((p) => [p.cell as string, p]),
        );
        for (const ref of exp.unreadable) {
          const p = cellProblems.get(ref);
          check(
            p !== undefined && p.severity === 'error' && p.message.startsWith(sheetRef(caseSheet, ref)),
            `unreadable ${ref} not reported at its address: ${JSON.stringify(p)}`,
          );
        }
        for (const ref of exp.readable)
          check(!cellProblems.has(ref), `readable ${ref} reported: ${JSON.stringify(cellProblems.get(ref))}`);

        // Every known column under whatever spelling was found (no "missing column" for it).
        const missing = new Set(
          report.problems.filter((p) => p.code === 'missing-column').map((p) => p.column),
        );
        for (const id of exp.present.keys())
          check(!missing.has(COLUMN_BY_ID[id].header), `column ${id} not found`);
        const dup = report.problems.filter((p) => p.code === 'duplicate-column').map((p) => p.cell);
        check(JSON.stringify(dup) === JSON.stringify(exp.duplicates), `duplicates ${JSON.stringify(dup)}`);

        const plan = planWrite(report, snapshot);
        const texts = [...planTexts(plan), ...report.problems.map((p) => p.message), ...report.memo];
        for (const t of texts) {
          const found = findSecrets(t, m.names, m.cprs);
          if (found.length > 0) throw new Error(`secret ${JSON.stringify(found)} in ${JSON.stringify(t)}`);
        }
      }),
      params(SEED, RUNS),
    );
  });
});
