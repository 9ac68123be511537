import type { CellProblemCode } from './types';

/**
 * The result of a cell parser that could not read a value. Parsers return shared constant
 * failures (no allocation on the hot path); the caller turns one into a Problem with the cell.
 */
export interface ParseFailure {
  readonly failure: true;
  /** Stable problem code, e.g. "invalid-date", "ambiguous-measure", "error-value". */
  readonly code: CellProblemCode;
  /** What the value is not, completing "… er ikke …": e.g. "en gyldig dato". */
  readonly what: string;
  /** Danish sentence saying what is accepted, e.g. "Skriv datoen som dd-mm-åååå." */
  readonly hint: string;
}

export function failure(code: CellProblemCode, what: string, hint: string): ParseFailure {
  return Object.freeze({ failure: true as const, code, what, hint });
}

/** True when a parser result is a failure. */
export function isFailure(v: unknown): v is ParseFailure {
  return typeof v === 'object' && v !== null && (v as { failure?: unknown }).failure === true;
}

/** An error value or a formula without result: never readable, whatever the column. */
export const ERROR_VALUE = failure(
  'error-value',
  'en værdi, men en fejlværdi eller en formel uden resultat',
  'Ret formlen, eller skriv værdien direkte i cellen.',
);
