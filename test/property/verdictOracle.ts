/**
 * An independent oracle of the verdict rules, written from the spec text alone:
 * barometer.md §4–§5 (rule set SEL-2023) and barnets-lov.md §1 and §4 (BL-2024). It works on
 * plain typed case facts (no cells, no parsing) and never imports the rule core
 * (src/domain/rules, src/domain/evaluate); its calendar is JavaScript's own (./oracle) and its
 * Copenhagen clock is the platform's time-zone data (Intl), not @date-fns/tz.
 *
 * It gives, per case, the rule set by decision date and one answer per question, and per rule set
 * part the tables (counts, round-half-up percents, total-0 tables left out, 6.13's conditional
 * row, suppression) and Overholdt.
 */
import { oracleDay, oracleYmd } from './oracle';

export type RuleSetId = 'SEL-2023' | 'BL-2024';

/** What was decided, independent of the law's wording (the codes of the two laws map onto these). */
export type MeasureKind =
  | 'frivillig' // SEL A7 · BL A46
  | 'tvang' // SEL T58 · BL A47
  | 'familiebehandling' // F3 · F5
  | 'praktisk' // P2 · P2
  | 'doegn' // D4 · D6
  | 'aflastning' // L5 · S7
  | 'kontaktperson'; // K6 · K3

export type Bfu = 'ny' | 'opdatering' | 'ingen' | 'ikke-relevant' | 'afdaekning';
export type Exception = 'oenskede-ikke' | 'modenhed' | 'alder' | 'ikke-relevant' | 'andet';
export type PlanStance = 'udarbejdes' | 'ikke-noedvendig';
export type Reassess = 'ja' | 'fremgaar-ikke' | 'ikke-foretaget';

/** A wall-clock time in Europe/Copenhagen; minutes null = no time of day. */
export interface WallTime {
  readonly day: number;
  readonly minutes: number | null;
}

/** One case's facts. Days are days since 1899-12-30; null = blank. */
export interface OracleCase {
  readonly sagsnr: number;
  readonly measure: MeasureKind;
  readonly birthDay: number;
  readonly decision: number | null;
  readonly bfu: Bfu | null;
  readonly bfuGrund: string | null;
  readonly opmaerksom: number | null;
  readonly bfuAfsluttet: number | null;
  readonly bfuForeloebig: string | null;
  /** blank = Nej */
  readonly akut: boolean;
  readonly stillingtagen: boolean | null;
  readonly samtaleBfu: boolean | 'ikke-relevant' | null;
  readonly foraeldre: boolean | null;
  readonly boernesamtale: number | null;
  readonly undtagelse: Exception | null;
  readonly synspunkter: boolean | null;
  readonly planStillingtagen: PlanStance | null;
  readonly effektueret: number | 'ikke-effektueret' | null;
  readonly ophoert: number | null;
  readonly kontakt: number | null;
  readonly kontaktGrund: string | null;
  readonly handleplan: number | null;
  readonly handleplanGrund: string | null;
  readonly handleplanIndsats: boolean | null;
  readonly opfoelgning: number | null;
  readonly underretning: WallTime | null;
  readonly vurdering24t: WallTime | null;
  readonly genvurdering: Reassess | null;
}

export interface OracleSettings {
  readonly afgoerelsesaar: number;
  readonly opgoerelsesdato: number;
  readonly offentliggoerelse: boolean;
  /** A forced rule set (Indstillinger "Regelsæt" / --ruleset), or null = by decision date. */
  readonly forced: RuleSetId | null;
  /**
   * The optional BL columns left out of the sheet (barnets-lov.md §3): a BL verdict is Mangler
   * oplysninger only when its rule reaches the column; SEL cases never miss them.
   */
  readonly absent?: readonly ('synspunkter' | 'plan_stillingtagen')[];
}

export const IR = 'Ikke relevant';
export const M = 'Mangler oplysninger';
const JA = 'Ja';
const NEJ = 'Nej';
const NML = 'Nej, men lovlig grund';
const NMK = 'Nej, men kan begrundes';
const NEJ_JOURNAL = 'Nej, det ses ikke i journalen';
const NEJ_24 = 'Nej, foretaget senere end 24 timer';
const NEJ_VURD = 'Nej, kommunens vurdering fremgår ikke af genvurderingen';
const NEJ_GENV = 'Nej, der ses ikke foretaget en genvurdering';

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

/** date-fns addMonths: the same day n months later, clamped to the month's last day (31 Oct + 4 → 28/29 Feb). */
export function addMonths(day: number, n: number): number {
  const { y, m, d } = oracleYmd(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = oracleYmd(oracleDay(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - 1).d;
  return oracleDay(ny, nm, Math.min(d, last));
}

export const BL_START = oracleDay(2024, 1, 1);

const COPENHAGEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Copenhagen wall clock (as minutes since day 0) of a UTC instant given in ms. */
function wallOf(ms: number): number {
  const p = Object.fromEntries(COPENHAGEN.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return (
    oracleDay(Number(p.year), Number(p.month), Number(p.day)) * 1440 + Number(p.hour) * 60 + Number(p.minute)
  );
}

/** UTC ms of a Copenhagen wall-clock time (the generator avoids the hours a DST change skips or repeats). */
export function instantOf(t: { day: number; minutes: number }): number {
  const wall = t.day * 1440 + t.minutes;
  const asUtc = (wall - 25569 * 1440) * 60_000;
  // The offset is +1 or +2 hours; the one that maps back to the same wall clock is the right one.
  for (const offH of [1, 2]) {
    const ms = asUtc - offH * 3_600_000;
    if (wallOf(ms) === wall) return ms;
  }
  throw new Error(`no Copenhagen instant for day ${t.day} minute ${t.minutes}`);
}

// ---------------------------------------------------------------------------
// Rule sets: questions, titles, rows
// ---------------------------------------------------------------------------

export interface OracleQuestion {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly string[];
  /** Shown only when its count > 0 (6.13). */
  readonly optionalRow?: string;
}

const R_JLN = [JA, NML, NEJ];
const R_JN = [JA, NEJ];
const R_913 = [JA, NMK, NEJ];
const R_613 = [JA, NEJ_JOURNAL];
const R_614 = [JA, NEJ_VURD, NEJ_GENV];

export const ROWS_11: Readonly<Record<RuleSetId, readonly string[]>> = {
  'SEL-2023': [
    'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
    'Anbringelse (tvangsmæssig) § 58, stk. 1',
    'Familiebehandling § 52, stk. 3, nr. 3',
    'Andre foranstaltninger efter § 52, stk. 3.',
  ],
  'BL-2024': [
    'Anbringelse med samtykke § 46',
    'Anbringelse uden samtykke § 47',
    'Familiebehandling § 32, stk. 1, nr. 5',
    'Andre støttende indsatser efter § 32, stk. 1',
  ],
};

/** barometer.md §5 */
const SEL_QUESTIONS: readonly OracleQuestion[] = [
  { id: '1.1', title: 'HVAD ER DER TRUFFET AFGØRELSE OM?', rows: ROWS_11['SEL-2023'] },
  {
    id: '2.2',
    title:
      'ER DER UDARBEJDET EN BØRNEFAGLIG UNDERSØGELSE ELLER EN OPDATERING DER VEDRØRER DE AKTUELLE FORHOLD, JF. § 50?',
    rows: R_JLN,
  },
  {
    id: '2.3',
    title: 'ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 7?',
    rows: R_JLN,
  },
  {
    id: '2.4',
    title:
      'ER DER UDARBEJDET EN BEGRUNDET STILLINGTAGEN PÅ BAGGRUND AF DEN BØRNEFAGLIGE UNDERSØGELSE, JF. § 50, STK. 6?',
    rows: R_JN,
  },
  {
    id: '2.5',
    title:
      'ER DEN BØRNEFAGLIGE UNDERSØGELSE ELLER OPDATERING AFSLUTTET, INDEN KOMMUNEN HAR TRUFFET AFGØRELSEN?',
    rows: R_JLN,
  },
  {
    id: '3.6',
    title:
      'ER KRAVET OM SAMTALE MED BARNET ELLER DEN UNGE SOM LED I DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 50, STK. 3?',
    rows: R_JN,
  },
  {
    id: '3.7',
    title: 'FREMGÅR DER OPLYSNINGER FRA FORÆLDREMYNDIGHEDSINDEHAVER(E) I DEN BØRNEFAGLIGE UNDERSØGELSE?',
    rows: R_JN,
  },
  { id: '3.8', title: 'ER KRAVET OM BØRNESAMTALEN FORUD FOR AFGØRELSEN OVERHOLDT, JF. § 48?', rows: R_JN },
  {
    id: '3.9',
    title:
      'HAR KOMMUNEN VÆRET I KONTAKT MED BARNET ELLER DEN UNGE INDEN FOR DE FØRSTE TRE MÅNEDER EFTER FORANSTALTNINGEN ER EFFEKTUERET?',
    rows: R_913,
  },
  {
    id: '4.10',
    title: 'ER DER UDARBEJDET EN HANDLEPLAN FOR DEN AKTUELLE FORANSTALTNING, JF. § 140?',
    rows: R_JLN,
  },
  {
    id: '4.11',
    title: 'ANGIVER HANDLEPLANEN, HVILKEN INDSATS DER ER NØDVENDIG FOR AT OPNÅ FORMÅLET, JF. § 140, STK. 3?',
    rows: R_JN,
  },
  {
    id: '5.12',
    title:
      'ER KRAVET OM OPFØLGNING INDEN FOR DE FØRSTE TRE MÅNEDER EFTER IVÆRKSÆTTELSE AF FORANSTALTNINGEN OVERHOLDT, JF. § 70, STK. 1?',
    rows: R_JN,
  },
  {
    id: '6.13',
    title: 'ER DER FORETAGET EN 24-TIMERS VURDERING JF. § 155?',
    rows: R_613,
    optionalRow: NEJ_24,
  },
  {
    id: '6.14',
    title: 'ER DER FORETAGET EN GENVURDERING, HVORAF DEN KONKRETE VURDERING FREMGÅR, JF. § 155?',
    rows: R_614,
  },
];

/** barnets-lov.md §4 */
const BL_QUESTIONS: readonly OracleQuestion[] = [
  { id: '1.1', title: 'HVAD ER DER TRUFFET AFGØRELSE OM?', rows: ROWS_11['BL-2024'] },
  {
    id: '2.2',
    title:
      'ER DER UDARBEJDET EN AFDÆKNING ELLER EN BØRNEFAGLIG UNDERSØGELSE, DER VEDRØRER DE AKTUELLE FORHOLD, JF. §§ 19 OG 20?',
    rows: R_JLN,
  },
  {
    id: '2.3',
    title: 'ER 4-MÅNEDERS FRISTEN FOR AT AFSLUTTE DEN BØRNEFAGLIGE UNDERSØGELSE OVERHOLDT, JF. § 20, STK. 3?',
    rows: R_JLN,
  },
  {
    id: '2.4',
    title:
      'ER DER UDARBEJDET EN BEGRUNDET STILLINGTAGEN PÅ BAGGRUND AF DEN BØRNEFAGLIGE UNDERSØGELSE, JF. § 22, STK. 6?',
    rows: R_JN,
  },
  {
    id: '2.5',
    title:
      'ER AFDÆKNINGEN ELLER DEN BØRNEFAGLIGE UNDERSØGELSE AFSLUTTET, INDEN KOMMUNEN HAR TRUFFET AFGØRELSEN?',
    rows: R_JLN,
  },
  {
    id: '3.6',
    title:
      'ER BARNETS ELLER DEN UNGES SYNSPUNKTER TILVEJEBRAGT VED SAMTALE SOM LED I UNDERSØGELSEN, JF. § 5, STK. 3, OG § 22, STK. 6?',
    rows: R_JN,
  },
  {
    id: '3.7',
    title:
      'FREMGÅR DET AF DEN BØRNEFAGLIGE UNDERSØGELSE, HVORDAN FORÆLDREMYNDIGHEDSINDEHAVEREN STILLER SIG TIL STØTTEN, JF. § 22, STK. 6?',
    rows: R_JN,
  },
  {
    id: '3.8',
    title:
      'ER KRAVET OM SAMTALE MED BARNET ELLER DEN UNGE, INDEN DER TRÆFFES AFGØRELSE, OVERHOLDT, JF. § 5, STK. 3 OG 4?',
    rows: R_JN,
  },
  {
    id: '3.9',
    title:
      'HAR KOMMUNEN VÆRET I KONTAKT MED BARNET ELLER DEN UNGE INDEN FOR DE FØRSTE TRE MÅNEDER EFTER, AT INDSATSEN ER IVÆRKSAT?',
    rows: R_913,
  },
  {
    id: '4.10',
    title: 'ER DER UDARBEJDET EN BARNETS PLAN ELLER UNGEPLAN TIL TIDEN, JF. §§ 91 OG 108?',
    rows: R_JLN,
  },
  {
    id: '4.11',
    title: 'INDEHOLDER PLANEN KONKRETE MÅL FOR BARNETS ELLER DEN UNGES TRIVSEL OG UDVIKLING, JF. § 92?',
    rows: R_JN,
  },
  { id: '5.12', title: 'ER KRAVET OM FØRSTE OPFØLGNING OVERHOLDT, JF. § 95, STK. 2?', rows: R_JN },
  {
    id: '6.13',
    title: 'ER DER FORETAGET EN 24-TIMERS VURDERING, JF. § 136?',
    rows: R_613,
    optionalRow: NEJ_24,
  },
  {
    id: '6.14',
    title: 'ER DER FORETAGET EN GENVURDERING, HVORAF DEN KONKRETE VURDERING FREMGÅR, JF. § 137?',
    rows: R_614,
  },
];

export const QUESTIONS: Readonly<Record<RuleSetId, readonly OracleQuestion[]>> = {
  'SEL-2023': SEL_QUESTIONS,
  'BL-2024': BL_QUESTIONS,
};

export const QUESTION_IDS = SEL_QUESTIONS.map((q) => q.id);

// ---------------------------------------------------------------------------
// Rule set per case (barnets-lov.md §1)
// ---------------------------------------------------------------------------

export function ruleSetForYear(afgoerelsesaar: number): RuleSetId {
  return afgoerelsesaar < 2024 ? 'SEL-2023' : 'BL-2024';
}

export function ruleSetOf(c: OracleCase, s: OracleSettings): RuleSetId {
  if (s.forced !== null) return s.forced;
  if (c.decision === null) return ruleSetForYear(s.afgoerelsesaar);
  return c.decision < BL_START ? 'SEL-2023' : 'BL-2024';
}

// ---------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------

const isPlacement = (k: MeasureKind): boolean => k === 'frivillig' || k === 'tvang';
const bfuExists = (b: Bfu | null): boolean => b === 'ny' || b === 'opdatering';
const invExists = (b: Bfu | null): boolean => b === 'ny' || b === 'opdatering' || b === 'afdaekning';

function row11(c: OracleCase, rs: RuleSetId): string {
  const rows = ROWS_11[rs];
  if (c.measure === 'frivillig') return rows[0] as string;
  if (c.measure === 'tvang') return rows[1] as string;
  if (c.measure === 'familiebehandling') return rows[2] as string;
  return rows[3] as string;
}

function q22(c: OracleCase, rs: RuleSetId): string {
  if (c.bfu === null) return M;
  if (c.bfu === 'ikke-relevant') return IR;
  if (rs === 'BL-2024' && isPlacement(c.measure)) return bfuExists(c.bfu) ? JA : NEJ;
  if (rs === 'BL-2024' ? invExists(c.bfu) : bfuExists(c.bfu)) return JA;
  return c.bfuGrund !== null ? NML : NEJ;
}

function q23(c: OracleCase): string {
  if (c.bfu === null) return M;
  if (c.bfu !== 'ny') return IR;
  if (c.opmaerksom === null || c.bfuAfsluttet === null) return M;
  if (c.bfuAfsluttet < c.opmaerksom) return M;
  if (c.bfuAfsluttet <= addMonths(c.opmaerksom, 4)) return JA;
  return c.bfuForeloebig !== null ? NML : NEJ;
}

function yesNo(v: boolean | null): string {
  return v === null ? M : v ? JA : NEJ;
}

function q24(c: OracleCase): string {
  if (c.bfu === null) return M;
  return bfuExists(c.bfu) ? yesNo(c.stillingtagen) : IR;
}

function q25(c: OracleCase, rs: RuleSetId): string {
  if (c.bfu === null) return M;
  if (!(rs === 'BL-2024' ? invExists(c.bfu) : bfuExists(c.bfu))) return IR;
  if (c.bfuAfsluttet === null || c.decision === null) return M;
  if (c.bfuAfsluttet <= c.decision) return JA;
  return c.akut ? NML : NEJ;
}

function q36(c: OracleCase, rs: RuleSetId): string {
  if (c.bfu === null) return M;
  if (!(rs === 'BL-2024' ? invExists(c.bfu) : bfuExists(c.bfu))) return IR;
  if (c.samtaleBfu === 'ikke-relevant') return IR;
  return yesNo(c.samtaleBfu);
}

function q37(c: OracleCase): string {
  if (c.bfu === null) return M;
  return bfuExists(c.bfu) ? yesNo(c.foraeldre) : IR;
}

function q38(c: OracleCase, rs: RuleSetId, s: OracleSettings): string {
  if (c.undtagelse === 'ikke-relevant') return IR;
  if (c.boernesamtale !== null) {
    if (c.decision === null) return M;
    if (c.boernesamtale <= c.decision) return JA;
  }
  if (rs === 'SEL-2023') {
    // § 48, stk. 2: the two documented exceptions meet the requirement; "Alder eller andre forhold" is other text.
    return c.undtagelse === 'oenskede-ikke' || c.undtagelse === 'modenhed' ? JA : NEJ;
  }
  // § 5, stk. 4: "Modenhed eller sagens karakter" on a BL case is read as "Alder eller andre forhold".
  if (c.undtagelse === 'oenskede-ikke' || c.undtagelse === 'alder' || c.undtagelse === 'modenhed') {
    if (s.absent?.includes('synspunkter') === true) return M;
    return c.synspunkter === true ? JA : NEJ;
  }
  return NEJ;
}

/** The 3-month window of 3.9 / SEL 5.12: [effektueret, effektueret + 3 months], or a verdict. */
function window3(c: OracleCase, s: OracleSettings): { eff: number; end: number } | string {
  if (c.effektueret === null) return M;
  if (c.effektueret === 'ikke-effektueret') return IR;
  const eff = c.effektueret;
  const end = addMonths(eff, 3);
  if (end > s.opgoerelsesdato) return IR;
  if (c.ophoert !== null && c.ophoert < end) return IR;
  return { eff, end };
}

function q39(c: OracleCase, s: OracleSettings): string {
  const w = window3(c, s);
  if (typeof w === 'string') return w;
  if (c.kontakt !== null && c.kontakt >= w.eff && c.kontakt <= w.end) return JA;
  return c.kontaktGrund !== null ? NMK : NEJ;
}

function q410(c: OracleCase, rs: RuleSetId, s: OracleSettings): string {
  if (rs === 'SEL-2023') {
    if (c.handleplan !== null) return JA;
    return c.handleplanGrund !== null ? NML : NEJ;
  }
  if (c.decision === null) return M;
  const deadline = c.measure === 'tvang' ? c.decision : addMonths(c.decision, 3);
  if (c.handleplan !== null) return c.handleplan <= deadline ? JA : NEJ;
  if (!isPlacement(c.measure)) {
    if (s.absent?.includes('plan_stillingtagen') === true) return M;
    if (c.planStillingtagen === 'ikke-noedvendig') return NML;
    if (c.handleplanGrund !== null) return NML;
  }
  return deadline > s.opgoerelsesdato ? IR : NEJ;
}

function q411(c: OracleCase): string {
  return c.handleplan === null ? IR : yesNo(c.handleplanIndsats);
}

function q512(c: OracleCase, rs: RuleSetId, s: OracleSettings): string {
  if (rs === 'SEL-2023') {
    const w = window3(c, s);
    if (typeof w === 'string') return w;
    return c.opfoelgning !== null && c.opfoelgning >= w.eff && c.opfoelgning <= w.end ? JA : NEJ;
  }
  if (c.effektueret === null) return M;
  if (c.effektueret === 'ikke-effektueret') return IR;
  const eff = c.effektueret;
  // Decision (oracle): a blank bfu leaves open whether an investigation ran alongside, so the deadline is unknown.
  if (c.bfu === null) return M;
  let deadline = addMonths(eff, 3);
  if (invExists(c.bfu)) {
    if (c.bfuAfsluttet === null) return M;
    if (eff < c.bfuAfsluttet && c.bfuAfsluttet < deadline) deadline = c.bfuAfsluttet;
  }
  if (deadline > s.opgoerelsesdato) return IR;
  if (c.ophoert !== null && c.ophoert < deadline) return IR;
  return c.opfoelgning !== null && c.opfoelgning >= eff && c.opfoelgning <= deadline ? JA : NEJ;
}

function q613(c: OracleCase): string {
  const u = c.underretning;
  if (u === null) return IR;
  const v = c.vurdering24t;
  if (v === null) return NEJ_JOURNAL;
  if (u.minutes === null || v.minutes === null) {
    if (v.day < u.day) return M;
    return v.day - u.day <= 1 ? JA : NEJ_24;
  }
  const elapsed =
    instantOf({ day: v.day, minutes: v.minutes }) - instantOf({ day: u.day, minutes: u.minutes });
  if (elapsed < 0) return M;
  return elapsed <= 24 * 3_600_000 ? JA : NEJ_24;
}

function q614(c: OracleCase): string {
  if (c.underretning === null) return IR;
  if (c.genvurdering === null) return M;
  return c.genvurdering === 'ja' ? JA : c.genvurdering === 'fremgaar-ikke' ? NEJ_VURD : NEJ_GENV;
}

/** Every question's answer for one case under its rule set, by question id. */
export function answersOf(
  facts: OracleCase,
  s: OracleSettings,
): { ruleset: RuleSetId; answers: Record<string, string> } {
  const rs = ruleSetOf(facts, s);
  // barnets-lov.md §3: "Afdækning" on a SEL-2023 case is a per-cell error, so its rules miss the value.
  const c = rs === 'SEL-2023' && facts.bfu === 'afdaekning' ? { ...facts, bfu: null } : facts;
  return {
    ruleset: rs,
    answers: {
      '1.1': row11(c, rs),
      '2.2': q22(c, rs),
      '2.3': q23(c),
      '2.4': q24(c),
      '2.5': q25(c, rs),
      '3.6': q36(c, rs),
      '3.7': q37(c),
      '3.8': q38(c, rs, s),
      '3.9': q39(c, s),
      '4.10': q410(c, rs, s),
      '4.11': q411(c),
      '5.12': q512(c, rs, s),
      '6.13': q613(c),
      '6.14': q614(c),
    },
  };
}

/** BL 4.10's reason cites § 108 (ungeplan) for a young person aged 16 or more on the decision date, else § 91. */
export function planSection(c: OracleCase): '§ 91' | '§ 108' | null {
  if (c.decision === null) return null;
  return c.decision >= addMonths(c.birthDay, 16 * 12) ? '§ 108' : '§ 91';
}

// ---------------------------------------------------------------------------
// Tables and Overholdt
// ---------------------------------------------------------------------------

export interface OracleTable {
  readonly ruleset: RuleSetId;
  readonly id: string;
  readonly title: string;
  readonly total: number;
  readonly suppressed: boolean;
  readonly rows: readonly { readonly label: string; readonly count: number; readonly percent: number }[];
  /** (Ja + every "Nej, men …") ÷ total; null for 1.1 (no requirement) and for a suppressed table. */
  readonly overholdt: number | null;
}

/** Round half up of count ÷ total × 100, in whole numbers (no floating point). */
export function percentOf(count: number, total: number): number {
  return Math.floor((200 * count + total) / (2 * total));
}

export interface OracleResult {
  readonly cases: readonly {
    readonly sagsnr: number;
    readonly ruleset: RuleSetId;
    readonly answers: Record<string, string>;
  }[];
  /** Parts in order SEL-2023, BL-2024 (only those with cases); tables in question order. */
  readonly parts: readonly RuleSetId[];
  readonly tables: readonly OracleTable[];
}

export function oracle(cases: readonly OracleCase[], s: OracleSettings): OracleResult {
  const judged = cases.map((c) => ({ sagsnr: c.sagsnr, ...answersOf(c, s) }));
  const parts = (['SEL-2023', 'BL-2024'] as const).filter((rs) => judged.some((j) => j.ruleset === rs));
  const tables: OracleTable[] = [];
  for (const rs of parts) {
    const mine = judged.filter((j) => j.ruleset === rs);
    for (const q of QUESTIONS[rs]) {
      const counts = new Map<string, number>();
      for (const j of mine) {
        const a = j.answers[q.id] as string;
        counts.set(a, (counts.get(a) ?? 0) + 1);
      }
      const labels = [
        ...q.rows,
        ...(q.optionalRow !== undefined && (counts.get(q.optionalRow) ?? 0) > 0 ? [q.optionalRow] : []),
      ];
      const total = labels.reduce((n, l) => n + (counts.get(l) ?? 0), 0);
      if (total === 0) continue;
      const rows = labels.map((label) => ({
        label,
        count: counts.get(label) ?? 0,
        percent: percentOf(counts.get(label) ?? 0, total),
      }));
      const compliant = rows
        .filter((r) => r.label === JA || r.label.startsWith('Nej, men'))
        .reduce((n, r) => n + r.count, 0);
      const suppressed = s.offentliggoerelse && total < 6;
      tables.push({
        ruleset: rs,
        id: q.id,
        title: q.title,
        total,
        suppressed,
        rows: suppressed ? [] : rows,
        // Suppressed tables (Offentliggørelse, fewer than 6 cases) show no Overholdt either.
        overholdt: q.id === '1.1' || suppressed ? null : compliant / total,
      });
    }
  }
  return { cases: judged, parts, tables };
}
