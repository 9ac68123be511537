/**
 * Differential test (issue 9 items 3 and 7): random spec-valid case lists, mixing decisions on
 * both sides of 01-01-2024 with dates on every deadline boundary, are written as real .xlsx files
 * and run through the CLI in-process (`main` with --json), through the package reader + evaluate
 * and through the ExcelJS adapter + evaluate; every (case, question) verdict, its rule set and every
 * table (per rule set part) must equal the independent oracle's (test/property/verdictOracle.ts),
 * and Overholdt the overview's. Some lists force a rule set (Regelsæt) or leave out the optional BL
 * columns. 530 lists in all, several thousand cases.
 *
 * Replay: BAROMETER_SEED=<seed> [BAROMETER_PATH=<path>] npx jest test/property/differential.test.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { nodeZipCodec } from '../../src/cli/zipCodec';
import { evaluate } from '../../src/domain/evaluate';
import { toJson } from '../../src/domain/json';
import { ExcelJsWorkbook } from '../../src/workbook/exceljs';
import { XlsxPackageWorkbook } from '../../src/workbook/xlsxpackage';
import { buildFixture } from '../fixtures/build';
import { caseListArb, dmy, toFixture, type CaseList } from './caseLists';
import { params, seedFor } from './seed';
import { oracle, planSection, QUESTION_IDS, type OracleCase, type OracleResult } from './verdictOracle';

const SEED = seedFor('differential', 20261201);
/** The run date: well after every generated date. */
const TODAY = '01-12-2026';

interface JsonTable {
  readonly id: string;
  readonly title: string;
  readonly total: number;
  readonly suppressed?: boolean;
  readonly ruleset?: string;
  readonly rows: readonly { label: string; count: number; percent: number }[];
}
interface JsonReport {
  readonly ruleset: string;
  readonly cases: number;
  readonly tables: readonly JsonTable[];
  readonly verdicts: readonly {
    sagsnr: number | null;
    ruleset?: string;
    answers: Readonly<Record<string, string>>;
  }[];
}

/** What must agree, in one comparable shape. */
function shapeOf(json: JsonReport, single: string | null) {
  return {
    verdicts: json.verdicts.map((v) => ({
      sagsnr: v.sagsnr,
      ruleset: v.ruleset ?? single,
      answers: Object.fromEntries(QUESTION_IDS.map((id) => [id, v.answers[id]])),
    })),
    tables: json.tables.map((t) => ({
      ruleset: t.ruleset ?? single,
      id: t.id,
      title: t.title,
      total: t.total,
      suppressed: t.suppressed === true,
      rows: t.rows.map((r) => ({ label: r.label, count: r.count, percent: r.percent })),
    })),
  };
}

function expectedShape(o: OracleResult) {
  return {
    verdicts: o.cases.map((c) => ({ sagsnr: c.sagsnr, ruleset: c.ruleset, answers: c.answers })),
    tables: o.tables.map((t) => ({
      ruleset: t.ruleset,
      id: t.id,
      title: t.title,
      total: t.total,
      suppressed: t.suppressed,
      rows: t.rows,
    })),
  };
}

/** A list under one rule set may leave `ruleset` off its tables and verdicts (barnets-lov.md §1). */
const singleOf = (o: OracleResult): string | null => (o.parts.length === 1 ? (o.parts[0] as string) : null);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-differential-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function viaCli(list: CaseList, n: number): Promise<JsonReport> {
  const file = path.join(dir, `liste-${n}.xlsx`);
  fs.writeFileSync(file, await buildFixture(toFixture(list)));
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    ['check', file, '--json', '--today', TODAY, '--out', path.join(dir, `ud-${n}.xlsx`)],
    {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    },
  );
  if (status !== 0) throw new Error(`exit ${status}: ${err.join(' | ')}`);
  return JSON.parse(out.join('\n')) as JsonReport;
}

async function viaEvaluate(list: CaseList, adapter: 'package' | 'exceljs' = 'package') {
  const bytes = await buildFixture(toFixture(list));
  const snapshot =
    adapter === 'package'
      ? await XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec).readSnapshot()
      : await (await ExcelJsWorkbook.fromBuffer(bytes)).readSnapshot();
  const [d, m, y] = TODAY.split('-').map(Number) as [number, number, number];
  const today = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
  const r = evaluate(snapshot, { today });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

/** A readable account of a failing list: settings and the oracle's view of every case. */
function describeList(list: CaseList): string {
  const s = list.settings;
  return JSON.stringify({
    afgoerelsesaar: s.afgoerelsesaar,
    opgoerelsesdato: dmy(s.opgoerelsesdato),
    offentliggoerelse: s.offentliggoerelse,
    regelsaet: s.forced,
    headers: toFixture(list).headers,
    rows: toFixture(list).rows,
  });
}

describe('the CLI and the oracle agree on random mixed SEL/BL lists', () => {
  let n = 0;
  it('through barometer check --json (in-process): every verdict, rule set and table', async () => {
    await fc.assert(
      fc.asyncProperty(caseListArb(), async (list) => {
        n += 1;
        const o = oracle(list.cases, list.settings);
        const json = await viaCli(list, n);
        const got = shapeOf(json, singleOf(o));
        const want = expectedShape(o);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect({ list: describeList(list), ...got }).toEqual({ list: describeList(list), ...want });
        }
        expect(json.ruleset).toBe(list.settings.afgoerelsesaar < 2024 ? 'SEL-2023' : 'BL-2024');
        expect(json.cases).toBe(list.cases.length);
      }),
      { ...params(SEED, 120), verbose: 0 },
    );
  });

  it('with a forced rule set (Indstillinger "Regelsæt") or without the optional BL columns, through the CLI', async () => {
    await fc.assert(
      fc.asyncProperty(caseListArb(14, { forced: 'random', dropColumns: true }), async (list) => {
        n += 1;
        const o = oracle(list.cases, list.settings);
        const json = await viaCli(list, n);
        const got = shapeOf(json, singleOf(o));
        const want = expectedShape(o);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect({ list: describeList(list), ...got }).toEqual({ list: describeList(list), ...want });
        }
        expect(json.ruleset).toBe(
          list.settings.forced ?? (list.settings.afgoerelsesaar < 2024 ? 'SEL-2023' : 'BL-2024'),
        );
      }),
      { ...params({ ...SEED, seed: SEED.seed + 2 }, 100), verbose: 0 },
    );
  });

  it('through the package reader and evaluate: verdicts, tables and Overholdt', async () => {
    await fc.assert(
      fc.asyncProperty(caseListArb(), async (list) => {
        const o = oracle(list.cases, list.settings);
        const report = await viaEvaluate(list);
        const got = shapeOf(toJson(report), singleOf(o));
        const want = expectedShape(o);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect({ list: describeList(list), ...got }).toEqual({ list: describeList(list), ...want });
        }
        // Reasons that cite the law: BL 4.10 § 108 (ungeplan, aged 16 or more on the decision day)
        // instead of § 91; BL 2.5 "Nej, men lovlig grund" names § 32, stk. 4, § 46, stk. 3 or § 143.
        report.cases.forEach((rc, i) => {
          const c = list.cases[i] as OracleCase;
          const oc = o.cases[i];
          if (oc?.ruleset !== 'BL-2024') return;
          const plan = rc.verdicts['4.10']?.reason ?? '';
          const section = planSection(c);
          if (section !== null && /frist/.test(plan)) {
            // A reason with the plan's deadline cites the plan's own section; a child's plan never cites § 108.
            const wrong = section === '§ 91' && /§ 108\b/.test(plan);
            expect([c.sagsnr, plan, plan.includes(section) && !wrong]).toEqual([c.sagsnr, plan, true]);
          }
          if (oc.answers['2.5'] === 'Nej, men lovlig grund') {
            const want =
              c.measure === 'frivillig' ? '§ 46, stk. 3' : c.measure === 'tvang' ? '§ 143' : '§ 32, stk. 4';
            expect([c.sagsnr, rc.verdicts['2.5']?.reason.includes(want)]).toEqual([c.sagsnr, true]);
          }
        });
        // Overholdt per question and part, as the overview shows it.
        for (const t of o.tables) {
          if (t.id === '1.1') continue;
          const row = report.overview.find(
            (r) => r.id === t.id && ((r as { ruleset?: string }).ruleset ?? singleOf(o)) === t.ruleset,
          );
          expect([t.ruleset, t.id, row?.compliant]).toEqual([t.ruleset, t.id, t.overholdt]);
        }
      }),
      { ...params({ ...SEED, seed: SEED.seed + 1 }, 250), verbose: 0 },
    );
  });

  it('through the ExcelJS adapter (the pane without Excel) and evaluate: every verdict and table', async () => {
    await fc.assert(
      fc.asyncProperty(caseListArb(12, { forced: 'random', dropColumns: true }), async (list) => {
        const o = oracle(list.cases, list.settings);
        const got = shapeOf(toJson(await viaEvaluate(list, 'exceljs')), singleOf(o));
        const want = expectedShape(o);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect({ list: describeList(list), ...got }).toEqual({ list: describeList(list), ...want });
        }
      }),
      { ...params({ ...SEED, seed: SEED.seed + 3 }, 60), verbose: 0 },
    );
  });
});
