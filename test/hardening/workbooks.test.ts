/**
 * 1,000 random hostile workbooks (test/hardening/model.ts: shuffled, aliased, duplicated and
 * missing columns, title rows, blank rows, wrong types, 32,767-character strings, RTL and
 * invisible characters, formula-like text, formulas with and without results, error values, rich
 * text, hyperlinks, merged cells, dates before 1900, both date systems, hostile settings and
 * --kommune values) written as real .xlsx files and run through the CLI's main() in-process,
 * exactly as `barometer check <in> --out <out> --json` runs. For every workbook:
 *
 * - it never crashes: exit 0, or 2 with one Danish line on stderr when the case sheet or a required
 *   column is missing (and then no output file);
 * - the input file is byte-identical afterwards, and no temporary file is left;
 * - the JSON has exactly the model's cases, every unreadable cell is an error problem naming its
 *   sheet and cell, no readable cell is one, and every column is found under its spelling;
 * - the output opens again in ExcelJS, every cell of the input is still there unchanged, new cells
 *   on the person's sheets lie only in the generated column block, and no generated cell holds a
 *   formula (the tool creates none; text that starts with = + - @ stays text) or more than Excel's
 *   32,767 characters;
 * - no made-up name or CPR number of the workbook is in stdout, stderr or any generated cell;
 * - a second run on the output gives the same JSON and the same workbook, cell by cell.
 *
 * Then LibreOffice headless converts every sheet of every output to CSV (a handful of soffice
 * processes for all 1,000 files), and what it reads in the generated sheets equals what ExcelJS
 * reads: the memo, the tables and the verdict headers are text, never evaluated as formulas.
 *
 * Replay: the seed and, on failure, the workbook's index are printed; run
 *   BAROMETER_SEED=<seed> BAROMETER_ONLY=<index> npx jest test/hardening/workbooks.test.ts
 * to run just that workbook (its input stays in the printed folder).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main, type Io } from '../../src/cli/main';
import { COLUMN_BY_ID } from '../../src/domain/columns';
import { generatedHeaderTexts } from '../../src/domain/meta';
import { sheetRef } from '../../src/domain/sheetnames';
import { verdictBlockOf } from '../adapters/columnedits';
import { seedFor } from '../property/seed';
import { ConversionQueue, parseCsv, sheetCsvFiles } from './libreoffice';
import { ALL_FEATURES, expectation, features, genWorkbook, toXlsx, type GenWorkbook } from './model';
import { findSecrets } from './secrets';

const SEED = seedFor('workbooks', 20_260_503);
const COUNT = Number(process.env.BAROMETER_COUNT ?? 1_000);
const ONLY = process.env.BAROMETER_ONLY?.trim() ? Number(process.env.BAROMETER_ONLY) : null;
const TODAY = ['--today', '23-11-2026'];
const CELL_CODES = /^(invalid-|ambiguous-measure$|error-value$)/;

function check(ok: boolean, why: string): void {
  if (!ok) throw new Error(why);
}

/** OOXML's _xHHHH_ escapes in cell text, decoded as Excel and LibreOffice decode them. */
const decodeOoxml = (s: string): string =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m: string, h: string) => String.fromCharCode(parseInt(h, 16)));

const sha = (b: Uint8Array): string => crypto.createHash('sha256').update(b).digest('hex');

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += `${t}\n`;
    },
    err(t: string) {
      io.stderr += `${t}\n`;
    },
  };
  return io;
}

interface JsonReport {
  cases: number;
  verdicts: { row: number }[];
  problems: {
    sheet: string | null;
    cell: string | null;
    severity: string;
    code: string;
    column: string | null;
    message: string;
  }[];
}

/** A cell as compared between two readings: type, value, number format. */
type CellKey = string;
function cells(ws: ExcelJS.Worksheet): Map<CellKey, string> {
  const m = new Map<CellKey, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      if (c.type === ExcelJS.ValueType.Null) return;
      const v = c.value instanceof Date ? c.value.getTime() : c.value;
      m.set(c.address, JSON.stringify([c.type, v, c.numFmt ?? null]));
    });
  });
  return m;
}

const GENERATED_TEXTS: ReadonlySet<string> = new Set(generatedHeaderTexts());

/** The verdict block the run wrote, found by its header texts (the tool records no positions). */
function generatedBlock(wb: ExcelJS.Workbook): { sheet: string; first: number; last: number } {
  const block = verdictBlockOf(wb, GENERATED_TEXTS);
  if (block === null) throw new Error('no verdict block in the output');
  return block;
}

/** What LibreOffice must read back: per sheet, the text cells ExcelJS reads in the generated parts. */
interface GeneratedText {
  readonly file: string;
  readonly caseSheet: string;
  readonly headerRow: number;
  readonly verdictHeaders: readonly string[];
  /** Column A of Notat and Resultattabeller, row by row ('' for empty). */
  readonly sheets: ReadonlyMap<string, readonly string[]>;
}

function columnA(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const v = row.getCell(1).value;
    out[n - 1] = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
  });
  return Array.from(out, (v) => v ?? '');
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function runOne(
  dir: string,
  i: number,
  m: GenWorkbook,
  lo: GeneratedText[],
  queue: ConversionQueue,
): Promise<void> {
  const input = path.join(dir, `w${i}.xlsx`);
  const out = path.join(dir, `w${i}-ud.xlsx`);
  const bytes = await toXlsx(m);
  fs.writeFileSync(input, bytes);
  const hash = sha(bytes);
  const args = [
    'check',
    input,
    '--out',
    out,
    '--json',
    ...TODAY,
    ...(m.kommuneFlag ? ['--kommune', m.kommuneFlag] : []),
  ];
  const io = capture();
  const code = await main(args, io);

  check(sha(fs.readFileSync(input)) === hash, 'the input file changed');
  check(
    fs.readdirSync(dir).every((f) => !f.endsWith('.tmp')),
    'a temporary file was left',
  );
  const leaked = findSecrets(io.stdout + io.stderr, m.names, m.cprs);
  check(leaked.length === 0, `stdout/stderr show ${JSON.stringify(leaked)}`);
  check(!/Uventet fejl|\n\s+at /.test(io.stderr), `crash: ${io.stderr}`);

  if (m.expectedExit === 2) {
    check(code === 2, `exit ${code}, expected 2: ${io.stderr}`);
    check(io.stdout === '', 'stdout on a fatal error');
    const lines = io.stderr.split('\n').filter((l) => l.trim() !== '');
    check(lines.length === 1 && lines[0]!.includes(path.basename(input)), `stderr: ${io.stderr}`);
    check(!fs.existsSync(out), 'an output file on a fatal error');
    return;
  }
  check(code === 0, `exit ${code}: ${io.stderr}`);
  check(io.stderr === '', `stderr: ${io.stderr}`);
  const json = JSON.parse(io.stdout) as JsonReport;

  const caseSheet = m.sheets[m.caseIndex]!.name;
  const exp = expectation(m, true);
  check(json.cases === exp.caseRows.length, `cases ${json.cases} ≠ ${exp.caseRows.length}`);
  check(
    JSON.stringify(json.verdicts.map((v) => v.row)) === JSON.stringify(exp.caseRows),
    `case rows ${JSON.stringify(json.verdicts.map((v) => v.row))} ≠ ${JSON.stringify(exp.caseRows)}`,
  );
  const byCell = new Map(
    json.problems
      .filter((p) => p.sheet === caseSheet && p.cell !== null && CELL_CODES.test(p.code))
      .map((p) => [p.cell as string, p]),
  );
  for (const ref of exp.unreadable) {
    const p = byCell.get(ref);
    check(
      p !== undefined && p.severity === 'error' && p.message.startsWith(sheetRef(caseSheet, ref)),
      `unreadable ${ref} not reported at its address (${JSON.stringify(p)})`,
    );
  }
  for (const ref of exp.readable)
    check(!byCell.has(ref), `readable ${ref} reported: ${JSON.stringify(byCell.get(ref))}`);
  const missing = new Set(json.problems.filter((p) => p.code === 'missing-column').map((p) => p.column));
  for (const id of exp.present.keys()) check(!missing.has(COLUMN_BY_ID[id].header), `column ${id} not found`);

  // The output: every input cell kept, new cells only in the generated parts, no formulas there.
  const before = await load(input);
  const after = await load(out);
  const block = generatedBlock(after);
  check(block.sheet === caseSheet, `verdict block on ${block.sheet}`);
  const inputSheets = new Set(before.worksheets.map((w) => w.name));
  const generatedTexts: string[] = [];
  for (const ws of after.worksheets) {
    const mine = !inputSheets.has(ws.name);
    const a = mine ? new Map<CellKey, string>() : cells(before.getWorksheet(ws.name) as ExcelJS.Worksheet);
    const b = cells(ws);
    for (const [addr, v] of a) check(b.get(addr) === v, `${ws.name}!${addr} changed: ${v} → ${b.get(addr)}`);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (c) => {
        const generated =
          mine || (ws.name === block.sheet && Number(c.col) >= block.first && Number(c.col) <= block.last);
        if (!generated) {
          check(
            a.has(c.address) || c.type === ExcelJS.ValueType.Null,
            `${ws.name}!${c.address} added outside the generated block`,
          );
          return;
        }
        check(c.type !== ExcelJS.ValueType.Formula, `formula in generated cell ${ws.name}!${c.address}`);
        if (typeof c.value === 'string') generatedTexts.push(c.value);
      });
    });
  }
  for (const t of generatedTexts) {
    check(t.length <= 32767, `a generated cell of ${t.length} characters (Excel keeps at most 32,767)`);
    const found = findSecrets(t, m.names, m.cprs);
    check(found.length === 0, `generated cell shows ${JSON.stringify(found)}: ${t.slice(0, 200)}`);
  }

  // A second run on the output changes nothing (every 5th workbook, for time: a run is ~50 ms).
  if (i % 5 === 0 || ONLY !== null) await rerun(dir, i, args, out, io.stdout, after);

  const caseWs = after.getWorksheet(caseSheet) as ExcelJS.Worksheet;
  const headers: string[] = [];
  for (let c = block.first; c <= block.last; c += 1)
    headers.push(String(caseWs.getRow(m.headerRow).getCell(c).value));
  const sheets = new Map<string, string[]>();
  for (const name of ['Notat', 'Resultattabeller'])
    sheets.set(name, columnA(after.getWorksheet(name) as ExcelJS.Worksheet));
  lo.push({ file: out, caseSheet, headerRow: m.headerRow, verdictHeaders: headers, sheets });
  queue.add(out);
}

/** Runs the CLI again on its own output: the same JSON and the same workbook, cell by cell. */
async function rerun(
  dir: string,
  i: number,
  args: readonly string[],
  out: string,
  json: string,
  after: ExcelJS.Workbook,
): Promise<void> {
  const out2 = path.join(dir, `w${i}-ud2.xlsx`);
  const io2 = capture();
  const code2 = await main(['check', out, ...args.slice(2).map((a) => (a === out ? out2 : a))], io2);
  check(code2 === 0, `second run: exit ${code2}: ${io2.stderr}`);
  check(io2.stdout === json, 'second run: the JSON differs');
  const again = await load(out2);
  check(
    JSON.stringify(again.worksheets.map((w) => w.name)) ===
      JSON.stringify(after.worksheets.map((w) => w.name)),
    'second run: other sheets',
  );
  for (const ws of after.worksheets) {
    const a = cells(ws);
    const b = cells(again.getWorksheet(ws.name) as ExcelJS.Worksheet);
    check(a.size === b.size, `second run: ${ws.name} has ${b.size} cells, not ${a.size}`);
    for (const [addr, v] of a)
      check(b.get(addr) === v, `second run: ${ws.name}!${addr} ${v} → ${b.get(addr)}`);
  }
  fs.rmSync(out2);
}

describe(`${COUNT} random hostile workbooks through the CLI`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-hostile-'));
  // The ~3,000 files are removed when everything passed, and kept for a look when something failed.
  const passed = { cli: false, libreoffice: false };
  afterAll(() => {
    if (passed.cli && passed.libreoffice) fs.rmSync(dir, { recursive: true, force: true });
  });
  const lo: GeneratedText[] = [];
  // LibreOffice converts the outputs in the background, 200 at a time, while the loop goes on.
  const queue = new ConversionQueue(path.join(dir, 'csv'), path.join(dir, 'lo-profile'));
  let ran = 0;
  let fatal = 0;

  it('never crash, keep the input, report every unreadable cell at its address, keep every cell, leak nothing, re-run identically', async () => {
    process.stdout.write(`[workbooks] inputs and outputs in ${dir}\n`);
    const models = fc.sample(genWorkbook, { seed: SEED.seed, numRuns: COUNT });
    // The sample holds every hostile feature the suite claims to test, each many times.
    const seen = new Map<string, number>();
    for (const m of models) for (const f of features(m)) seen.set(f, (seen.get(f) ?? 0) + 1);
    if (ONLY === null && COUNT >= 1000)
      for (const f of ALL_FEATURES) expect([f, (seen.get(f) ?? 0) >= 10]).toEqual([f, true]);
    process.stdout.write(`[workbooks] features: ${JSON.stringify(Object.fromEntries(seen))}\n`);
    for (let i = 0; i < models.length; i += 1) {
      if (ONLY !== null && i !== ONLY) continue;
      const m = models[i] as GenWorkbook;
      try {
        await runOne(dir, i, m, lo, queue);
      } catch (e) {
        throw new Error(
          `workbook ${i} (${path.join(dir, `w${i}.xlsx`)}); replay: BAROMETER_SEED=${SEED.seed} BAROMETER_ONLY=${i} ` +
            `npx jest test/hardening/workbooks.test.ts\n${(e as Error).message}`,
        );
      }
      ran += 1;
      if (m.expectedExit === 2) fatal += 1;
    }
    process.stdout.write(
      `[workbooks] ${ran} workbooks checked (${fatal} with a missing case sheet or required column)\n`,
    );
    expect(ran).toBe(ONLY === null ? COUNT : 1);
    // The generator must produce both kinds, or the suite tests less than it claims.
    if (ONLY === null) expect(fatal).toBeGreaterThan(COUNT / 100);
    if (ONLY === null) expect(ran - fatal).toBeGreaterThan(COUNT * 0.8);
    passed.cli = true;
  });

  it('LibreOffice opens every output and reads the generated text exactly as ExcelJS does', async () => {
    expect(lo.length).toBeGreaterThan(0);
    const csvDir = path.join(dir, 'csv');
    await queue.finish();
    process.stdout.write(
      `[workbooks] LibreOffice converted ${lo.length} outputs in ${queue.calls} soffice processes\n`,
    );
    for (const x of lo) {
      const csvs = sheetCsvFiles(csvDir, x.file);
      const read = (sheet: string): string[][] => {
        const f = csvs.get(sheet);
        if (f === undefined)
          throw new Error(
            `LibreOffice wrote no sheet "${sheet}" for ${x.file} (has ${[...csvs.keys()].join(', ')})`,
          );
        return parseCsv(fs.readFileSync(f, 'utf8'));
      };
      const caseRows = read(x.caseSheet);
      const header = caseRows[x.headerRow - 1] ?? [];
      expect([x.file, header.slice(-x.verdictHeaders.length)]).toEqual([x.file, x.verdictHeaders]);
      for (const [sheet, lines] of x.sheets) {
        const got = read(sheet).map((r) => r[0] ?? '');
        while (got.length > lines.length && got[got.length - 1] === '') got.pop();
        // Text cells must read back as the same text; numbers LibreOffice writes in its own way.
        lines.forEach((raw, r) => {
          // ExcelJS leaves OOXML escapes (_xFFFE_) of inline strings undecoded; LibreOffice decodes them.
          const line = decodeOoxml(raw);
          if (line !== '' && Number.isNaN(Number(line))) {
            if (got[r] !== line)
              throw new Error(
                `${x.file} ${sheet}!A${r + 1}: LibreOffice read ${JSON.stringify(got[r])}, ExcelJS ${JSON.stringify(line)}`,
              );
          }
        });
      }
    }
    passed.libreoffice = true;
  });
});
