/**
 * `barometer forsider` on real .xlsx files, read back with ExcelJS: one sheet per case, the seed's
 * texts, the X on the line of the case's measure in its own law's list, the virk.dk remark, the
 * input untouched, an existing output replaced only with --force, bad input warned about by cell.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { fixtureWorkbook, type FixtureData } from '../fixtures/build';
import blandet from '../fixtures/data/blandet';
import eksempel from '../fixtures/data/eksempel';
import { findSecrets } from '../hardening/secrets';
import { loadXlsx, runCli, sha256, stderrLines, tempDir } from './helpers';

const TODAY = ['--today', '23-11-2026'];
const dir = tempDir('barometer-forsider-');

async function write(name: string, data: FixtureData, edit?: (wb: ExcelJS.Workbook) => void) {
  const wb = fixtureWorkbook(data);
  edit?.(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The texts of a sheet's rows, cells joined by " | " (empty cells as ""), columns A–C. */
function rowsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[][] = Array.from({ length: ws.rowCount }, () => ['', '', '']);
  ws.eachRow((r, n) =>
    r.eachCell({ includeEmpty: false }, (c, col) => {
      if (col <= 3 && c.value !== null) (out[n - 1] as string[])[col - 1] = c.text;
    }),
  );
  return out.map((texts) => texts.join(' | '));
}

const marked = (ws: ExcelJS.Worksheet): string[] => rowsOf(ws).filter((l) => l.endsWith(' | X'));

const column = (data: FixtureData, header: string): number => {
  const i = data.headers.indexOf(header);
  if (i < 0) throw new Error(header);
  return i;
};

describe('barometer forsider', () => {
  it('writes one A4 sheet per case beside the input, with name, CPR, measure and remark', async () => {
    const file = await write('eksempel.xlsx', eksempel);
    const before = sha256(file);
    fs.chmodSync(file, 0o640);
    const r = await runCli(['forsider', file, ...TODAY]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const out = path.join(dir, 'eksempel-sagsforsider.xlsx');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Sagsforsider gemt i: ${out} (17 sager, én side pr. sag)`);
    expect(lines[1]).toMatch(/^Bemærk: Sagsforsiderne indeholder børnenes navne og cpr-numre/);
    expect(sha256(file)).toBe(before);
    // The file holds CPR numbers: readable by its owner only, whatever the input allowed.
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const wb = await loadXlsx(out);
    const n = eksempel.rows.length;
    expect(wb.worksheets.map((w) => w.name)).toEqual(Array.from({ length: n }, (_, i) => `Sag ${i + 1}`));
    const [sagsnr, navn, cpr] = ['Sag nummer', 'Barnets navn', 'Barnets cpr.nr.'].map((h) =>
      column(eksempel, h),
    );
    for (const row of eksempel.rows) {
      const x = row[sagsnr as number] as number;
      const ws = wb.getWorksheet(`Sag ${x}`) as ExcelJS.Worksheet;
      const text = rowsOf(ws);
      expect(text.slice(0, 8)).toEqual([
        'Sag til brug for Børnesagsbarometret. |  | ',
        'Ankestyrelsens undersøgelse af sagsbehandlingen på udsatte børn- og ungeområdet. |  | ',
        ' |  | ',
        'Kommune: Testrup |  | ',
        ' |  | ',
        `Sags nr. ${x} ud af ${n} |  | `,
        ' |  | ',
        `Barnets navn og cpr.nr.: ${String(row[navn as number])}, ${String(row[cpr as number])} |  | `,
      ]);
      expect(text.at(-1)).toBe(`Børnesagsbarometret, Testrup, sag nr. ${x} ud af ${n} sager |  | `);
      expect(text.at(-2)).toContain('"Eventuelle bemærkninger" på virk.dk');
      expect(marked(ws)).toHaveLength(1);
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToWidth: 1,
        fitToHeight: 1,
      });
    }
  });

  it("marks the measure in the list of each case's own law (both laws in one list)", async () => {
    const file = await write('blandet.xlsx', blandet);
    const out = path.join(dir, 'blandet-forsider.xlsx');
    const r = await runCli(['forsider', file, '--out', out, ...TODAY]);
    expect(r.status).toBe(0);
    const wb = await loadXlsx(out);
    expect(wb.worksheets).toHaveLength(blandet.rows.length);
    const decided = column(blandet, 'Afgørelsesdato');
    const sagsnr = column(blandet, 'Sag nummer');
    for (const row of blandet.rows) {
      const ws = wb.getWorksheet(`Sag ${String(row[sagsnr])}`) as ExcelJS.Worksheet;
      const d = row[decided];
      // A case without a decision date takes the rule set of Afgørelsesår 2023 (barnets-lov.md §1).
      const bl = typeof d === 'string' && Number(d.slice(6)) >= 2024;
      const list = rowsOf(ws).join('\n');
      expect([row[sagsnr], list.includes('barnets lov')]).toEqual([row[sagsnr], bl]);
      expect([row[sagsnr], list.includes('jf. § 52, stk. 3')]).toEqual([row[sagsnr], !bl]);
    }
    // Case 4: SEL T58; case 7: K3 written with the SEL reference, read as its BL counterpart.
    expect(marked(wb.getWorksheet('Sag 4') as ExcelJS.Worksheet)).toEqual([
      'Anbringelse | jf. § 58, stk. 1 (tvangsmæssig) | X',
    ]);
    expect(marked(wb.getWorksheet('Sag 7') as ExcelJS.Worksheet)).toEqual([
      'Fast kontaktperson | jf. § 32, stk. 1, nr. 3, barnets lov | X',
    ]);
    expect(marked(wb.getWorksheet('Sag 9') as ExcelJS.Worksheet)).toEqual([
      'Anbringelse med samtykke | jf. § 46, barnets lov | X',
    ]);
  });

  it('replaces an existing file only with --force, and never the input', async () => {
    const file = await write('tvang.xlsx', eksempel);
    const out = path.join(dir, 'findes.xlsx');
    fs.writeFileSync(out, 'mine egne noter');
    const r = await runCli(['forsider', file, '--out', out, ...TODAY]);
    expect(r.status).toBe(1);
    expect(stderrLines(r)).toEqual([expect.stringContaining('findes allerede')]);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine egne noter');
    const forced = await runCli(['forsider', file, '--out', out, '--force', ...TODAY]);
    expect(forced.status).toBe(0);
    expect((await loadXlsx(out)).worksheets).toHaveLength(17);
    const same = await runCli(['forsider', file, '--out', file, '--force', ...TODAY]);
    expect(same.status).toBe(1);
    expect(stderrLines(same)).toEqual([expect.stringContaining('input-filen ændres aldrig')]);
  });

  it('a workbook without a case sheet exits 2 as check does, and writes nothing', async () => {
    const file = path.join(dir, 'uden-sager.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Noter').addRow(['Husk at sende sagerne']);
    await wb.xlsx.writeFile(file);
    const r = await runCli(['forsider', file, ...TODAY]);
    const check = await runCli(['check', file, ...TODAY]);
    expect([r.status, check.status]).toEqual([2, 2]);
    expect(stderrLines(r)).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'uden-sager-sagsforsider.xlsx'))).toBe(false);
  });

  it('bad input still gives a sheet per case, the field open, and a warning naming the cell', async () => {
    const [sagsnr, navn, cpr, measure] = [
      'Sag nummer',
      'Barnets navn',
      'Barnets cpr.nr.',
      'Foranstaltning',
    ].map((h) => column(eksempel, h)) as [number, number, number, number];
    const rows = eksempel.rows.map((r) => [...r]);
    (rows[0] as unknown[])[measure] = 'Anbringelse';
    (rows[1] as unknown[])[navn] = null;
    (rows[2] as unknown[])[cpr] = '12031';
    (rows[3] as unknown[])[sagsnr] = 40;
    const { Kommune: _k, ...settings } = eksempel.settings;
    const file = await write('daarlig.xlsx', { ...eksempel, rows, settings });
    const r = await runCli(['forsider', file, ...TODAY]);
    expect(r.status).toBe(0);
    const warnings = stderrLines(r);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/^barometer: advarsel: Kommune mangler/);
    const letter = (i: number): string => String.fromCharCode(65 + i);
    // The case list starts under the four title lines and a blank line: the header is row 6.
    for (const [i, col] of [
      [0, measure],
      [1, navn],
      [2, cpr],
      [3, sagsnr],
    ] as const)
      expect(warnings.join('\n')).toContain(`Sagsoversigt!${letter(col)}${7 + i}`);
    const secrets = [...rows.map((x) => String(x[navn])), ...rows.map((x) => String(x[cpr]))].filter(
      (s) => s !== 'null' && s.length > 4,
    );
    expect(
      findSecrets(
        r.stderr + r.stdout,
        secrets.filter((s) => !/\d/.test(s)),
        secrets.filter((s) => /\d/.test(s)),
      ),
    ).toEqual([]);
    const wb = await loadXlsx(path.join(dir, 'daarlig-sagsforsider.xlsx'));
    expect(wb.worksheets).toHaveLength(17);
    expect(wb.worksheets.at(-1)?.name).toBe('Sag i række 10');
    expect(rowsOf(wb.worksheets.at(-1) as ExcelJS.Worksheet)).toContain(
      'Sags nr. ____________________ ud af 17 |  | ',
    );
    const one = wb.getWorksheet('Sag 1') as ExcelJS.Worksheet;
    expect(marked(one)).toEqual([]);
    expect(rowsOf(one)).toContain('Kommune: ____________________ |  | ');
    expect(rowsOf(one).at(-1)).toBe('____________________ |  | ');
  });
});
