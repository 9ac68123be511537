import type { RuleSet } from '../../types';
import { guardColumns } from '../common';
import { CHAPTER_1 } from './chapter1';
import { CHAPTER_2 } from './chapter2';
import { CHAPTER_3 } from './chapter3';
import { CHAPTER_4 } from './chapter4';
import { CHAPTER_5 } from './chapter5';
import { CHAPTER_6 } from './chapter6';

/**
 * Rule set "SEL-2023": Serviceloven as in force for decisions up to 31-12-2023, as Ankestyrelsen's
 * Børnesagsbarometer 2021–2024 measured it (spec §4–§5).
 */
export const SEL_2023: RuleSet = Object.freeze({
  id: 'SEL-2023',
  chapters: [
    { no: 1, title: 'Afgørelser' },
    { no: 2, title: 'Faglig udredning' },
    { no: 3, title: 'Inddragelse' },
    { no: 4, title: 'Valg af relevant indsats' },
    { no: 5, title: 'Opfølgning' },
    { no: 6, title: 'Underretninger' },
  ],
  questions: [...CHAPTER_1, ...CHAPTER_2, ...CHAPTER_3, ...CHAPTER_4, ...CHAPTER_5, ...CHAPTER_6].map(
    guardColumns,
  ),
});
