import { elapsedCopenhagen } from '../../copenhagen';
import {
  IKKE_RELEVANT,
  NO_COLUMN,
  UNREADABLE,
  type DateTime,
  type FinalVerdict,
  type Question,
} from '../../types';
import { because, fdt, has, inconsistent, missing, verdict, type Why } from '../common';
import { JA, NEJ_FREMGAAR, NEJ_IKKE_FORETAGET, NEJ_JOURNAL, NEJ_SENERE } from '../labels';

const c = (v: FinalVerdict): FinalVerdict => Object.freeze(v);

const NO_NOTIFICATION = c(
  verdict(IKKE_RELEVANT, 'Der er ikke registreret en underretning efter afgørelsen.'),
);

const MINUTES_24H = 24 * 60;

/** "25 timer og 3 minutter" */
function duration(min: number): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  const hs = h === 1 ? '1 time' : `${h} timer`;
  return m === 0 ? hs : `${hs} og ${m === 1 ? '1 minut' : `${m} minutter`}`;
}

/** A date-time for a reason; minutes = NaN when there is no time of day. */
const dt = (day: number, minutes: number): string =>
  fdt({ day, minutes: Number.isNaN(minutes) ? null : minutes });

const WHY_613_NONE: Why = (ud, um) =>
  `Underretningen kom ${dt(ud, um)}, og der ses ingen 24-timers vurdering.`;
const WHY_613_DAYS: Why = (ud, um, vd, vm) => {
  const dayDiff = vd - ud;
  return dayDiff <= 1
    ? `24-timers vurderingen blev foretaget ${dt(vd, vm)}, ${dayDiff === 0 ? 'samme dag som' : 'dagen efter'} underretningen ${dt(ud, um)} (tidspunkt ikke angivet).`
    : `24-timers vurderingen blev foretaget ${dt(vd, vm)}, ${dayDiff} kalenderdage efter underretningen ${dt(ud, um)} (tidspunkt ikke angivet).`;
};
const timed613 = (u: DateTime, v: DateTime, elapsed: number): string =>
  `24-timers vurderingen blev foretaget ${fdt(v)}, ${duration(elapsed)} efter underretningen ${fdt(u)}.`;

export const Q6_13: Question = {
  id: '6.13',
  chapter: 6,
  title: 'ER DER FORETAGET EN 24-TIMERS VURDERING JF. § 155?',
  columnHeader: '6.13 24-timers vurdering',
  rows: [JA, NEJ_JOURNAL],
  optionalRows: [NEJ_SENERE],
  compliantRows: [JA],
  legal: 'Serviceloven § 155, stk. 2',
  columns: ['underretning', 'vurdering_24t'],
  evaluate(r, ctx) {
    const u = r.underretning;
    if (u === null) return NO_NOTIFICATION;
    if (!has(u)) return missing('underretning', u);
    const v = r.vurdering_24t;
    if (v === UNREADABLE || v === NO_COLUMN) return missing('vurdering_24t', v);
    if (v === null) return because(NEJ_JOURNAL, WHY_613_NONE, u.day, u.minutes ?? Number.NaN);
    const um = u.minutes ?? Number.NaN;
    const vm = v.minutes ?? Number.NaN;
    const dayDiff = v.day - u.day;
    if (u.minutes === null || v.minutes === null) {
      // Without a time of day only the calendar days can be compared (spec §4).
      if (dayDiff < 0) {
        return inconsistent(
          'underretning',
          'vurdering_24t',
          `24-timers vurderingen er dateret ${fdt(v)}, før underretningen ${fdt(u)}; ret en af datoerne.`,
        );
      }
      return because(dayDiff <= 1 ? JA : NEJ_SENERE, WHY_613_DAYS, u.day, um, v.day, vm);
    }
    // Real minutes in Europe/Copenhagen, so a DST night counts as the hour it is (spec §4).
    const elapsed = elapsedCopenhagen(
      { day: u.day, minutes: u.minutes },
      { day: v.day, minutes: v.minutes },
      ctx.offsets,
    );
    if (elapsed < 0) {
      return inconsistent(
        'underretning',
        'vurdering_24t',
        `24-timers vurderingen er angivet ${fdt(v)}, før underretningen ${fdt(u)}; ret en af tidspunkterne.`,
      );
    }
    return verdict(elapsed <= MINUTES_24H ? JA : NEJ_SENERE, timed613(u, v, elapsed));
  },
};

const V614 = {
  ja: c(verdict(JA, 'Der er foretaget en genvurdering, og kommunens konkrete vurdering fremgår.')),
  fremgaar: c(
    verdict(NEJ_FREMGAAR, 'Der er foretaget en genvurdering, men kommunens vurdering fremgår ikke af den.'),
  ),
  ikke: c(verdict(NEJ_IKKE_FORETAGET, 'Der ses ikke foretaget en genvurdering efter underretningen.')),
};

export const Q6_14: Question = {
  id: '6.14',
  chapter: 6,
  title: 'ER DER FORETAGET EN GENVURDERING, HVORAF DEN KONKRETE VURDERING FREMGÅR, JF. § 155?',
  columnHeader: '6.14 Genvurdering',
  rows: [JA, NEJ_FREMGAAR, NEJ_IKKE_FORETAGET],
  compliantRows: [JA],
  legal: 'Serviceloven § 155',
  columns: ['underretning', 'genvurdering'],
  evaluate(r) {
    const u = r.underretning;
    if (u === null) return NO_NOTIFICATION;
    if (!has(u)) return missing('underretning', u);
    const g = r.genvurdering;
    if (!has(g)) return missing('genvurdering', g);
    return g === 'ja' ? V614.ja : g === 'fremgaar-ikke' ? V614.fremgaar : V614.ikke;
  },
};

export const CHAPTER_6: readonly Question[] = [Q6_13, Q6_14];
