import { changePoints, crossLaw } from './previous';
import { getRuleSet } from './rules';
import type { OverviewRow, PlanValue, StyleId } from './types';

/**
 * Overblik's trend columns (issue 12, item 2), right of the interval foundation's A–I: J "Sidst"
 * and K "Ændring (procentpoint)", and L "Bemærkning" when a row is compared across the change of
 * law; none of them when nothing was compared (no --forrige).
 */
export const TREND_HEADERS = ['Sidst', 'Ændring (procentpoint)'] as const;
export const CROSS_LAW_HEADER = 'Bemærkning';

/** "serviceloven" / "barnets lov" from a rule set's part heading ("Afgørelser efter serviceloven (…)"). */
export function lawName(ruleset: string): string {
  return /efter ([^(]+?) \(/.exec(getRuleSet(ruleset).partHeading)?.[1] ?? ruleset;
}

export interface TrendColumns {
  readonly headers: readonly string[];
  readonly styles: readonly StyleId[];
  readonly widths: readonly number[];
  readonly values: (o: OverviewRow) => PlanValue[];
  /** Lines under the table saying what the columns hold. */
  readonly notes: readonly string[];
}

const NONE: TrendColumns = { headers: [], styles: [], widths: [], values: () => [], notes: [] };

export function trendColumns(overview: readonly OverviewRow[]): TrendColumns {
  if (!overview.some((o) => o.previous !== undefined)) return NONE;
  const cross = overview.find(crossLaw);
  const notes = [
    'Sidst: andelen overholdt i det tidligere resultat, der er sammenlignet med; Ændring: forskellen i procentpoint (tom, hvor der ikke er et tidligere tal).',
  ];
  if (cross !== undefined) {
    const then = lawName((cross.previous as { ruleset: string }).ruleset);
    notes.push(
      `"Sidst efter ${then}" i Bemærkning: spørgsmålet blev sidst opgjort efter ${then} og sammenlignes med spørgsmålet med samme nummer efter ${lawName(cross.ruleset)}; kravene svarer til hinanden, men er ikke ens, så ændringen skal læses med forbehold.`,
    );
  }
  return {
    headers: cross === undefined ? [...TREND_HEADERS] : [...TREND_HEADERS, CROSS_LAW_HEADER],
    styles: cross === undefined ? ['percent', 'table-row'] : ['percent', 'table-row', 'table-row'],
    widths: cross === undefined ? [9, 13] : [9, 13, 26],
    values: (o) => {
      const change = changePoints(o);
      // Decision: the change is written with one decimal (11.8), so the cell shows the figure it holds.
      const cells: PlanValue[] = [
        o.previous?.compliant ?? null,
        change === null ? null : Math.round(change * 10) / 10,
      ];
      if (cross !== undefined)
        cells.push(
          crossLaw(o) ? `Sidst efter ${lawName((o.previous as { ruleset: string }).ruleset)}` : null,
        );
      return cells;
    },
    notes,
  };
}
