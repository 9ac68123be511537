import { formatDay } from './days';
import { danishList, type MergeMember, type MergeResult } from './merge';
import { formatCount, sager } from './numbers';
import { a4Portrait, SUPPRESSED_TEXT, TABLES_SHEET, tablesSheet } from './plan';
import { getRuleSet } from './rules';
import { MIN_PUBLISHED_CASES } from './tables';
import type { OverviewRow, PlanValue, SheetBuild, StyleId } from './types';

/**
 * The sheets of `barometer saml`'s merged workbook, as plain data for any adapter: Resultattabeller
 * (check's layout over the summed counts), Kommuner (every municipality side by side per question)
 * and Om sammenlægningen (files, kommuner, cases, rule sets and what was handled). Counts only.
 */

export const KOMMUNER_SHEET = 'Kommuner';
export const ABOUT_SHEET = 'Om sammenlægningen';
export const MERGED_SHEETS = [TABLES_SHEET, KOMMUNER_SHEET, ABOUT_SHEET] as const;

/** The four columns of each municipality's group (and of the total group) on Kommuner. */
// Short headers so a group is 4 narrow columns (the note in row 2 spells out the 95 %-interval).
export const GROUP_HEADERS = ['Relevante', 'Overholdt', '95 % fra', '95 % til'] as const;
const GROUP_STYLES: readonly StyleId[] = ['table-row', 'percent', 'percent', 'percent'];
const TOTAL_HEADER = 'Alle kommuner';
/** Groups (kommuner + the total) printed side by side on one landscape A4 page. */
export const GROUPS_PER_PAGE = 6;
/** Kommuner: title, note, the kommune names, the group headers; data from row 5. */
export const KOMMUNER_HEADER_ROW = 4;

const clampWidth = (n: number, min: number, max: number): number => Math.max(min, Math.min(max, n));

const kommunerText = (names: readonly string[]): string =>
  `${danishList(names)} ${names.length === 1 ? 'Kommune' : 'Kommuner'}`;

/** The title of the merged Resultattabeller. */
export function mergedHeading(merge: MergeResult): string {
  return `Børnesagsbarometer ${merge.settings.undersoegelsesaar} – ${kommunerText(merge.members.map((m) => m.kommune))}, egen gennemgang sammenlagt ${formatDay(merge.today)}`;
}

/**
 * One group's four cells. Decision: with suppression, 1–5 relevant cases show only
 * "Udeladt – færre end 6 sager" (not even the count, which with the share could point to a child);
 * 0 relevant cases show 0 and no share, as there is nothing to protect.
 */
function groupCells(
  o: OverviewRow | undefined,
  suppress: boolean,
): { values: PlanValue[]; styles: (StyleId | null)[] } {
  if (o === undefined) return { values: [null, null, null, null], styles: [null, null, null, null] };
  if (suppress && o.relevant > 0 && o.relevant < MIN_PUBLISHED_CASES) {
    return { values: [SUPPRESSED_TEXT, null, null, null], styles: ['table-row', null, null, null] };
  }
  const [lo, hi] = o.interval ?? [null, null];
  return { values: [o.relevant, o.compliant, lo, hi], styles: [...GROUP_STYLES] };
}

const memberSuppresses = (m: MergeMember, merge: MergeResult): boolean =>
  merge.settings.offentliggoerelse || m.report.settings.offentliggoerelse;

function kommunerSheet(merge: MergeResult): SheetBuild {
  const groups = merge.members.length + 1;
  const width = 1 + 4 * groups;
  const values: PlanValue[][] = [];
  const styles: (StyleId | null)[][] = [];
  const push = (v: PlanValue[], s: (StyleId | null)[]): void => {
    values.push(v);
    styles.push(s);
  };
  const blank = (): PlanValue[] => new Array<PlanValue>(width).fill(null);
  const noStyle = (): (StyleId | null)[] => new Array<StyleId | null>(width).fill(null);
  const line = (text: string, style: StyleId): void => {
    const v = blank();
    const s = noStyle();
    v[0] = text;
    s[0] = style;
    push(v, s);
  };
  line(
    `Kommuner side om side – Børnesagsbarometer ${merge.settings.undersoegelsesaar}, egen gennemgang sammenlagt ${formatDay(merge.today)}`,
    'memo-heading',
  );
  line(
    'Pr. kommune og for alle kommuner: relevante sager, andel overholdt (Ja og "Nej, men …") og 95 %-intervallet for andelen (fra–til).',
    'source',
  );
  const names = blank();
  const nameStyles = noStyle();
  names[0] = 'Kommune';
  nameStyles[0] = 'table-header';
  const heads = blank();
  const headStyles: (StyleId | null)[] = new Array<StyleId | null>(width).fill('table-header');
  heads[0] = 'Spørgsmål';
  [...merge.members.map((m) => m.kommune), TOTAL_HEADER].forEach((name, g) => {
    for (let j = 0; j < 4; j += 1) {
      heads[1 + 4 * g + j] = GROUP_HEADERS[j] as string;
      nameStyles[1 + 4 * g + j] = 'table-header';
    }
    names[1 + 4 * g] = name;
  });
  push(names, nameStyles);
  push(heads, headStyles);
  const mixed = merge.rulesets.length > 1;
  for (const id of merge.rulesets) {
    if (mixed) line(getRuleSet(id).partHeading, 'chapter');
    for (const total of merge.overview.filter((o) => o.ruleset === id)) {
      const v = blank();
      const s = noStyle();
      v[0] = total.columnHeader;
      s[0] = 'table-row';
      const cells = [
        ...merge.members.map((m) =>
          groupCells(
            m.overview.find((o) => o.ruleset === id && o.id === total.id),
            memberSuppresses(m, merge),
          ),
        ),
        groupCells(total, merge.settings.offentliggoerelse),
      ];
      cells.forEach((c, g) => {
        for (let j = 0; j < 4; j += 1) {
          v[1 + 4 * g + j] = c.values[j] ?? null;
          s[1 + 4 * g + j] = c.styles[j] ?? null;
        }
      });
      push(v, s);
    }
  }
  push(blank(), noStyle());
  line(
    '95 %-interval: med 95 % sikkerhed ligger kommunens sande andel overholdt mellem "fra" og "til" (Wilson-interval); jo færre sager, jo bredere interval.',
    'source',
  );
  if (merge.members.some((m) => memberSuppresses(m, merge))) {
    line(
      `${SUPPRESSED_TEXT}: tal, der hviler på 1–5 sager, er udeladt af hensyn til børnenes anonymitet (Offentliggørelse).`,
      'source',
    );
  }
  line(
    'Tom gruppe: kommunen har ingen sager under dette regelsæt. Kilde: kommunernes egen gennemgang.',
    'source',
  );
  const longest = merge.overview.reduce((n, o) => Math.max(n, o.columnHeader.length), 10);
  const widths = [clampWidth(longest + 2, 14, 50)];
  for (let g = 0; g < groups; g += 1) widths.push(10, 10, 9, 9);
  return {
    name: KOMMUNER_SHEET,
    blocks: [{ row: 1, col: 1, values, styles }],
    columnWidths: widths,
    freezeRows: KOMMUNER_HEADER_ROW,
    visibility: 'visible',
    // Decision: landscape (the sheet is wide), fit to width like the other result sheets: one page
    // wide for up to GROUPS_PER_PAGE groups, a page more for each such many more, so the figures
    // stay legible; the kommune names and group headers repeat atop every page.
    page: {
      ...a4Portrait([KOMMUNER_HEADER_ROW - 1, KOMMUNER_HEADER_ROW]),
      orientation: 'landscape',
      fitToWidth: Math.ceil(groups / GROUPS_PER_PAGE),
    },
  };
}

const ABOUT_HEADERS = ['Fil', 'Kommune', 'Sager', 'Regelsæt', 'Undersøgelsesår'] as const;

function aboutSheet(merge: MergeResult): SheetBuild {
  const w = ABOUT_HEADERS.length;
  const values: PlanValue[][] = [];
  const styles: (StyleId | null)[][] = [];
  const push = (v: PlanValue[], s: (StyleId | null)[]): void => {
    const pv = v.slice();
    const ps = s.slice();
    while (pv.length < w) pv.push(null);
    while (ps.length < w) ps.push(null);
    values.push(pv);
    styles.push(ps);
  };
  push([ABOUT_SHEET], ['memo-heading']);
  push([], []);
  push(
    [
      `Sammenlagt ${formatDay(merge.today)}: ${formatCount(merge.members.length)} ${merge.members.length === 1 ? 'kommune' : 'kommuner'}, ${sager(merge.cases)}. Hver fil er kontrolleret med sine egne indstillinger; filerne er ikke ændret.`,
    ],
    ['memo-text'],
  );
  push([], []);
  push(
    [...ABOUT_HEADERS],
    ABOUT_HEADERS.map((): StyleId => 'table-header'),
  );
  for (const m of merge.members) {
    push(
      [m.file, m.kommune, m.cases, m.rulesets.join(' og '), m.undersoegelsesaar],
      ['table-row', 'table-row', 'table-row', 'table-row', 'table-row'],
    );
  }
  push(
    ['I alt', null, merge.cases, merge.rulesets.join(' og '), null],
    ['table-total', 'table-total', 'table-total', 'table-total', 'table-total'],
  );
  push([], []);
  push(['Håndteret'], ['chapter']);
  if (merge.problems.length === 0) push(['Ingen bemærkninger.'], ['memo-text']);
  for (const p of merge.problems) push([p.message], ['memo-text']);
  push([], []);
  push(['Fortrolighed'], ['chapter']);
  push(
    [
      'Filen indeholder kun antal sager pr. spørgsmål og kommune – ingen sagsnumre, navne, cpr-numre eller andre sagsoplysninger.',
    ],
    ['memo-text'],
  );
  if (merge.settings.offentliggoerelse) {
    push(
      [
        `Offentliggørelse: tabeller og kommunefelter med færre end 6 sager er udeladt ("${SUPPRESSED_TEXT}").`,
      ],
      ['memo-text'],
    );
  }
  const longestFile = merge.members.reduce((n, m) => Math.max(n, m.file.length), 10);
  return {
    name: ABOUT_SHEET,
    blocks: [{ row: 1, col: 1, values, styles }],
    columnWidths: [clampWidth(longestFile + 2, 20, 60), 18, 8, 22, 16],
    freezeRows: 0,
    visibility: 'visible',
    page: a4Portrait(),
  };
}

/** The merged workbook's sheets, in order. */
export function planMerge(merge: MergeResult): SheetBuild[] {
  const first = getRuleSet(merge.rulesets[0]);
  return [
    tablesSheet(
      { settings: merge.settings, today: merge.today, rulesets: merge.rulesets, tables: merge.tables },
      first,
      TABLES_SHEET,
      mergedHeading(merge),
    ),
    kommunerSheet(merge),
    aboutSheet(merge),
  ];
}
