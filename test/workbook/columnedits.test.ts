/**
 * Re-runs after a person edited the columns of the case sheet, through the CLI (the package
 * adapter) on real .xlsx files: the first run's output is edited as in Excel (columns inserted,
 * deleted or moved, cells shifting with them; done with ExcelJS, which rewrites the workbook), then
 * checked again. Every cell the person has stays exactly as it was, and the verdict block is
 * written once, with no stale generated column left anywhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE_PATH, main } from '../../src/cli/main';
import { generatedHeaderTexts } from '../../src/domain/meta';
import { getRuleSet } from '../../src/domain/rules';
import {
  applyToOrigins,
  EDIT_CASES,
  TYPED_HEADER,
  typedNote,
  type ColumnOp,
  type Layout,
} from '../adapters/columnedits';
import { tempDir } from '../cli/helpers';

const TODAY = '23-11-2026';
const CASE_SHEET = 'Sagsoversigt';
const GENERATED = new Set(generatedHeaderTexts());

async function check(input: string, out: string): Promise<void> {
  const err: string[] = [];
  const code = await main(['check', input, '--out', out, '--today', TODAY], {
    out: () => undefined,
    err: (t) => err.push(t),
  });
  expect([code, err]).toEqual([0, []]);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet: "row:col" → its value as JSON. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value !== null && cell.value !== '') out.set(`${r}:${c}`, JSON.stringify(cell.value));
    });
  });
  return out;
}

/** The header row (the row holding "Sag nummer") and, per generated header text, its columns. */
function generatedColumns(ws: ExcelJS.Worksheet): { headerRow: number; byText: Map<string, number[]> } {
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (headerRow === 0 && row.values instanceof Array && row.values.includes('Sag nummer')) headerRow = r;
  });
  const byText = new Map<string, number[]>();
  ws.getRow(headerRow).eachCell((cell, c) => {
    if (typeof cell.value === 'string' && GENERATED.has(cell.value))
      byText.set(cell.value, [...(byText.get(cell.value) ?? []), c]);
  });
  return { headerRow, byText };
}

/**
 * A column's cells below the header, as row → JSON; cell references in remarks read as "•" (they
 * name the data cells where they are now, which a column edit moves).
 */
function columnBelow(cells: Map<string, string>, col: number, headerRow: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const [k, v] of cells) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    if (c === col && r > headerRow) out.set(r, v.replace(/Sagsoversigt![A-Z]+\d+/g, 'Sagsoversigt!•'));
  }
  return out;
}

/** The person's edits, made as Excel makes them: cells shift with their columns. */
function edit(ws: ExcelJS.Worksheet, ops: readonly ColumnOp[], headerRow: number, lastRow: number): void {
  for (const o of ops) {
    if (o.op === 'insert') {
      const values: (string | null)[] = [];
      if (o.typed) {
        values[headerRow - 1] = TYPED_HEADER;
        for (let r = headerRow + 1; r <= lastRow; r += 1) values[r - 1] = typedNote(r);
      }
      ws.spliceColumns(o.at, 0, values);
    } else if (o.op === 'delete') {
      ws.spliceColumns(o.at, 1);
    } else {
      const cut: ExcelJS.CellValue[][] = [];
      for (let i = 0; i < o.count; i += 1)
        cut.push((ws.getColumn(o.from + i).values as ExcelJS.CellValue[]).slice(1));
      ws.spliceColumns(o.from, o.count);
      ws.spliceColumns(o.to, 0, ...cut);
    }
  }
}

describe('re-running after a person edits the columns (CLI, package adapter)', () => {
  const dir = tempDir('barometer-columnedits-');
  const first = path.join(dir, 'run1.xlsx');
  let layout: Layout;
  let firstCells: Map<string, string>;
  let firstGen: ReturnType<typeof generatedColumns>;
  let lastRow = 0;

  beforeAll(async () => {
    await check(EXAMPLE_PATH, first);
    const ws = (await load(first)).getWorksheet(CASE_SHEET) as ExcelJS.Worksheet;
    firstCells = cellsOf(ws);
    firstGen = generatedColumns(ws);
    const cols = [...firstGen.byText.values()].flat();
    expect(cols.length).toBe(getRuleSet('SEL-2023').questions.length + 2);
    expect([...firstGen.byText.values()].every((c) => c.length === 1)).toBe(true);
    layout = { first: Math.min(...cols), last: Math.max(...cols), dataLast: Math.min(...cols) - 1 };
    lastRow = ws.rowCount;
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(EDIT_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const ops = c.ops(layout);
    const editedFile = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    const outFile = `${editedFile}.out.xlsx`;
    const wb = await load(first);
    const ws = wb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet;
    edit(ws, ops, firstGen.headerRow, lastRow);
    await wb.xlsx.writeFile(editedFile);

    // The person's cells after the edit: every cell not in a column the first run generated.
    const origins = applyToOrigins(Math.max(layout.last, ws.columnCount) + 4, ops);
    const generatedOld = new Set([...firstGen.byText.values()].flat());
    const edited = cellsOf((await load(editedFile)).getWorksheet(CASE_SHEET) as ExcelJS.Worksheet);
    const personal = new Map(
      [...edited].filter(([k]) => {
        const col = Number(k.split(':')[1]);
        const origin = origins[col - 1] ?? null;
        return origin === null || !generatedOld.has(origin);
      }),
    );
    expect([...personal.values()]).toContain(JSON.stringify('Sag nummer'));

    await check(editedFile, outFile);
    const outWb = await load(outFile);
    const out = cellsOf(outWb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet);

    // 1. Every cell of the person's is exactly as it was, where it was.
    const changed = [...personal].filter(([k, v]) => out.get(k) !== v);
    expect(changed).toEqual([]);

    // 2. The block is there once: each generated header exactly once, no stale copy.
    const gen = generatedColumns(outWb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet);
    expect([...gen.byText].filter(([, cols]) => cols.length !== 1)).toEqual([]);
    expect([...gen.byText.keys()].sort()).toEqual([...firstGen.byText.keys()].sort());
    const genCols = new Set([...gen.byText.values()].flat());

    // 3. Nothing else was written: every other cell is one of the person's.
    const extra = [...out.keys()].filter((k) => !personal.has(k) && !genCols.has(Number(k.split(':')[1])));
    expect(extra).toEqual([]);

    // 4. Each generated column holds what the first run wrote in it (same data, same verdicts).
    for (const [text, [col]] of gen.byText) {
      const before = columnBelow(
        firstCells,
        (firstGen.byText.get(text) as number[])[0] as number,
        firstGen.headerRow,
      );
      expect([text, columnBelow(out, col as number, gen.headerRow)]).toEqual([text, before]);
    }
  });
});
