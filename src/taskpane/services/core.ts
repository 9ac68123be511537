import { evaluate } from '../../domain/evaluate';
import { planCaseRows, planWrite } from '../../domain/plan';
import { readSettings, settingsSheetRows, SETTINGS_SHEET } from '../../domain/settings';
import { CASE_SHEET, sameSheetName } from '../../domain/sheetnames';
import { settingsSheetAids, templatePlan } from '../../domain/template';
import type { SheetBuild, Snapshot, WritePlan } from '../../domain/types';
import { UserError } from '../../workbook/port';
import type { Core } from './controller';

/**
 * A plan that only (re)builds whole sheets: an empty verdict block and nothing to clear, so the
 * adapter writes nothing to the case sheet (port.ts). caseSheet names a sheet that exists.
 */
export function sheetsOnlyPlan(sheets: readonly SheetBuild[], snapshot: Snapshot): WritePlan {
  return {
    caseSheet: snapshot.sheetNames[0] ?? CASE_SHEET,
    clearColumns: null,
    verdictBlock: { row: 1, col: 1, values: [] },
    verdictColumnWidths: [],
    sheets,
    deleteSheets: [],
  };
}

function hasSheet(snapshot: Snapshot, name: string): boolean {
  return snapshot.sheetNames.some((n) => sameSheetName(n, name));
}

/** The Indstillinger sheet as the pane writes it: label | value, like the template. */
export function settingsSheet(rows: SheetBuild['blocks'][number]['values']): SheetBuild {
  return {
    name: SETTINGS_SHEET,
    blocks: [{ row: 1, col: 1, values: rows }],
    columnWidths: [28, 30],
    freezeRows: 0,
    visibility: 'visible',
    // Rebuilt from scratch: the Formål and Regelsæt drop-downs and the period's date format come back too.
    ...settingsSheetAids(rows),
  };
}

/** The pure core bound for the task pane. */
export const core: Core = {
  evaluate: (snapshot, { today, previous }) => evaluate(snapshot, { today, previous: previous ?? null }),
  planWrite: (report, snapshot) => planWrite(report, snapshot),
  templatePlan(snapshot, today) {
    // Decision: never replace a person's case list; the template goes only into a workbook without one.
    if (hasSheet(snapshot, CASE_SHEET)) {
      throw new UserError(
        `Projektmappen har allerede arket "${CASE_SHEET}". Opret skabelonen i en ny, tom projektmappe, eller omdøb arket først.`,
      );
    }
    // Decision: an existing Indstillinger sheet is kept as it is (its values are the municipality's).
    const sheets = templatePlan(today).filter(
      (s) => !(s.name === SETTINGS_SHEET && hasSheet(snapshot, SETTINGS_SHEET)),
    );
    return sheetsOnlyPlan(sheets, snapshot);
  },
  readSettings: (snapshot, today) => readSettings(snapshot, {}, today).settings,
  settingsPlan: (settings, snapshot) =>
    sheetsOnlyPlan([settingsSheet(settingsSheetRows(settings))], snapshot),
  planCaseRows: (report, sagsnrs) => planCaseRows(report, sagsnrs),
};
