import { addMonthsDay } from '../../days';
import { IKKE_RELEVANT, NO_COLUMN, UNREADABLE, type Question } from '../../types';
import { days, fd, has, missing, verdict } from '../common';
import { JA, NEJ, NEJ_LOVLIG, ROWS_JA_LOVLIG_NEJ, ROWS_JA_NEJ } from '../labels';
import { isForcedPlacement, isPlacement, planLaw } from './facts';

/** Chapter 4 "Valg af relevant indsats" under Barnets lov: barnets plan and ungeplan (§§ 91, 92, 108). */

export const Q4_10: Question = {
  id: '4.10',
  chapter: 4,
  title: 'ER DER UDARBEJDET EN BARNETS PLAN ELLER UNGEPLAN TIL TIDEN, JF. §§ 91 OG 108?',
  columnHeader: '4.10 Barnets plan til tiden',
  rows: ROWS_JA_LOVLIG_NEJ,
  compliantRows: [JA, NEJ_LOVLIG],
  legal: 'Barnets lov §§ 91 og 108',
  columns: ['handleplan', 'handleplan_grund', 'afgoerelsesdato', 'foranstaltning'],
  conditionalColumns: ['plan_stillingtagen', 'cpr'],
  evaluate(r, ctx) {
    const hp = r.handleplan;
    if (hp === UNREADABLE || hp === NO_COLUMN) return missing('handleplan', hp);
    const dec = r.afgoerelsesdato;
    if (!has(dec)) return missing('afgoerelsesdato', dec);
    const m = r.foranstaltning;
    if (!has(m)) return missing('foranstaltning', m);
    const plan = planLaw(r, dec);
    const forced = isForcedPlacement(m);
    // A47: the plan must exist before the decision (§ 91, stk. 2, 3. pkt.; § 108, stk. 4); otherwise
    // within 3 months after it (§ 91, stk. 1–2; § 108, stk. 3).
    const deadline = forced ? dec : addMonthsDay(dec, 3);
    const section = plan.young
      ? forced
        ? '§ 108, stk. 4'
        : '§ 108, stk. 3'
      : forced
        ? '§ 91, stk. 2, 3. pkt.'
        : '§ 91, stk. 1 og 2';
    const term = forced
      ? `senest på afgørelsesdagen ${fd(deadline)}`
      : `senest ${fd(deadline)}, 3 måneder efter afgørelsen ${fd(dec)}`;
    if (hp !== null) {
      if (hp <= deadline)
        return verdict(
          JA,
          `${plan.Noun} forelå ${fd(hp)}, inden for fristen ${term} (barnets lov ${section}).`,
        );
      return verdict(
        NEJ,
        `${plan.Noun} forelå ${fd(hp)}, ${days(hp - deadline)} efter fristen ${fd(deadline)} (barnets lov ${section}).`,
      );
    }
    const g = r.handleplan_grund;
    const stance = r.plan_stillingtagen;
    let written = '';
    if (!isPlacement(m)) {
      // A § 32 indsats: the municipality may decide that no plan is needed (§ 91, stk. 1; § 108, stk. 1).
      if (stance === UNREADABLE || stance === NO_COLUMN) return missing('plan_stillingtagen', stance);
      if (stance === 'ikke-noedvendig') {
        return verdict(
          NEJ_LOVLIG,
          `Der ses ingen ${plan.indefinite}, men kommunen har taget stilling til, at en plan ikke er nødvendig (barnets lov ${plan.notNeededSection}).`,
        );
      }
      if (g === UNREADABLE) return missing('handleplan_grund', g);
      if (has(g))
        return verdict(
          NEJ_LOVLIG,
          `Der ses ingen ${plan.indefinite}, men der er angivet en lovlig grund til det.`,
        );
    } else {
      // A placement always needs a plan (§ 91, stk. 2; § 108, stk. 2), so neither column is a lawful reason.
      const always = `en anbringelse kræver altid en plan (${plan.placementSection})`;
      if (stance === 'ikke-noedvendig') written = ` Der er angivet "Plan ikke nødvendig", men ${always}.`;
      else if (has(g)) written = ` Der er angivet en grund, men ${always}.`;
    }
    const cut = ctx.settings.opgoerelsesdato;
    if (deadline > cut) {
      return verdict(
        IKKE_RELEVANT,
        `Der ses ingen ${plan.indefinite}, men fristen for ${plan.noun} er ikke udløbet på opgørelsesdatoen ${fd(cut)} (fristen er ${fd(deadline)}, barnets lov ${section}).${written}`,
      );
    }
    return verdict(
      NEJ,
      `Der ses ingen ${plan.indefinite}, og fristen ${fd(deadline)} er udløbet (barnets lov ${section}).${written}`,
    );
  },
};

export const Q4_11: Question = {
  id: '4.11',
  chapter: 4,
  title: 'INDEHOLDER PLANEN KONKRETE MÅL FOR BARNETS ELLER DEN UNGES TRIVSEL OG UDVIKLING, JF. § 92?',
  columnHeader: '4.11 Konkrete mål i planen',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 92',
  columns: ['handleplan', 'handleplan_indsats'],
  evaluate(r) {
    // Relevant when a plan date is given, on time or late (barnets-lov.md §4), by the facts only.
    const hp = r.handleplan;
    if (hp === null) return verdict(IKKE_RELEVANT, 'Der ses ingen plan, så indholdet kan ikke vurderes.');
    if (!has(hp)) return missing('handleplan', hp);
    const i = r.handleplan_indsats;
    if (!has(i)) return missing('handleplan_indsats', i);
    return i
      ? verdict(JA, 'Planen indeholder konkrete mål for barnets eller den unges trivsel og udvikling.')
      : verdict(NEJ, 'Planen indeholder ikke konkrete mål for barnets eller den unges trivsel og udvikling.');
  },
};

export const CHAPTER_4: readonly Question[] = [Q4_10, Q4_11];
