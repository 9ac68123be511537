import * as path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { dayFromYmd } from '../domain/days';
import { evaluate } from '../domain/evaluate';
import { toJson } from '../domain/json';
import { periodText } from '../domain/egenkontrol';
import { countOf, formatCount, formatPercent, sager } from '../domain/numbers';
import { planWrite } from '../domain/plan';
import { changePoints } from '../domain/previous';
import { redactCpr } from '../domain/redact';
import { templatePlan } from '../domain/template';
import type { Day, OverviewRow, Report, Settings } from '../domain/types';
import { ExcelJsWorkbook } from '../workbook/exceljs';
import { XlsxPackageWorkbook } from '../workbook/xlsxpackage';
import { assertXlsxSignature, isMacroEnabled } from '../workbook/fileErrors';
import { UserError } from '../workbook/port';
import { parseArgs, USAGE, type Command } from './args';
import { forsider } from './forsider';
import { saml } from './saml';
import {
  copyFile,
  defaultOutPath,
  makeTempDir,
  outputTarget,
  readInputFile,
  sameFile,
  writeAtomic,
} from './files';
import { named, withName } from './caseFile';
import { readPrevious } from './previousFile';
import { processStdio, type Io } from './stdio';
import { nodeZipCodec } from './zipCodec';

export type { Io } from './stdio';

/** The bundled fictitious example (same relative place from src/cli and lib/cli). */
export const EXAMPLE_PATH = path.join(__dirname, '..', '..', 'examples', 'eksempel.xlsx');

/** Today's date in Europe/Copenhagen: the only place the CLI reads the clock. */
export function todayInCopenhagen(now: Date = new Date()): Day {
  const t = new TZDate(now.getTime(), 'Europe/Copenhagen');
  return dayFromYmd(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

const pct = (x: number | null): string => (x === null ? '–' : formatPercent(Math.round(x * 100)));
/** A change in percentage points with its sign and one decimal, Danish: "-20,0", "+11,8". */
const points = (x: number | null): string =>
  x === null
    ? '–'
    : `${x > 0 ? '+' : ''}${x.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;

/** A compact Danish summary of the overview, one line per question. */
export function summaryText(report: Report, outPath: string): string {
  const rows: OverviewRow[] = [...report.overview];
  // With --forrige (issue 12) the earlier figure and the change follow, as in Overblik.
  const trend = rows.some((o) => o.previous !== undefined);
  const head = ['Spørgsmål', 'Relevante', 'Ja', 'Nej, men', 'Nej', 'Overholdt'];
  if (trend) head.push('Sidst', 'Ændring');
  const body = rows.map((o) => [
    o.columnHeader,
    formatCount(o.relevant),
    formatCount(o.ja),
    formatCount(o.nejMen),
    formatCount(o.nej),
    pct(o.compliant),
    ...(trend ? [pct(o.previous?.compliant ?? null), points(changePoints(o))] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  const count = (sev: string): number => report.problems.filter((p) => p.severity === sev).length;
  const kommune = report.settings.kommune ? `${report.settings.kommune} Kommune` : 'Kommune ikke angivet';
  return [
    `Børnesagsbarometer (${report.ruleset}) – ${kommune}: ${sager(report.cases.length)}`,
    ...(report.settings.formaal === 'egenkontrol'
      ? [
          `Formål: Egenkontrol, afgørelser ${periodText(report.settings) || 'uden angivet periode'}; Overblik pr. kvartal i resultatet.`,
        ]
      : []),
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    `Problemer: ${formatCount(report.problems.length)} (${countOf(count('error'), 'fejl', 'fejl')}, ${countOf(count('warning'), 'advarsel', 'advarsler')}, ${formatCount(count('missing'))} mangler oplysninger)`,
    `Resultat gemt i: ${outPath}`,
  ].join('\n');
}

/**
 * Decision: an output name whose extension does not match the workbook's content is refused, not
 * renamed: Excel refuses to open an .xlsx holding a macro-enabled workbook (and an .xlsm without
 * one), and a silently different name would break the scripts that asked for this one.
 */
function assertExtensionFits(out: string, macroEnabled: boolean, displayName: string): void {
  const ext = /\.(xlsx|xlsm)$/i.exec(out)?.[1]?.toLowerCase();
  if (ext === 'xlsx' && macroEnabled) {
    throw new UserError(
      `"${displayName}" indeholder makroer (.xlsm), så resultatet skal også hedde .xlsm – Excel åbner ikke en .xlsx med makroer; brug fx --out ${JSON.stringify(out.replace(/\.xlsx$/i, '.xlsm'))}.`,
    );
  }
  if (ext === 'xlsm' && !macroEnabled) {
    throw new UserError(
      `"${displayName}" har ingen makroer (.xlsx), så resultatet skal også hedde .xlsx – Excel åbner ikke en .xlsm uden makroer; brug fx --out ${JSON.stringify(out.replace(/\.xlsm$/i, '.xlsx'))}.`,
    );
  }
}

async function check(
  cmd: Extract<Command, { verb: 'check' }>,
  io: Io,
  displayName: string = cmd.input,
): Promise<number> {
  // An --out that cannot be written (a folder, /dev/null, the input itself) is refused before the work.
  const refuseOut = async (out: string): Promise<void> => {
    if (await sameFile(cmd.input, out)) {
      throw new UserError(
        `--out må ikke pege på input-filen "${cmd.input}" – input-filen ændres aldrig; vælg et andet navn.`,
      );
    }
    await outputTarget(out);
  };
  if (cmd.out !== null) await refuseOut(cmd.out);
  const input = await readInputFile(cmd.input);
  const bytes = input.bytes;
  try {
    assertXlsxSignature(bytes);
  } catch (e) {
    throw named(displayName, e);
  }
  const macroEnabled = isMacroEnabled(bytes);
  if (cmd.out !== null) assertExtensionFits(cmd.out, macroEnabled, displayName);
  const outPath = cmd.out ?? defaultOutPath(cmd.input, macroEnabled);
  if (cmd.out === null) await refuseOut(outPath);
  // The earlier result is read before anything is written, and never replaced by this run's result.
  if (cmd.forrige !== null && (await sameFile(cmd.forrige, outPath))) {
    throw new UserError(
      `--forrige "${cmd.forrige}" er den fil, resultatet skal gemmes i – det tidligere resultat ændres aldrig; angiv et andet navn med --out, eller flyt det tidligere resultat.`,
    );
  }
  const today = cmd.today ?? todayInCopenhagen();
  const previous = cmd.forrige === null ? null : await readPrevious(cmd.forrige, today);
  // Decision: the CLI edits the package in place (XlsxPackageWorkbook) rather than through
  // ExcelJS's model, so every part it does not write (charts, pivot tables, images, comments,
  // other sheets, macros) reaches the output byte for byte, and a 100,000-case file is not re-serialised.
  let wb: XlsxPackageWorkbook;
  try {
    wb = XlsxPackageWorkbook.fromBuffer(bytes, nodeZipCodec);
  } catch (e) {
    throw named(displayName, e);
  }
  // Damaged sheets and Excel's limits are found while reading and writing: name the file there too.
  const snapshot = await withName(displayName, () => wb.readSnapshot());
  const overrides: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  if (cmd.kommune !== null) overrides.kommune = cmd.kommune;
  if (cmd.opgoerelsesdato !== null) overrides.opgoerelsesdato = cmd.opgoerelsesdato;
  if (cmd.offentliggoerelse) overrides.offentliggoerelse = true;
  if (cmd.formaal != null) overrides.formaal = cmd.formaal;
  if (cmd.periodeFra != null) overrides.periodeFra = cmd.periodeFra;
  if (cmd.periodeTil != null) overrides.periodeTil = cmd.periodeTil;
  const result = evaluate(snapshot, {
    today,
    overrides,
    previous,
    ...(cmd.ruleset === null ? {} : { ruleset: cmd.ruleset }),
  });
  if (!result.ok) {
    throw new UserError(`"${displayName}": ${result.error.message}`, 2);
  }
  const plan = planWrite(result.report, snapshot);
  const report: Report =
    plan.problems && plan.problems.length > 0
      ? { ...result.report, problems: [...result.report.problems, ...plan.problems] }
      : result.report;
  await withName(displayName, () => wb.apply(plan));
  await writeAtomic(outPath, await wb.toBuffer(), { mode: input.mode });
  if (cmd.json) {
    const json = toJson(report);
    // The last guard (spec §2.5): no problem message leaves with anything of CPR shape.
    io.out(
      JSON.stringify({
        ...json,
        problems: json.problems.map((p) => ({ ...p, message: redactCpr(p.message) })),
      }),
    );
  } else {
    io.out(summaryText(report, outPath));
  }
  return 0;
}

const TEMPLATE_WORDING = { label: 'Skabelonen', hint: 'vælg et andet filnavn' };

async function template(cmd: Extract<Command, { verb: 'template' }>, io: Io): Promise<number> {
  const target = await outputTarget(cmd.out, TEMPLATE_WORDING);
  // Decision: a file that exists is most likely a filled-in case list; it is replaced only on request.
  if (target.existing !== null && !cmd.force) {
    throw new UserError(
      `Filen "${cmd.out}" findes allerede – vælg et andet navn, eller tilføj --force for at erstatte den med en tom skabelon.`,
    );
  }
  const wb = ExcelJsWorkbook.empty();
  wb.buildSheets(templatePlan(todayInCopenhagen()));
  await writeAtomic(cmd.out, await wb.toBuffer(), { wording: TEMPLATE_WORDING });
  io.out(`Skabelon gemt i: ${cmd.out}`);
  return 0;
}

async function demo(cmd: Extract<Command, { verb: 'demo' }>, io: Io): Promise<number> {
  // Decision: the demo works on a copy in a fresh temp folder so the repository stays clean.
  const dir = await makeTempDir('barometer-demo-');
  const input = path.join(dir, 'eksempel.xlsx');
  try {
    await copyFile(EXAMPLE_PATH, input);
  } catch (e) {
    throw new UserError(
      'Eksempelfilen examples/eksempel.xlsx mangler i installationen – kør "npm run fixtures".',
      1,
      {
        cause: e,
      },
    );
  }
  return check(
    {
      verb: 'check',
      input,
      out: null,
      json: cmd.json,
      kommune: null,
      opgoerelsesdato: null,
      ruleset: null,
      forrige: null,
      offentliggoerelse: false,
      today: cmd.today,
    },
    io,
  );
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const cmd = parseArgs(argv);
  switch (cmd.verb) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'check':
      return await check(cmd, io);
    case 'saml':
      return await saml(cmd, io, cmd.today ?? todayInCopenhagen());
    case 'template':
      return await template(cmd, io);
    case 'demo':
      return await demo(cmd, io);
    case 'forsider':
      return await forsider(cmd, io, todayInCopenhagen);
  }
}

/** Runs the CLI and returns the exit status; never throws, never prints a stack trace. */
export async function main(argv: readonly string[], io: Io = processStdio()): Promise<number> {
  try {
    const code = await run(argv, io);
    await io.flush?.();
    return code;
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`barometer: ${redactCpr(e.message.replace(/\s*\n\s*/g, ' '))}`);
      return e.exitCode;
    }
    io.err(
      'barometer: Uventet fejl under kørslen – prøv igen; fortsætter fejlen, så send kommandoen og fejlkoden til support' +
        ` (${e instanceof Error ? e.name : 'ukendt'}).`,
    );
    if (process.env.BAROMETER_DEBUG) io.err(String(e instanceof Error ? e.stack : e));
    return 1;
  }
}
