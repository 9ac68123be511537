/**
 * `barometer saml` (issue 12 item 3) end to end, in-process: four fictitious municipalities'
 * case lists (random spec-valid lists from test/property/caseLists.ts, fixed seed; one under
 * Serviceloven only, one mixed across 01-01-2024, one under barnets lov only, one with 3 cases)
 * are written as real .xlsx files, each checked on its own with `check --json`, then merged.
 * Every merged table count must equal the sum over the files' own check results, every interval
 * the reference Wilson computation below, the merged workbook must show the same figures, hold no
 * name or CPR number in any part, and the inputs must be unchanged byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { SUPPRESSED_TEXT } from '../../src/domain/plan';
import { buildFixture, type FixtureData } from '../fixtures/build';
import { caseListArb, toFixture, type CaseList, type ListOptions } from '../property/caseLists';
import { spawnSync } from 'node:child_process';
import { pdfPages } from '../hardening/pdftext';
import { loadXlsx, runCli, sha256, tempDir, type CliResult } from './helpers';

const TODAY = '01-12-2026';

interface Row {
  label: string;
  count: number;
  percent: number;
}
interface Table {
  ruleset: string;
  id: string;
  title: string;
  total: number;
  suppressed?: true;
  rows: Row[];
}
interface Overview {
  ruleset: string;
  id: string;
  question: string;
  relevant: number;
  ja: number;
  nejMen: number;
  nej: number;
  compliant: number | null;
  interval: [number, number] | null;
  national: number | null;
}
interface CheckJson {
  ruleset: string;
  kommune: string;
  cases: number;
  tables: Table[];
  overview: Overview[];
}
interface SamlJson {
  kommuner: { kommune: string; file: string; cases: number; rulesets: string[]; overview: Overview[] }[];
  ruleset: string;
  rulesets: string[];
  cases: number;
  tables: Table[];
  overview: Overview[];
  problems: { file: string; kommune: string | null; severity: string; code: string; message: string }[];
}

/** Reference: the Wilson score interval in the closed form (2np + z² ± z√(z² + 4np(1−p))) / 2(n + z²). */
function referenceWilson(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const z = 1.959963984540054;
  const p = k / n;
  const root = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const lo = (2 * n * p + z * z - root) / (2 * (n + z * z));
  const hi = (2 * n * p + z * z + root) / (2 * (n + z * z));
  return [k === 0 ? 0 : lo, k === n ? 1 : hi];
}

/** A list from the generator with a fixed seed: the first of the samples that fits `want`. */
function list(seed: number, max: number, opts: ListOptions, want: (l: CaseList) => boolean): CaseList {
  const found = fc.sample(caseListArb(max, opts), { seed, numRuns: 300 }).find(want);
  if (found === undefined) throw new Error(`no list for seed ${seed}`);
  return found;
}

const BL_START = Date.UTC(2024, 0, 1) / 86_400_000 + 25569;
const MUNICIPALITIES = [
  {
    kommune: 'Aby',
    list: list(11, 18, { forced: 'SEL-2023' }, (l) => l.cases.length >= 11),
  },
  {
    kommune: 'Bby',
    list: list(
      12,
      18,
      {},
      (l) =>
        l.cases.length >= 11 &&
        l.cases.some((c) => c.decision !== null && c.decision < BL_START) &&
        l.cases.some((c) => c.decision !== null && c.decision >= BL_START),
    ),
  },
  {
    kommune: 'Cby',
    list: list(13, 18, { forced: 'BL-2024' }, (l) => l.cases.length >= 10),
  },
  { kommune: 'Dby', list: list(14, 3, { forced: 'SEL-2023' }, (l) => l.cases.length === 3) },
] as const;

/** Made-up names, unique per municipality, so the privacy scan can look for every one. */
const namesOf = (kommune: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `Fiktivbarn ${kommune}sen ${i + 1}`);

const fixtureOf = (kommune: string, l: CaseList, over: Record<string, string | number> = {}): FixtureData => {
  const fx = toFixture(l, kommune, namesOf(kommune, l.cases.length));
  return { ...fx, settings: { ...fx.settings, Offentliggørelse: 'Nej', ...over } };
};

const dir = tempDir('barometer-saml-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => path.join(dir, name);

const inputs: string[] = [];
const checks: CheckJson[] = [];
const hashes = new Map<string, string>();
let merged: SamlJson;
let mergedRun: CliResult;
const OUT = file('samlet.xlsx');

async function saml(args: readonly string[]): Promise<CliResult> {
  return runCli(['saml', ...args, '--today', TODAY]);
}

beforeAll(async () => {
  for (const m of MUNICIPALITIES) {
    const input = file(`${m.kommune.toLowerCase()}.xlsx`);
    fs.writeFileSync(input, await buildFixture(fixtureOf(m.kommune, m.list)));
    inputs.push(input);
    hashes.set(input, sha256(input));
    const r = await runCli([
      'check',
      input,
      '--json',
      '--today',
      TODAY,
      '--out',
      file(`${m.kommune}-check.xlsx`),
    ]);
    expect(r.status).toBe(0);
    checks.push(JSON.parse(r.stdout) as CheckJson);
  }
  mergedRun = await saml([...inputs, '--out', OUT, '--json']);
  expect(mergedRun.stderr).toBe('');
  expect(mergedRun.status).toBe(0);
  merged = JSON.parse(mergedRun.stdout) as SamlJson;
}, 120_000);

const key = (t: { ruleset: string; id: string }): string => `${t.ruleset}|${t.id}`;

describe('the fixtures cover what the merge must handle', () => {
  test('one list under each law, one mixed, one with 3 cases', () => {
    expect(checks.map((c) => c.kommune)).toEqual(['Aby', 'Bby', 'Cby', 'Dby']);
    const rulesetsOf = (c: CheckJson): string[] => [...new Set(c.tables.map((t) => t.ruleset))];
    expect(rulesetsOf(checks[0]!)).toEqual(['SEL-2023']);
    expect(rulesetsOf(checks[1]!).sort()).toEqual(['BL-2024', 'SEL-2023']);
    expect(rulesetsOf(checks[2]!)).toEqual(['BL-2024']);
    expect(checks[3]!.cases).toBe(3);
  });
});

describe('saml --json: sums of the files’ own check results', () => {
  test('every table: per rule set, table and row the sum of the four files’ counts; percents recomputed', () => {
    const sums = new Map<string, { title: string; total: number; rows: Map<string, number> }>();
    for (const c of checks) {
      for (const t of c.tables) {
        expect(t.suppressed).toBeUndefined();
        const s = sums.get(key(t)) ?? { title: t.title, total: 0, rows: new Map<string, number>() };
        s.total += t.total;
        for (const r of t.rows) s.rows.set(r.label, (s.rows.get(r.label) ?? 0) + r.count);
        sums.set(key(t), s);
      }
    }
    expect(merged.tables.map(key).sort()).toEqual([...sums.keys()].sort());
    for (const t of merged.tables) {
      const s = sums.get(key(t))!;
      expect(t.title).toBe(s.title);
      expect(t.total).toBe(s.total);
      // Rows with a zero sum are there too (check keeps zero rows), so compare label by label.
      for (const r of t.rows) {
        expect([t.id, r.label, r.count]).toEqual([t.id, r.label, s.rows.get(r.label) ?? 0]);
        expect(r.percent).toBe(Math.round((100 * r.count) / t.total));
      }
      for (const [label, n] of s.rows) if (n > 0) expect(t.rows.map((r) => r.label)).toContain(label);
    }
    expect(merged.cases).toBe(checks.reduce((n, c) => n + c.cases, 0));
    expect(merged.rulesets).toEqual(['SEL-2023', 'BL-2024']);
  });

  test('per Kommune: the file’s own overview exactly, and its intervals equal the reference', () => {
    expect(merged.kommuner.map((k) => [k.kommune, k.file, k.cases])).toEqual(
      checks.map((c, i) => [c.kommune, inputs[i], c.cases]),
    );
    merged.kommuner.forEach((k, i) => {
      expect(k.overview).toEqual(checks[i]!.overview);
      for (const o of k.overview) {
        const ref = referenceWilson(o.ja + o.nejMen, o.relevant);
        if (ref === null) expect(o.interval).toBeNull();
        else {
          expect(Math.abs(o.interval![0] - ref[0] * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(o.interval![1] - ref[1] * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }
    });
  });

  test('all together: counts summed per rule set and question, Overholdt and interval from the sums', () => {
    for (const o of merged.overview) {
      const mine = checks.flatMap((c) => c.overview.filter((x) => key(x) === key(o)));
      const sum = (f: (x: Overview) => number): number => mine.reduce((n, x) => n + f(x), 0);
      expect([o.relevant, o.ja, o.nejMen, o.nej]).toEqual([
        sum((x) => x.relevant),
        sum((x) => x.ja),
        sum((x) => x.nejMen),
        sum((x) => x.nej),
      ]);
      const ref = referenceWilson(o.ja + o.nejMen, o.relevant);
      if (ref === null) {
        expect(o.compliant).toBeNull();
        continue;
      }
      expect(o.compliant).toBeCloseTo((100 * (o.ja + o.nejMen)) / o.relevant, 2);
      expect(Math.abs(o.interval![0] - ref[0] * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(o.interval![1] - ref[1] * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  test('the inputs are unchanged, byte for byte', () => {
    for (const input of inputs) expect(sha256(input)).toBe(hashes.get(input));
  });
});

/** Sheet rows as arrays of plain values (row 1 = index 0). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      vals[c - 1] = cell.value;
    });
    out[n - 1] = vals;
  });
  return out;
}

/** Kommuner's question rows by rule set and question id, walking the parts as they are laid out. */
function kommunerRows(rows: unknown[][], json: SamlJson): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  let r = 4;
  for (const id of json.rulesets) {
    expect(String(rows[r]![0])).toMatch(id === 'SEL-2023' ? /Serviceloven/i : /[Bb]arnets lov/);
    r += 1;
    for (const o of json.overview.filter((x) => x.ruleset === id)) {
      expect(rows[r]![0]).toBe(o.question);
      out.set(key(o), rows[r]!);
      r += 1;
    }
  }
  return out;
}

describe('the merged workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadXlsx(OUT);
  });

  test('three sheets, A4 and fit to one page wide', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resultattabeller', 'Kommuner', 'Om sammenlægningen']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
  });

  test('Resultattabeller: every table of the JSON, in check’s layout, one part per law', () => {
    const rows = rowsOf(wb.getWorksheet('Resultattabeller')!);
    expect(String(rows[0]![0])).toMatch(
      /^Børnesagsbarometer \d{4} – Aby, Bby, Cby og Dby Kommuner, egen gennemgang sammenlagt 01-12-2026$/,
    );
    const text = rows.map((r) => String(r[0] ?? ''));
    const partAt = (id: string): number =>
      text.findIndex((t) => (id === 'SEL-2023' ? /Serviceloven/i : /[Bb]arnets lov/).test(t));
    const selPart = partAt('SEL-2023');
    const blPart = partAt('BL-2024');
    expect(selPart).toBeGreaterThan(0);
    expect(blPart).toBeGreaterThan(selPart);
    for (const t of merged.tables) {
      const from = t.ruleset === 'SEL-2023' ? selPart : blPart;
      const at = text.indexOf(`TABEL ${t.id} ${t.title}`, from);
      expect(at).toBeGreaterThan(from);
      expect(rows[at + 1]!.slice(1, 3)).toEqual(['Antal sager', 'Procent']);
      t.rows.forEach((r, j) => {
        expect(rows[at + 2 + j]!.slice(0, 3)).toEqual([r.label, r.count, r.percent / 100]);
      });
      expect(rows[at + 2 + t.rows.length]!.slice(0, 3)).toEqual(['I alt', t.total, 1]);
      expect(text[at + 3 + t.rows.length]).toBe(
        'Kilde: Aby, Bby, Cby og Dby Kommuner, egen gennemgang 01-12-2026 (sammenlagt)',
      );
    }
  });

  test('Kommuner: per question and Kommune the relevant cases, Overholdt and the interval, and a total group', () => {
    const rows = rowsOf(wb.getWorksheet('Kommuner')!);
    expect(rows[2]!.filter((v) => typeof v === 'string')).toEqual([
      'Kommune',
      'Aby',
      'Bby',
      'Cby',
      'Dby',
      'Alle kommuner',
    ]);
    expect(rows[3]!.slice(0, 5)).toEqual(['Spørgsmål', 'Relevante', 'Overholdt', '95 % fra', '95 % til']);
    const groups = [...merged.kommuner.map((k) => k.overview), merged.overview];
    const byKey = kommunerRows(rows, merged);
    expect(byKey.size).toBe(merged.overview.length);
    for (const total of merged.overview) {
      const row = byKey.get(key(total))!;
      groups.forEach((g, gi) => {
        const o = g.find((x) => key(x) === key(total));
        const cells = [1, 2, 3, 4].map((j) => row[4 * gi + j] ?? null);
        if (o === undefined) {
          // A Kommune without cases under this law: an empty group.
          expect(cells).toEqual([null, null, null, null]);
          return;
        }
        expect(cells[0]).toBe(o.relevant);
        if (o.interval === null) {
          expect(cells.slice(1)).toEqual([null, null, null]);
          return;
        }
        const ref = referenceWilson(o.ja + o.nejMen, o.relevant)!;
        expect(cells[1] as number).toBeCloseTo((o.ja + o.nejMen) / o.relevant, 12);
        expect(cells[2] as number).toBeCloseTo(ref[0], 12);
        expect(cells[3] as number).toBeCloseTo(ref[1], 12);
      });
    }
  });

  test('Om sammenlægningen: every file, Kommune, number of cases and rule sets', () => {
    const rows = rowsOf(wb.getWorksheet('Om sammenlægningen')!);
    const head = rows.findIndex((row) => row[0] === 'Fil');
    expect(rows[head]!.slice(0, 5)).toEqual(['Fil', 'Kommune', 'Sager', 'Regelsæt', 'Undersøgelsesår']);
    merged.kommuner.forEach((k, i) => {
      expect(rows[head + 1 + i]!.slice(0, 4)).toEqual([k.file, k.kommune, k.cases, k.rulesets.join(' og ')]);
    });
    expect(rows[head + 1 + merged.kommuner.length]!.slice(0, 3)).toEqual(['I alt', null, merged.cases]);
  });

  test('no name or CPR number in any part of the file, nor in the JSON', () => {
    const partsOf = (f: string): string =>
      Object.values(unzipSync(new Uint8Array(fs.readFileSync(f))))
        .map((u) => strFromU8(u))
        .join('\n');
    // The scan can fail: the inputs do hold the names.
    expect(partsOf(inputs[0]!)).toContain('Fiktivbarn Abysen 1');
    const text = `${partsOf(OUT)}\n${mergedRun.stdout}`;
    let scanned = 0;
    for (const m of MUNICIPALITIES) {
      const fx = fixtureOf(m.kommune, m.list);
      const nameCol = fx.headers.indexOf('Barnets navn');
      const cprCol = fx.headers.indexOf('Barnets cpr.nr.');
      for (const row of fx.rows) {
        const name = String(row[nameCol]);
        const cpr = String(row[cprCol]);
        expect(text).not.toContain(name);
        expect(text).not.toContain(cpr);
        expect(text).not.toContain(cpr.replace('-', ''));
        scanned += 1;
      }
    }
    expect(scanned).toBe(checks.reduce((n, c) => n + c.cases, 0));
    expect(text).not.toMatch(/Fiktivbarn/);
    expect(text.match(/\b\d{6}-\d{4}\b/g)).toBeNull();
  });
});

describe('printed through LibreOffice', () => {
  test('every page A4; Kommuner on landscape pages with every Kommune; Om sammenlægningen names every file', () => {
    const outDir = file('pdf');
    fs.mkdirSync(outDir);
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${outDir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        OUT,
      ],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(r.status).toBe(0);
    const pages = pdfPages(fs.readFileSync(path.join(outDir, 'samlet.pdf')));
    const A4 = [595.3, 841.9];
    for (const p of pages) {
      const dims = [p.width, p.height].sort((a, b) => a - b);
      expect(dims[0]).toBeCloseTo(A4[0]!, 0);
      expect(dims[1]).toBeCloseTo(A4[1]!, 0);
    }
    const textOf = (p: (typeof pages)[number]): string => p.lines.map((l) => l.text).join('\n');
    const kommuner = pages.filter((p) => textOf(p).includes('Alle kommuner'));
    expect(kommuner.length).toBeGreaterThan(0);
    for (const p of kommuner) {
      expect(p.width).toBeGreaterThan(p.height);
      for (const k of merged.kommuner) expect(p.lines.map((l) => l.text)).toContain(k.kommune);
    }
    const about = pages.find((p) => textOf(p).includes('Om sammenlægningen'))!;
    for (const k of merged.kommuner) expect(textOf(about)).toContain(path.basename(k.file));
    expect(textOf(pages[0]!)).toContain('Aby, Bby, Cby og Dby Kommuner');
  }, 120_000);
});

describe('--offentliggoerelse', () => {
  let json: SamlJson;
  let rows: unknown[][];
  beforeAll(async () => {
    const out = file('offentlig.xlsx');
    const r = await saml([...inputs, '--out', out, '--json', '--offentliggoerelse']);
    expect(r.status).toBe(0);
    json = JSON.parse(r.stdout) as SamlJson;
    rows = rowsOf((await loadXlsx(out)).getWorksheet('Kommuner')!);
  });

  test('merged tables under 6 cases are suppressed as check does; the others keep their counts', () => {
    for (const t of json.tables) {
      const full = merged.tables.find((x) => key(x) === key(t))!;
      expect(t.total).toBe(full.total);
      if (t.total < 6) expect([t.suppressed, t.rows]).toEqual([true, []]);
      else expect(t.rows).toEqual(full.rows);
    }
  });

  test('a Kommune cell group resting on 1–5 cases shows only "Udeladt – færre end 6 sager"', () => {
    const dby = 1 + 4 * 3; // Dby's group starts in column N
    let seen = 0;
    const byKey = kommunerRows(rows, json);
    for (const o of json.kommuner[3]!.overview) {
      const row = byKey.get(key(o))!;
      const cells = [0, 1, 2, 3].map((j) => row[dby + j] ?? null);
      if (o.relevant > 0 && o.relevant < 6) {
        expect(cells).toEqual([SUPPRESSED_TEXT, null, null, null]);
        expect([o.compliant, o.interval]).toEqual([null, null]);
        seen += 1;
      } else {
        expect(cells[0]).toBe(o.relevant);
      }
    }
    // The total group: suppressed exactly where all four together rest on 1–5 cases.
    const total = 1 + 4 * 4;
    for (const o of json.overview) {
      const first = byKey.get(key(o))![total] ?? null;
      expect(first).toBe(o.relevant > 0 && o.relevant < 6 ? SUPPRESSED_TEXT : o.relevant);
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('checked workbooks and each file’s own settings', () => {
  test('the files `check` wrote (verdict columns, result sheets) merge to the same counts', async () => {
    const checked = MUNICIPALITIES.map((m) => file(`${m.kommune}-check.xlsx`));
    const before = checked.map(sha256);
    const r = await saml([...checked, '--out', file('fra-check.xlsx'), '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SamlJson;
    expect(json.tables).toEqual(merged.tables);
    expect(json.overview).toEqual(merged.overview);
    expect(json.kommuner.map((k) => k.overview)).toEqual(merged.kommuner.map((k) => k.overview));
    expect(checked.map(sha256)).toEqual(before);
  });

  test('a file whose own Indstillinger say Offentliggørelse = Ja: its own groups are suppressed, the totals not', async () => {
    const own = file('dby-offentlig.xlsx');
    fs.writeFileSync(
      own,
      await buildFixture(fixtureOf('Dby', MUNICIPALITIES[3].list, { Offentliggørelse: 'Ja' })),
    );
    const r = await saml([inputs[0]!, own, '--out', file('dby-offentlig-samlet.xlsx'), '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SamlJson;
    const check = await runCli([
      'check',
      own,
      '--json',
      '--today',
      TODAY,
      '--out',
      file('dby-offentlig-check.xlsx'),
    ]);
    expect(json.kommuner[1]!.overview).toEqual((JSON.parse(check.stdout) as CheckJson).overview);
    expect(json.kommuner[1]!.overview.every((o) => o.compliant === null)).toBe(true);
    expect(json.tables.every((t) => t.suppressed === undefined)).toBe(true);
  });
});

describe('handled and reported', () => {
  test('the same Kommune twice: the later file is left out and named, the counts are those without it', async () => {
    const copy = file('aby-kopi.xlsx');
    fs.copyFileSync(inputs[0]!, copy);
    const r = await saml([inputs[0]!, copy, inputs[1]!, '--out', file('dublet.xlsx'), '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SamlJson;
    expect(json.kommuner.map((k) => k.file)).toEqual([inputs[0], inputs[1]]);
    const dup = json.problems.filter((p) => p.code === 'duplicate-kommune');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain(copy);
    expect(dup[0]!.message).toContain('udeladt');
    const plain = await saml([inputs[0]!, inputs[1]!, '--out', file('par.xlsx'), '--json']);
    expect(json.tables).toEqual((JSON.parse(plain.stdout) as SamlJson).tables);
    // Without --json the same line goes to stderr.
    const text = await saml([inputs[0]!, copy, inputs[1]!, '--out', file('dublet2.xlsx')]);
    expect(text.status).toBe(0);
    expect(text.stderr).toMatch(/barometer saml: ".*aby-kopi\.xlsx": Aby Kommune er allerede med/);
    expect(text.stdout).toContain(`Resultat gemt i: ${file('dublet2.xlsx')}`);
  });

  test('a file without Kommune: exit 1 naming it, nothing written', async () => {
    const none = file('uden-kommune.xlsx');
    fs.writeFileSync(none, await buildFixture(fixtureOf('', MUNICIPALITIES[2].list, { Kommune: '' })));
    const out = file('uden.xlsx');
    const r = await saml([inputs[0]!, none, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(none);
    expect(r.stderr).toContain('Kommune mangler');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an unreadable file: exit 1 naming it, nothing written', async () => {
    const bad = file('ikke-excel.xlsx');
    fs.writeFileSync(bad, 'dette er ikke en projektmappe');
    const out = file('ulaeselig.xlsx');
    for (const args of [
      [inputs[0]!, bad],
      [inputs[0]!, file('findes-ikke.xlsx')],
    ]) {
      const r = await saml([...args, '--out', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(args[1]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  test('a workbook without a case sheet: exit 2 as check, nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Noget andet').getCell('A1').value = 'Ingen sager her';
    const empty = file('uden-sager.xlsx');
    await wb.xlsx.writeFile(empty);
    const out = file('uden-sager-samlet.xlsx');
    const r = await saml([inputs[0]!, empty, '--out', out]);
    const c = await runCli(['check', empty, '--out', file('uden-sager-check.xlsx')]);
    expect(c.status).toBe(2);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(empty);
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    [['saml', 'a.xlsx', '--out', 'x.xlsx'], /mindst to/],
    [['saml', 'a.xlsx', 'b.xlsx'], /--out/],
    [['saml', 'a.xlsx', 'b.xlsx', '--out', 'x.xlsm'], /\.xlsx/],
    [['saml', 'a.xlsx', 'b.xlsx', '--out', 'x.xlsx', '--kommune', 'Aby'], /kan ikke bruges med "saml"/],
  ])('usage error %j: exit 1 in Danish', async (args, msg) => {
    const r = await runCli(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).toContain('barometer --help');
  });

  test('--out on one of the inputs is refused before any work; the input stays as it was', async () => {
    const r = await saml([inputs[0]!, inputs[1]!, '--out', inputs[1]!]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('input-fil');
    expect(sha256(inputs[1]!)).toBe(hashes.get(inputs[1]!));
  });
});
