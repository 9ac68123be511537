import type { Question } from '../../types';
import { measureQuestion } from '../common';
import { MEASURES, TABLE_11_ROWS } from './measures';

/** Chapter 1 "Afgørelser": what the decision was about (table 1.1, spec §5). */
export const Q1_1: Question = measureQuestion(
  MEASURES,
  TABLE_11_ROWS,
  'Serviceloven § 52, stk. 3, og § 58, stk. 1',
);

export const CHAPTER_1: readonly Question[] = [Q1_1];
