import { formatCount, formatPercent } from './numbers';
import { lawName } from './overviewTrend';
import { changePoints, crossLaw, type PreviousResult } from './previous';
import type { OverviewRow } from './types';

/**
 * The memo's part on the trend (issue 12, item 2): one sentence per question whose Overholdt
 * changed by 10 percentage points or more since the earlier result, up or down, in the memo's
 * whole-percent form; a line saying so when none did.
 */

/** The change the memo mentions (issue 12: "changes of 10 points or more"). */
export const MEMO_TREND_POINTS = 10;

const lawOf = lawName;

/** A fraction as the memo's whole percent; the small term keeps 0.145 from rounding to 14. */
const whole = (f: number): number => Math.round(f * 100 + 1e-9);

export function trendLines(rows: readonly OverviewRow[], previous: PreviousResult): string[] {
  const since = previous.reviewDate === null ? '' : ` (egen gennemgang ${previous.reviewDate})`;
  const out = [`Udvikling siden sidste gennemgang${since}`];
  const compared = rows.filter((o) => changePoints(o) !== null);
  const twoParts = new Set(rows.map((o) => o.ruleset)).size > 1;
  const big = compared.filter((o) => Math.abs(changePoints(o) as number) >= MEMO_TREND_POINTS - 1e-9);
  if (compared.length === 0) {
    out.push('Den tidligere gennemgang har ingen resultater for de samme spørgsmål at sammenligne med.');
    return out;
  }
  if (big.length === 0) {
    out.push(
      `Intet spørgsmål har ændret sig med ${MEMO_TREND_POINTS} procentpoint eller mere siden sidste gennemgang.`,
    );
  }
  for (const o of big) {
    const change = changePoints(o) as number;
    const before = (o.previous as { compliant: number }).compliant;
    const part = twoParts ? ` (${lawOf(o.ruleset)})` : '';
    const law = crossLaw(o) ? ` (efter ${lawOf((o.previous as { ruleset: string }).ruleset)})` : '';
    const how = change > 0 ? 'en stigning' : 'et fald';
    out.push(
      `• ${o.columnHeader}${part}: overholdt i ${formatPercent(whole(o.compliant as number))} af sagerne mod ${formatPercent(whole(before))} sidst${law}, ${how} på ${formatCount(Math.round(Math.abs(change)))} procentpoint.`,
    );
  }
  const cross = compared.find(crossLaw);
  if (cross !== undefined) {
    out.push(
      `Hvor resultatet sidst blev opgjort efter ${lawOf((cross.previous as { ruleset: string }).ruleset)}, er det sammenlignet med spørgsmålet med samme nummer efter ${lawOf(cross.ruleset)}; kravene svarer til hinanden, men er ikke ens, så ændringen skal læses med forbehold.`,
    );
  }
  return out;
}
