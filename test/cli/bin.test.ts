/**
 * The installed binary: bin/barometer.js run as a child process on the compiled lib/ (what `npx
 * barometer` runs after `npm ci`), its exit codes and its stderr. lib/ is rebuilt first with
 * tsconfig.cli.json (`npm run build:cli`), so these tests see the current sources. Every other CLI
 * test calls main() in-process (helpers.ts runCli).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, sha256, stderrLines, tempDir, type CliResult } from './helpers';

const BIN = path.join(ROOT, 'bin', 'barometer.js');
const TODAY = ['--today', '23-11-2026'];

function runBin(args: readonly string[]): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, BAROMETER_DEBUG: '' };
  delete env.BAROMETER_FROM_SRC;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let emitted: string[] = [];

beforeAll(() => {
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--listEmittedFiles'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect([tsc.status, tsc.stdout]).toEqual([0, expect.any(String)]);
  emitted = tsc.stdout
    .split('\n')
    .filter((l) => l.startsWith('TSFILE: '))
    .map((l) => path.relative(ROOT, l.slice('TSFILE: '.length).trim()));
});

it('npm run build:cli compiles the CLI and the package editor into lib/, and no test helper', () => {
  expect(emitted).toEqual(
    expect.arrayContaining([
      path.join('lib', 'cli', 'main.js'),
      path.join('lib', 'workbook', 'xlsxpackage.js'),
      path.join('lib', 'domain', 'evaluate.js'),
    ]),
  );
  expect(emitted.filter((f) => /(^|\/)testing\/|\.test\.js$/.test(f))).toEqual([]);
});

it('check --json: exit 0, one JSON object on stdout, nothing on stderr, the input unchanged', () => {
  const dir = tempDir();
  const input = path.join(dir, 'eksempel.xlsx');
  fs.copyFileSync(path.join(ROOT, 'examples', 'eksempel.xlsx'), input);
  const hash = sha256(input);
  const r = runBin(['check', input, '--json', ...TODAY]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect((JSON.parse(r.stdout) as { cases: number }).cases).toBe(17);
  expect(fs.existsSync(path.join(dir, 'eksempel-resultat.xlsx'))).toBe(true);
  expect(sha256(input)).toBe(hash);
});

it('bad input: exit 1 for a usage error or a missing file, exit 2 without a case sheet; one Danish line on stderr', async () => {
  const dir = tempDir();
  const noCases = path.join(dir, 'noter.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Noter').addRow(['Dato', 'Tekst']);
  await wb.xlsx.writeFile(noCases);
  const runs: [string[], number, RegExp][] = [
    [['tjek', 'x.xlsx'], 1, /^barometer: Ukendt kommando/],
    [
      ['check', path.join(dir, 'findes-ikke.xlsx'), ...TODAY],
      1,
      /^barometer: Filen ".*findes-ikke\.xlsx" findes ikke/,
    ],
    [['check', noCases, ...TODAY], 2, /^barometer: "[^"]*noter\.xlsx": /],
  ];
  for (const [args, status, message] of runs) {
    const r = runBin(args);
    expect([args, r.status]).toEqual([args, status]);
    expect(r.stdout).toBe('');
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
});
