import { addMonthsDay } from '../../days';
import {
  IKKE_RELEVANT,
  NO_COLUMN,
  UNREADABLE,
  type CaseRecord,
  type Day,
  type FinalVerdict,
  type Question,
  type RuleContext,
} from '../../types';
import { days, fd, has, missing, verdict } from '../common';
import { JA, NEJ, NEJ_BEGRUNDES, ROWS_JA_NEJ } from '../labels';
import { bfuGate, investigationGate } from './chapter2';

/** Chapter 3 "Inddragelse" under Barnets lov (barnets-lov.md §4; § 5, § 22, § 95). */

export const Q3_6: Question = {
  id: '3.6',
  chapter: 3,
  title:
    'ER BARNETS ELLER DEN UNGES SYNSPUNKTER TILVEJEBRAGT VED SAMTALE SOM LED I UNDERSØGELSEN, JF. § 5, STK. 3, OG § 22, STK. 6?',
  columnHeader: '3.6 Samtale i undersøgelsen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 5, stk. 3, og § 22, stk. 6',
  columns: ['bfu', 'samtale_bfu'],
  evaluate(r) {
    const gate = investigationGate(r);
    if (gate !== null) return gate;
    const s = r.samtale_bfu;
    if (!has(s)) return missing('samtale_bfu', s);
    if (s === 'ikke-relevant')
      return verdict(IKKE_RELEVANT, 'Samtale med barnet i undersøgelsen er angivet som ikke relevant.');
    return s
      ? verdict(JA, 'Barnets synspunkter er tilvejebragt ved en samtale som led i undersøgelsen.')
      : verdict(NEJ, 'Der ses ikke holdt en samtale med barnet som led i undersøgelsen.');
  },
};

export const Q3_7: Question = {
  id: '3.7',
  chapter: 3,
  title:
    'FREMGÅR DET AF DEN BØRNEFAGLIGE UNDERSØGELSE, HVORDAN FORÆLDREMYNDIGHEDSINDEHAVEREN STILLER SIG TIL STØTTEN, JF. § 22, STK. 6?',
  columnHeader: '3.7 Forældrenes stillingtagen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 22, stk. 6',
  columns: ['bfu', 'foraeldre'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const f = r.foraeldre;
    if (!has(f)) return missing('foraeldre', f);
    return f
      ? verdict(
          JA,
          'Det fremgår af undersøgelsen, hvordan forældremyndighedsindehaveren stiller sig til støtten.',
        )
      : verdict(
          NEJ,
          'Det fremgår ikke af undersøgelsen, hvordan forældremyndighedsindehaveren stiller sig til støtten.',
        );
  },
};

const WAIVED = {
  'oenskede-ikke': 'barnet ikke ønskede samtale',
  alder: 'barnets alder eller andre forhold talte imod',
} as const;

export const Q3_8: Question = {
  id: '3.8',
  chapter: 3,
  title:
    'ER KRAVET OM SAMTALE MED BARNET ELLER DEN UNGE, INDEN DER TRÆFFES AFGØRELSE, OVERHOLDT, JF. § 5, STK. 3 OG 4?',
  columnHeader: '3.8 Samtale før afgørelsen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 5, stk. 3 og 4',
  columns: ['boernesamtale_undtagelse', 'boernesamtale', 'afgoerelsesdato'],
  conditionalColumns: ['synspunkter'],
  evaluate(r) {
    // Checked in exactly the order of barnets-lov.md §4.
    const ex = r.boernesamtale_undtagelse;
    if (ex === UNREADABLE || ex === NO_COLUMN) return missing('boernesamtale_undtagelse', ex);
    if (ex === 'ikke-relevant')
      return verdict(IKKE_RELEVANT, 'Samtalen med barnet er angivet som ikke relevant i sagen.');
    const talk = r.boernesamtale;
    if (talk === UNREADABLE || talk === NO_COLUMN) return missing('boernesamtale', talk);
    const dec = r.afgoerelsesdato;
    if (talk !== null) {
      if (!has(dec)) return missing('afgoerelsesdato', dec);
      // Decision: a conversation on the decision day itself counts as before the decision (≤).
      if (talk <= dec) {
        return verdict(
          JA,
          talk === dec
            ? `Samtalen med barnet blev holdt ${fd(talk)}, samme dag som afgørelsen.`
            : `Samtalen med barnet blev holdt ${fd(talk)}, før afgørelsen ${fd(dec)}.`,
        );
      }
    }
    // barnets-lov.md §3: on a BL case "Modenhed eller sagens karakter" is read as "Alder eller andre forhold".
    const waived =
      ex === 'oenskede-ikke'
        ? WAIVED['oenskede-ikke']
        : ex === 'alder' || ex === 'modenhed'
          ? WAIVED.alder
          : null;
    if (waived !== null) {
      const v = r.synspunkter;
      if (v === UNREADABLE || v === NO_COLUMN) return missing('synspunkter', v);
      if (v === true) {
        return verdict(
          JA,
          `Samtalen er undladt, fordi ${waived}, og barnets synspunkter er tilvejebragt på anden vis (barnets lov § 5, stk. 4).`,
        );
      }
      return verdict(
        NEJ,
        `Samtalen er undladt, fordi ${waived}, men det ${v === false ? 'ses ikke' : 'er ikke dokumenteret'}, at barnets synspunkter er tilvejebragt på anden vis (barnets lov § 5, stk. 4, 2. pkt.).`,
      );
    }
    const other =
      ex === 'andet'
        ? ', og den angivne begrundelse er ikke en undtagelse efter § 5, stk. 4'
        : ', og der er ingen dokumenteret undtagelse';
    if (talk !== null && has(dec)) {
      return verdict(
        NEJ,
        `Samtalen med barnet blev først holdt ${fd(talk)}, ${days(talk - dec)} efter afgørelsen ${fd(dec)}${other}.`,
      );
    }
    return verdict(
      NEJ,
      `Der ses ingen samtale med barnet før afgørelsen${has(dec) ? ` ${fd(dec)}` : ''}${other}.`,
    );
  },
};

/**
 * The three-month window after the indsats started (3.9 and 5.12): null when the question is
 * relevant (deadline ≤ Opgørelsesdato and the indsats had not stopped before the deadline), otherwise
 * the verdict to give. Decision: an indsats that stopped ON the deadline ran its time (only
 * ophoert < deadline is "stopped before"), as under SEL (barnets lov § 95, stk. 2).
 */
export function windowGate(r: CaseRecord, ctx: RuleContext, from: Day, deadline: Day): FinalVerdict | null {
  const cut = ctx.settings.opgoerelsesdato;
  if (deadline > cut) {
    return verdict(
      IKKE_RELEVANT,
      `Indsatsen blev iværksat ${fd(from)}, og fristen ${fd(deadline)} var ikke nået på opgørelsesdatoen ${fd(cut)}.`,
    );
  }
  const stop = r.ophoert;
  if (stop === UNREADABLE || stop === NO_COLUMN) return missing('ophoert', stop);
  if (stop !== null && stop < deadline) {
    return verdict(
      IKKE_RELEVANT,
      `Indsatsen blev iværksat ${fd(from)} og ophørte ${fd(stop)}, før fristen ${fd(deadline)}.`,
    );
  }
  return null;
}

export const NOT_EFFECTED: FinalVerdict = Object.freeze(
  verdict(IKKE_RELEVANT, 'Indsatsen er ikke iværksat.'),
);

export const Q3_9: Question = {
  id: '3.9',
  chapter: 3,
  title:
    'HAR KOMMUNEN VÆRET I KONTAKT MED BARNET ELLER DEN UNGE INDEN FOR DE FØRSTE TRE MÅNEDER EFTER, AT INDSATSEN ER IVÆRKSAT?',
  columnHeader: '3.9 Kontakt inden 3 mdr.',
  rows: [JA, NEJ_BEGRUNDES, NEJ],
  compliantRows: [JA, NEJ_BEGRUNDES],
  legal: 'Barnets lov § 95, stk. 2',
  columns: ['effektueret', 'ophoert', 'kontakt', 'kontakt_grund'],
  evaluate(r, ctx) {
    const from = r.effektueret;
    if (!has(from)) return missing('effektueret', from);
    if (from === 'ikke-effektueret') return NOT_EFFECTED;
    const to = addMonthsDay(from, 3);
    const gate = windowGate(r, ctx, from, to);
    if (gate !== null) return gate;
    const k = r.kontakt;
    if (k === UNREADABLE || k === NO_COLUMN) return missing('kontakt', k);
    if (k !== null && k >= from && k <= to) {
      return verdict(
        JA,
        `Første kontakt med barnet var ${fd(k)}, inden for 3 måneder efter iværksættelsen ${fd(from)} (senest ${fd(to)}).`,
      );
    }
    const why =
      k === null
        ? `Der ses ingen kontakt med barnet inden for 3 måneder efter iværksættelsen ${fd(from)} (senest ${fd(to)})`
        : k < from
          ? `Kontakten med barnet ${fd(k)} lå før iværksættelsen ${fd(from)}, og der ses ingen kontakt i de første 3 måneder (senest ${fd(to)})`
          : `Første kontakt med barnet var ${fd(k)}, ${days(k - to)} efter 3-måneders fristen ${fd(to)}`;
    const g = r.kontakt_grund;
    if (g === null) return verdict(NEJ, `${why}.`);
    if (!has(g)) return missing('kontakt_grund', g);
    return verdict(NEJ_BEGRUNDES, `${why}, men der er angivet en begrundelse.`);
  },
};

export const CHAPTER_3: readonly Question[] = [Q3_6, Q3_7, Q3_8, Q3_9];
