import { a1 } from './address';
import { COLUMN_BY_ID } from './columns';
import { ageOn } from './cpr';
import { formatDay, ymdFromDay } from './days';
import { getRuleSet } from './rules';
import { isEgenkontrol } from './settings';
import { sheetRef } from './sheetnames';
import {
  UNREADABLE,
  type CaseRecord,
  type CaseSheetInfo,
  type ColumnId,
  type Day,
  type MeasureCode,
  type Problem,
  type ProblemCode,
  type RuleSet,
  type Settings,
  type Severity,
} from './types';

/**
 * Selection checks (spec §3, "Kontrol af udvælgelse", seed 001): does each case meet the call's
 * criteria, and does the list as a whole? Cases that fail are still evaluated; the "Udvælgelse"
 * column and the problems flag them. Each check is one function; the measure groups and their
 * wording come from each case's rule set. Messages never contain a CPR number or a name.
 */

export interface CaseSelection {
  readonly selectionOk: boolean;
  /** "OK" or the failed checks, short, joined by "; ". */
  readonly text: string;
}

export interface SelectionResult {
  /** Same order as the records. */
  readonly cases: readonly CaseSelection[];
  readonly problems: readonly Problem[];
}

export const SELECTION_OK = 'OK';

/** A failed check of one case: its short Udvælgelse text, and the problem (null when the cell already is one). */
export interface CaseFlag {
  /** Index of the case in the records. */
  readonly index: number;
  readonly severity: Severity;
  readonly short: string;
  readonly problem: Problem | null;
}

type Sheet = Pick<CaseSheetInfo, 'name' | 'columns'>;

/** A flag on one case's cell; `message` null = the cell is already reported (records.ts). */
function flag(
  sheet: Sheet,
  index: number,
  r: CaseRecord,
  id: ColumnId,
  severity: Severity,
  code: ProblemCode,
  short: string,
  message: string | null,
): CaseFlag {
  if (message === null) return { index, severity, short, problem: null };
  const col = sheet.columns[id];
  const cell = col === undefined ? null : a1(r.row, col);
  return {
    index,
    severity,
    short,
    problem: {
      sagsnr: typeof r.sagsnr === 'number' ? r.sagsnr : null,
      row: r.row,
      column: COLUMN_BY_ID[id].header,
      severity,
      code,
      message: `${cell === null ? `Arket ${sheet.name}, række ${r.row}` : sheetRef(sheet.name, cell)}: ${message}`,
      sheet: sheet.name,
      cell,
    },
  };
}

/** A problem of the whole list. */
function whole(sheet: Sheet, severity: Severity, code: ProblemCode, message: string): Problem {
  return { sagsnr: null, row: null, column: null, severity, code, message, sheet: sheet.name, cell: null };
}

/** What the decision date is checked against: the sample's Afgørelsesår or Egenkontrol's period. */
interface DecisionRule {
  /** The flag for a readable decision date outside the rule, or null when it is inside. */
  readonly outside: (dec: Day) => { code: ProblemCode; short: string; message: string } | null;
  /** The message for a missing decision date. */
  readonly missing: string;
}

/** The afgørelsesdato must be given, readable and inside the rule (shared by both Formål). */
function checkDecision(records: readonly CaseRecord[], sheet: Sheet, rule: DecisionRule): CaseFlag[] {
  const out: CaseFlag[] = [];
  records.forEach((r, i) => {
    const dec = r.afgoerelsesdato;
    if (typeof dec === 'number') {
      const o = rule.outside(dec);
      if (o) out.push(flag(sheet, i, r, 'afgoerelsesdato', 'error', o.code, o.short, o.message));
    } else if (dec === null) {
      out.push(
        flag(
          sheet,
          i,
          r,
          'afgoerelsesdato',
          'error',
          'missing-decision-date',
          'afgørelsesdato mangler',
          rule.missing,
        ),
      );
    } else if (dec === UNREADABLE) {
      // The cell is already a problem of its own (records.ts); only the Udvælgelse text says it.
      out.push(
        flag(sheet, i, r, 'afgoerelsesdato', 'error', 'invalid-date', 'afgørelsesdato kan ikke læses', null),
      );
    }
  });
  return out;
}

/** The afgørelsesdato must lie in Afgørelsesår, and be given. */
export function checkDecisionYear(
  records: readonly CaseRecord[],
  settings: Settings,
  sheet: Sheet,
): CaseFlag[] {
  const year = settings.afgoerelsesaar;
  return checkDecision(records, sheet, {
    outside: (dec) => {
      const y = ymdFromDay(dec).y;
      return y === year
        ? null
        : {
            code: 'decision-outside-year',
            short: `afgørelsen er ikke fra ${year}`,
            message: `Afgørelsen er fra ${y}, men indkaldelsen gælder afgørelser truffet i ${year}; udskift sagen med en afgørelse fra ${year}, eller ret Afgørelsesår i Indstillinger.`,
          };
    },
    missing:
      'Afgørelsesdatoen mangler, så det kan ikke kontrolleres, om sagen hører til undersøgelsen; udfyld datoen.',
  });
}

/**
 * Egenkontrol: the afgørelsesdato must lie in Periode fra–til (an open end checks nothing), and be given.
 * Decision: a decision outside the period is an error like one outside Afgørelsesår (spec §3): the
 * case is still counted, but it does not belong to the period the Overblik describes.
 */
export function checkDecisionPeriod(
  records: readonly CaseRecord[],
  settings: Settings,
  sheet: Sheet,
): CaseFlag[] {
  const fra = settings.periodeFra ?? null;
  const til = settings.periodeTil ?? null;
  const span =
    `${fra === null ? '' : `fra ${formatDay(fra)} `}${til === null ? '' : `til ${formatDay(til)}`}`.trim();
  return checkDecision(records, sheet, {
    outside: (dec) =>
      (fra !== null && dec < fra) || (til !== null && dec > til)
        ? {
            code: 'decision-outside-period',
            short: 'afgørelsen er uden for perioden',
            message: `Afgørelsen er truffet ${formatDay(dec)}, uden for egenkontrollens periode ${span}; fjern sagen, eller ret Periode fra/til i Indstillinger.`,
          }
        : null,
    missing:
      'Afgørelsesdatoen mangler, så det kan ikke kontrolleres, om sagen hører til perioden, og sagen kan ikke placeres i et kvartal; udfyld datoen.',
  });
}

/** The measure must be given, and be among the call's criteria (D4 / D6 are not: a warning). */
export function checkMeasure(
  records: readonly CaseRecord[],
  ruleSets: readonly RuleSet[],
  sheet: Sheet,
  egenkontrol = false,
): CaseFlag[] {
  const out: CaseFlag[] = [];
  records.forEach((r, i) => {
    const m = r.foranstaltning;
    // Decision: under Egenkontrol døgnophold (SEL § 52, stk. 3, nr. 4 / BL § 32, stk. 1, nr. 6) is no
    // warning: the call's criteria choose a sample, while the legal requirements checked apply to it too.
    const notInCall =
      typeof m === 'string' && !egenkontrol ? (ruleSets[i] as RuleSet).selection.notInCall[m] : undefined;
    if (notInCall !== undefined) {
      out.push(
        flag(
          sheet,
          i,
          r,
          'foranstaltning',
          'warning',
          'measure-not-in-call',
          notInCall.short,
          notInCall.message,
        ),
      );
    } else if (m === null) {
      out.push(
        flag(
          sheet,
          i,
          r,
          'foranstaltning',
          'error',
          'missing-measure',
          'foranstaltning mangler',
          'Foranstaltningen mangler; udfyld hvilken foranstaltning afgørelsen gælder.',
        ),
      );
    } else if (m === UNREADABLE) {
      out.push(
        flag(
          sheet,
          i,
          r,
          'foranstaltning',
          'error',
          'invalid-measure',
          'foranstaltning kan ikke læses',
          null,
        ),
      );
    }
  });
  return out;
}

const EXCLUDED: Record<'anket' | 'ast_behandlet' | 'dom_ukn', [string, string]> = {
  anket: ['anket – skal ikke indsendes', 'Sagen er anket til Ankestyrelsen og skal ikke indsendes'],
  ast_behandlet: [
    'behandlet af Ankestyrelsen – skal ikke indsendes',
    'Sagen er behandlet af Ankestyrelsen og skal ikke indsendes',
  ],
  dom_ukn: [
    'afgørelse efter dom/UKN – skal ikke indsendes',
    'Afgørelsen er truffet efter en dom eller af Ungdomskriminalitetsnævnet og skal ikke indsendes',
  ],
};

/** Anket, behandlet af Ankestyrelsen or after a dom/UKN: the case must not be sent. */
export function checkExcluded(records: readonly CaseRecord[], sheet: Sheet): CaseFlag[] {
  const out: CaseFlag[] = [];
  records.forEach((r, i) => {
    for (const id of ['anket', 'ast_behandlet', 'dom_ukn'] as const) {
      if (r[id] !== true) continue;
      const [short, long] = EXCLUDED[id];
      out.push(
        flag(sheet, i, r, id, 'error', 'excluded-case', short, `${long}; udskift den med en anden sag.`),
      );
    }
  });
  return out;
}

/** The CPR number must be given and valid, and the age at the decision 0–22 (18–22 a warning). */
export function checkCpr(
  records: readonly CaseRecord[],
  ruleSets: readonly RuleSet[],
  sheet: Sheet,
): CaseFlag[] {
  const out: CaseFlag[] = [];
  records.forEach((r, i) => {
    const cpr = r.cpr;
    const dec = r.afgoerelsesdato;
    if (cpr === null) {
      out.push(
        flag(
          sheet,
          i,
          r,
          'cpr',
          'error',
          'missing-cpr',
          'cpr-nr. mangler',
          'Barnets cpr-nummer mangler, så alder og søskende kan ikke kontrolleres; udfyld cpr-nummeret.',
        ),
      );
    } else if (cpr === UNREADABLE) {
      out.push(flag(sheet, i, r, 'cpr', 'error', 'invalid-cpr', 'ugyldigt cpr-nr.', null));
    } else if (typeof cpr === 'object' && typeof dec === 'number') {
      const age = ageOn(cpr.birthDay, dec);
      // Decision: a birth date after the decision is outside 0–22 too (the CPR or the date is wrong).
      if (age < 0 || age > 22 || cpr.birthDay > dec) {
        out.push(
          flag(
            sheet,
            i,
            r,
            'cpr',
            'error',
            'age-out-of-range',
            'alder ved afgørelsen uden for 0–22 år',
            `Barnets alder ved afgørelsen ${formatDay(dec)} er ikke mellem 0 og 22 år; kontrollér cpr-nummeret og afgørelsesdatoen.`,
          ),
        );
      } else if (age >= 18) {
        const message = (ruleSets[i] as RuleSet).selection.adultMessage(age, formatDay(dec));
        out.push(flag(sheet, i, r, 'cpr', 'warning', 'age-over-17', `${age} år ved afgørelsen`, message));
      }
    }
  });
  return out;
}

/** Siblings (same Familie, trimmed, case-insensitive): only the eldest by CPR birth date may be sent. */
export function checkSiblings(records: readonly CaseRecord[], sheet: Sheet): CaseFlag[] {
  const out: CaseFlag[] = [];
  const families = groupsOf(records, (r) => {
    const k = typeof r.familie === 'string' ? r.familie.trim().toLowerCase() : '';
    return k === '' ? null : k;
  });
  for (const members of families) {
    const births = members.map((i) => {
      const c = (records[i] as CaseRecord).cpr;
      return typeof c === 'object' && c !== null ? c.birthDay : null;
    });
    const known = births.filter((b): b is number => b !== null);
    const eldest = known.length > 0 ? Math.min(...known) : null;
    const others = members.length - 1;
    let firstEldestSeen = false;
    members.forEach((i, k) => {
      const r = records[i] as CaseRecord;
      const b = births[k] as number | null;
      if (b === null || eldest === null) {
        // Decision: without a readable birth date the eldest cannot be found; warn, do not fail.
        out.push(
          flag(
            sheet,
            i,
            r,
            'familie',
            'warning',
            'sibling-unknown-age',
            'søskende – send kun det ældste barn',
            `Sagen har ${others === 1 ? 'en søskendesag' : `${others} søskendesager`} på listen, og det kan ikke afgøres, hvem der er ældst, fordi et cpr-nummer mangler; send kun sagen om det ældste barn.`,
          ),
        );
      } else if (b > eldest) {
        out.push(
          flag(
            sheet,
            i,
            r,
            'familie',
            'error',
            'sibling-not-eldest',
            'søskende – ikke det ældste barn',
            'Barnet har en ældre søskende på listen, og indkaldelsen beder kun om sagen om det ældste barn; fjern denne sag.',
          ),
        );
      } else if (firstEldestSeen) {
        out.push(
          flag(
            sheet,
            i,
            r,
            'familie',
            'warning',
            'sibling-same-day',
            'søskende født samme dag – send kun ét barn',
            'Barnet har en søskende på listen, der er født samme dag; send kun ét af børnenes sager.',
          ),
        );
      } else {
        firstEldestSeen = true;
      }
    });
  }
  return out;
}

/**
 * The indexes of the records that share a key, for keys shared by two or more, in the order of
 * each group's first record. (A list has few shared keys, so a group is made only at the second.)
 */
function groupsOf<K>(records: readonly CaseRecord[], key: (r: CaseRecord) => K | null): number[][] {
  const first = new Map<K, number>();
  const groups = new Map<number, number[]>();
  records.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const f = first.get(k);
    if (f === undefined) first.set(k, i);
    else {
      const g = groups.get(f);
      if (g) g.push(i);
      else groups.set(f, [f, i]);
    }
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** Every occurrence of a value used twice or more is flagged, naming (at most 3 of) the other rows. */
function checkDuplicates<K>(
  records: readonly CaseRecord[],
  sheet: Sheet,
  key: (r: CaseRecord) => K | null,
  id: ColumnId,
  code: ProblemCode,
  short: string,
  what: string,
  severity: Severity = 'error',
): CaseFlag[] {
  const out: CaseFlag[] = [];
  for (const list of groupsOf(records, key)) {
    for (const i of list) {
      // At most 3 other rows are named, so a long list stays linear.
      const rows = list
        .filter((j) => j !== i)
        .slice(0, 3)
        .map((j) => (records[j] as CaseRecord).row);
      const rest = list.length - 1 - rows.length;
      const more = rest > 0 ? ` og ${rest} andre` : '';
      const noun = rows.length + (more ? 2 : 0) > 1 ? 'sagerne' : 'sagen';
      out.push(
        flag(
          sheet,
          i,
          records[i] as CaseRecord,
          id,
          severity,
          code,
          short,
          `${what} som ${noun} i række ${rows.join(', ')}${more}; ret eller fjern de ekstra sager.`,
        ),
      );
    }
  }
  return out;
}

/** The same Sag nummer twice. */
export const checkDuplicateSagsnr = (records: readonly CaseRecord[], sheet: Sheet): CaseFlag[] =>
  checkDuplicates(
    records,
    sheet,
    (r) => (typeof r.sagsnr === 'number' ? r.sagsnr : null),
    'sagsnr',
    'duplicate-sagsnr',
    'sagsnummeret er brugt flere gange',
    'Sagsnummeret er det samme',
  );

/** The same child (CPR number) twice. */
export const checkDuplicateCpr = (records: readonly CaseRecord[], sheet: Sheet): CaseFlag[] =>
  checkDuplicates(
    records,
    sheet,
    (r) => (typeof r.cpr === 'object' && r.cpr !== null ? r.cpr.text : null),
    'cpr',
    'duplicate-cpr',
    'samme barn står flere gange',
    'Cpr-nummeret er det samme',
  );

/**
 * Egenkontrol: the same child with the same measure decided on the same day, most likely one decision
 * typed twice (a warning).
 * Decision: several decisions for one child in a period are normal in a whole caseload (SEL § 52 /
 * BL § 32: each measure is its own afgørelse), so a repeated CPR alone is no problem under Egenkontrol.
 */
export const checkDuplicateDecision = (records: readonly CaseRecord[], sheet: Sheet): CaseFlag[] =>
  checkDuplicates(
    records,
    sheet,
    (r) =>
      typeof r.cpr === 'object' && r.cpr !== null && typeof r.afgoerelsesdato === 'number'
        ? `${r.cpr.text}|${r.afgoerelsesdato}|${typeof r.foranstaltning === 'string' ? r.foranstaltning : ''}`
        : null,
    'cpr',
    'duplicate-decision',
    'samme afgørelse står flere gange',
    'Samme barn, foranstaltning og afgørelsesdato står også',
    'warning',
  );

/** The number of cases must be Antal sager (a warning). */
export function checkCaseCount(records: readonly CaseRecord[], settings: Settings, sheet: Sheet): Problem[] {
  const n = records.length;
  if (n === settings.antalSager) return [];
  return [
    whole(
      sheet,
      'warning',
      'case-count',
      `Arket ${sheet.name} har ${n} sager, men Antal sager i Indstillinger er ${settings.antalSager}; tilføj eller fjern sager, eller ret Antal sager.`,
    ),
  ];
}

/** The rule sets of the cases, each once, in the order of the first case under each. */
const distinct = (ruleSets: readonly RuleSet[]): RuleSet[] => [...new Set(ruleSets)];

/**
 * Placements above Højst antal anbringelser (an error), and other measures while placements (capped)
 * and family treatment already give Antal sager (a warning: they only fill up). Each case counts by
 * its own rule set's groups (spec §3, barnets-lov.md §2).
 */
export function checkMeasureMix(
  records: readonly CaseRecord[],
  ruleSets: readonly RuleSet[],
  settings: Settings,
  sheet: Sheet,
): Problem[] {
  let placements = 0;
  let main = 0;
  let others = 0;
  records.forEach((r, i) => {
    const m = r.foranstaltning;
    if (typeof m !== 'string') return;
    const groups = (ruleSets[i] as RuleSet).selection;
    const has = (codes: readonly MeasureCode[]): boolean => codes.includes(m);
    if (has(groups.placements)) placements += 1;
    else if (has(groups.main)) main += 1;
    else if (has(groups.fillUp)) others += 1;
  });
  const laws = distinct(ruleSets.length > 0 ? ruleSets : [getRuleSet()]).map((r) => r.selection);
  const out: Problem[] = [];
  const cap = settings.hoejstAnbringelser;
  if (placements > cap) {
    out.push(
      whole(
        sheet,
        'error',
        'too-many-placements',
        `Arket ${sheet.name} har ${placements} anbringelser (${laws.map((l) => l.placementsText).join('; ')}), men indkaldelsen beder højst om ${cap}; fjern ${placements - cap} af dem.`,
      ),
    );
  }
  const mainCases = Math.min(placements, cap) + main;
  if (others > 0 && mainCases >= settings.antalSager) {
    out.push(
      whole(
        sheet,
        'warning',
        'other-measures-not-needed',
        `Arket ${sheet.name} har ${others} sager om andre foranstaltninger (${laws.map((l) => l.fillUpText).join('; ')}), men anbringelser og familiebehandling giver allerede ${mainCases} af de ${settings.antalSager} sager; de andre foranstaltninger skal kun fylde op til antallet.`,
      ),
    );
  }
  return out;
}

/**
 * Sag nummer must run 1…n without gaps or repeats.
 * Decision: a warning, not an error: numbering only matters for the call's "sag nr. X ud af Y" (seed 001).
 */
export function checkSequence(records: readonly CaseRecord[], sheet: Sheet): Problem[] {
  const n = records.length;
  const used = new Set<number>();
  for (const r of records) {
    const nr = r.sagsnr;
    if (typeof nr !== 'number' || nr < 1 || nr > n || used.has(nr)) {
      return [
        whole(
          sheet,
          'warning',
          'sagsnr-sequence',
          `Sagsnumrene i arket ${sheet.name} er ikke 1 til ${n} uden huller eller gentagelser; nummerér sagerne fortløbende fra 1, som indkaldelsen beder om.`,
        ),
      ];
    }
    used.add(nr);
  }
  return [];
}

/**
 * Every selection check. `ruleSets` gives each case's rule set (same order as the records); default
 * SEL-2023 for all.
 */
export function checkSelection(
  records: readonly CaseRecord[],
  settings: Settings,
  info: Sheet,
  ruleSets: readonly RuleSet[] = records.map(() => getRuleSet()),
): SelectionResult {
  // Egenkontrol (issue 12 item 6): the whole caseload of a period, so the checks that pick the call's
  // sample (Antal sager, the placement cap, fill-up, siblings, anket/behandlet/dom-UKN, sagsnr 1…n)
  // do not apply; the checks of the data themselves stay.
  const egen = isEgenkontrol(settings);
  // The checks of a case's own cells, reported case by case; then the checks across cases.
  // Decision: invalid or missing CPR and age 0–22 (18–22 a warning) stay under Egenkontrol: the rules
  // checked are those for children and young people under SEL § 52 / BL § 32, not efterværn.
  const own = [
    ...(egen ? checkDecisionPeriod(records, settings, info) : checkDecisionYear(records, settings, info)),
    ...checkMeasure(records, ruleSets, info, egen),
    ...(egen ? [] : checkExcluded(records, info)),
    ...checkCpr(records, ruleSets, info),
  ].sort((a, b) => a.index - b.index);
  // Decision: duplicate Sag nummer stays an error under Egenkontrol: the review log (spec §10) finds a
  // case by its Sagsnr, so two cases with one number cannot be corrected apart.
  const across = egen
    ? [...checkDuplicateSagsnr(records, info), ...checkDuplicateDecision(records, info)]
    : [
        ...checkSiblings(records, info),
        ...checkDuplicateSagsnr(records, info),
        ...checkDuplicateCpr(records, info),
      ];
  const texts = new Map<number, string[]>();
  const fails = records.map(() => false);
  const problems: Problem[] = [];
  for (const f of [...own, ...across]) {
    const t = texts.get(f.index);
    if (t) t.push(f.short);
    else texts.set(f.index, [f.short]);
    if (f.severity === 'error') fails[f.index] = true;
    if (f.problem !== null) problems.push(f.problem);
  }
  if (!egen) {
    problems.push(
      ...checkCaseCount(records, settings, info),
      ...checkMeasureMix(records, ruleSets, settings, info),
      ...(records.length > 0 ? checkSequence(records, info) : []),
    );
  }
  return {
    cases: records.map((_, i) => {
      const t = texts.get(i);
      return { selectionOk: !(fails[i] as boolean), text: t === undefined ? SELECTION_OK : t.join('; ') };
    }),
    problems,
  };
}
