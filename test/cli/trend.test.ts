/**
 * `barometer check … --forrige` (issue 12, item 2) on real .xlsx files: two runs of the Ishøj
 * fixture, the second built from the first with three plans (Handleplan) blanked, so 4.10 falls
 * from 13 of 15 to 10 of 15 (−20 points) and nothing else changes; the earlier result given as the
 * result workbook, as its --json, and as a JSON without `overview`; a comparison across the change
 * of law (a Barnets lov list against the Serviceloven result); bad earlier files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { COLUMNS } from '../../src/domain/columns';
import { buildFixture } from '../fixtures/build';
import * as barnetslov from '../fixtures/data/barnetslov';
import { ishoej } from '../fixtures/data/ishoej';
import { loadXlsx, runCli, sha256, tempDir } from './helpers';

interface OverviewJson {
  ruleset: string;
  id: string;
  compliant: number | null;
  previous?: number | null;
  change?: number | null;
  previousRuleset?: string;
}

const TODAY = ['--today', '23-11-2025'];
const HANDLEPLAN = COLUMNS.findIndex((c) => c.id === 'handleplan');

/** Column values of Overblik by header text, per question row (column A). */
function overblik(ws: ExcelJS.Worksheet): {
  headers: string[];
  rows: Map<string, Map<string, unknown>>;
  notes: string[];
} {
  // Array.from fills the holes ExcelJS leaves for empty cells (the chart's hidden helper columns
  // stand one empty column right of the table).
  const all = Array.from((ws.getRow(3).values as unknown[]).slice(1), (v) => String(v ?? ''));
  // The table ends at its first empty header; the hidden "Diagram: …" helper columns follow it.
  const headers = all.includes('') ? all.slice(0, all.indexOf('')) : all;
  const rows = new Map<string, Map<string, unknown>>();
  const notes: string[] = [];
  let inTable = true;
  for (let r = 4; r <= ws.rowCount; r += 1) {
    const a = ws.getCell(r, 1).value;
    if (a === null || a === undefined) {
      inTable = false;
      continue;
    }
    if (!inTable) {
      notes.push(String(a));
      continue;
    }
    rows.set(String(a), new Map(headers.map((h, c) => [h, ws.getCell(r, c + 1).value])));
  }
  return { headers, rows, notes };
}

describe('check --forrige', () => {
  const dir = tempDir('barometer-trend-');
  const firstIn = path.join(dir, 'sager-2023.xlsx');
  const firstOut = path.join(dir, 'sager-2023-resultat.xlsx');
  const firstJson = path.join(dir, 'sager-2023.json');
  const secondIn = path.join(dir, 'sager-2024.xlsx');

  beforeAll(async () => {
    fs.writeFileSync(firstIn, await buildFixture(ishoej));
    const r = await runCli(['check', firstIn, '--json', ...TODAY]);
    expect(r.status).toBe(0);
    fs.writeFileSync(firstJson, r.stdout);
    // The second run: the same list with the plans of cases 1–3 gone (4.10 Ja → Nej).
    const rows = ishoej.rows.map((row, i) => row.map((v, c) => (c === HANDLEPLAN && i < 3 ? null : v)));
    fs.writeFileSync(secondIn, await buildFixture({ ...ishoej, rows }));
  });

  const second = async (previous: string, out: string, json = true) =>
    runCli([
      'check',
      secondIn,
      '--out',
      path.join(dir, out),
      ...(json ? ['--json'] : []),
      ...TODAY,
      '--forrige',
      previous,
    ]);

  test('against the result workbook: Sidst and Ændring per question, the memo names the 20-point fall', async () => {
    const before = { hash: sha256(firstOut), mtime: fs.statSync(firstOut).mtimeMs };
    const r = await second(firstOut, 'b.xlsx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const overview = (JSON.parse(r.stdout) as { overview: OverviewJson[] }).overview;
    expect(overview.find((o) => o.id === '4.10')).toMatchObject({
      compliant: 66.67,
      previous: 86.67,
      change: -20,
    });
    for (const o of overview.filter((x) => x.id !== '4.10')) {
      expect(o.previous).toBe(o.compliant);
      expect(o.change).toBe(o.compliant === null ? null : 0);
      expect(o.previousRuleset).toBeUndefined();
    }
    // The earlier result is read, never changed.
    expect(sha256(firstOut)).toBe(before.hash);
    expect(fs.statSync(firstOut).mtimeMs).toBe(before.mtime);

    const wb = await loadXlsx(path.join(dir, 'b.xlsx'));
    const sheet = overblik(wb.getWorksheet('Overblik') as ExcelJS.Worksheet);
    expect(sheet.headers.slice(9)).toEqual(['Sidst', 'Ændring (procentpoint)']);
    const hp = sheet.rows.get('4.10 Handleplan');
    expect(hp?.get('Sidst')).toBeCloseTo(13 / 15, 10);
    expect(hp?.get('Ændring (procentpoint)')).toBe(-20);
    expect(sheet.rows.get('2.3 4-måneders frist')?.get('Ændring (procentpoint)')).toBe(0);
    expect(sheet.notes.some((n) => n.startsWith('Sidst: andelen overholdt i det tidligere resultat'))).toBe(
      true,
    );
    const memo = (wb.getWorksheet('Notat')?.getColumn(1).values ?? []).map(String);
    expect(memo).toContain('Udvikling siden sidste gennemgang (egen gennemgang 23-11-2025)');
    expect(memo).toContain(
      '• 4.10 Handleplan: overholdt i 67% af sagerne mod 87% sidst, et fald på 20 procentpoint.',
    );
    expect(memo.filter((l) => l.includes('procentpoint.'))).toHaveLength(1);
  });

  test('the summary on stdout shows Sidst and Ændring', async () => {
    const r = await second(firstOut, 'b-summary.xlsx', false);
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('4.10 Handleplan')) ?? '';
    expect(line).toMatch(/67%\s+87%\s+-20,0$/);
  });

  test('against the --json of the first run, and a JSON without overview: the same figures', async () => {
    const fromXlsx = (JSON.parse((await second(firstOut, 'x.xlsx')).stdout) as { overview: OverviewJson[] })
      .overview;
    const before = sha256(firstJson);
    const r = await second(firstJson, 'c.xlsx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const fromJson = (JSON.parse(r.stdout) as { overview: OverviewJson[] }).overview;
    expect(fromJson).toEqual(fromXlsx);
    expect(sha256(firstJson)).toBe(before);

    const { overview: _gone, ...older } = JSON.parse(fs.readFileSync(firstJson, 'utf8')) as Record<
      string,
      unknown
    >;
    const olderFile = path.join(dir, 'aeldre.json');
    fs.writeFileSync(olderFile, JSON.stringify(older));
    const r2 = await second(olderFile, 'd.xlsx');
    expect(r2.status).toBe(0);
    const fromTables = (JSON.parse(r2.stdout) as { overview: OverviewJson[] }).overview;
    expect(fromTables.find((o) => o.id === '4.10')).toMatchObject({ previous: 86.67, change: -20 });
    expect(fromTables.map((o) => o.change)).toEqual(fromXlsx.map((o) => o.change));
  });

  test('across the change of law: a Barnets lov list against the Serviceloven result, labelled so', async () => {
    const blIn = path.join(dir, 'barnetslov.xlsx');
    fs.writeFileSync(blIn, await buildFixture(barnetslov.default));
    const out = path.join(dir, 'bl-resultat.xlsx');
    const r = await runCli([
      'check',
      blIn,
      '--out',
      out,
      '--json',
      '--today',
      '01-12-2026',
      '--forrige',
      firstOut,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const overview = (JSON.parse(r.stdout) as { overview: OverviewJson[] }).overview;
    const q23 = overview.find((o) => o.id === '2.3');
    expect(q23).toMatchObject({ ruleset: 'BL-2024', previous: 16.67, previousRuleset: 'SEL-2023' });
    expect(q23?.change).toBeCloseTo((q23?.compliant ?? 0) - 16.67, 1);
    const sheet = overblik((await loadXlsx(out)).getWorksheet('Overblik') as ExcelJS.Worksheet);
    expect(sheet.headers.slice(9)).toEqual(['Sidst', 'Ændring (procentpoint)', 'Bemærkning']);
    expect(sheet.rows.get('2.3 4-måneders frist')?.get('Bemærkning')).toBe('Sidst efter serviceloven');
    expect(sheet.notes.some((n) => n.startsWith('"Sidst efter serviceloven" i Bemærkning'))).toBe(true);
  });

  test.each<[string, (d: string) => string, RegExp]>([
    [
      'a missing file',
      (d) => path.join(d, 'findes-ikke.xlsx'),
      /^barometer: --forrige ".*findes-ikke\.xlsx": /,
    ],
    [
      'a case list that was never checked (no Overblik)',
      () => firstIn,
      /^barometer: --forrige: ".*sager-2023\.xlsx" har intet ark "Overblik"/,
    ],
    ['a text file', (d) => write(d, 'noter.txt', 'bare noter'), /^barometer: --forrige ".*noter\.txt": /],
    [
      'broken JSON',
      (d) => write(d, 'halv.json', '{"overview": ['),
      /^barometer: --forrige: ".*halv\.json" kan ikke læses som JSON/,
    ],
    [
      'other JSON',
      (d) => write(d, 'anden.json', '{"navn": 1}'),
      /^barometer: --forrige: ".*anden\.json" er ikke JSON fra "barometer check --json"/,
    ],
    ['a folder', (d) => d, /^barometer: --forrige ".*": ".*" er en mappe/],
  ])('%s: one Danish line naming the file, exit 1, nothing written', async (_n, file, expected) => {
    const out = path.join(dir, `fejl-${Math.abs(hashOf(_n))}.xlsx`);
    const r = await runCli(['check', secondIn, '--out', out, ...TODAY, '--forrige', file(dir)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(expected);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an Overblik cell changed by hand is named by sheet and cell', async () => {
    const wb = await loadXlsx(firstOut);
    const ws = wb.getWorksheet('Overblik') as ExcelJS.Worksheet;
    ws.getCell('B5').value = 'mange';
    const edited = path.join(dir, 'rettet-resultat.xlsx');
    await wb.xlsx.writeFile(edited);
    const r = await runCli([
      'check',
      secondIn,
      '--out',
      path.join(dir, 'e.xlsx'),
      ...TODAY,
      '--forrige',
      edited,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^barometer: --forrige: Cellen Overblik!B5 i ".*rettet-resultat\.xlsx" skal være en andel/,
    );
  });

  test('the earlier result as the output is refused before anything is read or written', async () => {
    const copy = path.join(dir, 'sager-2024-resultat.xlsx');
    fs.copyFileSync(firstOut, copy);
    const before = sha256(copy);
    const r = await runCli(['check', secondIn, ...TODAY, '--forrige', copy]); // default out = the same file
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^barometer: --forrige ".*sager-2024-resultat\.xlsx" er den fil, resultatet skal gemmes i/,
    );
    expect(sha256(copy)).toBe(before);
  });

  test('usage: --forrige needs a value and belongs to check', async () => {
    expect((await runCli(['check', secondIn, '--forrige'])).stderr).toMatch(/--forrige mangler en værdi/);
    expect((await runCli(['check', secondIn, '--forrige='])).stderr).toMatch(/--forrige skal være stien/);
    expect((await runCli(['demo', '--forrige', firstOut])).stderr).toMatch(
      /Tilvalget "--forrige" kan ikke bruges med "demo"/,
    );
  });
});

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function hashOf(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
