/**
 * Spec §2.3 "a merged cell's value applies to every row of the merged area", on a real workbook:
 * the Barnets lov fixture with Foranstaltning and Afgørelsesdato merged over the case pairs that
 * share them (cases 2–3 and 4–5), read by the CLI (package reader) and by the ExcelJS adapter,
 * must give exactly the fixture's expected verdicts and tables.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { evaluate } from '../../src/domain/evaluate';
import { toJson } from '../../src/domain/json';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { fixtureWorkbook } from '../fixtures/build';
import barnetslov from '../fixtures/data/barnetslov';
import { ROOT, tempDir } from './helpers';

interface Result {
  tables: { id: string; ruleset?: string; total: number; rows: unknown[] }[];
  verdicts: { sagsnr: number | null; answers: Record<string, string> }[];
}

const expected = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'expected', 'barnetslov.json'), 'utf8'),
) as Result;
const shape = (r: Result) => ({
  tables: r.tables.map((t) => ({ id: t.id, total: t.total, rows: t.rows })),
  verdicts: r.verdicts.map((v) => ({ sagsnr: v.sagsnr, answers: v.answers })),
});

const dir = tempDir('barometer-merged-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fixture with B3:B4, E3:E4, B5:B6 and E5:E6 merged (the lower cells emptied, as Excel does). */
async function mergedWorkbook(): Promise<Uint8Array> {
  const wb = fixtureWorkbook(barnetslov);
  const ws = wb.getWorksheet('Sagsoversigt');
  if (ws === undefined) throw new Error('no Sagsoversigt');
  const col = (header: string): string => {
    const i = barnetslov.headers.indexOf(header);
    if (i < 0) throw new Error(`no column ${header}`);
    return String.fromCharCode(65 + i);
  };
  for (const c of [col('Foranstaltning'), col('Afgørelsesdato')]) {
    for (const [top, bottom] of [
      [3, 4],
      [5, 6],
    ] as const) {
      expect(ws.getCell(`${c}${top}`).value).toEqual(ws.getCell(`${c}${bottom}`).value);
      ws.getCell(`${c}${bottom}`).value = null;
      ws.mergeCells(`${c}${top}:${c}${bottom}`);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('merged cells in the Barnets lov fixture', () => {
  it('the CLI reads the merged value on every row: same verdicts and tables as unmerged', async () => {
    const input = path.join(dir, 'merged.xlsx');
    fs.writeFileSync(input, await mergedWorkbook());
    const out: string[] = [];
    const status = await main(
      ['check', input, '--json', '--today', '01-12-2026', '--out', path.join(dir, 'merged-out.xlsx')],
      { out: (t) => out.push(t), err: () => undefined },
    );
    expect(status).toBe(0);
    expect(shape(JSON.parse(out.join('\n')) as Result)).toEqual(shape(expected));
  });

  it('so does the ExcelJS adapter', async () => {
    const snapshot = await (await ExcelJsWorkbook.fromBuffer(await mergedWorkbook())).readSnapshot();
    expect(snapshot.sheets.Sagsoversigt?.merges.length).toBe(4);
    const r = evaluate(snapshot, { today: Date.UTC(2026, 11, 1) / 86_400_000 + 25569 });
    if (!r.ok) throw new Error(r.error.message);
    expect(shape(toJson(r.report) as unknown as Result)).toEqual(shape(expected));
  });
});
