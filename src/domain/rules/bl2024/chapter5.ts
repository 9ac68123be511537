import { addMonthsDay } from '../../days';
import { NO_COLUMN, UNREADABLE, type Question } from '../../types';
import { days, fd, has, missing, verdict } from '../common';
import { JA, NEJ, ROWS_JA_NEJ } from '../labels';
import { NOT_EFFECTED, windowGate } from './chapter3';
import { investigationExists } from './facts';

/** Chapter 5 "Opfølgning" under Barnets lov: the first follow-up (§ 95, stk. 2). */

export const Q5_12: Question = {
  id: '5.12',
  chapter: 5,
  title: 'ER KRAVET OM FØRSTE OPFØLGNING OVERHOLDT, JF. § 95, STK. 2?',
  columnHeader: '5.12 Første opfølgning',
  rows: ROWS_JA_NEJ,
  compliantRows: [JA],
  legal: 'Barnets lov § 95, stk. 2',
  columns: ['effektueret', 'ophoert', 'opfoelgning', 'bfu'],
  conditionalColumns: ['bfu_afsluttet'],
  evaluate(r, ctx) {
    const from = r.effektueret;
    if (!has(from)) return missing('effektueret', from);
    if (from === 'ikke-effektueret') return NOT_EFFECTED;
    // Decision: without a readable bfu it cannot be told whether an investigation ran alongside and
    // made the deadline earlier (§ 95, stk. 2), so 5.12 is Mangler oplysninger (spec §4, blanks).
    const b = r.bfu;
    if (!has(b)) return missing('bfu', b);
    const threeMonths = addMonthsDay(from, 3);
    let deadline = threeMonths;
    let which = `3 måneder efter iværksættelsen ${fd(from)}`;
    if (investigationExists(b)) {
      const end = r.bfu_afsluttet;
      if (!has(end)) return missing('bfu_afsluttet', end);
      // The earliest of the two: the end of an investigation that ran alongside the indsats.
      if (from < end && end < threeMonths) {
        deadline = end;
        which = `da ${b === 'afdaekning' ? 'afdækningen' : 'undersøgelsen'}, der kørte sideløbende med indsatsen, blev afsluttet, før 3 måneder var gået`;
      }
    }
    const gate = windowGate(r, ctx, from, deadline);
    if (gate !== null) return gate;
    const o = r.opfoelgning;
    if (o === UNREADABLE || o === NO_COLUMN) return missing('opfoelgning', o);
    const rule = `fristen ${fd(deadline)} (${which}; barnets lov § 95, stk. 2)`;
    if (o === null) return verdict(NEJ, `Der ses ingen opfølgning inden ${rule}.`);
    if (o < from)
      return verdict(
        NEJ,
        `Opfølgningen ${fd(o)} lå før iværksættelsen ${fd(from)}, og der ses ingen opfølgning inden ${rule}.`,
      );
    if (o > deadline)
      return verdict(NEJ, `Første opfølgning var ${fd(o)}, ${days(o - deadline)} efter ${rule}.`);
    return verdict(JA, `Første opfølgning var ${fd(o)}, inden for ${rule}.`);
  },
};

export const CHAPTER_5: readonly Question[] = [Q5_12];
