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
  editWithExcelJs,
  expectRerunKeeps,
  generatedColumnsOf,
  gridOfExcelJs as gridOf,
  headerRowOf,
  layoutOf,
  personalCells,
  type Grid,
} from '../adapters/columnedits';
import { tempDir } from '../cli/helpers';

const TODAY = '23-11-2026';
const CASE_SHEET = 'Sagsoversigt';
const TEXTS: ReadonlySet<string> = new Set(generatedHeaderTexts());

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

const caseSheet = (wb: ExcelJS.Workbook): ExcelJS.Worksheet =>
  wb.getWorksheet(CASE_SHEET) as ExcelJS.Worksheet;

describe('re-running after a person edits the columns (CLI, package adapter)', () => {
  const dir = tempDir('barometer-columnedits-');
  const first = path.join(dir, 'run1.xlsx');
  let firstGrid: Grid;

  beforeAll(async () => {
    await check(EXAMPLE_PATH, first);
    firstGrid = gridOf(caseSheet(await load(first)));
    const gen = generatedColumnsOf(firstGrid, TEXTS);
    expect([...gen.values()].map((c) => c.length)).toEqual(
      Array<number>(getRuleSet('SEL-2023').questions.length + 2).fill(1),
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(EDIT_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const layout = layoutOf(firstGrid, TEXTS);
    const ops = c.ops(layout);
    const editedFile = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    const outFile = `${editedFile}.out.xlsx`;
    const wb = await load(first);
    const ws = caseSheet(wb);
    editWithExcelJs(ws, ops, headerRowOf(firstGrid), ws.rowCount);
    await wb.xlsx.writeFile(editedFile);

    const origins = applyToOrigins(layout.last + 4, ops);
    const edited = gridOf(caseSheet(await load(editedFile)));
    const personal = personalCells(
      edited,
      origins,
      [...generatedColumnsOf(firstGrid, TEXTS).values()].flat(),
    );
    expect([...personal.values()]).toContain(JSON.stringify('Sag nummer'));

    await check(editedFile, outFile);
    expectRerunKeeps(firstGrid, personal, gridOf(caseSheet(await load(outFile))), TEXTS);
  });
});
