/**
 * The bundled example's result (`barometer check examples/eksempel.xlsx`) opens in LibreOffice
 * headless, a reader independent of ExcelJS: its case sheet converts to CSV with the person's
 * headers and the generated verdict headers. Moved here from test/cli/cli.test.ts (a soffice start
 * takes seconds), so it runs in `npm run test:hardening`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempDir } from '../cli/helpers';

it('the result of checking the bundled example opens in LibreOffice headless', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'eksempel.xlsx');
  const out = path.join(dir, 'eksempel-resultat.xlsx');
  fs.copyFileSync(path.join(ROOT, 'examples', 'eksempel.xlsx'), input);
  const check = await runCli(['check', input, '--today', '23-11-2026']);
  expect(check.status).toBe(0);
  const lo = tempDir('lo-');
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${lo}/profile`,
      '--headless',
      '--convert-to',
      // Filter options 44,34,76: comma, double quote, UTF-8.
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      lo,
      out,
    ],
    { encoding: 'utf8', timeout: 110_000 },
  );
  expect(r.status).toBe(0);
  const csv = fs.readFileSync(path.join(lo, 'eksempel-resultat.csv'), 'utf8');
  expect(csv).toContain('Sag nummer');
  expect(csv).toContain('Udvælgelse');
});
