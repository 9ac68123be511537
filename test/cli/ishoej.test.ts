import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFixture, type FixtureData } from '../fixtures/build';
import { ROOT, runCli, tempDir } from './helpers';

interface JsonTable {
  id: string;
  title: string;
  total: number;
  suppressed?: boolean;
  rows: { label: string; count: number; percent: number }[];
}

/** The Ishøj report (seed 000) through the real CLI: every table as in the published report. */
describe('Ishøj fixture through barometer check --json', () => {
  it('reproduces all tables of the report (ids, order, titles, counts, percents)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(ROOT, 'test', 'fixtures', 'data', 'ishoej.ts')) as {
      default?: FixtureData;
      data?: FixtureData;
    };
    const data = (mod.default ?? mod.data) as FixtureData;
    const expected = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'expected', 'ishoej.json'), 'utf8'),
    ) as { tables: JsonTable[] };
    const dir = tempDir();
    const file = path.join(dir, 'ishoej.xlsx');
    fs.writeFileSync(file, await buildFixture(data));
    const r = await runCli(['check', file, '--json', '--today', '23-11-2026']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { tables: JsonTable[] };
    const shape = (t: JsonTable) => ({ id: t.id, title: t.title, total: t.total, rows: t.rows });
    expect(json.tables.map(shape)).toEqual(expected.tables.map(shape));
  });
});
