import type { FinalVerdict, Question } from '../../types';
import { has, missing, verdict } from '../common';
import { MEASURES, TABLE_11_ROWS } from './measures';

/** One verdict per indsats (the reason names the indsats, never the child). */
const BY_CODE = new Map<string, FinalVerdict>(
  MEASURES.map((m) => [m.code, Object.freeze(verdict(m.table11Row, `Afgørelsen gælder ${m.label}.`))]),
);

/** Chapter 1 "Afgørelser": what the decision was about (table 1.1, barnets-lov.md §4). */
export const Q1_1: Question = {
  id: '1.1',
  chapter: 1,
  title: 'HVAD ER DER TRUFFET AFGØRELSE OM?',
  columnHeader: '1.1 Afgørelse om',
  rows: TABLE_11_ROWS,
  // Table 1.1 describes the sample; it is not a legal requirement, so nothing is "Overholdt".
  compliantRows: [],
  legal: 'Barnets lov §§ 32, 46 og 47',
  columns: ['foranstaltning'],
  evaluate(r) {
    const m = r.foranstaltning;
    if (!has(m)) return missing('foranstaltning', m);
    return BY_CODE.get(m) ?? missing('foranstaltning', m);
  },
};

export const CHAPTER_1: readonly Question[] = [Q1_1];
