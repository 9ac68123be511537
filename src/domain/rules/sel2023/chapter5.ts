import {
  type Day,
  IKKE_RELEVANT,
  NO_COLUMN,
  UNREADABLE,
  type FinalVerdict,
  type Question,
} from '../../types';
import { because, days, fd, missing, threeMonthsAfter, threeMonthsGate, verdict, type Why } from '../common';
import { JA, NEJ, ROWS_JA_NEJ } from '../labels';

const NOT_EFFECTED: FinalVerdict = Object.freeze(
  verdict(IKKE_RELEVANT, 'Foranstaltningen er ikke effektueret.'),
);

const WHY_512_NONE: Why = (from, to) =>
  `Der ses ingen opfølgning inden for 3 måneder efter effektueringen ${fd(from)} (senest ${fd(to)}).`;
const WHY_512_BEFORE: Why = (o, from, to) =>
  `Opfølgningen ${fd(o)} lå før effektueringen ${fd(from)}, og der ses ingen opfølgning i de første 3 måneder (senest ${fd(to)}).`;
const WHY_512_LATE: Why = (o, to) =>
  `Første opfølgning var ${fd(o)}, ${days(o - to)} efter 3-måneders fristen ${fd(to)}.`;
const WHY_512_JA: Why = (o, from, to) =>
  `Første opfølgning var ${fd(o)}, inden for 3 måneder efter effektueringen ${fd(from)} (senest ${fd(to)}).`;

export const Q5_12: Question = {
  id: '5.12',
  chapter: 5,
  title:
    'ER KRAVET OM OPFØLGNING INDEN FOR DE FØRSTE TRE MÅNEDER EFTER IVÆRKSÆTTELSE AF FORANSTALTNINGEN OVERHOLDT, JF. § 70, STK. 1?',
  columnHeader: '5.12 Opfølgning inden 3 mdr.',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 70, stk. 1',
  columns: ['effektueret', 'ophoert', 'opfoelgning'],
  evaluate(r, ctx) {
    const gate = threeMonthsGate(r, ctx, NOT_EFFECTED);
    if (gate !== null) return gate;
    const from = r.effektueret as Day;
    const to = threeMonthsAfter(from);
    const o = r.opfoelgning;
    if (o === UNREADABLE || o === NO_COLUMN) return missing('opfoelgning', o);
    if (o === null) return because(NEJ, WHY_512_NONE, from, to);
    if (o < from) return because(NEJ, WHY_512_BEFORE, o, from, to);
    if (o > to) return because(NEJ, WHY_512_LATE, o, to);
    return because(JA, WHY_512_JA, o, from, to);
  },
};

export const CHAPTER_5: readonly Question[] = [Q5_12];
