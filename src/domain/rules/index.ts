import { dayFromYmd } from '../days';
import { foldKey } from '../fold';
import type { Day, RuleSet } from '../types';
import { BL_2024 } from './bl2024';
import { SEL_2023 } from './sel2023';

/**
 * The rule sets, oldest law first (spec §8: rules live in a rule set chosen per case by its decision
 * date). A new edition is a new folder registered here with the first decision day it applies to;
 * nothing else changes.
 */
export const RULE_SETS: readonly RuleSet[] = [SEL_2023, BL_2024];

export const DEFAULT_RULESET = SEL_2023.id;
export const RULESET_IDS: readonly string[] = RULE_SETS.map((r) => r.id);

/** The rule set with this id (letter case, spaces and dashes ignored), or null when there is none. */
export function findRuleSet(id: string): RuleSet | null {
  const key = foldKey(id);
  return RULE_SETS.find((r) => foldKey(r.id) === key) ?? null;
}

/**
 * The rule set with this id (default SEL-2023). For ids that come from a report (which evaluate
 * only produces for known rule sets); an unknown id is a programming error and throws.
 */
export function getRuleSet(id: string = DEFAULT_RULESET): RuleSet {
  const r = findRuleSet(id);
  if (r === null) throw new RangeError(`Unknown rule set: ${id}`);
  return r;
}

/**
 * The rule set of the law in force on a decision day (barnets-lov.md §1): before 01-01-2024
 * Serviceloven (SEL-2023), from then Barnets lov (BL-2024).
 * @example ruleSetForDecision(dayFromYmd(2023, 12, 31)).id === 'SEL-2023'
 */
export function ruleSetForDecision(decision: Day): RuleSet {
  let found = RULE_SETS[0] as RuleSet;
  for (const r of RULE_SETS) if (r.decisionsFrom <= decision) found = r;
  return found;
}

/** The rule set of decisions made in a year (its 1 January decides). */
export function ruleSetForYear(afgoerelsesaar: number): RuleSet {
  return ruleSetForDecision(dayFromYmd(afgoerelsesaar, 1, 1));
}

/**
 * The heading of a rule set's part when a list has cases under two rule sets (barnets-lov.md §1).
 * @example partHeading('BL-2024') === 'Afgørelser efter barnets lov (truffet fra 1. januar 2024)'
 */
export function partHeading(rulesetId: string): string {
  return getRuleSet(rulesetId).partHeading;
}
