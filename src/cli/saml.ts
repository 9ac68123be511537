import { toJson, type ReportJson } from '../domain/json';
import { mergeReports, type MergeResult } from '../domain/merge';
import { planMerge } from '../domain/mergePlan';
import { formatCount, formatPercent, sager } from '../domain/numbers';
import { redactCpr } from '../domain/redact';
import { getRuleSet } from '../domain/rules';
import type { Day, Report } from '../domain/types';
import { ExcelJsWorkbook } from '../workbook/exceljs';
import { UserError } from '../workbook/port';
import type { Command } from './args';
import { checkedCaseFile } from './caseFile';
import { outputTarget, sameFile, writeAtomic } from './files';
import type { Io } from './stdio';

/**
 * `barometer saml` (issue 12 item 3): reads every input as `check` reads it (read-only), checks it
 * in memory with its own Indstillinger, merges the counts (domain/merge.ts) and writes a new
 * workbook of counts only. Every input is read and checked before anything is written, so an
 * unreadable file or a missing case sheet leaves no output behind.
 */

const WORDING = { label: 'Sammenlægningen', hint: 'vælg en anden sti med --out' };

/** One input read and checked as `check` does, with its own Indstillinger (no overrides). */
async function checkedReport(file: string, today: Day): Promise<Report> {
  const { report } = await checkedCaseFile(file, today);
  // Decision: a file without Kommune is refused, not named after the file: the Kommuner sheet and
  // the check for the same Kommune twice need the municipality's own name (bilag 2 lists kommuner).
  if (report.settings.kommune === null) {
    throw new UserError(
      `"${file}": Kommune mangler i arket "Indstillinger" – skriv kommunens navn ud for "Kommune", så filen kan lægges sammen med de andre (intet er gemt).`,
    );
  }
  return report;
}

/** The JSON of `saml --json`: check's own mapping (json.ts) for tables and overviews. */
export interface SamlJson {
  readonly kommuner: readonly {
    readonly kommune: string;
    readonly file: string;
    readonly cases: number;
    readonly rulesets: readonly string[];
    readonly overview: ReportJson['overview'];
  }[];
  readonly ruleset: string;
  readonly rulesets: readonly string[];
  readonly cases: number;
  readonly tables: ReportJson['tables'];
  readonly overview: ReportJson['overview'];
  readonly problems: readonly {
    readonly file: string;
    readonly kommune: string | null;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
  }[];
}

export function samlJson(merge: MergeResult): SamlJson {
  const first = merge.members[0]?.report;
  if (first === undefined) throw new RangeError('no members');
  // toJson on the member's own report with only the counts swapped in: the shape stays check's.
  const counts = (r: Report, over: Partial<Report>): ReportJson =>
    toJson({ ...r, cases: [], problems: [], ...over });
  const all = counts(first, { tables: merge.tables, overview: merge.overview });
  return {
    kommuner: merge.members.map((m) => ({
      kommune: m.kommune,
      file: m.file,
      cases: m.cases,
      rulesets: m.rulesets,
      overview: counts(m.report, { tables: [], overview: m.overview }).overview,
    })),
    ruleset: merge.ruleset,
    rulesets: merge.rulesets,
    cases: merge.cases,
    tables: all.tables,
    overview: all.overview,
    problems: merge.problems.map((p) => ({
      file: p.file,
      kommune: p.kommune,
      severity: p.severity,
      code: p.code,
      message: redactCpr(p.message),
    })),
  };
}

const pct = (x: number | null): string => (x === null ? '–' : formatPercent(Math.round(x * 100)));

function summary(merge: MergeResult, out: string): string {
  const lines = [
    `Børnesagsbarometer – sammenlægning af ${formatCount(merge.members.length)} kommuner: ${sager(merge.cases)} (${merge.rulesets.join(' og ')})`,
    '',
    ...merge.members.map((m) => `  ${m.kommune} Kommune (${m.file}): ${sager(m.cases)}`),
    '',
    ...merge.rulesets.flatMap((id) => [
      ...(merge.rulesets.length > 1 ? [getRuleSet(id).partHeading] : []),
      ...merge.overview
        .filter((o) => o.ruleset === id)
        .map(
          (o) => `  ${o.columnHeader}: ${pct(o.compliant)} overholdt (${formatCount(o.relevant)} relevante)`,
        ),
    ]),
    '',
    `Resultat gemt i: ${out}`,
  ];
  return lines.join('\n');
}

export async function saml(cmd: Extract<Command, { verb: 'saml' }>, io: Io, today: Day): Promise<number> {
  for (const input of cmd.inputs) {
    if (await sameFile(input, cmd.out)) {
      throw new UserError(
        `--out må ikke pege på input-filen "${input}" – input-filerne ændres aldrig; vælg et andet navn.`,
      );
    }
  }
  await outputTarget(cmd.out, WORDING);
  const reports: { file: string; report: Report }[] = [];
  for (const file of cmd.inputs) reports.push({ file, report: await checkedReport(file, today) });
  const merge = mergeReports(reports, { today, offentliggoerelse: cmd.offentliggoerelse });
  const wb = ExcelJsWorkbook.empty();
  wb.buildSheets(planMerge(merge));
  await writeAtomic(cmd.out, await wb.toBuffer(), { wording: WORDING });
  if (cmd.json) {
    io.out(JSON.stringify(samlJson(merge)));
  } else {
    for (const p of merge.problems) io.err(`barometer saml: ${redactCpr(p.message)}`);
    io.out(summary(merge, cmd.out));
  }
  return 0;
}
