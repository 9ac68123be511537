/**
 * Benchmark (npm run bench): a fictitious 100,000-case workbook with every column filled.
 *   (a) the core alone: evaluate (readCases + rules + tables) on the snapshot, in cases/s;
 *   (b) `barometer check` end to end vs a bare ExcelJS read + write of the same file, each in its
 *       own child process, as wall-time and peak-memory (max RSS) ratios.
 * Goals: core ≥ 1,000,000 cases/s; check ≤ 1.3× bare time and ≤ 1.5× bare memory.
 * Env: BENCH_CASES (default 100000), BENCH_RUNS (child runs per side, default 1), BENCH_CORE_ITER (default 7).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { COLUMNS } from '../src/domain/columns';
import { dayFromYmd, formatDay } from '../src/domain/days';
import type { ColumnId, Day } from '../src/domain/types';
import { ExcelJsWorkbook } from '../src/workbook/exceljs';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CORE_ITER = Number(process.env.BENCH_CORE_ITER ?? 7);
const TODAY = dayFromYmd(2026, 11, 23);

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
  };
}

export async function generate(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('Sagsoversigt');
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'dd-mm-yyyy' };
  const dtStyle: Partial<ExcelJS.Style> = { numFmt: 'dd-mm-yyyy hh:mm' };
  ws.addRow(COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < CASES; i += 1) {
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
    ['Antal sager', CASES],
    ['Højst antal anbringelser', Math.ceil(CASES / 2)],
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

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const input = path.join(OUT, `bench-${CASES}.xlsx`);
  if (!fs.existsSync(input)) {
    process.stdout.write(`Genererer ${CASES} fiktive sager → ${path.relative(ROOT, input)} …\n`);
    await generate(input);
  }
  process.stdout.write(
    `Input: ${path.relative(ROOT, input)} (${(fs.statSync(input).size / 1e6).toFixed(1)} MB)\n\n`,
  );

  // (a) the core alone
  const { evaluate } = await import('../src/domain/evaluate');
  const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(input));
  const snapshot = await wb.readSnapshot();
  const rates: number[] = [];
  let cases = 0;
  for (let k = 0; k < CORE_ITER; k += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = process.hrtime.bigint();
    const r = evaluate(snapshot, { today: TODAY });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!r.ok) throw new Error(r.error.message);
    cases = r.report.cases.length;
    rates.push(cases / s);
  }
  const best = Math.max(...rates);
  process.stdout.write('(a) Kernen alene: evaluate (readCases + regler + tabeller) på snapshot\n');
  process.stdout.write(
    `    ${cases} sager × ${CORE_ITER} gentagelser: bedst ${Math.round(best).toLocaleString('da-DK')} sager/s, median ${Math.round(median(rates)).toLocaleString('da-DK')} sager/s  (mål ≥ 1.000.000: ${best >= 1e6 ? 'OK' : 'IKKE NÅET'})\n\n`,
  );

  // (b) end to end vs bare ExcelJS, each in its own process
  const bareOut = path.join(OUT, 'bare-out.xlsx');
  const checkOut = path.join(OUT, 'check-out.xlsx');
  const bare: ChildResult[] = [];
  const check: ChildResult[] = [];
  const hasLib = fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));
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
      ]),
    );
  }
  const bt = median(bare.map((r) => r.seconds));
  const ct = median(check.map((r) => r.seconds));
  const bm = median(bare.map((r) => r.maxRssMb));
  const cm = median(check.map((r) => r.maxRssMb));
  const row = (a: string, b: string, c: string, d: string): string =>
    `    ${a.padEnd(34)}${b.padStart(12)}${c.padStart(14)}${d.padStart(8)}\n`;
  process.stdout.write(
    `(b) Ende til ende, ${RUNS} kørsel(er) hver, median${hasLib ? ' (lib/)' : ' (ts-node: kør npm run build:cli først)'}\n`,
  );
  process.stdout.write(row('', 'tid (s)', 'maks. RSS (MB)', 'exit'));
  process.stdout.write(
    row('ExcelJS læs + skriv (bare.js)', bt.toFixed(2), bm.toFixed(0), String(bare[0]?.status)),
  );
  process.stdout.write(row('barometer check --json', ct.toFixed(2), cm.toFixed(0), String(check[0]?.status)));
  process.stdout.write(row('forhold check/bare', `${(ct / bt).toFixed(2)}×`, `${(cm / bm).toFixed(2)}×`, ''));
  process.stdout.write(
    `    mål: tid ≤ 1,3× (${ct / bt <= 1.3 ? 'OK' : 'IKKE NÅET'}), hukommelse ≤ 1,5× (${cm / bm <= 1.5 ? 'OK' : 'IKKE NÅET'})\n`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
