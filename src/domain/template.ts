import { columnLetter } from './address';
import { DATETIME_FORMAT } from './formats';
import { CHOICES, COLUMNS, type ColumnDef } from './columns';
import { RULESET_IDS, ruleSetForYear } from './rules';
import { defaultSettings, FORMAAL_CHOICES, SETTINGS_LABELS, settingsSheetRows } from './settings';
import { CASE_SHEET, SETTINGS_SHEET } from './sheetnames';
import type { Day, PlanValue, RuleSet, SheetBuild, StyleId } from './types';

/**
 * The empty, ready-to-fill workbook ("barometer template", the task pane's "Opret skabelon"):
 * Sagsoversigt with every known header, drop-down lists and date formats, Indstillinger with the
 * defaults, and a hidden list sheet for drop-downs whose items contain commas. The columns and
 * drop-downs follow the rule set of the default Afgørelsesår (the year before today), so a template
 * made in 2025 offers Barnets lov's indsatser, Afdækning and its new columns (barnets-lov.md §1, §3).
 */

/** Rows 2..TEMPLATE_LAST_ROW get drop-downs and date formats. */
// Decision: 1,000 rows – far more than a barometer's 17 cases, small enough to keep the file light.
export const TEMPLATE_LAST_ROW = 1001;
export const LISTS_SHEET = 'Lister';
export const DATE_FMT = 'dd-mm-yyyy';
export const DATETIME_FMT = DATETIME_FORMAT;

/** The drop-down items of a column under a rule set (null = free input). */
function choicesFor(c: ColumnDef, ruleSet: RuleSet): readonly string[] | null {
  const own = ruleSet.choices[c.id];
  if (own !== undefined) return own;
  switch (c.type) {
    case 'yesno':
      return CHOICES.yesno;
    case 'yesno-irrelevant':
      return CHOICES['yesno-irrelevant'];
    case 'bfu':
      return CHOICES.bfu;
    case 'conversation-exception':
      // Other text is allowed (spec §2.1); the adapter's list only warns.
      return CHOICES['conversation-exception'];
    case 'reassessment':
      return CHOICES.reassessment;
    case 'measure':
      return ruleSet.measures.map((m) => m.label);
    case 'plan-stance':
      return CHOICES['plan-stance'];
    default:
      // Decision: "Foranstaltningen effektueret" gets no list – it is mostly a date, and a list would
      // warn on every date typed; "Ikke effektueret" is typed as text (spec §2.1).
      return null;
  }
}

function formatFor(type: ColumnDef['type']): string | null {
  if (type === 'date' || type === 'effected') return DATE_FMT;
  if (type === 'datetime') return DATETIME_FMT;
  return null;
}

/**
 * The drop-downs and date formats of the Indstillinger rows as settingsSheetRows writes them
 * (issue 12 item 6): Formål and Regelsæt from a list, Periode fra/til as dates. The template and
 * the pane's "Gem indstillinger" (which rebuilds the sheet) both use them.
 */
export function settingsSheetAids(
  rows: readonly (readonly PlanValue[])[],
): Pick<SheetBuild, 'validations' | 'columnFormats'> {
  // The Excel row of a setting's value cell (column B); 0 = not among the rows.
  const rowOf = (label: string): number => rows.findIndex((r) => r[0] === label) + 1;
  const lists: [string, readonly string[]][] = [
    [SETTINGS_LABELS.formaal, FORMAAL_CHOICES],
    [SETTINGS_LABELS.regelsaet, RULESET_IDS],
  ];
  return {
    validations: lists
      .filter(([label]) => rowOf(label) > 0)
      .map(([label, list]) => ({ range: `B${rowOf(label)}`, list })),
    columnFormats: [SETTINGS_LABELS.periodeFra, SETTINGS_LABELS.periodeTil]
      .filter((label) => rowOf(label) > 0)
      .map((label) => ({ col: 2, numFmt: DATE_FMT, fromRow: rowOf(label), toRow: rowOf(label) })),
  };
}

export function templatePlan(today: Day): SheetBuild[] {
  const defaults = defaultSettings(today);
  const ruleSet = ruleSetForYear(defaults.afgoerelsesaar);
  // Both rule sets read the same sheet, so every column is written (barnets-lov.md §3); only the
  // drop-downs follow the law.
  const columns = COLUMNS;
  const header: PlanValue[] = columns.map((c) => c.header);
  const headerStyles: (StyleId | null)[] = columns.map((): StyleId => 'table-header');
  const validations: { range: string; list: readonly string[]; source?: string }[] = [];
  const columnFormats: { col: number; numFmt: string; fromRow: number; toRow: number }[] = [];
  const lists: string[][] = [];
  const widths: number[] = [];

  columns.forEach((c, i) => {
    const col = i + 1;
    const letter = columnLetter(col);
    const range = `${letter}2:${letter}${TEMPLATE_LAST_ROW}`;
    const choices = choicesFor(c, ruleSet);
    let width = c.header.length + 2;
    if (choices) {
      const joined = choices.join(',');
      if (choices.some((x) => x.includes(',')) || joined.length > 250) {
        // Excel's inline lists split on commas and stop at 255 characters: use a range instead.
        lists.push([...choices]);
        const listCol = columnLetter(lists.length);
        validations.push({
          range,
          list: choices,
          source: `'${LISTS_SHEET}'!$${listCol}$1:$${listCol}$${choices.length}`,
        });
      } else {
        validations.push({ range, list: choices });
      }
      width = Math.max(width, ...choices.map((x) => x.length + 4));
    }
    const fmt = formatFor(c.type);
    if (fmt) {
      columnFormats.push({ col, numFmt: fmt, fromRow: 2, toRow: TEMPLATE_LAST_ROW });
      width = Math.max(width, fmt.length + 2);
    }
    widths.push(Math.min(Math.max(width, 10), 45));
  });

  const cases: SheetBuild = {
    name: CASE_SHEET,
    blocks: [{ row: 1, col: 1, values: [header], styles: [headerStyles] }],
    columnWidths: widths,
    freezeRows: 1,
    visibility: 'visible',
    validations,
    columnFormats,
  };

  const settingsRows = settingsSheetRows(defaults);
  const settings: SheetBuild = {
    name: SETTINGS_SHEET,
    blocks: [{ row: 1, col: 1, values: settingsRows }],
    columnWidths: [28, 30],
    freezeRows: 0,
    visibility: 'visible',
    ...settingsSheetAids(settingsRows),
  };

  const height = Math.max(0, ...lists.map((l) => l.length));
  const listValues: PlanValue[][] = [];
  for (let r = 0; r < height; r += 1) listValues.push(lists.map((l) => l[r] ?? null));
  const builds: SheetBuild[] = [cases, settings];
  if (lists.length > 0) {
    builds.push({
      name: LISTS_SHEET,
      blocks: [{ row: 1, col: 1, values: listValues }],
      columnWidths: lists.map((l) => Math.max(...l.map((x) => x.length)) + 2),
      freezeRows: 0,
      // Only the drop-downs read it; keeping it out of sight keeps people from editing it by accident.
      visibility: 'veryHidden',
    });
  }
  return builds;
}
