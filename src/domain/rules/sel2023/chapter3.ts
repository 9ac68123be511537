import { IKKE_RELEVANT, UNREADABLE, NO_COLUMN, type FinalVerdict, type Question } from '../../types';
import { days, fd, has, missing, threeMonths, verdict, lazy } from '../common';
import { bfuGate } from './chapter2';
import { JA, NEJ, NEJ_BEGRUNDES, ROWS_JA_NEJ } from './labels';

const c = (v: FinalVerdict): FinalVerdict => Object.freeze(v);

const V36 = {
  irrelevant: c(verdict(IKKE_RELEVANT, 'Samtale med barnet i undersøgelsen er angivet som ikke relevant.')),
  ja: c(verdict(JA, 'Der er holdt en samtale med barnet som led i undersøgelsen.')),
  nej: c(verdict(NEJ, 'Der ses ikke holdt en samtale med barnet som led i undersøgelsen.')),
};

export const Q3_6: Question = {
  id: '3.6',
  chapter: 3,
  title:
    'ER KRAVET OM SAMTALE MED BARNET ELLER DEN UNGE SOM LED I DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 3?',
  columnHeader: '3.6 Samtale i undersøgelsen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 50, stk. 3',
  columns: ['bfu', 'samtale_bfu'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const s = r.samtale_bfu;
    if (!has(s)) return missing('samtale_bfu', s);
    if (s === 'ikke-relevant') return V36.irrelevant;
    return s ? V36.ja : V36.nej;
  },
};

const V37 = {
  ja: c(verdict(JA, 'Der fremgår oplysninger fra forældremyndighedsindehaver(e) i undersøgelsen.')),
  nej: c(verdict(NEJ, 'Der fremgår ikke oplysninger fra forældremyndighedsindehaver(e) i undersøgelsen.')),
};

export const Q3_7: Question = {
  id: '3.7',
  chapter: 3,
  title: 'FREMGÅR DER OPLYSNINGER FRA FORÆLDREMYNDIGHEDSINDEHAVER(E) I DEN BØRNEFAGLIGE UNDERSØGELSE?',
  columnHeader: '3.7 Forældrenes oplysninger',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 50',
  columns: ['bfu', 'foraeldre'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const f = r.foraeldre;
    if (!has(f)) return missing('foraeldre', f);
    return f ? V37.ja : V37.nej;
  },
};

const V38 = {
  irrelevant: c(verdict(IKKE_RELEVANT, 'Børnesamtalen er angivet som ikke relevant i sagen.')),
  oenskede: c(
    verdict(
      JA,
      'Der er ikke holdt en børnesamtale, men det er dokumenteret, at barnet ikke ønskede samtale (§ 48, stk. 2), så kravet er overholdt.',
    ),
  ),
  modenhed: c(
    verdict(
      JA,
      'Der er ikke holdt en børnesamtale, men det er dokumenteret, at barnets modenhed eller sagens karakter talte imod (§ 48, stk. 2), så kravet er overholdt.',
    ),
  ),
};

export const Q3_8: Question = {
  id: '3.8',
  chapter: 3,
  title: 'ER KRAVET OM BØRNESAMTALEN FORUD FOR AFGØRELSEN OVERHOLDT, JF. § 48?',
  columnHeader: '3.8 Børnesamtale',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 48',
  columns: ['boernesamtale_undtagelse', 'boernesamtale', 'afgoerelsesdato'],
  evaluate(r) {
    // Checked in exactly the order of spec §4.
    const ex = r.boernesamtale_undtagelse;
    if (ex === UNREADABLE || ex === NO_COLUMN) return missing('boernesamtale_undtagelse', ex);
    if (ex === 'ikke-relevant') return V38.irrelevant;
    const talk = r.boernesamtale;
    if (talk === UNREADABLE || talk === NO_COLUMN) return missing('boernesamtale', talk);
    const dec = r.afgoerelsesdato;
    if (talk !== null) {
      if (!has(dec)) return missing('afgoerelsesdato', dec);
      // Decision: a conversation on the decision day itself counts as before the decision (spec §4: ≤).
      if (talk <= dec) {
        return lazy(JA, () =>
          talk === dec
            ? `Børnesamtalen blev holdt ${fd(talk)}, samme dag som afgørelsen.`
            : `Børnesamtalen blev holdt ${fd(talk)}, før afgørelsen ${fd(dec)}.`,
        );
      }
    }
    if (ex === 'oenskede-ikke') return V38.oenskede;
    if (ex === 'modenhed') return V38.modenhed;
    const other =
      ex === 'andet' ? ', og den angivne begrundelse er ikke en undtagelse efter § 48, stk. 2' : '';
    if (talk !== null && has(dec)) {
      return lazy(
        NEJ,
        () =>
          `Børnesamtalen blev først holdt ${fd(talk)}, ${days(talk - dec)} efter afgørelsen ${fd(dec)}${other || ', og der er ingen dokumenteret undtagelse'}.`,
      );
    }
    return lazy(NEJ, () =>
      has(dec)
        ? `Der ses ingen børnesamtale før afgørelsen ${fd(dec)}${other || ' og ingen dokumenteret undtagelse'}.`
        : `Der ses ingen børnesamtale før afgørelsen${other || ' og ingen dokumenteret undtagelse'}.`,
    );
  },
};

const NOT_EFFECTED = c(verdict(IKKE_RELEVANT, 'Foranstaltningen er ikke effektueret.'));

export const Q3_9: Question = {
  id: '3.9',
  chapter: 3,
  title:
    'HAR KOMMUNEN VÆRET I KONTAKT MED BARNET ELLER DEN UNGE INDEN FOR DE FØRSTE TRE MÅNEDER EFTER FORANSTALTNINGEN ER EFFEKTUERET?',
  columnHeader: '3.9 Kontakt inden 3 mdr.',
  rows: [JA, NEJ_BEGRUNDES, NEJ],
  compliantRows: [JA, NEJ_BEGRUNDES],
  legal: 'Serviceloven § 70, stk. 1',
  columns: ['effektueret', 'ophoert', 'kontakt', 'kontakt_grund'],
  evaluate(r, ctx) {
    const t = threeMonths(r, ctx, NOT_EFFECTED);
    if (!t.relevant) return t.verdict;
    const k = r.kontakt;
    if (k === UNREADABLE || k === NO_COLUMN) return missing('kontakt', k);
    if (k !== null && k >= t.from && k <= t.to) {
      return lazy(
        JA,
        () =>
          `Første kontakt med barnet var ${fd(k)}, inden for 3 måneder efter effektueringen ${fd(t.from)} (senest ${fd(t.to)}).`,
      );
    }
    const what =
      k === null
        ? `Der ses ingen kontakt med barnet inden for 3 måneder efter effektueringen ${fd(t.from)} (senest ${fd(t.to)})`
        : k < t.from
          ? `Kontakten med barnet ${fd(k)} lå før effektueringen ${fd(t.from)}, og der ses ingen kontakt i de første 3 måneder (senest ${fd(t.to)})`
          : `Første kontakt med barnet var ${fd(k)}, ${days(k - t.to)} efter 3-måneders fristen ${fd(t.to)}`;
    const g = r.kontakt_grund;
    if (g === null) return lazy(NEJ, () => `${what}.`);
    if (!has(g)) return missing('kontakt_grund', g);
    return lazy(NEJ_BEGRUNDES, () => `${what}, men der er angivet en begrundelse.`);
  },
};

export const CHAPTER_3: readonly Question[] = [Q3_6, Q3_7, Q3_8, Q3_9];
