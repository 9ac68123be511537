import { CHOICES } from '../../columns';
import { dayFromYmd } from '../../days';
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
import { SELECTION } from './selection';

/**
 * Rule set "BL-2024": Barnets lov (LOV nr 721 af 13/06/2023, LBK nr 282 af 17/03/2025) for decisions
 * from 01-01-2024 (barnets-lov.md). The table titles are the tool's own formulation in the 2023
 * report's style, with the same ids. Tabel 2.3's rule is Q2_3 in chapter2.ts.
 */
export const BL_2024: RuleSet = Object.freeze<RuleSet>({
  id: 'BL-2024',
  decisionsFrom: dayFromYmd(2024, 1, 1),
  partHeading: 'Afgørelser efter barnets lov (truffet fra 1. januar 2024)',
  tablesNote:
    'Tabellerne for afgørelser efter barnets lov følger Børnesagsbarometrets opbygning; formuleringen er værktøjets egen, indtil Ankestyrelsen offentliggør sine.',
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
  bfuKinds: ['ny', 'opdatering', 'afdaekning', 'ingen', 'ikke-relevant'],
  choices: {
    bfu: ['Ny undersøgelse', 'Opdatering', 'Afdækning', 'Ingen', 'Ikke relevant'],
    boernesamtale_undtagelse: ['Barnet ønskede ikke samtale', 'Alder eller andre forhold', 'Ikke relevant'],
    synspunkter: CHOICES.yesno,
    plan_stillingtagen: CHOICES['plan-stance'],
  },
  selection: SELECTION,
  memoPhrases: MEMO_PHRASES,
  // There are no confirmed national figures for Barnets lov editions (barnets-lov.md §5).
  nationalFigure: () => null,
  otherLawWarning: (written, own) =>
    `${written.section} blev afløst af barnets lov ${own.section} fra 1. januar 2024; skriv indsatsen efter barnets lov.`,
});
