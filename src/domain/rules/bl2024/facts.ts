import { ageOn } from '../../cpr';
import type { BfuKind, CaseRecord, Day, MeasureCode } from '../../types';
import { has } from '../common';

/**
 * Facts about a case that several BL-2024 questions ask (barnets-lov.md §3–§4).
 */

/** A placement: anbringelse med samtykke (§ 46) or uden samtykke (§ 47). */
export function isPlacement(m: MeasureCode): boolean {
  return m === 'A46' || m === 'A47' || m === 'A7' || m === 'T58';
}

/** Anbringelse uden samtykke (§ 47; its SEL counterpart § 58 read the same way). */
export function isForcedPlacement(m: MeasureCode): boolean {
  return m === 'A47' || m === 'T58';
}

/** "BFU exists": a børnefaglig undersøgelse, new or updated (not an afdækning). */
export function bfuExists(b: BfuKind): boolean {
  return b === 'ny' || b === 'opdatering';
}

/** "Investigation exists": a børnefaglig undersøgelse or an afdækning (§§ 19–20). */
export function investigationExists(b: BfuKind): boolean {
  return b === 'ny' || b === 'opdatering' || b === 'afdaekning';
}

/** The plan a case has and its section: an ungeplan (§ 108) from age 16 on the decision date. */
export interface PlanLaw {
  /** Definite, as in "fristen for ungeplanen": "barnets plan" or "ungeplanen" */
  readonly noun: string;
  /** Definite, capitalised: "Barnets plan" or "Ungeplanen" */
  readonly Noun: string;
  /** Indefinite, as in "ingen ungeplan": "barnets plan" or "ungeplan" */
  readonly indefinite: string;
  /** Where the law lets the municipality decide that no plan is needed: § 91, stk. 1 or § 108, stk. 1. */
  readonly notNeededSection: string;
  /** Where the law makes a plan mandatory for a placement: § 91, stk. 2 or § 108, stk. 2. */
  readonly placementSection: string;
  readonly young: boolean;
}

const CHILD: PlanLaw = {
  noun: 'barnets plan',
  Noun: 'Barnets plan',
  indefinite: 'barnets plan',
  notNeededSection: '§ 91, stk. 1',
  placementSection: '§ 91, stk. 2',
  young: false,
};
// § 108, stk. 1 (LBK nr 282 af 17/03/2025): the municipality takes a stand on whether an ungeplan is
// to be made for a § 32 indsats; stk. 2: a placement (§§ 46, 47) of a young person 16+ always needs one.
const YOUNG: PlanLaw = {
  noun: 'ungeplanen',
  Noun: 'Ungeplanen',
  indefinite: 'ungeplan',
  notNeededSection: '§ 108, stk. 1',
  placementSection: '§ 108, stk. 2',
  young: true,
};

/**
 * Barnets plan (§ 91) or ungeplan (§ 108): the young person's age on the decision date, from the
 * CPR birth date. Decision: without a readable CPR number the case has a barnets plan (§ 91 is the
 * general rule; § 108 applies only to a young person known to be 16 or more).
 */
export function planLaw(r: CaseRecord, decision: Day): PlanLaw {
  const c = r.cpr;
  return has(c) && ageOn(c.birthDay, decision) >= 16 ? YOUNG : CHILD;
}
