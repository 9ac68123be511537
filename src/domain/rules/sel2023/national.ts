import { formatPercent } from '../../numbers';

/**
 * National reference figures: the share of compliant cases across all participating
 * municipalities, per barometer edition (spec §7). Only figures published in a form we could
 * confirm; a blank cell in spec §7 is absent here ("show nothing rather than guess").
 */
const BY_EDITION: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  // 2021: 708 cases, 27 municipalities.
  2021: { '2.2': 73, '2.3': 60, '3.8': 61, '6.13': 88 },
  2023: { '2.3': 34, '3.8': 61, '6.13': 96 },
  2024: { '2.3': 50, '3.8': 65, '5.12': 75 },
};

/**
 * The 2020–2022 combined figures (2,140 cases). Decision: not returned for any single edition,
 * since they describe three editions together; kept here for reference only.
 */
export const COMBINED_2020_2022: Readonly<Record<string, number>> = {
  '2.2': 69,
  '3.6': 95,
  '3.8': 57,
  '5.12': 50,
  '6.13': 92,
};

/**
 * The national figure for a question in an edition, or null when spec §7 has none.
 * @example nationalFigure(2023, '2.3') → { value: 34, label: 'landsresultat 2023: 34%' }
 */
export function nationalFigure(edition: number, questionId: string): { value: number; label: string } | null {
  const e = BY_EDITION[edition];
  if (e === undefined || !Object.prototype.hasOwnProperty.call(e, questionId)) return null;
  const value = e[questionId] as number;
  return { value, label: `landsresultat ${edition}: ${formatPercent(value)}` };
}
