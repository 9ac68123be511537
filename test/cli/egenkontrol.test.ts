/**
 * Løbende egenkontrol (issue 12 item 6) through the CLI in-process: a generated two-year caseload
 * (test/cli/egenkontrolCaseload.ts) written as a real .xlsx, checked with --json, and the result
 * workbook read back. The quarter figures are checked against the independent verdict oracle
 * (test/property/verdictOracle.ts) run on each quarter's cases on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EGENKONTROL_CAVEAT } from '../../src/domain/egenkontrol';
import { buildFixture } from '../fixtures/build';
import { oracleYmd } from '../property/oracle';
import { oracle } from '../property/verdictOracle';
import { caseload, caseloadFixture, ORACLE_SETTINGS, PERIOD, TODAY } from './egenkontrolCaseload';
import { runCli, sha256, tempDir } from './helpers';

interface Quarter {
  ruleset: string;
  id: string;
  quarter: string;
  relevant: number;
  compliant: number | null;
  interval: [number, number] | null;
}
interface Json {
  cases: number;
  formaal?: string;
  periode?: { fra: string | null; til: string | null };
  quarters?: Quarter[];
  problems: { code: string; severity: string; row: number | null; cell: string | null; message: string }[];
}

const SAMPLE_CODES = [
  'case-count',
  'too-many-placements',
  'other-measures-not-needed',
  'sagsnr-sequence',
  'excluded-case',
  'sibling-not-eldest',
  'sibling-same-day',
  'sibling-unknown-age',
  'duplicate-cpr',
  'measure-not-in-call',
  'decision-outside-year',
];

/** A cell's value (ExcelJS, not Office.js). */
const cellValue = (row: ExcelJS.Row, col: number): unknown => row.getCell(col).value ?? null;

const dir = tempDir('barometer-egen-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, settings: Record<string, string | number> = {}): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildFixture(caseloadFixture(settings)));
  return file;
}

/** The Indstillinger value cell of a label in the fixture (the builder writes one label per row, in order). */
const cellOf = (label: string, settings: Record<string, string | number> = {}): string =>
  `B${Object.keys(caseloadFixture(settings).settings).indexOf(label) + 1}`;

async function check(input: string, out: string, ...flags: string[]): Promise<Json> {
  const r = await runCli(['check', input, '--out', out, '--json', '--today', TODAY, ...flags]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** The expected quarter rows: the oracle on each quarter's cases alone, Overholdt in percent (2 decimals). */
function oracleQuarters(): Omit<Quarter, 'interval'>[] {
  const byQuarter = new Map<string, ReturnType<typeof caseload>>();
  for (const c of caseload()) {
    const { y, m } = oracleYmd(c.decision as number);
    const key = `${y} K${Math.ceil(m / 3)}`;
    byQuarter.set(key, [...(byQuarter.get(key) ?? []), c]);
  }
  const out: Omit<Quarter, 'interval'>[] = [];
  for (const [quarter, cases] of byQuarter) {
    for (const t of oracle(cases, ORACLE_SETTINGS(2025)).tables) {
      if (t.id === '1.1' || t.overholdt === null) continue;
      out.push({
        ruleset: t.ruleset,
        id: t.id,
        quarter,
        relevant: t.total,
        compliant: Math.round(t.overholdt * 10000) / 100,
      });
    }
  }
  const key = (q: Omit<Quarter, 'interval'>): string => `${q.ruleset}|${q.id}|${q.quarter}`;
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

describe('barometer check under Formål Egenkontrol (a generated two-year caseload)', () => {
  let input: string;
  let out: string;
  let json: Json;
  let inputHash: string;
  beforeAll(async () => {
    input = await write('kvartalby.xlsx');
    inputHash = sha256(input);
    out = path.join(dir, 'kvartalby-resultat.xlsx');
    json = await check(input, out);
  });

  it('counts the whole caseload and names the period', () => {
    expect(json.cases).toBe(caseload().length);
    expect(json.formaal).toBe('egenkontrol');
    expect(json.periode).toEqual({ fra: PERIOD.fra, til: PERIOD.til });
  });

  it('skips every check that picks the barometer sample', () => {
    const codes = new Set(json.problems.map((p) => p.code));
    for (const c of SAMPLE_CODES) expect({ code: c, found: codes.has(c) }).toEqual({ code: c, found: false });
  });

  it('flags the one decision before the period, on its Afgørelsesdato cell', () => {
    const outside = json.problems.filter((p) => p.code === 'decision-outside-period');
    expect(outside.map((p) => [p.severity, p.cell])).toEqual([['error', 'E2']]);
    expect(outside[0]?.message).toContain('15-06-2023');
  });

  it('gives per rule set, question and quarter the figures of the oracle run on that quarter alone', () => {
    const got = (json.quarters ?? [])
      .filter((q) => q.relevant > 0)
      .map(({ interval: _i, ...q }) => q)
      .sort((a, b) => `${a.ruleset}|${a.id}|${a.quarter}`.localeCompare(`${b.ruleset}|${b.id}|${b.quarter}`));
    expect(got).toEqual(oracleQuarters());
    for (const q of json.quarters ?? []) {
      if (q.relevant === 0) expect([q.compliant, q.interval]).toEqual([null, null]);
      else {
        const [lo, hi] = q.interval as [number, number];
        expect(lo).toBeLessThanOrEqual(q.compliant as number);
        expect(hi).toBeGreaterThanOrEqual(q.compliant as number);
      }
    }
  });

  it('splits the quarters at the change of law: 2023 under SEL-2023, 2024 on under BL-2024', () => {
    const parts = new Map<string, Set<string>>();
    for (const q of json.quarters ?? [])
      parts.set(q.ruleset, (parts.get(q.ruleset) ?? new Set()).add(q.quarter));
    expect([...(parts.get('SEL-2023') ?? [])]).toEqual(['2023 K2', '2023 K3', '2023 K4']);
    expect([...(parts.get('BL-2024') ?? [])]).toEqual([
      '2024 K1',
      '2024 K2',
      '2024 K3',
      '2024 K4',
      '2025 K1',
      '2025 K2',
    ]);
  });

  it('writes "Overblik pr. kvartal" below the Overblik table, and the period in the memo', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Overblik') as ExcelJS.Worksheet;
    // Every row's first six cells, by Excel row number.
    const grid = new Map<number, unknown[]>();
    ws.eachRow((row, n) =>
      grid.set(
        n,
        [1, 2, 3, 4, 5, 6].map((c) => cellValue(row, c)),
      ),
    );
    const r = [...grid].find(([, v]) => String(v[0]).startsWith('Overblik pr. kvartal'))?.[0] ?? 0;
    expect(r).toBeGreaterThan(3);
    expect(grid.get(r)?.[0]).toBe(
      `Overblik pr. kvartal (afgørelsesdato, fra ${PERIOD.fra} til ${PERIOD.til})`,
    );
    // The header row right below the title, then the rows of the first part.
    expect(grid.get(r + 1)).toEqual([
      'Spørgsmål',
      'Kvartal',
      'Relevante sager',
      'Overholdt',
      '95 %-interval fra',
      '95 %-interval til',
    ]);
    const rows = [...grid].filter(([n]) => n > r + 1).map(([, v]) => v);
    const q22 = (json.quarters ?? []).find((q) => q.id === '2.2' && q.quarter === '2024 K1') as Quarter;
    const line = rows.find((x) => String(x[0]).startsWith('2.2') && x[1] === '2024 K1');
    expect(line?.[2]).toBe(q22.relevant);
    expect(Math.round((line?.[3] as number) * 10000) / 100).toBe(q22.compliant);
    // Both parts under their headings.
    expect(rows.filter((x) => typeof x[0] === 'string' && x[1] === null).map((x) => x[0])).toEqual([
      expect.stringContaining('serviceloven'),
      expect.stringContaining('barnets lov'),
    ]);
    // Printed, the main table's header row is not repeated over the quarter rows.
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    const memo: string[] = [];
    (wb.getWorksheet('Notat') as ExcelJS.Worksheet).eachRow((row) => memo.push(String(row.getCell(1).value)));
    expect(memo.join('\n')).toContain(`i perioden fra ${PERIOD.fra} til ${PERIOD.til}`);
    expect(memo.join('\n')).not.toContain('Ankestyrelsens kriterier');
    // The closing caveat speaks of the whole caseload, never of a sample to generalise from.
    expect(memo[memo.length - 1]).toBe(EGENKONTROL_CAVEAT);
    expect(memo.join('\n')).not.toContain('generaliseres fra stikprøven');
  });

  it('says Formål and the period in the text summary', async () => {
    const r = await runCli(['check', input, '--out', path.join(dir, 'summary.xlsx'), '--today', TODAY]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(
      `Formål: Egenkontrol, afgørelser fra ${PERIOD.fra} til ${PERIOD.til}; Overblik pr. kvartal i resultatet.`,
    );
  });

  it('leaves the input file exactly as it was', () => {
    expect(sha256(input)).toBe(inputHash);
  });

  it('gives the same quarters with the values as flags over a sheet that says Indsendelse', async () => {
    const sheet = await write('indsendelse.xlsx', {
      Formål: 'Indsendelse til Ankestyrelsen',
      'Periode fra': '',
      'Periode til': '',
    });
    const flagged = await check(
      sheet,
      path.join(dir, 'flag-resultat.xlsx'),
      '--formaal',
      'Egenkontrol',
      '--periode-fra',
      PERIOD.fra,
      '--periode-til',
      PERIOD.til,
    );
    expect(flagged.quarters).toEqual(json.quarters);
  });
});

describe('the same caseload under Formål Indsendelse til Ankestyrelsen', () => {
  it('reports the sample checks and has no quarters', async () => {
    const settings = { Formål: ' indsendelse  til ankestyrelsen ', Afgørelsesår: 2024 };
    const input = await write('sample.xlsx', settings);
    const json = await check(input, path.join(dir, 'sample-resultat.xlsx'));
    const codes = new Set(json.problems.map((p) => p.code));
    for (const c of [
      'case-count',
      'excluded-case',
      'sibling-not-eldest',
      'duplicate-cpr',
      'decision-outside-year',
    ])
      expect({ code: c, found: codes.has(c) }).toEqual({ code: c, found: true });
    expect(json.quarters).toBeUndefined();
    expect(json.formaal).toBeUndefined();
    // The period typed in the sheet is not used, and the sheet says so.
    expect(json.problems.filter((p) => p.code === 'invalid-period').map((p) => [p.severity, p.cell])).toEqual(
      [
        ['warning', cellOf('Periode fra', settings)],
        ['warning', cellOf('Periode til', settings)],
      ],
    );
  });
});

describe('bad Egenkontrol settings', () => {
  it('Egenkontrol without Periode: an error naming each empty cell; the run still completes', async () => {
    const input = await write('noperiod.xlsx', { 'Periode fra': '', 'Periode til': '' });
    const json = await check(input, path.join(dir, 'noperiod-resultat.xlsx'));
    const missing = json.problems.filter((p) => p.code === 'missing-period');
    expect(missing.map((p) => [p.severity, p.cell])).toEqual([
      ['error', cellOf('Periode fra')],
      ['error', cellOf('Periode til')],
    ]);
    expect(missing[0]?.message).toMatch(
      new RegExp(
        `^Indstillinger!${cellOf('Periode fra')} \\(Periode fra\\): .*skriv datoen ud for "Periode fra"`,
      ),
    );
    expect(json.quarters?.length).toBeGreaterThan(0);
  });

  it('Periode fra after Periode til: an error on Periode til, and the period is not used', async () => {
    const input = await write('reversed.xlsx', { 'Periode fra': '31-12-2025', 'Periode til': '01-01-2024' });
    const json = await check(input, path.join(dir, 'reversed-resultat.xlsx'));
    const bad = json.problems.filter((p) => p.code === 'invalid-period');
    expect(bad.map((p) => [p.severity, p.cell])).toEqual([['error', cellOf('Periode til')]]);
    expect(bad[0]?.message).toContain('ligger før periode fra 31-12-2025');
    expect(json.periode).toEqual({ fra: null, til: null });
    expect(json.problems.some((p) => p.code === 'decision-outside-period')).toBe(false);
  });

  it('an unknown Formål: an error naming the cell, and the barometer sample is checked', async () => {
    const input = await write('unknown.xlsx', { Formål: 'Tilsyn' });
    const json = await check(input, path.join(dir, 'unknown-resultat.xlsx'));
    const bad = json.problems.filter((p) => p.code === 'invalid-setting' && p.cell === cellOf('Formål'));
    expect(bad).toHaveLength(1);
    expect(bad[0]?.message).toContain(
      `Indstillinger!${cellOf('Formål')} (Formål): værdien er ikke et kendt formål`,
    );
    expect(json.quarters).toBeUndefined();
  });

  it.each([
    [['--formaal', 'tilsyn'], /--formaal skal være "egenkontrol" eller "indsendelse"/],
    [['--periode-fra', '31-02-2024'], /--periode-fra skal være en gyldig dato/],
    [
      ['--periode-fra', '01-07-2025', '--periode-til', '01-01-2025'],
      /--periode-fra .* ligger efter --periode-til/,
    ],
  ])('refuses bad flags %j with one Danish line (exit 1)', async (flags, message) => {
    const input = await write('flags.xlsx');
    const r = await runCli(['check', input, '--out', path.join(dir, 'x.xlsx'), ...flags]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('barometer template', () => {
  it('writes Formål with its drop-down and the two period cells as dates', async () => {
    const file = path.join(dir, 'skabelon.xlsx');
    const r = await runCli(['template', file]);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Indstillinger') as ExcelJS.Worksheet;
    expect([10, 11, 12].map((n) => ws.getCell(`A${n}`).value)).toEqual([
      'Formål',
      'Periode fra',
      'Periode til',
    ]);
    expect(ws.getCell('B10').value).toBe('Indsendelse til Ankestyrelsen');
    expect(ws.getCell('B10').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Indsendelse til Ankestyrelsen,Egenkontrol"'],
    });
    expect(ws.getCell('B11').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('B12').numFmt).toBe('dd-mm-yyyy');
  });
});
