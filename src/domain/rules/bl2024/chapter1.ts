import type { Question } from '../../types';
import { measureQuestion } from '../common';
import { MEASURES, TABLE_11_ROWS } from './measures';

/** Chapter 1 "Afgørelser": what the decision was about (table 1.1, barnets-lov.md §4). */
export const Q1_1: Question = measureQuestion(MEASURES, TABLE_11_ROWS, 'Barnets lov §§ 32, 46 og 47');

export const CHAPTER_1: readonly Question[] = [Q1_1];
