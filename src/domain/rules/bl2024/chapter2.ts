import {
  IKKE_RELEVANT,
  type BfuKind,
  type CaseRecord,
  type FinalVerdict,
  type MeasureCode,
  type Question,
} from '../../types';
import { days, fd, fourMonthDeadline, has, missing, verdict } from '../common';
import { JA, NEJ, NEJ_LOVLIG, ROWS_JA_LOVLIG_NEJ, ROWS_JA_NEJ } from '../labels';
import { bfuExists, investigationExists, isForcedPlacement, isPlacement } from './facts';

/** Chapter 2 "Faglig udredning" under Barnets lov (barnets-lov.md §4, §§ 19–22). */

const kindText = (b: BfuKind): string =>
  b === 'ny'
    ? 'en ny børnefaglig undersøgelse'
    : b === 'opdatering'
      ? 'en opdatering af den børnefaglige undersøgelse'
      : 'en afdækning (§ 19)';

export const Q2_2: Question = {
  id: '2.2',
  chapter: 2,
  title:
    'ER DER UDARBEJDET EN AFDÆKNING ELLER EN BØRNEFAGLIG UNDERSØGELSE, DER VEDRØRER DE AKTUELLE FORHOLD, JF. §§ 19 OG 20?',
  columnHeader: '2.2 Afdækning eller undersøgelse',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Barnets lov §§ 19 og 20, § 32, stk. 4, § 46, stk. 3, og § 47, stk. 2',
  columns: ['bfu', 'bfu_grund', 'foranstaltning'],
  evaluate(r) {
    const b = r.bfu;
    if (!has(b)) return missing('bfu', b);
    if (b === 'ikke-relevant')
      return verdict(IKKE_RELEVANT, 'En afdækning eller undersøgelse er angivet som ikke relevant i sagen.');
    // A børnefaglig undersøgelse is Ja for every indsats, so only an afdækning or none needs the indsats.
    if (bfuExists(b)) return verdict(JA, `Der er udarbejdet ${kindText(b)}.`);
    const m = r.foranstaltning;
    if (!has(m)) return missing('foranstaltning', m);
    if (isPlacement(m)) {
      const what = b === 'afdaekning' ? 'kun en afdækning' : 'ingen børnefaglig undersøgelse';
      return verdict(
        NEJ,
        `Der er ${what}, og en anbringelse kræver en børnefaglig undersøgelse (barnets lov § 46, stk. 3, og § 47, stk. 2), også når der er angivet en grund.`,
      );
    }
    if (investigationExists(b)) return verdict(JA, `Der er udarbejdet ${kindText(b)}.`);
    const g = r.bfu_grund;
    if (g === null)
      return verdict(
        NEJ,
        'Der er hverken en afdækning eller en børnefaglig undersøgelse, og der er ikke angivet en lovlig grund.',
      );
    if (!has(g)) return missing('bfu_grund', g);
    return verdict(
      NEJ_LOVLIG,
      'Der er hverken en afdækning eller en børnefaglig undersøgelse, men der er angivet en lovlig grund til det.',
    );
  },
};

export const Q2_3: Question = {
  id: '2.3',
  chapter: 2,
  title: 'ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 20, STK. 3?',
  columnHeader: '2.3 4-måneders frist',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Barnets lov § 20, stk. 3',
  columns: ['bfu', 'opmaerksom', 'bfu_afsluttet', 'bfu_foreloebig'],
  evaluate(r) {
    const b = r.bfu;
    if (!has(b)) return missing('bfu', b);
    if (b === 'opdatering') {
      return verdict(
        IKKE_RELEVANT,
        'Der er tale om en opdatering, og fristen måles kun for nye børnefaglige undersøgelser.',
      );
    }
    if (b === 'afdaekning') {
      return verdict(IKKE_RELEVANT, 'Der er tale om en afdækning (§ 19), som ikke har en lovbestemt frist.');
    }
    if (b !== 'ny')
      return verdict(IKKE_RELEVANT, 'Der er ingen ny børnefaglig undersøgelse, hvis frist kan måles.');
    return fourMonthDeadline(r, ' (§ 20, stk. 3, 2. pkt.)');
  },
};

/** Not relevant because there is no børnefaglig undersøgelse (an afdækning is not one). */
const NO_BFU = Object.freeze(
  verdict(IKKE_RELEVANT, 'Der er ingen børnefaglig undersøgelse eller opdatering at vurdere i sagen.'),
);

/** The BFU-exists gate of 2.4 and 3.7: null when a børnefaglig undersøgelse exists. */
export function bfuGate(r: CaseRecord): FinalVerdict | null {
  const b = r.bfu;
  if (!has(b)) return missing('bfu', b);
  return bfuExists(b) ? null : NO_BFU;
}

/** The investigation-exists gate of 2.5 and 3.6: null when an afdækning or a BFU exists. */
export function investigationGate(r: CaseRecord): FinalVerdict | null {
  const b = r.bfu;
  if (!has(b)) return missing('bfu', b);
  return investigationExists(b)
    ? null
    : verdict(
        IKKE_RELEVANT,
        'Der er hverken en afdækning eller en børnefaglig undersøgelse at vurdere i sagen.',
      );
}

export const Q2_4: Question = {
  id: '2.4',
  chapter: 2,
  title:
    'ER DER UDARBEJDET EN BEGRUNDET STILLINGTAGEN PÅ BAGGRUND AF DEN BØRNEFAGLIGE UNDERSØGELSE, JF. § 22, STK. 6?',
  columnHeader: '2.4 Begrundet stillingtagen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 22, stk. 6',
  columns: ['bfu', 'stillingtagen'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const s = r.stillingtagen;
    if (!has(s)) return missing('stillingtagen', s);
    return s
      ? verdict(JA, 'Der er en begrundet stillingtagen på baggrund af undersøgelsen.')
      : verdict(NEJ, 'Der er ingen begrundet stillingtagen på baggrund af undersøgelsen.');
  },
};

/** The section that lets support start alongside the investigation (barnets-lov.md §4, 2.5). */
function alongsideSection(m: MeasureCode | null): string {
  if (m === null) return 'barnets lov § 32, stk. 4, § 46, stk. 3, eller § 143';
  if (isForcedPlacement(m)) return 'barnets lov § 143';
  if (isPlacement(m)) return 'barnets lov § 46, stk. 3';
  return 'barnets lov § 32, stk. 4';
}

export const Q2_5: Question = {
  id: '2.5',
  chapter: 2,
  title:
    'ER AFDÆKNINGEN ELLER DEN BØRNEFAGLIGE UNDERSØGELSE AFSLUTTET, INDEN KOMMUNEN HAR TRUFFET AFGØRELSEN?',
  columnHeader: '2.5 Afsluttet før afgørelse',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Barnets lov §§ 19 og 20, § 32, stk. 4, § 46, stk. 3, og § 143',
  columns: ['bfu', 'bfu_afsluttet', 'afgoerelsesdato', 'akut'],
  evaluate(r) {
    const gate = investigationGate(r);
    if (gate !== null) return gate;
    const end = r.bfu_afsluttet;
    if (!has(end)) return missing('bfu_afsluttet', end);
    const dec = r.afgoerelsesdato;
    if (!has(dec)) return missing('afgoerelsesdato', dec);
    const what = r.bfu === 'afdaekning' ? 'Afdækningen' : 'Undersøgelsen';
    // Decision: finished on the decision day counts as finished before it (spec §4: ≤).
    if (end <= dec) return verdict(JA, `${what} blev afsluttet ${fd(end)}, inden afgørelsen ${fd(dec)}.`);
    const after = `${what} blev afsluttet ${fd(end)}, ${days(end - dec)} efter afgørelsen ${fd(dec)}`;
    const akut = r.akut;
    if (akut === true) {
      // Decision: the answer does not depend on the indsats, so an unreadable one only widens the reason.
      const m = has(r.foranstaltning) ? r.foranstaltning : null;
      return verdict(
        NEJ_LOVLIG,
        `${after}, men indsatsen blev iværksat sideløbende med undersøgelsen (${alongsideSection(m)}).`,
      );
    }
    if (akut === null || akut === false)
      return verdict(NEJ, `${after}, og indsatsen er ikke angivet som akut eller sideløbende.`);
    return missing('akut', akut);
  },
};

export const CHAPTER_2: readonly Question[] = [Q2_2, Q2_3, Q2_4, Q2_5];
