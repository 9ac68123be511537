import { addMonthsDay } from '../../days';
import { IKKE_RELEVANT, NO_COLUMN, UNREADABLE, type FinalVerdict, type Question } from '../../types';
import { because, days, fd, has, missing, verdict, type Why } from '../common';
import { JA, NEJ, NEJ_LOVLIG, ROWS_JA_LOVLIG_NEJ, ROWS_JA_NEJ } from '../labels';

const c = (v: FinalVerdict): FinalVerdict => Object.freeze(v);

const V410 = {
  lovlig: c(verdict(NEJ_LOVLIG, 'Der ses ingen handleplan, men der er angivet en lovlig grund til det.')),
  nej: c(
    verdict(NEJ, 'Der ses ingen handleplan for foranstaltningen, og der er ikke angivet en lovlig grund.'),
  ),
};

const WHY_410_PLAN: Why = (hp) => `Handleplanen blev udarbejdet ${fd(hp)}.`;
const WHY_410_BEFORE: Why = (hp, dec) => `Handleplanen blev udarbejdet ${fd(hp)}, før afgørelsen ${fd(dec)}.`;
const WHY_410_AKUT: Why = (hp, dec, limit) =>
  hp > limit
    ? `Handleplanen blev udarbejdet ${fd(hp)}, mere end 4 måneder efter den akutte afgørelse ${fd(dec)} (senest ${fd(limit)}).`
    : `Handleplanen blev udarbejdet ${fd(hp)}, efter den akutte afgørelse ${fd(dec)} men inden for 4 måneder.`;
const WHY_410_AFTER: Why = (hp, dec) =>
  `Handleplanen blev udarbejdet ${fd(hp)}, ${days(hp - dec)} efter afgørelsen ${fd(dec)}, uden at der var tale om akut støtte.`;

export const Q4_10: Question = {
  id: '4.10',
  chapter: 4,
  title: 'ER DER UDARBEJDET EN HANDLEPLAN FOR DEN AKTUELLE FORANSTALTNING, JF. § 140?',
  columnHeader: '4.10 Handleplan',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Serviceloven § 140',
  columns: ['handleplan', 'handleplan_grund', 'afgoerelsesdato', 'akut'],
  evaluate(r) {
    const hp = r.handleplan;
    if (hp === UNREADABLE || hp === NO_COLUMN) return missing('handleplan', hp);
    if (hp !== null) {
      // Relevant for every case; the timing does not change the answer, only the reason (spec §4).
      const dec = r.afgoerelsesdato;
      if (!has(dec)) return because(JA, WHY_410_PLAN, hp);
      if (hp <= dec) return because(JA, WHY_410_BEFORE, hp, dec);
      // § 140, stk. 2: in acute cases the plan may follow the decision, within 4 months.
      if (r.akut === true) return because(JA, WHY_410_AKUT, hp, dec, addMonthsDay(dec, 4));
      return because(JA, WHY_410_AFTER, hp, dec);
    }
    const g = r.handleplan_grund;
    if (g === null) return V410.nej;
    return has(g) ? V410.lovlig : missing('handleplan_grund', g);
  },
};

const V411 = {
  irrelevant: c(verdict(IKKE_RELEVANT, 'Der ses ingen handleplan, så indholdet kan ikke vurderes.')),
  ja: c(verdict(JA, 'Handleplanen angiver, hvilken indsats der er nødvendig for at opnå formålet.')),
  nej: c(verdict(NEJ, 'Handleplanen angiver ikke, hvilken indsats der er nødvendig for at opnå formålet.')),
};

export const Q4_11: Question = {
  id: '4.11',
  chapter: 4,
  title: 'ANGIVER HANDLEPLANEN, HVILKEN INDSATS DER ER NØDVENDIG FOR AT OPNÅ FORMÅLET, JF. § 140, STK. 3?',
  columnHeader: '4.11 Nødvendig indsats',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Serviceloven § 140, stk. 3',
  columns: ['handleplan', 'handleplan_indsats'],
  evaluate(r) {
    // Relevant when 4.10 is Ja by the facts (a handleplan date), never by a corrected 4.10 (spec §4).
    const hp = r.handleplan;
    if (hp === null) return V411.irrelevant;
    if (!has(hp)) return missing('handleplan', hp);
    const i = r.handleplan_indsats;
    if (!has(i)) return missing('handleplan_indsats', i);
    return i ? V411.ja : V411.nej;
  },
};

export const CHAPTER_4: readonly Question[] = [Q4_10, Q4_11];
