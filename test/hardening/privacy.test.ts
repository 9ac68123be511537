/**
 * Privacy, proven on the Node side (issue 5, part 4; spec §2.5): the made-up children's names and
 * CPR numbers of the fixtures (test/fixtures/data/*.ts) never appear in any generated sheet
 * (Resultattabeller, Overblik, Notat, the hidden metadata sheet), in the memo, in the generated
 * verdict columns (except a reviewer's own words in that child's own row), or in the CLI's stdout
 * and stderr: with and without --json, with the secrets typed into the wrong columns, with a
 * reviewer's correction that names the child, and in every error case.
 * CPR numbers are looked for in every form (with and without dash or space, and as a number
 * without its leading zero). The real `node bin/barometer.js` is run as a child process for the
 * main runs, so anything a library prints would be caught too.
 * Every verb of the CLI is run and every file it writes is scanned; the one exemption, by the
 * explicit rule in secrets.ts, is the front sheets file of `barometer forsider` (issue 12 item 4).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { generatedHeaderTexts } from '../../src/domain/meta';
import { META_SHEET } from '../../src/domain/types';
import { verdictBlockOf } from '../adapters/columnedits';
import { runCli, tempDir } from '../cli/helpers';
import { fixtureWorkbook, type FixtureData } from '../fixtures/build';
import eksempel from '../fixtures/data/eksempel';
import ishoej from '../fixtures/data/ishoej';
import { USAGE } from '../../src/cli/args';
import { FRONT_SHEETS_CARRY_CPR } from '../../src/domain/frontSheets';
import { exemptFromPrivacyScan, findSecrets } from './secrets';

const TODAY = ['--today', '23-11-2026'];

interface Secrets {
  readonly names: string[];
  readonly cprs: string[];
}

function secretsOf(...data: FixtureData[]): Secrets {
  const names: string[] = [];
  const cprs: string[] = [];
  for (const d of data) {
    const n = d.headers.indexOf('Barnets navn');
    const c = d.headers.indexOf('Barnets cpr.nr.');
    for (const row of d.rows) {
      if (typeof row[n] === 'string') names.push(row[n]);
      if (typeof row[c] === 'string') cprs.push(row[c]);
    }
  }
  return { names, cprs };
}

const SECRETS = secretsOf(eksempel, ishoej);

function expectNoSecrets(where: string, text: string): void {
  expect([where, findSecrets(text, SECRETS.names, SECRETS.cprs)]).toEqual([where, []]);
}

async function write(dir: string, name: string, data: FixtureData, edit?: (wb: ExcelJS.Workbook) => void) {
  const wb = fixtureWorkbook(data);
  edit?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * Scans an output workbook: every cell of every sheet the tool generated (listed in its metadata
 * sheet, and the metadata sheet itself) and every cell of the verdict block. `ownRow` allows a
 * secret in the verdict block only in the row of the child it belongs to (a reviewer's words).
 */
async function scanOutput(file: string, ownRow?: { row: number; secret: string }): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const meta = wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet;
  const generated = [META_SHEET];
  meta.eachRow((row) => {
    if (row.getCell(1).value === 'ark') generated.push(String(row.getCell(2).value));
  });
  // The verdict block is found by its header texts, as the tool finds it (no positions recorded).
  const block = verdictBlockOf(wb, new Set(generatedHeaderTexts()));
  expect(generated).toEqual(expect.arrayContaining(['Resultattabeller', 'Overblik', 'Notat']));
  let scanned = 0;
  for (const name of generated) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((c) => {
        scanned += 1;
        expectNoSecrets(`${name}!${c.address}`, String(c.text));
      }),
    );
  }
  const b = block;
  if (b === null) throw new Error('no verdict block');
  wb.getWorksheet(b.sheet)?.eachRow((row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col < b.first || col > b.last) return;
      scanned += 1;
      const where = `${b.sheet}!${cell.address}`;
      const found = findSecrets(String(cell.text), SECRETS.names, SECRETS.cprs);
      const allowed = ownRow !== undefined && r === ownRow.row ? [ownRow.secret] : [];
      expect([where, found.filter((f) => !allowed.includes(f))]).toEqual([where, []]);
    });
  });
  return scanned;
}

describe('no child name or CPR number leaves its row', () => {
  const dir = tempDir('barometer-privacy-');

  it('the fixtures really hold the secrets this suite looks for', () => {
    expect(SECRETS.names.length).toBeGreaterThanOrEqual(30);
    expect(SECRETS.cprs.length).toBeGreaterThanOrEqual(30);
    expect(findSecrets('x 120310-4118 y', SECRETS.names, SECRETS.cprs)).toEqual(['120310-4118']);
    expect(findSecrets('sagsnr 70205473', [], ['070205-4738'])).toEqual([]);
    expect(findSecrets('nr 702054738', [], ['070205-4738'])).toEqual(['702054738']);
  });

  it.each([
    ['eksempel', eksempel, ['--json']],
    ['eksempel', eksempel, []],
    ['ishoej', ishoej, ['--json', '--offentliggoerelse']],
  ] as const)(
    'barometer check on %s %j: stdout, stderr, generated sheets, memo and verdict columns',
    async (name, data, flags) => {
      const file = await write(dir, `${name}.xlsx`, data);
      const out = path.join(dir, `${name}-${flags.length}-ud.xlsx`);
      const r = await runCli(['check', file, '--out', out, ...flags, ...TODAY]);
      expect(r.status).toBe(0);
      expectNoSecrets('stdout', r.stdout);
      expectNoSecrets('stderr', r.stderr);
      expect(await scanOutput(out)).toBeGreaterThan(300);
    },
  );

  it('with names, CPR numbers and CPR-as-numbers typed into the wrong columns', async () => {
    const h = eksempel.headers;
    const swap = (a: string, b: string): string[] => h.map((x) => (x === a ? b : x === b ? a : x));
    // Names land in "Anket" (a Ja/Nej column), CPR numbers in "Familie", family ids in the CPR column.
    let headers = swap('Barnets navn', 'Anket til Ankestyrelsen');
    headers = headers.map((x) =>
      x === 'Barnets cpr.nr.' ? 'Familie' : x === 'Familie' ? 'Barnets cpr.nr.' : x,
    );
    const rows = eksempel.rows.map((r, i) => {
      const row = [...r];
      // CPR numbers as numbers (leading zero lost) in the Sagsnr and Afgørelsesdato columns.
      const cpr = (r[h.indexOf('Barnets cpr.nr.')] as string).replace('-', '');
      if (i % 3 === 0) row[h.indexOf('Sag nummer')] = Number(cpr);
      if (i % 3 === 1) row[h.indexOf('Afgørelsesdato')] = Number(cpr);
      if (i % 3 === 2) row[h.indexOf('Foranstaltning')] = r[h.indexOf('Barnets navn')] as string;
      return row;
    });
    const file = await write(dir, 'forkerte-kolonner.xlsx', { ...eksempel, headers, rows });
    const out = path.join(dir, 'forkerte-kolonner-ud.xlsx');
    const io = {
      stdout: '',
      stderr: '',
      out: (t: string) => void (io.stdout += t),
      err: (t: string) => void (io.stderr += t),
    };
    expect(await main(['check', file, '--out', out, '--json', ...TODAY], io)).toBe(0);
    const json = JSON.parse(io.stdout) as { problems: { code: string }[] };
    // The wrong columns were noticed (so the secrets went through the message paths) …
    expect(json.problems.filter((p) => p.code === 'invalid-yesno').length).toBeGreaterThan(5);
    expect(json.problems.filter((p) => p.code === 'invalid-sagsnr').length).toBeGreaterThan(3);
    // … and nothing was quoted.
    expectNoSecrets('stdout', io.stdout);
    expectNoSecrets('stderr', io.stderr);
    await scanOutput(out);
  });

  it("a reviewer's correction naming the child stays in that child's own row", async () => {
    const name = eksempel.rows[0]?.[eksempel.headers.indexOf('Barnets navn')] as string;
    const file = await write(dir, 'rettelse.xlsx', eksempel, (wb) => {
      const log = wb.addWorksheet('Gennemgang');
      log.addRow(['Tidspunkt', 'Sagsnr', 'Spørgsmål', 'Beregnet', 'Rettet til', 'Begrundelse', 'Initialer']);
      log.addRow([
        '01-11-2026 10:00',
        1,
        '2.2',
        'Ja',
        'Nej',
        `Mor til ${name} oplyste at undersøgelsen ikke blev lavet`,
        'TT',
      ]);
    });
    const out = path.join(dir, 'rettelse-ud.xlsx');
    const r = await runCli(['check', file, '--out', out, '--json', ...TODAY]);
    expect(r.status).toBe(0);
    expect(
      (JSON.parse(r.stdout) as { verdicts: { answers: Record<string, string> }[] }).verdicts[0]?.answers[
        '2.2'
      ],
    ).toBe('Nej');
    expectNoSecrets('stdout', r.stdout);
    expectNoSecrets('stderr', r.stderr);
    // Case 1 is in row 7 (four title lines, a blank line, the header in row 6).
    await scanOutput(out, { row: 7, secret: name });
  });

  it.each<[string, () => Promise<string[]>, number]>([
    [
      'a missing required column',
      async () => {
        const file = await write(dir, 'mangler.xlsx', {
          ...eksempel,
          headers: eksempel.headers.map((x) => (x === 'Barnets cpr.nr.' ? 'Personnr. (intern)' : x)),
        });
        return ['check', file, '--json', ...TODAY];
      },
      2,
    ],
    [
      'data pasted without its header row',
      async () => {
        const file = await write(dir, 'uden-overskrift.xlsx', {
          ...eksempel,
          title: [],
          headers: (eksempel.rows[0] ?? []).map((v) => (v === null ? '' : String(v))),
          rows: eksempel.rows.slice(1),
        });
        return ['check', file, '--json', ...TODAY];
      },
      2,
    ],
    [
      'a case sheet under another name without enough headers',
      async () => {
        const file = await write(dir, 'andet-ark.xlsx', {
          ...eksempel,
          title: [],
          sheetName: 'Børn',
          headers: eksempel.headers.map((x, i) => (i < 30 ? `Kolonne ${i}` : x)),
        });
        return ['check', file, '--json', ...TODAY];
      },
      2,
    ],
    [
      // Issue 10 item 6: unknown headers are counted, unknown sheet names are not shown.
      'a CPR number typed as a header, in a case sheet named after a child',
      async () => {
        const cpr = SECRETS.cprs[0] as string;
        const file = await write(dir, 'cpr-overskrift.xlsx', {
          ...eksempel,
          title: [],
          sheetName: SECRETS.names[0],
          headers: eksempel.headers.map((x) =>
            x === 'Afgørelsesdato' ? `${cpr.slice(0, 6)} ${cpr.slice(7)}` : x === 'Familie' ? cpr : x,
          ),
        });
        return ['check', file, '--json', ...TODAY];
      },
      2,
    ],
    [
      'a spreadsheet saved as CSV with the CPR numbers in it',
      async () => {
        const file = path.join(dir, 'sager.csv');
        fs.writeFileSync(
          file,
          SECRETS.cprs.map((c, i) => `${i + 1};${SECRETS.names[i] ?? ''};${c}`).join('\n'),
        );
        return ['check', file, '--json', ...TODAY];
      },
      1,
    ],
    [
      'a damaged file',
      async () => {
        const file = path.join(dir, 'beskadiget.xlsx');
        const good = fs.readFileSync(await write(dir, 'hel.xlsx', eksempel));
        fs.writeFileSync(file, good.subarray(0, good.length - 200));
        return ['check', file, '--json', ...TODAY];
      },
      1,
    ],
    [
      '--out pointing at the input',
      async () => {
        const file = await write(dir, 'samme.xlsx', eksempel);
        return ['check', file, '--out', file, '--json', ...TODAY];
      },
      1,
    ],
    [
      '--out in a folder that does not exist',
      async () => {
        const file = await write(dir, 'ingen-mappe.xlsx', eksempel);
        return ['check', file, '--out', path.join(dir, 'findes-ikke', 'ud.xlsx'), '--json', ...TODAY];
      },
      1,
    ],
  ])('error case: %s', async (_what, make, status) => {
    const args = await make();
    const io = {
      stdout: '',
      stderr: '',
      out: (t: string) => void (io.stdout += t),
      err: (t: string) => void (io.stderr += t),
    };
    expect(await main(args, io)).toBe(status);
    expect(io.stdout).toBe('');
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expectNoSecrets('stdout', io.stdout);
    expectNoSecrets('stderr', io.stderr);
  });
});

describe('every CLI verb and every file it writes; only the front sheets are exempt', () => {
  const SCANNED_VERBS = ['check', 'saml', 'template', 'forsider', 'demo'];

  it('the suite knows every verb the CLI offers', () => {
    const verbs = [...USAGE.matchAll(/barometer (\w+)/g)].map((m) => m[1]);
    expect(new Set(verbs)).toEqual(new Set(SCANNED_VERBS));
  });

  it('the exemption is one explicit rule: the forsider verb, its own file', () => {
    expect(FRONT_SHEETS_CARRY_CPR).toBe(true);
    expect(exemptFromPrivacyScan('forsider', '/tmp/x/sager-sagsforsider.xlsx')).toBe(true);
    expect(exemptFromPrivacyScan('check', '/tmp/x/sager-sagsforsider.xlsx')).toBe(false);
    expect(exemptFromPrivacyScan('forsider', '/tmp/x/sager-resultat.xlsx')).toBe(false);
    expect(exemptFromPrivacyScan('template', '/tmp/x/sagsforsider.xlsx')).toBe(false);
  });

  /** Every cell of every sheet of a workbook as "Sheet!A1 text". */
  async function everyCell(file: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const out: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((r) => r.eachCell((c) => void out.push(`${ws.name}!${c.address} ${String(c.text)}`)));
    return out;
  }

  it.each(SCANNED_VERBS)('barometer %s: stdout, stderr and every file written', async (verb) => {
    const dir = tempDir(`barometer-privacy-${verb}-`);
    const input = await write(dir, 'sager.xlsx', eksempel);
    // saml needs a second municipality's list; it is an input too, never scanned as output.
    const other = verb === 'saml' ? await write(dir, 'ishoej.xlsx', ishoej) : input;
    const args: Record<string, string[]> = {
      check: ['check', input, ...TODAY],
      saml: ['saml', input, other, '--out', path.join(dir, 'samlet.xlsx'), ...TODAY],
      template: ['template', path.join(dir, 'tom.xlsx')],
      forsider: ['forsider', input, ...TODAY],
      demo: ['demo', ...TODAY],
    };
    const r = await runCli(args[verb] as string[]);
    expect([verb, r.status]).toEqual([verb, 0]);
    expectNoSecrets(`${verb} stdout`, r.stdout);
    expectNoSecrets(`${verb} stderr`, r.stderr);
    const demoOut = /Resultat gemt i: (.+)/.exec(r.stdout)?.[1]?.trim();
    const files = [
      ...fs.readdirSync(dir).map((f) => path.join(dir, f)),
      ...(verb === 'demo' && demoOut ? [demoOut] : []),
    ].filter((f) => f !== input && f !== other);
    expect(files.length).toBe(1);
    for (const file of files) {
      const cells = await everyCell(file);
      expect(cells.length).toBeGreaterThan(10);
      if (exemptFromPrivacyScan(verb, file)) {
        // The exempt file holds the secrets on purpose, and nothing but front sheets.
        expect(findSecrets(cells.join('\n'), SECRETS.names, SECRETS.cprs).length).toBeGreaterThanOrEqual(34);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        for (const ws of wb.worksheets) expect(ws.name).toMatch(/^Sag \d+$/);
      } else if (verb === 'check' || verb === 'demo') {
        expect(await scanOutput(file)).toBeGreaterThan(300);
        // The check's output never holds front sheets.
        expect(cells.some((c) => c.includes('Sags nr.') || c.includes('virk.dk'))).toBe(false);
      } else {
        for (const c of cells) expectNoSecrets(file, c);
      }
    }
    expect(files.some((f) => exemptFromPrivacyScan(verb, f))).toBe(verb === 'forsider');
  });
});
