import { IKKE_RELEVANT, NO_COLUMN, UNREADABLE, type FinalVerdict, type Question } from '../../types';
import { days, fd, missing, threeMonths, verdict, lazy } from '../common';
import { JA, NEJ, ROWS_JA_NEJ } from './labels';

const NOT_EFFECTED: FinalVerdict = Object.freeze(
  verdict(IKKE_RELEVANT, 'Foranstaltningen er ikke effektueret.'),
);

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
    const t = threeMonths(r, ctx, NOT_EFFECTED);
    if (!t.relevant) return t.verdict;
    const o = r.opfoelgning;
    if (o === UNREADABLE || o === NO_COLUMN) return missing('opfoelgning', o);
    if (o === null) {
      return lazy(
        NEJ,
        () =>
          `Der ses ingen opfølgning inden for 3 måneder efter effektueringen ${fd(t.from)} (senest ${fd(t.to)}).`,
      );
    }
    if (o < t.from) {
      return lazy(
        NEJ,
        () =>
          `Opfølgningen ${fd(o)} lå før effektueringen ${fd(t.from)}, og der ses ingen opfølgning i de første 3 måneder (senest ${fd(t.to)}).`,
      );
    }
    if (o > t.to) {
      return lazy(
        NEJ,
        () => `Første opfølgning var ${fd(o)}, ${days(o - t.to)} efter 3-måneders fristen ${fd(t.to)}.`,
      );
    }
    return lazy(
      JA,
      () =>
        `Første opfølgning var ${fd(o)}, inden for 3 måneder efter effektueringen ${fd(t.from)} (senest ${fd(t.to)}).`,
    );
  },
};

export const CHAPTER_5: readonly Question[] = [Q5_12];
