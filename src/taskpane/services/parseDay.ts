import { isFailure, parseDate } from '../../domain/values';
import type { Day } from '../../domain/types';

/** A date the user typed in the settings form ("23-03-2022"), or null when it is not one. */
export function parseDayText(text: string): Day | null {
  const v = parseDate(text, false);
  return v === null || isFailure(v) ? null : v;
}
