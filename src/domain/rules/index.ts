import type { RuleSet } from '../types';
import { SEL_2023 } from './sel2023';

/**
 * The rule sets by id (spec §8: rules live in a rule set chosen by edition). A new law is a new
 * folder (e.g. bl2024/ for Barnets lov) registered here; nothing else changes.
 */
const RULE_SETS: Readonly<Record<string, RuleSet>> = { [SEL_2023.id]: SEL_2023 };

export const DEFAULT_RULESET = SEL_2023.id;
export const RULESET_IDS: readonly string[] = Object.keys(RULE_SETS);

/** The rule set with this id, or null when there is none (evaluate reports it). */
export function findRuleSet(id: string): RuleSet | null {
  return Object.prototype.hasOwnProperty.call(RULE_SETS, id) ? (RULE_SETS[id] as RuleSet) : null;
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
 * The rule set that applies to decisions made in a year.
 * Decision: Barnets lov applies to decisions from 01-01-2024 (spec §8), so Afgørelsesår ≥ 2024
 * needs "BL-2024"; earlier years use "SEL-2023" (Serviceloven §§ 48, 50, 52, 58, 70, 140, 155).
 */
export function ruleSetIdForDecisionYear(afgoerelsesaar: number): string {
  return afgoerelsesaar >= 2024 ? 'BL-2024' : DEFAULT_RULESET;
}
