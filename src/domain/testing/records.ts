import { dayFromYmd } from '../days';
import { defaultSettings } from '../settings';
import type { CaseRecord, DateTime, Day, RuleContext, Settings } from '../types';

/** Test helper: a Day from "dd-mm-yyyy". */
export function day(text: string): Day {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  if (!m) throw new Error(`bad test date ${text}`);
  return dayFromYmd(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** Test helper: a DateTime from "dd-mm-yyyy" or "dd-mm-yyyy HH:mm". */
export function dt(text: string): DateTime {
  const [d, t] = text.split(' ');
  if (t === undefined) return { day: day(d as string), minutes: null };
  const [h, min] = t.split(':').map(Number);
  return { day: day(d as string), minutes: (h as number) * 60 + (min as number) };
}

/** Test helper: a case record with every field blank except sagsnr and row, then `over`. */
export function record(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    row: 2,
    sagsnr: 1,
    foranstaltning: null,
    navn: null,
    cpr: null,
    afgoerelsesdato: null,
    anket: null,
    ast_behandlet: null,
    familie: null,
    dom_ukn: null,
    bfu: null,
    bfu_grund: null,
    opmaerksom: null,
    bfu_afsluttet: null,
    bfu_foreloebig: null,
    akut: null,
    stillingtagen: null,
    samtale_bfu: null,
    foraeldre: null,
    boernesamtale: null,
    boernesamtale_undtagelse: null,
    synspunkter: null,
    effektueret: null,
    ophoert: null,
    kontakt: null,
    kontakt_grund: null,
    plan_stillingtagen: null,
    handleplan: null,
    handleplan_grund: null,
    handleplan_indsats: null,
    opfoelgning: null,
    underretning: null,
    vurdering_24t: null,
    genvurdering: null,
    ...over,
  };
}

/** Test helper: settings for Afgørelsesår 2021 (Opgørelsesdato 23-03-2022), with overrides. */
export function settings(over: Partial<Settings> = {}): Settings {
  // Run in 2022: Afgørelsesår 2021, Undersøgelsesår 2023, Opgørelsesdato 23-03-2022.
  return { ...defaultSettings(dayFromYmd(2022, 6, 1)), kommune: 'Testrup', ...over };
}

export function ctx(over: Partial<Settings> = {}, today: Day = day('01-06-2023')): RuleContext {
  return { settings: settings(over), today };
}
