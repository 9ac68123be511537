import { IKKE_RELEVANT, type CaseRecord, type FinalVerdict, type Question } from '../../types';
import { because, days, fd, fourMonthDeadline, has, missing, verdict, type Why } from '../common';
import { JA, NEJ, NEJ_LOVLIG, ROWS_JA_LOVLIG_NEJ, ROWS_JA_NEJ } from '../labels';

const c = <T extends FinalVerdict>(v: T): T => Object.freeze(v);

const V22 = {
  irrelevant: c(verdict(IKKE_RELEVANT, 'En børnefaglig undersøgelse er angivet som ikke relevant i sagen.')),
  ny: c(verdict(JA, 'Der er udarbejdet en ny børnefaglig undersøgelse.')),
  opdatering: c(verdict(JA, 'Der er udarbejdet en opdatering af den børnefaglige undersøgelse.')),
  lovlig: c(
    verdict(NEJ_LOVLIG, 'Der er ingen børnefaglig undersøgelse, men der er angivet en lovlig grund til det.'),
  ),
  nej: c(verdict(NEJ, 'Der er ingen børnefaglig undersøgelse, og der er ikke angivet en lovlig grund.')),
};

/** Not relevant because no BFU exists (bfu = Ingen / Ikke relevant), shared by 2.4–3.7. */
const NO_BFU = c(
  verdict(IKKE_RELEVANT, 'Der er ingen børnefaglig undersøgelse eller opdatering at vurdere i sagen.'),
);

/**
 * The BFU-exists gate of 2.4, 2.5, 3.6 and 3.7 (spec §4): null = a BFU exists, otherwise the
 * verdict to give (Mangler when bfu is blank or unreadable, else Ikke relevant).
 */
export function bfuGate(r: CaseRecord): FinalVerdict | null {
  const b = r.bfu;
  if (!has(b)) return missing('bfu', b);
  return b === 'ny' || b === 'opdatering' ? null : NO_BFU;
}

export const Q2_2: Question = {
  id: '2.2',
  chapter: 2,
  title:
    'ER DER UDARBEJDET EN BØRNEFAGLIG UNDERSØGELSE ELLER EN OPDATERING DER VEDRØRER DE AKTUELLE FORHOLD, JF. § 50?',
  columnHeader: '2.2 Børnefaglig undersøgelse',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Serviceloven § 50',
  columns: ['bfu', 'bfu_grund'],
  evaluate(r) {
    const b = r.bfu;
    if (!has(b)) return missing('bfu', b);
    if (b === 'ikke-relevant') return V22.irrelevant;
    if (b === 'ny') return V22.ny;
    if (b === 'opdatering') return V22.opdatering;
    const g = r.bfu_grund;
    if (g === null) return V22.nej;
    return has(g) ? V22.lovlig : missing('bfu_grund', g);
  },
};

const V23_UPDATE = c(
  verdict(
    IKKE_RELEVANT,
    'Der er tale om en opdatering, og fristen måles kun for nye børnefaglige undersøgelser.',
  ),
);
const V23_NONE = c(verdict(IKKE_RELEVANT, 'Der er ingen ny børnefaglig undersøgelse, hvis frist kan måles.'));

export const Q2_3: Question = {
  id: '2.3',
  chapter: 2,
  title: 'ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 7?',
  columnHeader: '2.3 4-måneders frist',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Serviceloven § 50, stk. 7',
  columns: ['bfu', 'opmaerksom', 'bfu_afsluttet', 'bfu_foreloebig'],
  evaluate(r) {
    const b = r.bfu;
    if (!has(b)) return missing('bfu', b);
    if (b !== 'ny') return b === 'opdatering' ? V23_UPDATE : V23_NONE;
    return fourMonthDeadline(r, '');
  },
};

const V24 = {
  ja: c(verdict(JA, 'Der er en begrundet stillingtagen på baggrund af undersøgelsen.')),
  nej: c(verdict(NEJ, 'Der er ingen begrundet stillingtagen på baggrund af undersøgelsen.')),
};

export const Q2_4: Question = {
  id: '2.4',
  chapter: 2,
  title:
    'ER DER UDARBEJDET EN BEGRUNDET STILLINGTAGEN PÅ BAGGRUND AF DEN BØRNEFAGLIGE UNDERSØGELSE, JF. § 50, STK. 6?',
  columnHeader: '2.4 Begrundet stillingtagen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 50, stk. 6',
  columns: ['bfu', 'stillingtagen'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const s = r.stillingtagen;
    if (!has(s)) return missing('stillingtagen', s);
    return s ? V24.ja : V24.nej;
  },
};

const WHY_25_JA: Why = (end, dec) => `Undersøgelsen blev afsluttet ${fd(end)}, inden afgørelsen ${fd(dec)}.`;
const after25 = (end: number, dec: number): string =>
  `Undersøgelsen blev afsluttet ${fd(end)}, ${days(end - dec)} efter afgørelsen ${fd(dec)}`;
const WHY_25_AKUT: Why = (end, dec) =>
  `${after25(end, dec)}, men der var tale om akut støtte (§ 52, stk. 2).`;
const WHY_25_NEJ: Why = (end, dec) => `${after25(end, dec)}, og der var ikke tale om akut støtte.`;

export const Q2_5: Question = {
  id: '2.5',
  chapter: 2,
  title:
    'ER DEN BØRNEFAGLIGE UNDERSØGELSE ELLER OPDATERING AFSLUTTET, INDEN KOMMUNEN HAR TRUFFET AFGØRELSEN?',
  columnHeader: '2.5 Afsluttet før afgørelse',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Serviceloven § 50 og § 52, stk. 2',
  columns: ['bfu', 'bfu_afsluttet', 'afgoerelsesdato', 'akut'],
  evaluate(r) {
    const gate = bfuGate(r);
    if (gate !== null) return gate;
    const end = r.bfu_afsluttet;
    if (!has(end)) return missing('bfu_afsluttet', end);
    const dec = r.afgoerelsesdato;
    if (!has(dec)) return missing('afgoerelsesdato', dec);
    // Decision: an investigation finished on the decision day counts as finished before it (spec §4: ≤).
    if (end <= dec) return because(JA, WHY_25_JA, end, dec);
    const akut = r.akut;
    if (akut === true) return because(NEJ_LOVLIG, WHY_25_AKUT, end, dec);
    if (akut === null || akut === false) return because(NEJ, WHY_25_NEJ, end, dec);
    return missing('akut', akut);
  },
};

export const CHAPTER_2: readonly Question[] = [Q2_2, Q2_3, Q2_4, Q2_5];
