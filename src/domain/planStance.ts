import { ERROR_VALUE, failure, type ParseFailure } from './failure';
import { foldKey, isBlankText } from './fold';
import type { Cell, PlanStance } from './types';

const PLAN_STANCE_FAIL = failure(
  'invalid-plan-stance',
  'en af de mulige værdier',
  'Skriv "Plan udarbejdes" eller "Plan ikke nødvendig".',
);

const STANCES: ReadonlyMap<string, PlanStance> = new Map<string, PlanStance>([
  ['planudarbejdes', 'udarbejdes'],
  ['udarbejdes', 'udarbejdes'],
  ['planikkenoedvendig', 'ikke-noedvendig'],
  ['ikkenoedvendig', 'ikke-noedvendig'],
]);

/**
 * Stillingtagen til barnets plan (barnets-lov.md §3): "Plan udarbejdes" / "Plan ikke nødvendig".
 * Decision: "Ja"/"Nej" are not accepted: "Nej" could mean "no plan is needed" or "no stance was
 * taken", and only the first is a lawful reason (barnets lov § 91, stk. 1).
 * @example parsePlanStance('Plan ikke nødvendig') === 'ikke-noedvendig'
 */
export function parsePlanStance(cell: Cell): PlanStance | null | ParseFailure {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    return STANCES.get(foldKey(cell)) ?? PLAN_STANCE_FAIL;
  }
  if (typeof cell === 'object' && 'error' in cell) return ERROR_VALUE;
  return PLAN_STANCE_FAIL;
}
