import {
  type Day,
  IKKE_RELEVANT,
  UNREADABLE,
  NO_COLUMN,
  type FinalVerdict,
  type Question,
} from '../../types';
import {
  because,
  days,
  fd,
  has,
  missing,
  threeMonthsAfter,
  threeMonthsGate,
  verdict,
  type Why,
} from '../common';
import { bfuGate } from './chapter2';
import { JA, NEJ, NEJ_BEGRUNDES, ROWS_JA_NEJ } from '../labels';

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

const WHY_38_JA: Why = (talk, dec) =>
  talk === dec
    ? `Børnesamtalen blev holdt ${fd(talk)}, samme dag som afgørelsen.`
    : `Børnesamtalen blev holdt ${fd(talk)}, før afgørelsen ${fd(dec)}.`;
/** The exception text when "Børnesamtale ikke afholdt" holds another reason (other = 1). */
const OTHER_38 = ', og den angivne begrundelse er ikke en undtagelse efter § 48, stk. 2';
const WHY_38_LATE: Why = (talk, dec, other) =>
  `Børnesamtalen blev først holdt ${fd(talk)}, ${days(talk - dec)} efter afgørelsen ${fd(dec)}${other ? OTHER_38 : ', og der er ingen dokumenteret undtagelse'}.`;
/** dec = NaN when the decision date is not known. */
const WHY_38_NONE: Why = (dec, other) =>
  `Der ses ingen børnesamtale før afgørelsen${Number.isNaN(dec) ? '' : ` ${fd(dec)}`}${other ? OTHER_38 : ' og ingen dokumenteret undtagelse'}.`;

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
      if (talk <= dec) return because(JA, WHY_38_JA, talk, dec);
    }
    if (ex === 'oenskede-ikke') return V38.oenskede;
    if (ex === 'modenhed') return V38.modenhed;
    // Decision: "Alder eller andre forhold" is barnets lov § 5, stk. 4's wording; serviceloven § 48,
    // stk. 2 knows only the child's wish, maturity and the nature of the case, so it is another reason.
    const other = ex === 'andet' || ex === 'alder' ? 1 : 0;
    if (talk !== null && has(dec)) return because(NEJ, WHY_38_LATE, talk, dec, other);
    return because(NEJ, WHY_38_NONE, has(dec) ? dec : Number.NaN, other);
  },
};

const NOT_EFFECTED = c(verdict(IKKE_RELEVANT, 'Foranstaltningen er ikke effektueret.'));

const WHY_39_JA: Why = (k, from, to) =>
  `Første kontakt med barnet var ${fd(k)}, inden for 3 måneder efter effektueringen ${fd(from)} (senest ${fd(to)}).`;
/** Why there was no contact in time; k = NaN when no contact is recorded. */
const no39 = (k: number, from: number, to: number): string =>
  Number.isNaN(k)
    ? `Der ses ingen kontakt med barnet inden for 3 måneder efter effektueringen ${fd(from)} (senest ${fd(to)})`
    : k < from
      ? `Kontakten med barnet ${fd(k)} lå før effektueringen ${fd(from)}, og der ses ingen kontakt i de første 3 måneder (senest ${fd(to)})`
      : `Første kontakt med barnet var ${fd(k)}, ${days(k - to)} efter 3-måneders fristen ${fd(to)}`;
const WHY_39_NEJ: Why = (k, from, to) => `${no39(k, from, to)}.`;
const WHY_39_BEGRUNDES: Why = (k, from, to) => `${no39(k, from, to)}, men der er angivet en begrundelse.`;

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
    const gate = threeMonthsGate(r, ctx, NOT_EFFECTED);
    if (gate !== null) return gate;
    const from = r.effektueret as Day;
    const to = threeMonthsAfter(from);
    const k = r.kontakt;
    if (k === UNREADABLE || k === NO_COLUMN) return missing('kontakt', k);
    if (k !== null && k >= from && k <= to) return because(JA, WHY_39_JA, k, from, to);
    const kk = k === null ? Number.NaN : k;
    const g = r.kontakt_grund;
    if (g === null) return because(NEJ, WHY_39_NEJ, kk, from, to);
    if (!has(g)) return missing('kontakt_grund', g);
    return because(NEJ_BEGRUNDES, WHY_39_BEGRUNDES, kk, from, to);
  },
};

export const CHAPTER_3: readonly Question[] = [Q3_6, Q3_7, Q3_8, Q3_9];
