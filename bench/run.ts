/**
 * Benchmark (npm run bench): fictitious workbooks of 10,000 and 100,000 cases, every column filled.
 *   (a) the rule core: the 14 questions of SEL-2023 plus the tables, on parsed case records, in
 *       cases/s; and the whole pure pipeline (evaluate: parsing every cell, selection checks,
 *       rules, corrections, tables, memo, problems) on the snapshot, in cases/s;
 *   (b) `barometer check` end to end vs a bare ExcelJS read + write of the same file, each in its
 *       own child process, as wall-time and peak-memory (max RSS) ratios.
 * Goals: rule core ≥ 1,000,000 cases/s; check ≤ 0.6× bare time and ≤ 0.7× bare memory (issue 10 item 9).
 * Env: BENCH_SIZES (default "10000,100000"), BENCH_RUNS (child runs per side, default 1),
 * BENCH_CORE_ITER (default 10), BENCH_FORMAAL=egenkontrol (issue 12 item 6: the same workbooks under
 * Formål Egenkontrol for the period of their decisions, 2021, with Overblik pr. kvartal; e.g.
 * `BENCH_FORMAAL=egenkontrol BENCH_SIZES=20000 npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { COLUMNS } from '../src/domain/columns';
import { dayFromYmd, formatDay } from '../src/domain/days';
import type { ColumnId, Day } from '../src/domain/types';
import { nodeZipCodec } from '../src/cli/zipCodec';
import { XlsxPackageWorkbook } from '../src/workbook/xlsxpackage';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const SIZES = (process.env.BENCH_SIZES ?? process.env.BENCH_CASES ?? '10000,100000')
  .split(',')
  .map((x) => Number(x.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CORE_ITER = Number(process.env.BENCH_CORE_ITER ?? 10);
const TODAY = dayFromYmd(2026, 11, 23);
/** Egenkontrol: the period of the generated decisions (04-01-2021 + 0…359 days), as settings and as CLI flags. */
const EGEN = process.env.BENCH_FORMAAL === 'egenkontrol';
const EGEN_OVERRIDES = EGEN
  ? {
      formaal: 'egenkontrol' as const,
      periodeFra: dayFromYmd(2021, 1, 1),
      periodeTil: dayFromYmd(2021, 12, 31),
    }
  : {};
const EGEN_FLAGS = EGEN
  ? ['--formaal', 'egenkontrol', '--periode-fra', '01-01-2021', '--periode-til', '31-12-2021']
  : [];
/** check's goals relative to a bare ExcelJS read + write of the same file (issue 10 item 9). */
const TIME_GOAL = 0.6;
const MEMORY_GOAL = 0.7;

const MEASURES = [
  'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
  'Anbringelse (tvangsmæssig) § 58, stk. 1',
  'Familiebehandling § 52, stk. 3, nr. 3',
  'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2',
  'Kontaktperson § 52, stk. 3, nr. 6',
];
const BFU = ['Ny undersøgelse', 'Opdatering', 'Ingen', 'Ny undersøgelse', 'Ikke relevant'];
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** One fictitious case with every column filled; varied so every rule path is exercised. */
function caseRow(i: number): Record<ColumnId, string | number | Date> {
  const afg: Day = dayFromYmd(2021, 1, 4) + (i % 360);
  const birth = dayFromYmd(2005, 1, 1) + (i % 4000);
  const b = formatDay(birth).split('-');
  const cpr = `${b[0]}${b[1]}${(b[2] as string).slice(2)}-4${pad(Math.floor(i / 4000) % 1000, 3)}`;
  const eff = afg + 7 + (i % 30);
  const serial = (d: Day): number => d;
  return {
    sagsnr: i + 1,
    foranstaltning: MEASURES[i % MEASURES.length] as string,
    navn: `Testbarn ${i + 1}`,
    cpr,
    afgoerelsesdato: serial(afg),
    anket: 'Nej',
    ast_behandlet: 'Nej',
    familie: `F${i}`,
    dom_ukn: 'Nej',
    bfu: BFU[i % BFU.length] as string,
    bfu_grund: 'Undersøgt i anden sag',
    opmaerksom: serial(afg - 90 - (i % 60)),
    bfu_afsluttet: serial(afg - 10 + (i % 25)),
    bfu_foreloebig: i % 3 === 0 ? 'Foreløbig vurdering dokumenteret' : '',
    akut: i % 7 === 0 ? 'Ja' : 'Nej',
    stillingtagen: i % 9 === 0 ? 'Nej' : 'Ja',
    samtale_bfu: ['Ja', 'Nej', 'Ikke relevant'][i % 3] as string,
    foraeldre: i % 11 === 0 ? 'Nej' : 'Ja',
    boernesamtale: serial(afg - 5 + (i % 9)),
    boernesamtale_undtagelse: i % 13 === 0 ? 'Barnet ønskede ikke samtale' : 'Modenhed eller sagens karakter',
    effektueret: i % 17 === 0 ? 'Ikke effektueret' : serial(eff),
    ophoert: serial(eff + 200),
    kontakt: serial(eff + (i % 120)),
    kontakt_grund: 'Barnet var indlagt',
    handleplan: serial(afg + (i % 40) - 10),
    handleplan_grund: 'Over 18 år',
    handleplan_indsats: i % 5 === 0 ? 'Nej' : 'Ja',
    opfoelgning: serial(eff + (i % 100)),
    underretning: serial(afg + 30) + (i % 24) / 24,
    vurdering_24t: serial(afg + 30) + (i % 24) / 24 + (i % 36) / 24,
    genvurdering: ['Ja', 'Vurdering fremgår ikke', 'Ikke foretaget'][i % 3] as string,
    synspunkter: i % 4 === 0 ? 'Nej' : 'Ja',
    plan_stillingtagen: i % 6 === 0 ? 'Plan ikke nødvendig' : 'Plan udarbejdes',
  };
}

export async function generate(file: string, cases: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('Sagsoversigt');
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'dd-mm-yyyy' };
  const dtStyle: Partial<ExcelJS.Style> = { numFmt: 'dd-mm-yyyy hh:mm' };
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < cases; i += 1) {
    const data = caseRow(i);
    const row = ws.addRow(COLUMNS.map((c) => data[c.id]));
    COLUMNS.forEach((c, j) => {
      if (typeof data[c.id] !== 'number' || c.id === 'sagsnr') return;
      row.getCell(j + 1).style = c.type === 'datetime' ? dtStyle : dateStyle;
    });
    row.commit();
  }
  ws.commit();
  const settings = wb.addWorksheet('Indstillinger');
  for (const r of [
    ['Kommune', 'Benchby'],
    ['Undersøgelsesår', 2023],
    ['Antal sager', cases],
    ['Højst antal anbringelser', Math.ceil(cases / 2)],
  ]) {
    settings.addRow(r).commit();
  }
  settings.commit();
  await wb.commit();
}

interface ChildResult {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly status: number | null;
}

/** Runs a node child under /usr/bin/time -v (max RSS) and times it from here (wall clock). */
function runChild(args: readonly string[]): ChildResult {
  const useTime = fs.existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, ...args] : [...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0)
    process.stderr.write(`${args.join(' ')} → status ${r.status}\n${(r.stderr ?? '').slice(0, 2000)}\n`);
  return { seconds, maxRssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

interface SizeResult {
  readonly cases: number;
  readonly ruleRate: number;
  readonly fullRate: number;
  readonly bare: ChildResult;
  readonly check: ChildResult;
}

const rate = (n: number): string => `${Math.round(n).toLocaleString('da-DK')} sager/s`;

async function benchSize(cases: number): Promise<SizeResult> {
  fs.mkdirSync(OUT, { recursive: true });
  const input = path.join(OUT, `bench-${cases}.xlsx`);
  if (!fs.existsSync(input)) {
    process.stdout.write(`Genererer ${cases} fiktive sager → ${path.relative(ROOT, input)} …\n`);
    await generate(input, cases);
  }
  process.stdout.write(
    `\n== ${cases.toLocaleString('da-DK')} sager${EGEN ? ' (Formål Egenkontrol, 2021)' : ''}: ${path.relative(ROOT, input)} (${(fs.statSync(input).size / 1e6).toFixed(1)} MB)\n`,
  );

  // (a) the core, on a snapshot read once (the package adapter keeps the heap small).
  const { evaluate, evaluateRecords } = await import('../src/domain/evaluate');
  const { readCases } = await import('../src/domain/records');
  const { readSettings } = await import('../src/domain/settings');
  const { getRuleSet } = await import('../src/domain/rules');
  const { countAnswers, tablesFromCounts } = await import('../src/domain/tables');
  const snapshot = await XlsxPackageWorkbook.fromBuffer(
    new Uint8Array(fs.readFileSync(input)),
    nodeZipCodec,
  ).readSnapshot();
  const parsed = readCases(snapshot);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const settings = readSettings(snapshot, {}, TODAY).settings;
  const ruleSet = getRuleSet();
  const gc = (globalThis as { gc?: () => void }).gc;
  const ruleRates: number[] = [];
  const fullRates: number[] = [];
  const fullMs: number[] = [];
  // Each figure in its own loop, so one measurement never pays for the other's garbage.
  for (let k = 0; k < CORE_ITER; k += 1) {
    gc?.();
    const t0 = process.hrtime.bigint();
    const ids = ruleSet.questions.map((q) => q.id);
    const verdicts = evaluateRecords(parsed.records, settings, TODAY, ruleSet).map((vs) => ({
      verdicts: Object.fromEntries(vs.map((v, j) => [ids[j] as string, v])),
    }));
    tablesFromCounts(ruleSet.questions, countAnswers(ruleSet.questions, verdicts), settings, TODAY);
    ruleRates.push(parsed.records.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  for (let k = 0; k < CORE_ITER; k += 1) {
    gc?.();
    const t0 = process.hrtime.bigint();
    const r = evaluate(snapshot, { today: TODAY, overrides: EGEN_OVERRIDES });
    if (!r.ok) throw new Error(r.error.message);
    if (EGEN && (r.report.quarters ?? []).length === 0) throw new Error('Egenkontrol gave no quarters');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    fullMs.push(ms);
    fullRates.push(r.report.cases.length / (ms / 1000));
  }
  const ruleRate = Math.max(...ruleRates);
  const fullRate = Math.max(...fullRates);
  process.stdout.write(
    `(a) Regelkernen (14 spørgsmål + tabeller på læste sager): bedst ${rate(ruleRate)}, median ${rate(median(ruleRates))}\n` +
      `    Hele den rene kæde (evaluate: læs celler, udvælgelse, regler, tabeller, notat, problemer): bedst ${rate(fullRate)}, median ${rate(median(fullRates))}, median ${median(fullMs).toFixed(2)} ms pr. kørsel  (mål ≥ 50.000 sager/s, 17 sager < 5 ms: ${median(fullRates) >= 50_000 || (cases <= 17 && median(fullMs) < 5) ? 'OK' : 'IKKE NÅET'})\n`,
  );

  // (b) end to end vs bare ExcelJS, each in its own process
  const bareOut = path.join(OUT, `bare-out-${cases}.xlsx`);
  const checkOut = path.join(OUT, `check-out-${cases}.xlsx`);
  const bare: ChildResult[] = [];
  const check: ChildResult[] = [];
  for (let k = 0; k < RUNS; k += 1) {
    bare.push(runChild([path.join(__dirname, 'bare.js'), input, bareOut]));
    check.push(
      runChild([
        path.join(ROOT, 'bin', 'barometer.js'),
        'check',
        input,
        '--out',
        checkOut,
        '--json',
        '--today',
        formatDay(TODAY),
        ...EGEN_FLAGS,
      ]),
    );
  }
  const pick = (xs: ChildResult[]): ChildResult => ({
    seconds: median(xs.map((r) => r.seconds)),
    maxRssMb: median(xs.map((r) => r.maxRssMb)),
    status: xs[0]?.status ?? null,
  });
  const b = pick(bare);
  const c = pick(check);
  const row = (a: string, x: string, y: string, z: string): string =>
    `    ${a.padEnd(34)}${x.padStart(12)}${y.padStart(16)}${z.padStart(8)}\n`;
  process.stdout.write(`(b) Ende til ende, ${RUNS} kørsel(er) hver, median\n`);
  process.stdout.write(row('', 'tid (s)', 'maks. RSS (MB)', 'exit'));
  process.stdout.write(
    row('ExcelJS læs + skriv (bare.js)', b.seconds.toFixed(2), b.maxRssMb.toFixed(0), String(b.status)),
  );
  process.stdout.write(
    row('barometer check --json', c.seconds.toFixed(2), c.maxRssMb.toFixed(0), String(c.status)),
  );
  process.stdout.write(
    row(
      'forhold check/bare',
      `${(c.seconds / b.seconds).toFixed(2)}×`,
      `${(c.maxRssMb / b.maxRssMb).toFixed(2)}×`,
      '',
    ),
  );
  process.stdout.write(
    `    mål: tid ≤ ${TIME_GOAL.toLocaleString('da-DK')}× (${c.seconds / b.seconds <= TIME_GOAL ? 'OK' : 'IKKE NÅET'}), hukommelse ≤ ${MEMORY_GOAL.toLocaleString('da-DK')}× (${c.maxRssMb / b.maxRssMb <= MEMORY_GOAL ? 'OK' : 'IKKE NÅET'})\n`,
  );
  if (c.status !== 0 || b.status !== 0) throw new Error('a benchmark child failed');
  return { cases, ruleRate, fullRate, bare: b, check: c };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    throw new Error('lib/ mangler: kør "npm run build:cli" først (npm run bench gør det).');
  }
  const results: SizeResult[] = [];
  for (const n of SIZES) results.push(await benchSize(n));
  process.stdout.write('\n== Vækst\n');
  process.stdout.write(
    `    ${'sager'.padStart(9)}${'regelkerne'.padStart(20)}${'evaluate'.padStart(18)}${'check (s)'.padStart(11)}${'bare (s)'.padStart(10)}${'tid ×'.padStart(8)}${'RSS ×'.padStart(8)}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `    ${r.cases.toLocaleString('da-DK').padStart(9)}${rate(r.ruleRate).padStart(20)}${rate(r.fullRate).padStart(18)}${r.check.seconds.toFixed(2).padStart(11)}${r.bare.seconds.toFixed(2).padStart(10)}${`${(r.check.seconds / r.bare.seconds).toFixed(2)}×`.padStart(8)}${`${(r.check.maxRssMb / r.bare.maxRssMb).toFixed(2)}×`.padStart(8)}\n`,
    );
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
