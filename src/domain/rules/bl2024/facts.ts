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
  /** "barnets plan" or "ungeplanen" */
  readonly noun: string;
  /** "Barnets plan" or "Ungeplanen" */
  readonly Noun: string;
  readonly young: boolean;
}

const CHILD: PlanLaw = { noun: 'barnets plan', Noun: 'Barnets plan', young: false };
const YOUNG: PlanLaw = { noun: 'ungeplanen', Noun: 'Ungeplanen', young: true };

/**
 * Barnets plan (§ 91) or ungeplan (§ 108): the young person's age on the decision date, from the
 * CPR birth date. Decision: without a readable CPR number the case has a barnets plan (§ 91 is the
 * general rule; § 108 applies only to a young person known to be 16 or more).
 */
export function planLaw(r: CaseRecord, decision: Day): PlanLaw {
  const c = r.cpr;
  return has(c) && ageOn(c.birthDay, decision) >= 16 ? YOUNG : CHILD;
}
