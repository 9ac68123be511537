import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { COLUMNS } from '../../src/domain/columns';
import { generatedHeaderTexts } from '../../src/domain/meta';
import { META_SHEET } from '../../src/domain/types';
import { verdictBlockOf } from '../adapters/columnedits';
import { fixtureWorkbook, type FixtureData } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';
import { cellMap, loadXlsx, ROOT, runCli, sha256, stderrLines, tempDir } from './helpers';

const TODAY = ['--today', '23-11-2026'];
const EXAMPLE = path.join(ROOT, 'examples', 'eksempel.xlsx');
/** Every name and CPR number in the example, none of which may ever be printed. */
const SECRETS = eksempel.rows.flatMap((r) => [r[2], r[3]]).filter((v): v is string => typeof v === 'string');

function noSecrets(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
  expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
}

async function writeFixture(
  dir: string,
  name: string,
  data: FixtureData,
  edit?: (wb: ExcelJS.Workbook) => void,
) {
  const wb = fixtureWorkbook(data);
  edit?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('barometer check on the bundled example', () => {
  const dir = tempDir();
  const input = path.join(dir, 'eksempel.xlsx');
  const out1 = path.join(dir, 'eksempel-resultat.xlsx');
  const out2 = path.join(dir, 'anden.xlsx');
  let json: {
    cases: number;
    tables: { id: string }[];
    verdicts: { row: number }[];
    problems: { message: string }[];
  };
  let inputHash: string;

  beforeAll(async () => {
    fs.copyFileSync(EXAMPLE, input);
    inputHash = sha256(input);
    const r = await runCli(['check', input, '--json', ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    json = JSON.parse(r.stdout) as typeof json;
  });

  it('prints one JSON object and writes <in>-resultat.xlsx beside the input, leaving the input byte-identical', () => {
    expect(json.cases).toBe(17);
    expect(json.verdicts).toHaveLength(17);
    expect(json.tables.length).toBeGreaterThan(0);
    expect(fs.existsSync(out1)).toBe(true);
    expect(sha256(input)).toBe(inputHash);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    noSecrets(JSON.stringify(json.problems));
  });

  it('keeps every input cell of every sheet identical and writes only the verdict block and new sheets', async () => {
    const before = await loadXlsx(input);
    const after = await loadXlsx(out1);
    const meta = after.getWorksheet(META_SHEET);
    expect(meta?.state).toBe('veryHidden');
    const first = verdictBlockOf(after, new Set(generatedHeaderTexts()))?.first ?? 0;
    expect(first).toBe(COLUMNS.length + 1);
    for (const ws of before.worksheets) {
      const a = cellMap(ws);
      const b = cellMap(after.getWorksheet(ws.name) as ExcelJS.Worksheet);
      for (const [addr, cell] of a) expect([addr, b.get(addr)]).toEqual([addr, cell]);
      for (const addr of b.keys()) {
        if (a.has(addr)) continue;
        // New cells on input sheets only in the verdict block.
        expect(ws.name).toBe('Sagsoversigt');
        expect(after.getWorksheet(ws.name)?.getCell(addr).col).toBeGreaterThanOrEqual(first);
      }
    }
    expect(after.worksheets.map((w) => w.name)).toEqual([
      'Sagsoversigt',
      'Indstillinger',
      'Resultattabeller',
      'Overblik',
      'Notat',
      META_SHEET,
    ]);
    const tables = after.getWorksheet('Resultattabeller') as ExcelJS.Worksheet;
    let text = '';
    tables.eachRow((row) => row.eachCell((c) => (text += `${String(c.value)}\n`)));
    expect(text).toContain('TABEL 2.2 ER DER UDARBEJDET EN BØRNEFAGLIG UNDERSØGELSE');
    expect(text).toContain('Kilde: Testrup Kommune, egen gennemgang 23-11-2026');
    for (const name of ['Resultattabeller', 'Overblik', 'Notat']) {
      const ws = after.getWorksheet(name) as ExcelJS.Worksheet;
      let all = '';
      ws.eachRow((row) => row.eachCell((c) => (all += `${String(c.value)}\n`)));
      noSecrets(all);
    }
  });

  it('gives the same output cells when run again on its own output', async () => {
    const r = await runCli(['check', out1, '--out', out2, '--json', ...TODAY]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(json);
    const a = await loadXlsx(out1);
    const b = await loadXlsx(out2);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      expect([ws.name, cellMap(b.getWorksheet(ws.name) as ExcelJS.Worksheet)]).toEqual([
        ws.name,
        cellMap(ws),
      ]);
    }
  });

  it('prints a Danish summary table without --json', async () => {
    const out = path.join(dir, 'summary.xlsx');
    const r = await runCli(['check', input, '--out', out, ...TODAY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Spørgsmål\s+Relevante\s+Ja\s+Nej, men\s+Nej\s+Overholdt/);
    expect(r.stdout).toContain('Testrup Kommune: 17 sager');
    expect(r.stdout).toMatch(
      /Problemer: \d+ \(\d+ fejl, (1 advarsel|\d+ advarsler), \d+ mangler oplysninger\)/,
    );
    expect(r.stdout).toContain(`Resultat gemt i: ${out}`);
    noSecrets(r.stdout);
  });
});

describe('bad input: exit status and one Danish line on stderr', () => {
  const dir = tempDir();
  const base: FixtureData = { ...eksempel, title: [] };

  const cases: [string, () => Promise<string>, number, RegExp][] = [
    ['a missing file', async () => path.join(dir, 'findes-ikke.xlsx'), 1, /findes ikke/],
    [
      'a text file named .xlsx',
      async () => {
        const f = path.join(dir, 'tekst.xlsx');
        fs.writeFileSync(f, 'Sag nummer;Foranstaltning\n1;Familiebehandling\n');
        return f;
      },
      1,
      /ikke en gyldig Excel-fil \(\.xlsx\)/,
    ],
    [
      'a corrupt zip named .xlsx',
      async () => {
        const f = path.join(dir, 'korrupt.xlsx');
        const good = fs.readFileSync(EXAMPLE);
        fs.writeFileSync(f, good.subarray(0, Math.floor(good.length / 2)));
        return f;
      },
      1,
      /ikke en gyldig Excel-fil \(\.xlsx\)/,
    ],
    [
      'a password-protected workbook',
      async () => {
        const f = path.join(dir, 'kode.xlsx');
        fs.writeFileSync(
          f,
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
        );
        return f;
      },
      1,
      /beskyttet med adgangskode – fjern adgangskoden i Excel/,
    ],
    [
      'a workbook without a case sheet',
      async () =>
        writeFixture(dir, 'ingen-sager.xlsx', {
          ...base,
          sheetName: 'Noter',
          headers: ['Dato', 'Tekst'],
          rows: [['x', 'y']],
        }),
      2,
      /.+/,
    ],
    [
      'missing required columns',
      async () =>
        writeFixture(dir, 'mangler.xlsx', {
          ...base,
          headers: base.headers.filter((h) => h !== 'Barnets cpr.nr.' && h !== 'Afgørelsesdato'),
          rows: base.rows.map((r) => r.filter((_v, i) => i !== 3 && i !== 4)),
        }),
      2,
      /Barnets cpr\.nr\..*Afgørelsesdato|Afgørelsesdato.*Barnets cpr\.nr\./,
    ],
    [
      'an empty case sheet',
      async () => writeFixture(dir, 'tom.xlsx', { ...base, headers: [], rows: [] }),
      2,
      /.+/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, status, message) => {
    const file = await make();
    const r = await runCli(['check', file, ...TODAY]);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toContain(path.basename(file));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    noSecrets(r.stderr);
  });

  it.each([
    [['check'], /Angiv den \.xlsx-fil/],
    [['tjek', 'x.xlsx'], /Ukendt kommando/],
    [['check', 'x.xlsx', '--bogus'], /Ukendt tilvalg "--bogus"/],
    [['check', 'x.xlsx', '--opgoerelsesdato', '31-02-2022'], /gyldig dato/],
    [[], /Angiv en kommando/],
  ])('usage error %j → exit 1', async (args, message) => {
    const r = await runCli(args);
    expect(r.status).toBe(1);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('--help prints the usage on stdout', async () => {
    const r = await runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('barometer check <fil.xlsx>');
  });
});

describe('awkward but readable input', () => {
  const dir = tempDir();

  it('handles thousands of blank formatted rows, merged header cells and formula/#N/A cells', async () => {
    const file = await writeFixture(dir, 'rodet.xlsx', eksempel, (wb) => {
      const ws = wb.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
      // Title block merged across columns, as pasted from Word.
      ws.mergeCells('A1:F1');
      for (let r = 30; r < 5000; r += 1) ws.getCell(r, 2).border = { top: { style: 'thin' } };
      ws.getCell('E8').value = { formula: 'NA()', result: { error: '#N/A' } };
      ws.getCell('E9').value = { formula: 'DATE(2021,2,30)' };
    });
    const r = await runCli(['check', file, '--json', ...TODAY]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      cases: number;
      problems: { cell: string | null; row: number | null }[];
    };
    expect(json.cases).toBe(17);
    const cells = json.problems.map((p) => p.row);
    expect(cells).toEqual(expect.arrayContaining([8, 9]));
  });

  it("never overwrites a person's sheet named like a generated one", async () => {
    const file = await writeFixture(dir, 'overblik.xlsx', eksempel, (wb) => {
      wb.addWorksheet('Overblik').getCell('A1').value = 'Mine egne noter';
    });
    const out = path.join(dir, 'overblik-ud.xlsx');
    const r = await runCli(['check', file, '--out', out, '--json', ...TODAY]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { problems: { code: string; message: string }[] };
    expect(json.problems.find((p) => p.code === 'sheet-name-taken')?.message).toContain('Overblik (2)');
    const wb = await loadXlsx(out);
    expect(wb.getWorksheet('Overblik')?.getCell('A1').value).toBe('Mine egne noter');
    expect(wb.getWorksheet('Overblik (2)')?.getCell('A3').value).toBe('Spørgsmål');
    // A second run reuses its own "Overblik (2)" and still leaves the person's sheet alone.
    const out2 = path.join(dir, 'overblik-ud2.xlsx');
    expect((await runCli(['check', out, '--out', out2, ...TODAY])).status).toBe(0);
    const wb2 = await loadXlsx(out2);
    expect(wb2.worksheets.map((w) => w.name).filter((n) => n.startsWith('Overblik'))).toEqual([
      'Overblik',
      'Overblik (2)',
    ]);
    expect(wb2.getWorksheet('Overblik')?.getCell('A1').value).toBe('Mine egne noter');
  });
});

describe('barometer template and demo', () => {
  it('template writes a workbook that re-reads with headers, drop-downs and a frozen header row', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'skabelon.xlsx');
    const r = await runCli(['template', out]);
    expect(r.status).toBe(0);
    const wb = await loadXlsx(out);
    const ws = wb.getWorksheet('Sagsoversigt') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dv = (ws.getCell('F2') as unknown as { dataValidation?: ExcelJS.DataValidation }).dataValidation;
    expect(dv?.type).toBe('list');
    // An empty template is a usable input: check reports the missing cases, not a crash.
    const c = await runCli(['check', out, '--json', ...TODAY]);
    expect(c.status).toBe(0);
    expect((JSON.parse(c.stdout) as { cases: number }).cases).toBe(0);
  });

  it('demo runs check on a copy of the example and prints where the result is', async () => {
    const r = await runCli(['demo', ...TODAY]);
    expect(r.status).toBe(0);
    const m = /Resultat gemt i: (.+\.xlsx)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const out = (m as RegExpExecArray)[1] as string;
    expect(fs.existsSync(out)).toBe(true);
    expect(out.startsWith(ROOT)).toBe(false);
  });
});
