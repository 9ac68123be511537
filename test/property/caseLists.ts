/**
 * Random spec-valid case lists for the differential test (test/property/differential.test.ts):
 * plain OracleCase facts built from a list of small integers (so fast-check shrinks them), with
 * decisions on both sides of 01-01-2024 and dates placed on, one day before and one day after
 * every deadline (4 months after opmærksom, the decision day, 3 months after the decision or the
 * effektuering, Opgørelsesdato, 24 hours after an underretning, DST days). `toFixture` writes such
 * a list the way a caseworker would: the case's own law's wording, Excel dates and Danish text
 * dates, Ja/Nej in several forms. Headers are the spec's canonical ones, typed here from the spec.
 */
import fc from 'fast-check';
import type { FixtureData, FixtureValue } from '../fixtures/build';
import { oracleDay, oracleYmd, pad2 } from './oracle';
import {
  addMonths,
  BL_START,
  ruleSetOf,
  type Bfu,
  type Exception,
  type MeasureKind,
  type OracleCase,
  type OracleSettings,
  type RuleSetId,
  type WallTime,
} from './verdictOracle';

/** barometer.md §2.1 and barnets-lov.md §3: canonical headers, by column. */
export const HEADERS = {
  sagsnr: 'Sag nummer',
  foranstaltning: 'Foranstaltning',
  navn: 'Barnets navn',
  cpr: 'Barnets cpr.nr.',
  afgoerelsesdato: 'Afgørelsesdato',
  familie: 'Familie',
  bfu: 'Børnefaglig undersøgelse',
  bfu_grund: 'Lovlig grund til ingen undersøgelse',
  opmaerksom: 'Kommunen blev opmærksom',
  bfu_afsluttet: 'Undersøgelsen afsluttet',
  bfu_foreloebig: 'Foreløbig vurdering',
  akut: 'Akut eller sideløbende indsats',
  stillingtagen: 'Begrundet stillingtagen',
  samtale_bfu: 'Samtale med barnet i undersøgelsen',
  foraeldre: 'Oplysninger fra forældremyndighedsindehaver',
  boernesamtale: 'Børnesamtale før afgørelsen',
  boernesamtale_undtagelse: 'Børnesamtale ikke afholdt',
  synspunkter: 'Barnets synspunkter tilvejebragt på anden vis',
  effektueret: 'Foranstaltningen effektueret',
  ophoert: 'Foranstaltningen ophørt',
  kontakt: 'Første kontakt med barnet',
  kontakt_grund: 'Begrundelse for manglende kontakt',
  plan_stillingtagen: 'Stillingtagen til barnets plan',
  handleplan: 'Handleplan udarbejdet',
  handleplan_grund: 'Lovlig grund til ingen handleplan',
  handleplan_indsats: 'Handleplanen angiver nødvendig indsats',
  opfoelgning: 'Første opfølgning',
  underretning: 'Første underretning efter afgørelsen',
  vurdering_24t: '24-timers vurdering',
  genvurdering: 'Genvurdering',
} as const;
type Col = keyof typeof HEADERS;
const COLS = Object.keys(HEADERS) as Col[];

/** A case list and its settings. */
export interface CaseList {
  readonly settings: OracleSettings;
  readonly cases: readonly OracleCase[];
  /** How each case's cells are written (indices into the writer's forms). */
  readonly forms: readonly (readonly number[])[];
}

/** barometer.md §2.4 and barnets-lov.md §2: labels, references and keywords per law. */
const LABEL: Readonly<Record<RuleSetId, Readonly<Record<MeasureKind, string>>>> = {
  'SEL-2023': {
    frivillig: 'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
    tvang: 'Anbringelse (tvangsmæssig) § 58, stk. 1',
    familiebehandling: 'Familiebehandling § 52, stk. 3, nr. 3',
    praktisk: 'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2',
    doegn: 'Døgnophold § 52, stk. 3, nr. 4',
    aflastning: 'Aflastningsordning § 52, stk. 3, nr. 5',
    kontaktperson: 'Kontaktperson § 52, stk. 3, nr. 6',
  },
  'BL-2024': {
    frivillig: 'Anbringelse med samtykke § 46',
    tvang: 'Anbringelse uden samtykke § 47',
    familiebehandling: 'Familiebehandling § 32, stk. 1, nr. 5',
    praktisk: 'Praktisk, pædagogisk eller anden støtte i hjemmet § 32, stk. 1, nr. 2',
    kontaktperson: 'Fast kontaktperson § 32, stk. 1, nr. 3',
    doegn: 'Familieanbringelse (døgnophold) § 32, stk. 1, nr. 6',
    aflastning: 'Støtteophold § 32, stk. 1, nr. 7',
  },
};
const REFERENCE: Readonly<Record<RuleSetId, Readonly<Record<MeasureKind, string>>>> = {
  'SEL-2023': {
    frivillig: '§ 52, stk. 3, nr. 7',
    tvang: '§ 58',
    familiebehandling: '52.3.3',
    praktisk: '52.3.2',
    doegn: '52.3.4',
    aflastning: '§ 52, stk. 3, nr. 5',
    kontaktperson: '§ 52, stk. 3, nr. 6',
  },
  'BL-2024': {
    frivillig: '§ 46',
    tvang: '§ 47',
    familiebehandling: '32.1.5',
    praktisk: '§ 32, stk. 1, nr. 2',
    kontaktperson: '32.1.3',
    doegn: '§ 32, stk. 1, nr. 6',
    aflastning: '32.1.7',
  },
};
/** Keywords both laws accept (barnets-lov.md §2 keeps the SEL keywords). */
const KEYWORD: Readonly<Record<MeasureKind, string>> = {
  frivillig: 'Frivillig anbringelse',
  tvang: 'Tvangsanbringelse',
  familiebehandling: 'Familiebehandling',
  praktisk: 'Praktisk pædagogisk støtte',
  doegn: 'Døgnophold',
  aflastning: 'Aflastning',
  kontaktperson: 'Kontaktperson',
};

const MEASURES: readonly MeasureKind[] = [
  'frivillig',
  'tvang',
  'familiebehandling',
  'familiebehandling',
  'praktisk',
  'kontaktperson',
  'aflastning',
  'doegn',
];

/** The last Sundays of March and October (DST changes in Europe/Copenhagen) around 2023–2025. */
const DST_DAYS = [2023, 2024, 2025].flatMap((y) =>
  [3, 10].map((m) => {
    let d = oracleDay(y, m, 31);
    while ((d + 6) % 7 !== 0) d -= 1; // day 1 (1899-12-31) was a Sunday
    return d;
  }),
);
const isDstDay = (day: number): boolean => DST_DAYS.includes(day);

/** A picker over a list of small integers (0 when the list runs out, so shrinking simplifies cases). */
function picker(ints: readonly number[]): {
  n: (k: number) => number;
  one: <T>(xs: readonly T[]) => T;
} {
  let i = 0;
  const n = (k: number): number => (ints[i++] ?? 0) % k;
  return { n, one: (xs) => xs[n(xs.length)] as (typeof xs)[number] };
}

const DELTAS = [-1, 0, 1, -1, 0, 1, -2, 2, 7, -7, 20, -31] as const;

function wallTime(day: number, minutes: number | null): WallTime {
  // Avoid the hour a DST change skips or repeats (the spec leaves those to @date-fns/tz).
  if (minutes !== null && isDstDay(day) && minutes >= 60 && minutes < 200)
    return { day, minutes: minutes + 180 };
  return { day, minutes };
}

/** One case from its integers. */
export function caseFrom(ints: readonly number[], sagsnr: number, s: OracleSettings): OracleCase {
  const p = picker(ints);
  const delta = (): number => p.one(DELTAS);
  const opg = s.opgoerelsesdato;
  const mode = p.n(8);
  const decision =
    p.n(30) === 0
      ? null
      : mode <= 2
        ? BL_START + p.one([-2, -1, -1, 0, 0, 1, 2])
        : mode <= 4
          ? addMonths(opg, -3) + delta()
          : oracleDay(2023, 1, 1) + p.n(730);
  const law: RuleSetId = ruleSetOf({ decision } as OracleCase, s);
  const dec = decision ?? oracleDay(s.afgoerelsesaar, 6, 15);
  const measure = p.one(MEASURES);
  const bfuChoices: (Bfu | null)[] = [
    'ny',
    'ny',
    'ny',
    'opdatering',
    'ingen',
    'ikke-relevant',
    'afdaekning',
    null,
  ];
  let bfu = p.one(bfuChoices);
  if (bfu === 'afdaekning' && law === 'SEL-2023') bfu = 'ny';
  if (bfu === null && p.n(2) === 0) bfu = 'ny'; // blank bfu stays rare
  const investigated = bfu === 'ny' || bfu === 'opdatering' || bfu === 'afdaekning';

  const effMode = p.n(10);
  const effektueret: OracleCase['effektueret'] =
    effMode === 0
      ? 'ikke-effektueret'
      : effMode === 1 && p.n(3) === 0
        ? null
        : effMode <= 4
          ? addMonths(opg, -3) + delta()
          : dec + p.one([0, 0, 1, 7, 30, -3]);
  const eff = typeof effektueret === 'number' ? effektueret : dec + 7;
  const opmaerksom = investigated || p.n(3) === 0 ? dec - (20 + p.n(160)) : null;
  const opm = opmaerksom ?? dec - 60;
  const afsMode = p.n(6);
  let bfuAfsluttet: number | null =
    !investigated && p.n(2) === 0
      ? null
      : afsMode === 0
        ? addMonths(opm, 4) + delta()
        : afsMode === 1
          ? dec + delta()
          : afsMode === 2
            ? addMonths(eff, 3) + delta()
            : afsMode === 3 && p.n(4) === 0
              ? null
              : opm + p.n(Math.max(1, dec - opm + 40));
  if (bfuAfsluttet !== null && opmaerksom !== null && bfuAfsluttet < opmaerksom) bfuAfsluttet = opmaerksom;

  const yesNo = (blankEvery: number): boolean | null => (p.n(blankEvery) === 0 ? null : p.n(3) !== 0);
  const text = (every: number, t: string): string | null => (p.n(every) === 0 ? t : null);

  const boernesamtale = p.n(3) === 0 ? null : dec + p.one([-5, -1, 0, 0, 1, 3]);
  const undtagelse = p.one<Exception | null>([
    null,
    null,
    null,
    'oenskede-ikke',
    'modenhed',
    'alder',
    'ikke-relevant',
    'andet',
  ]);
  const ophoert =
    p.n(4) === 0 ? (p.n(2) === 0 ? addMonths(eff, 3) + delta() : (bfuAfsluttet ?? eff) + delta()) : null;
  const kMode = p.n(6);
  const kontakt =
    kMode === 0
      ? null
      : kMode === 1
        ? eff + p.one([-1, 0])
        : kMode <= 3
          ? addMonths(eff, 3) + delta()
          : eff + 10 + p.n(50);
  const hMode = p.n(7);
  const handleplan =
    hMode <= 1
      ? null
      : hMode === 2
        ? dec + delta()
        : hMode <= 4
          ? addMonths(dec, 3) + delta()
          : hMode === 5
            ? dec - 10
            : dec + 20;
  const oMode = p.n(6);
  const opfoelgning =
    oMode === 0
      ? null
      : oMode === 1
        ? eff + p.one([-1, 0, 20])
        : oMode <= 3
          ? addMonths(eff, 3) + delta()
          : (bfuAfsluttet ?? eff + 40) + delta();

  let underretning: WallTime | null = null;
  let vurdering24t: WallTime | null = null;
  if (p.n(2) === 0) {
    const uDay = p.n(3) === 0 ? p.one(DST_DAYS) - p.n(2) : dec + p.n(90);
    const uMin = p.n(4) === 0 ? null : p.n(1440);
    underretning = wallTime(uDay, uMin);
    const vMode = p.n(6);
    const u = underretning;
    if (vMode === 0) vurdering24t = null;
    else if (vMode <= 2 && u.minutes !== null) {
      // About 24 hours later by the wall clock (a DST change in between moves the real time by an hour).
      const m = u.minutes + p.one([-1, 0, 1, 0, 60, -60]);
      vurdering24t = wallTime(u.day + 1 + Math.floor(m / 1440), ((m % 1440) + 1440) % 1440);
    } else if (vMode === 3) vurdering24t = wallTime(u.day + p.one([0, 1, 2]), null);
    else if (vMode === 4) vurdering24t = wallTime(u.day + p.one([0, 1, 2, -1]), p.n(1440));
    else vurdering24t = wallTime(u.day, u.minutes === null ? null : Math.min(1439, u.minutes + p.n(120)));
  }

  const ageMode = p.n(4);
  let birthDay = ageMode === 0 ? addMonths(dec, -16 * 12) + p.one([-1, 0, 1]) : dec - 30 - p.n(17 * 365 - 60);
  const b = oracleYmd(birthDay);
  if (b.m === 2 && b.d === 29) birthDay -= 1;

  return {
    sagsnr,
    measure,
    birthDay,
    decision,
    bfu,
    bfuGrund: bfu === 'ingen' ? text(2, 'Sagen var tilstrækkeligt oplyst') : null,
    opmaerksom,
    bfuAfsluttet,
    bfuForeloebig: text(4, 'Foreløbig vurdering dokumenteret'),
    akut: p.n(3) === 0,
    stillingtagen: yesNo(10),
    samtaleBfu: p.n(6) === 0 ? 'ikke-relevant' : yesNo(10),
    foraeldre: yesNo(10),
    boernesamtale,
    undtagelse,
    synspunkter: yesNo(4),
    planStillingtagen: p.one([null, null, 'udarbejdes', 'ikke-noedvendig'] as const),
    effektueret,
    ophoert,
    kontakt,
    kontaktGrund: text(3, 'Barnet var indlagt'),
    handleplan,
    handleplanGrund: text(4, 'Forældrene ønskede ikke en plan'),
    handleplanIndsats: yesNo(8),
    opfoelgning,
    underretning,
    vurdering24t,
    genvurdering: p.one([null, 'ja', 'ja', 'fremgaar-ikke', 'ikke-foretaget'] as const),
  };
}

/** fast-check: a list of 1–`max` cases with settings. */
export interface ListOptions {
  /** A rule set forced in Indstillinger ("Regelsæt"); 'random' = none on most lists, SEL or BL on some. */
  readonly forced?: RuleSetId | null | 'random';
  /** Leave synspunkter and/or plan_stillingtagen out of the sheet on some lists. */
  readonly dropColumns?: boolean;
}

export function caseListArb(max = 18, opts: ListOptions = {}): fc.Arbitrary<CaseList> {
  const ints = fc.array(fc.nat(9999), { minLength: 60, maxLength: 60 });
  const forcedArb: fc.Arbitrary<RuleSetId | null> =
    opts.forced === 'random'
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constant(null) },
          fc.constantFrom<RuleSetId>('SEL-2023', 'BL-2024'),
        )
      : fc.constant(opts.forced ?? null);
  type Drop = 'synspunkter' | 'plan_stillingtagen';
  const absentArb: fc.Arbitrary<readonly Drop[]> = opts.dropColumns
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constant<readonly Drop[]>([]) },
        fc.subarray<Drop>(['synspunkter', 'plan_stillingtagen'], { minLength: 1 }),
      )
    : fc.constant<readonly Drop[]>([]);
  return fc
    .record({
      forced: forcedArb,
      absent: absentArb,
      aar: fc.constantFrom(2023, 2024, 2024),
      opg: fc.oneof(
        fc.constant(null),
        fc.integer({ min: oracleDay(2024, 2, 1), max: oracleDay(2025, 6, 30) }),
      ),
      offentlig: fc.boolean(),
      cases: fc.array(fc.tuple(ints, fc.array(fc.nat(99), { minLength: 40, maxLength: 40 })), {
        minLength: 1,
        maxLength: max,
      }),
    })
    .map(({ forced, absent, aar, opg, offentlig, cases }) => {
      const settings: OracleSettings = {
        afgoerelsesaar: aar,
        opgoerelsesdato: opg ?? oracleDay(aar + 1, 3, 23),
        offentliggoerelse: offentlig && cases.length % 3 === 0,
        forced,
        ...(absent.length > 0 ? { absent } : {}),
      };
      return {
        settings,
        cases: cases.map(([c], i) => caseFrom(c, i + 1, settings)),
        forms: cases.map(([, f]) => f),
      };
    });
}

// ---------------------------------------------------------------------------
// Writing a list as a workbook
// ---------------------------------------------------------------------------

const dmy = (day: number): string => {
  const { y, m, d } = oracleYmd(day);
  return `${pad2(d)}-${pad2(m)}-${y}`;
};

/** A date as a person writes it: mostly an Excel date, sometimes a §2.3 text form. */
function dateCell(day: number | null, form: number): FixtureValue {
  if (day === null) return null;
  const { y, m, d } = oracleYmd(day);
  switch (form % 10) {
    case 0:
      return `${d}.${m}.${String(y).slice(2)}`;
    case 1:
      return `${d}/${m}/${y}`;
    case 2:
      return `${y}-${pad2(m)}-${pad2(d)}`;
    default:
      return dmy(day); // the fixture builder writes it as an Excel date
  }
}

function dateTimeCell(t: WallTime | null, form: number): FixtureValue {
  if (t === null) return null;
  if (t.minutes === null) return dateCell(t.day, form);
  const hh = pad2(Math.floor(t.minutes / 60));
  const mm = pad2(t.minutes % 60);
  if (form % 5 === 0) {
    const { y, m, d } = oracleYmd(t.day);
    return `${d}.${m}.${y} kl. ${hh}.${mm}`;
  }
  return `${dmy(t.day)} ${hh}:${mm}`; // an Excel date-time with a time format
}

function yesNoCell(v: boolean | null, form: number): FixtureValue {
  if (v === null) return null;
  const forms: readonly FixtureValue[] = v
    ? ['Ja', 'Ja', 'ja', 'J', 'X', true, 1]
    : ['Nej', 'Nej', 'nej', 'N', false, 0];
  return forms[Math.max(0, form) % forms.length] as FixtureValue;
}

function measureCell(kind: MeasureKind, law: RuleSetId, form: number): FixtureValue {
  const f = form % 20;
  if (f < 12) return LABEL[law][kind];
  if (f < 16) return REFERENCE[law][kind];
  if (f < 19) return KEYWORD[kind];
  // The other law's reference: read as its counterpart, with a warning (barnets-lov.md §2).
  return REFERENCE[law === 'SEL-2023' ? 'BL-2024' : 'SEL-2023'][kind];
}

const BFU_TEXT: Readonly<Record<Bfu, readonly string[]>> = {
  ny: ['Ny undersøgelse', 'Ny undersøgelse', 'ny undersøgelse'],
  opdatering: ['Opdatering'],
  ingen: ['Ingen', 'Ingen', 'Nej'],
  'ikke-relevant': ['Ikke relevant'],
  afdaekning: ['Afdækning', 'afdækning'],
};
const EXCEPTION_TEXT: Readonly<Record<Exception, string>> = {
  'oenskede-ikke': 'Barnet ønskede ikke samtale',
  modenhed: 'Modenhed eller sagens karakter',
  alder: 'Alder eller andre forhold',
  'ikke-relevant': 'Ikke relevant',
  andet: 'Barnet var på ferie',
};

function cprOf(c: OracleCase): string {
  const { y, m, d } = oracleYmd(c.birthDay);
  // 7th digit 4: born 2000–2036 (spec §2.5); the children here are born 2005 or later.
  return `${pad2(d)}${pad2(m)}${String(y).slice(2)}-4${String(c.sagsnr % 1000).padStart(3, '0')}`;
}

function cellsOf(
  c: OracleCase,
  law: RuleSetId,
  forms: readonly number[],
  names?: readonly string[],
): Record<Col, FixtureValue> {
  let i = 0;
  // No forms (the fixtures): -1 everywhere, the canonical form (label, Excel date, "Ja"/"Nej").
  const f = (): number => forms[i++] ?? -1;
  return {
    sagsnr: c.sagsnr,
    foranstaltning: measureCell(c.measure, law, f()),
    navn: names?.[c.sagsnr - 1] ?? `Testbarn ${c.sagsnr}`,
    cpr: cprOf(c),
    // No decision date: blank, or now and then an impossible date (unreadable; barnets-lov.md §1 treats both alike).
    afgoerelsesdato: c.decision === null ? (f() % 3 === 1 ? '31-02-2024' : null) : dateCell(c.decision, f()),
    familie: null,
    bfu: c.bfu === null ? null : (BFU_TEXT[c.bfu][Math.max(0, f()) % BFU_TEXT[c.bfu].length] as string),
    bfu_grund: c.bfuGrund,
    opmaerksom: dateCell(c.opmaerksom, f()),
    bfu_afsluttet: dateCell(c.bfuAfsluttet, f()),
    bfu_foreloebig: c.bfuForeloebig,
    akut: c.akut ? yesNoCell(true, f()) : f() % 2 === 0 ? null : yesNoCell(false, f()),
    stillingtagen: yesNoCell(c.stillingtagen, f()),
    samtale_bfu: c.samtaleBfu === 'ikke-relevant' ? 'Ikke relevant' : yesNoCell(c.samtaleBfu, f()),
    foraeldre: yesNoCell(c.foraeldre, f()),
    boernesamtale: dateCell(c.boernesamtale, f()),
    boernesamtale_undtagelse: c.undtagelse === null ? null : EXCEPTION_TEXT[c.undtagelse],
    synspunkter: yesNoCell(c.synspunkter, f()),
    effektueret: c.effektueret === 'ikke-effektueret' ? 'Ikke effektueret' : dateCell(c.effektueret, f()),
    ophoert: dateCell(c.ophoert, f()),
    kontakt: dateCell(c.kontakt, f()),
    kontakt_grund: c.kontaktGrund,
    plan_stillingtagen:
      c.planStillingtagen === null
        ? null
        : c.planStillingtagen === 'udarbejdes'
          ? 'Plan udarbejdes'
          : 'Plan ikke nødvendig',
    handleplan: dateCell(c.handleplan, f()),
    handleplan_grund: c.handleplanGrund,
    handleplan_indsats: yesNoCell(c.handleplanIndsats, f()),
    opfoelgning: dateCell(c.opfoelgning, f()),
    underretning: dateTimeCell(c.underretning, f()),
    vurdering_24t: dateTimeCell(c.vurdering24t, f()),
    genvurdering:
      c.genvurdering === null
        ? null
        : c.genvurdering === 'ja'
          ? 'Ja'
          : c.genvurdering === 'fremgaar-ikke'
            ? 'Vurdering fremgår ikke'
            : 'Ikke foretaget',
  };
}

/** The list as fixture data (Sagsoversigt + Indstillinger), ready for buildFixture. */
export function toFixture(list: CaseList, kommune = 'Testby', names?: readonly string[]): FixtureData {
  const s = list.settings;
  const cols = COLS.filter((c) => !(s.absent ?? []).some((a) => a === c));
  return {
    settings: {
      Kommune: kommune,
      Afgørelsesår: s.afgoerelsesaar,
      Opgørelsesdato: dmy(s.opgoerelsesdato),
      'Antal sager': list.cases.length,
      Offentliggørelse: s.offentliggoerelse ? 'Ja' : 'Nej',
      ...(s.forced === null ? {} : { Regelsæt: s.forced }),
    },
    headers: cols.map((c) => HEADERS[c]),
    rows: list.cases.map((c, i) => {
      const cells = cellsOf(c, ruleSetOf(c, s), list.forms[i] ?? [], names);
      return cols.map((col) => cells[col]);
    }),
  };
}

export { dmy };
