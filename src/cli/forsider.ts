import * as path from 'node:path';
import { FRONT_SHEETS_NOTICE, frontSheetsPlan } from '../domain/frontSheets';
import { redactCpr } from '../domain/redact';
import type { Day } from '../domain/types';
import { ExcelJsWorkbook } from '../workbook/exceljs';
import { UserError } from '../workbook/port';
import type { Command } from './args';
import { checkedCaseFile } from './caseFile';
import { outputTarget, sameFile, writeAtomic } from './files';
import type { Io } from './stdio';

/**
 * `barometer forsider`: the front sheets (Bilag 2, seed 001) of a case list as a NEW workbook,
 * one A4 sheet per case. The input is read as `check` reads it and never changed; the output is
 * never the check's result file, since it carries the children's names and CPR numbers on purpose.
 */

const WORDING = { label: 'Sagsforsiderne', hint: 'vælg en anden sti med --out' };

/** `<in>-sagsforsider.xlsx` beside the input (a trailing .xlsx/.xlsm is replaced). */
export function defaultFrontSheetsPath(input: string): string {
  const base = path.basename(input).replace(/\.xls[xm]$/i, '');
  return path.join(path.dirname(input), `${base}-sagsforsider.xlsx`);
}

/** Decision: the file holds CPR numbers, so it is readable by its owner only (GDPR art. 32, security of processing). */
export const FRONT_SHEETS_MODE_MASK = 0o600;

export async function forsider(
  cmd: Extract<Command, { verb: 'forsider' }>,
  io: Io,
  todayFallback: () => Day,
): Promise<number> {
  const out = cmd.out ?? defaultFrontSheetsPath(cmd.input);
  if (await sameFile(cmd.input, out)) {
    throw new UserError(
      `--out må ikke pege på input-filen "${cmd.input}" – input-filen ændres aldrig; vælg et andet navn.`,
    );
  }
  if (!/\.xlsx$/i.test(out)) {
    throw new UserError(
      `Sagsforsiderne gemmes som .xlsx – giv --out et navn, der ender på .xlsx (fik "${out}").`,
    );
  }
  const target = await outputTarget(out, WORDING);
  // Decision: as for the template, a file that exists is replaced only on request.
  if (target.existing !== null && !cmd.force) {
    throw new UserError(
      `Filen "${out}" findes allerede – vælg et andet navn med --out, eller tilføj --force for at erstatte den.`,
    );
  }
  const { report, mode } = await checkedCaseFile(cmd.input, cmd.today ?? todayFallback());
  const plan = frontSheetsPlan(report);
  if (plan.sheets.length === 0) {
    throw new UserError(
      `"${cmd.input}": arket "${report.caseSheet.name}" har ingen sager – der er intet at lave forsider til.`,
      2,
    );
  }
  const wb = ExcelJsWorkbook.empty();
  wb.buildSheets(plan.sheets);
  await writeAtomic(out, await wb.toBuffer(), {
    mode: mode & FRONT_SHEETS_MODE_MASK,
    wording: WORDING,
  });
  // The last guard (spec §2.5): the messages name cells, never a child; redact anyway.
  for (const w of plan.warnings) io.err(`barometer: advarsel: ${redactCpr(w.message)}`);
  const n = plan.sheets.length;
  io.out(`Sagsforsider gemt i: ${out} (${n} ${n === 1 ? 'sag' : 'sager'}, én side pr. sag)`);
  io.out(`Bemærk: ${FRONT_SHEETS_NOTICE}`);
  return 0;
}
