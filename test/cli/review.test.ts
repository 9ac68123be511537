/**
 * `barometer check --json` reads the same review log ("Gennemgang", spec §10) as the task pane:
 * corrections replace the computed verdicts in the tables and the JSON verdicts, a withdrawal puts
 * the computed verdict back, the latest line by Tidspunkt wins (not the lowest row), a question id
 * Excel turned into a number (4.1 for "4.10") is read, invalid lines are problems naming the log
 * cell, a stale line marks its case, and the log is copied to the output untouched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { dayFromYmd } from '../../src/domain/days';
import { buildFixture } from '../fixtures/build';
import { ishoej } from '../fixtures/data/ishoej';
import { cellMap, loadXlsx, runCli, sha256, tempDir } from './helpers';

interface Json {
  tables: { id: string; total: number; rows: { label: string; count: number; percent: number }[] }[];
  verdicts: { sagsnr: number; row: number; answers: Record<string, string> }[];
  problems: { sagsnr: number | null; row: number | null; code: string; severity: string; message: string }[];
}

/** 01-06-2023 10:00 as an Excel serial (1900 system). */
const at = (d: number, m: number, hh: number, mm: number) => dayFromYmd(2023, m, d) + (hh * 60 + mm) / 1440;

async function workbookWithLog(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildFixture(ishoej)) as unknown as ArrayBuffer);
  const log = wb.addWorksheet('Gennemgang');
  log.addRow(['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer']);
  const rows: (string | number | null)[][] = [
    // 2: case 2, 2.3 Nej → Ja (an Excel date-time).
    [at(1, 6, 10, 0), 2, '2.3', 'Nej', 'Ja', 'Partshøringen lå inden for fristen', 'AB'],
    // 3–4: case 3, 2.3 corrected, then withdrawn the next day (text date-times).
    ['01-06-2023 11:00', 3, '2.3', 'Nej', 'Ja', 'Fejllæsning', 'AB'],
    ['02-06-2023 kl. 09.00', 3, '2.3', 'Nej', null, 'Rettelsen var forkert', 'AB'],
    // 5: case 6, 4.10 (Excel made "4.10" the number 4.1) Nej → Nej, men lovlig grund.
    [at(1, 6, 12, 0), 6, 4.1, 'Nej', 'nej, men lovlig grund', 'Lovlig grund fremgår af journalen', 'CD'],
    // 6: not an answer of table 3.8 → ignored, a problem naming E6.
    [at(1, 6, 12, 5), 4, '3.8', 'Nej', 'Måske', '', 'CD'],
    // 7: unknown Sagsnr → ignored, a problem naming B7.
    [at(1, 6, 12, 6), 99, '3.8', 'Nej', 'Ja', '', 'CD'],
    // 8: an OLDER line below the newer one for case 2: the newer Tidspunkt still wins.
    [at(1, 5, 8, 0), 2, '2.3', 'Nej', 'Nej', '', 'AB'],
    // 9: stale: logged as Nej, computed Ja today → case 1 "ændret siden gennemgang".
    [at(1, 6, 13, 0), 1, '6.13', 'Nej, det ses ikke i journalen', 'Ja', 'Tidspunkt fundet', 'AB'],
  ];
  for (const r of rows) {
    const row = log.addRow(r);
    if (typeof r[0] === 'number') row.getCell(1).numFmt = 'dd-mm-yyyy hh:mm';
  }
  const dir = tempDir();
  const file = path.join(dir, 'ishoej-gennemgang.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('barometer check with a Gennemgang sheet', () => {
  let file: string;
  let json: Json;
  let out: string;
  let inputHash: string;
  beforeAll(async () => {
    file = await workbookWithLog();
    inputHash = sha256(file);
    out = path.join(path.dirname(file), 'ud.xlsx');
    const r = await runCli(['check', file, '--out', out, '--json', '--today', '23-11-2026']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    json = JSON.parse(r.stdout) as Json;
  });
  const table = (id: string) => json.tables.find((t) => t.id === id);

  it('corrections and withdrawals reach the tables (seed 2.3: Ja 1, Nej 5 → Ja 2, Nej 4)', () => {
    expect(table('2.3')).toMatchObject({
      total: 6,
      rows: [
        { label: 'Ja', count: 2, percent: 33 },
        { label: 'Nej, men lovlig grund', count: 0, percent: 0 },
        { label: 'Nej', count: 4, percent: 67 },
      ],
    });
    expect(table('4.10')).toMatchObject({
      total: 15,
      rows: [
        { label: 'Ja', count: 13, percent: 87 },
        { label: 'Nej, men lovlig grund', count: 1, percent: 7 },
        { label: 'Nej', count: 1, percent: 7 },
      ],
    });
    // The invalid 3.8 line changed nothing: the seed's 3 Ja / 11 Nej.
    expect(table('3.8')?.rows.map((r) => r.count)).toEqual([3, 11]);
  });

  it('the JSON verdicts carry the answers in force, without "(rettet)"', () => {
    const answer = (sagsnr: number, q: string) => json.verdicts.find((v) => v.sagsnr === sagsnr)?.answers[q];
    expect(answer(2, '2.3')).toBe('Ja');
    expect(answer(3, '2.3')).toBe('Nej');
    expect(answer(6, '4.10')).toBe('Nej, men lovlig grund');
    expect(answer(4, '3.8')).toBe('Nej');
    expect(answer(1, '6.13')).toBe('Ja');
  });

  it('invalid lines are problems naming the log cell; the stale line names its question', () => {
    const log = json.problems.filter((p) => p.code === 'invalid-review-line');
    expect(log.map((p) => [p.row, p.severity, p.message.split(':')[0]])).toEqual([
      [6, 'error', 'Gennemgang!E6'],
      [7, 'error', 'Gennemgang!B7'],
    ]);
    const stale = json.problems.filter((p) => p.code === 'review-stale');
    expect(stale).toHaveLength(1);
    const row1 = json.verdicts.find((v) => v.sagsnr === 1)?.row;
    expect(stale[0]).toMatchObject({ sagsnr: 1, row: row1, severity: 'warning' });
    expect(stale[0]?.message).toContain('se spørgsmål 6.13 igennem igen');
  });

  it('the output marks corrections, counts the reviewed cases on Overblik, and copies the log untouched', async () => {
    const wb = await loadXlsx(out);
    const texts = (name: string) => {
      const list: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((c) => typeof c.value === 'string' && list.push(c.value)),
      );
      return list;
    };
    expect(
      texts('Sagsoversigt')
        .filter((t) => t.endsWith(' (rettet)'))
        .sort(),
    ).toEqual(['Ja (rettet)', 'Ja (rettet)', 'Nej, men lovlig grund (rettet)']);
    // Cases 1 (stale), 2 and 6 (corrected) and 3 (withdrawn) have lines in force.
    expect(texts('Overblik')).toContain('4 af 15 sager gennemgået');
    const input = await loadXlsx(file);
    expect(cellMap(wb.getWorksheet('Gennemgang') as ExcelJS.Worksheet)).toEqual(
      cellMap(input.getWorksheet('Gennemgang') as ExcelJS.Worksheet),
    );
    expect(sha256(file)).toBe(inputHash);
    expect(fs.existsSync(out)).toBe(true);
  });
});
