/**
 * The Barnets lov fixtures (issue 9 item 7) through the CLI in-process (`main` with --json): a list
 * under barnets lov only and a list with decisions on both sides of 1 January 2024 must give the
 * hand-checked tables per rule set part and every verdict in test/fixtures/expected/*.json. The
 * expectations are also cross-checked against the independent oracle (test/property/verdictOracle.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { nodeZipCodec } from '../../src/cli/zipCodec';
import { evaluate } from '../../src/domain/evaluate';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { REVIEW_HEADERS } from '../../src/domain/types';
import { buildFixture, fixtureWorkbook } from '../fixtures/build';
import * as barnetslov from '../fixtures/data/barnetslov';
import * as blandet from '../fixtures/data/blandet';
import { oracle } from '../property/verdictOracle';
import { ROOT, sha256, tempDir } from './helpers';

const TODAY = '01-12-2026';
const TODAY_DAY = Date.UTC(2026, 11, 1) / 86_400_000 + 25569;

interface Table {
  ruleset?: string;
  id: string;
  title: string;
  total: number;
  suppressed?: boolean;
  rows: { label: string; count: number; percent: number }[];
}
interface Verdict {
  sagsnr: number | null;
  ruleset?: string;
  answers: Record<string, string>;
}
interface Expected {
  ruleset: string;
  kommune: string;
  cases: number;
  tables: Table[];
  verdicts: Verdict[];
}
interface Json extends Expected {
  problems: {
    sagsnr: number | null;
    severity: string;
    cell?: string | null;
    column: string | null;
    message: string;
  }[];
}

const FIXTURES = { barnetslov, blandet } as const;
type Name = keyof typeof FIXTURES;

const expected = (name: Name): Expected =>
  JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'expected', `${name}.json`), 'utf8'),
  ) as Expected;

const dir = tempDir('barometer-barnetslov-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(name: Name): Promise<{ json: Json; out: string }> {
  const input = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}-resultat.xlsx`);
  fs.writeFileSync(input, await buildFixture(FIXTURES[name].default));
  const lines: string[] = [];
  const errs: string[] = [];
  const status = await main(['check', input, '--json', '--today', TODAY, '--out', out], {
    out: (t) => lines.push(t),
    err: (t) => errs.push(t),
  });
  expect(errs).toEqual([]);
  expect(status).toBe(0);
  return { json: JSON.parse(lines.join('\n')) as Json, out };
}

const tableShape = (t: Table, single: string | null) => ({
  ruleset: t.ruleset ?? single,
  id: t.id,
  title: t.title,
  total: t.total,
  rows: t.rows,
});
const verdictShape = (v: Verdict, single: string | null) => ({
  sagsnr: v.sagsnr,
  ruleset: v.ruleset ?? single,
  answers: v.answers,
});

async function sheetTexts(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name === sheet);
  const texts: string[] = [];
  ws?.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') texts.push(c.value);
    }),
  );
  return texts;
}

describe.each<[Name, string | null]>([
  ['barnetslov', 'BL-2024'],
  ['blandet', null],
])('fixture %s through barometer check --json', (name, single) => {
  it('the expectations agree with the independent oracle', () => {
    const f = FIXTURES[name];
    const o = oracle(f.cases, f.settings);
    const e = expected(name);
    expect(e.tables.map((t) => tableShape(t, null))).toEqual(
      o.tables.map((t) => ({ ruleset: t.ruleset, id: t.id, title: t.title, total: t.total, rows: t.rows })),
    );
    expect(e.verdicts).toEqual(
      o.cases.map((c) => ({ sagsnr: c.sagsnr, ruleset: c.ruleset, answers: c.answers })),
    );
  });

  it('gives the expected tables per rule set part, in order, and every verdict with its rule set', async () => {
    const e = expected(name);
    const { json } = await run(name);
    expect(json.ruleset).toBe(e.ruleset);
    expect(json.kommune).toBe(e.kommune);
    expect(json.cases).toBe(e.cases);
    expect(json.tables.map((t) => tableShape(t, single))).toEqual(e.tables.map((t) => tableShape(t, null)));
    expect(json.verdicts.map((v) => verdictShape(v, single))).toEqual(
      e.verdicts.map((v) => verdictShape(v, null)),
    );
  });
});

describe('what the fixtures show beyond the tables', () => {
  it('a BL plan reason cites § 108 for a young person aged 16 on the decision day, § 91 otherwise', async () => {
    const bytes = await buildFixture(barnetslov.default);
    const snapshot = await XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec).readSnapshot();
    const r = evaluate(snapshot, { today: TODAY_DAY });
    if (!r.ok) throw new Error(r.error.message);
    const reason = (sagsnr: number): string =>
      r.report.cases.find((c) => c.sagsnr === sagsnr)?.verdicts['4.10']?.reason ?? '';
    expect(reason(16)).toMatch(/§ 108/);
    expect(reason(16)).not.toMatch(/§ 91/);
    expect(reason(3)).toMatch(/§ 91/);
    expect(reason(3)).toMatch(/16-06-2024/);
  });

  it('a measure written with the SEL reference on a 2024 decision is read as its BL counterpart, with a warning naming the cell', async () => {
    const { json } = await run('blandet');
    const w = json.problems.filter(
      (p) => p.sagsnr === 7 && p.severity === 'warning' && p.column === 'Foranstaltning',
    );
    expect(w.map((p) => p.message).join(' ')).toContain(
      '§ 52 blev afløst af barnets lov § 32 fra 1. januar 2024; skriv indsatsen efter barnets lov.',
    );
    expect(w[0]?.cell).toMatch(/^B\d+$/);
  });

  it('Resultattabeller: the mixed list has one part per law; the BL tables carry the note on their wording', async () => {
    const mixed = await sheetTexts((await run('blandet')).out, 'Resultattabeller');
    expect(mixed).toContain('Afgørelser efter serviceloven (truffet før 1. januar 2024)');
    expect(mixed).toContain('Afgørelser efter barnets lov (truffet fra 1. januar 2024)');
    const note =
      'Tabellerne for afgørelser efter barnets lov følger Børnesagsbarometrets opbygning; formuleringen er værktøjets egen, indtil Ankestyrelsen offentliggør sine.';
    expect(mixed).toContain(note);
    const bl = await sheetTexts((await run('barnetslov')).out, 'Resultattabeller');
    expect(bl).toContain(note);
    expect(bl).not.toContain('Afgørelser efter serviceloven (truffet før 1. januar 2024)');
  });

  it('corrections in a mixed list: a BL correction changes only the BL part; a line for 1.1 is ignored and reported', async () => {
    const wb = fixtureWorkbook(blandet.default);
    const log = wb.addWorksheet('Gennemgang');
    log.addRow([...REVIEW_HEADERS]);
    // Case 3 (BL, plan one day late): 4.10 Nej corrected to Ja; case 2 (SEL): 4.10 approved; case 7: a 1.1 line.
    log.addRow(['01-12-2026 09:00', 3, '4.10', 'Nej', 'Ja', 'Planen forelå i journalen til tiden', 'AB']);
    log.addRow(['01-12-2026 09:05', 2, '4.10', 'Ja', 'Ja', null, 'AB']);
    log.addRow([
      '01-12-2026 09:10',
      7,
      '1.1',
      'Andre støttende indsatser efter § 32, stk. 1',
      'Familiebehandling § 32, stk. 1, nr. 5',
      'x',
      'AB',
    ]);
    const input = path.join(dir, 'blandet-gennemgang.xlsx');
    fs.writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
    const lines: string[] = [];
    const status = await main(
      ['check', input, '--json', '--today', TODAY, '--out', path.join(dir, 'g-out.xlsx')],
      {
        out: (t) => lines.push(t),
        err: () => undefined,
      },
    );
    expect(status).toBe(0);
    const json = JSON.parse(lines.join('\n')) as Json;
    const e = expected('blandet');
    const answer = (j: { verdicts: Verdict[] }, sagsnr: number, q: string) =>
      j.verdicts.find((v) => v.sagsnr === sagsnr)?.answers[q];
    expect(answer(json, 3, '4.10')).toBe('Ja');
    expect(answer(e, 3, '4.10')).toBe('Nej');
    expect(answer(json, 7, '1.1')).toBe(answer(e, 7, '1.1'));
    const table = (j: { tables: Table[] }, rs: string, id: string) =>
      j.tables.find((t) => t.ruleset === rs && t.id === id)?.rows.map((r) => [r.label, r.count]);
    expect(table(json, 'BL-2024', '4.10')).toEqual([
      ['Ja', 5],
      ['Nej, men lovlig grund', 1],
      ['Nej', 1],
    ]);
    expect(table(json, 'SEL-2023', '4.10')).toEqual(table(e, 'SEL-2023', '4.10'));
    expect(table(json, 'BL-2024', '1.1')).toEqual(table(e, 'BL-2024', '1.1'));
    const logProblems = json.problems.filter((p) => p.message.startsWith('Gennemgang!'));
    expect(logProblems.map((p) => p.cell)).toEqual(['C4']);
    expect(logProblems[0]?.message).toMatch(/1\.1/);
  });

  it('the input workbook is left as it was', async () => {
    const input = path.join(dir, 'unchanged.xlsx');
    fs.writeFileSync(input, await buildFixture(barnetslov.default));
    const before = sha256(input);
    const status = await main(
      ['check', input, '--json', '--today', TODAY, '--out', path.join(dir, 'u-out.xlsx')],
      {
        out: () => undefined,
        err: () => undefined,
      },
    );
    expect(status).toBe(0);
    expect(sha256(input)).toBe(before);
  });
});
