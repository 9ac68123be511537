import { CHOICES } from '../../columns';
import type { RuleSet } from '../../types';
import { guardColumns } from '../common';
import { CHAPTER_1 } from './chapter1';
import { CHAPTER_2 } from './chapter2';
import { CHAPTER_3 } from './chapter3';
import { CHAPTER_4 } from './chapter4';
import { CHAPTER_5 } from './chapter5';
import { CHAPTER_6 } from './chapter6';
import { MEASURES, TABLE_11_ROWS } from './measures';
import { MEMO_PHRASES } from './memo';
import { nationalFigure } from './national';
import { SELECTION } from './selection';

/**
 * Rule set "SEL-2023": Serviceloven as in force for decisions up to 31-12-2023, as Ankestyrelsen's
 * Børnesagsbarometer 2021–2024 measured it (spec §4–§5). Tabel 2.3's rule is Q2_3 in chapter2.ts.
 */
export const SEL_2023: RuleSet = Object.freeze<RuleSet>({
  id: 'SEL-2023',
  // Serviceloven applies to every decision before Barnets lov (there is no earlier rule set).
  decisionsFrom: Number.NEGATIVE_INFINITY,
  partHeading: 'Afgørelser efter serviceloven (truffet før 1. januar 2024)',
  tablesNote: null,
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
  measures: MEASURES,
  table11Rows: TABLE_11_ROWS,
  bfuKinds: ['ny', 'opdatering', 'ingen', 'ikke-relevant'],
  choices: {
    bfu: CHOICES.bfu,
    boernesamtale_undtagelse: CHOICES['conversation-exception'],
  },
  selection: SELECTION,
  memoPhrases: MEMO_PHRASES,
  nationalFigure,
  otherLawWarning: (written, own) =>
    `Barnets lov ${written.section} gælder først for afgørelser fra 1. januar 2024; skriv foranstaltningen efter serviceloven (${own.label}).`,
});
