/**
 * A workbook written by LibreOffice (not by ExcelJS or by hand): the fixture workbook saved again
 * by LibreOffice headless as .xlsx, then checked by the package editor. The output must be
 * well-formed, read back equal cell for cell, the input unchanged, and LibreOffice must open the
 * output with the verdict block where the plan put it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DATA_COLUMNS, fixtureWorkbook } from '../adapters/fixtures';
import { ConversionQueue, parseCsv, sheetCsvFiles } from './libreoffice';
import { changedCells, malformedParts, partText, runCheck } from './xlsx-package';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-lo-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('a LibreOffice-written workbook is checked in place and opens again in LibreOffice', async () => {
  const src = path.join(tmp, 'src');
  const lo = path.join(tmp, 'lo');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'sagsoversigt.xlsx'), await fixtureWorkbook({ cases: 8 }));
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(tmp, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      lo,
      path.join(src, 'sagsoversigt.xlsx'),
    ],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
  const input = new Uint8Array(fs.readFileSync(path.join(lo, 'sagsoversigt.xlsx')));
  // LibreOffice writes its own package (its own styles, shared strings, docProps).
  expect(partText(input, 'docProps/app.xml')).toContain('LibreOffice');

  const run = await runCheck(input);
  expect(malformedParts(run.out)).toEqual([]);
  expect(changedCells(run.before, run.after, 'Sagsoversigt', DATA_COLUMNS)).toEqual([]);
  expect(changedCells(run.before, run.after, 'Indstillinger', 10)).toEqual([]);
  const b = run.plan.verdictBlock;
  expect(run.after.sheets.Sagsoversigt?.rows[b.row - 1]?.[b.col - 1]).toBe(b.values[0]?.[0]);

  const out = path.join(tmp, 'resultat.xlsx');
  fs.writeFileSync(out, run.out);
  const csvDir = path.join(tmp, 'csv');
  const queue = new ConversionQueue(csvDir, path.join(tmp, 'profile-csv'));
  queue.add(out);
  await queue.finish();
  const csv = sheetCsvFiles(csvDir, out).get('Sagsoversigt');
  expect(csv).toBeDefined();
  const rows = parseCsv(fs.readFileSync(csv as string, 'utf8'));
  expect(rows[b.row - 1]?.[b.col - 1]).toBe(b.values[0]?.[0]);
  expect(rows[b.row]?.[2]).toBe(run.after.sheets.Sagsoversigt?.rows[b.row]?.[2]);
}, 180_000);
