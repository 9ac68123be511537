import { ERROR_VALUE, failure, type ParseFailure } from './failure';
import { isBlankText } from './fold';
import { RULE_SETS, getRuleSet } from './rules';
import type { Cell, MeasureCode, MeasureDef, MeasureKind, RuleSet } from './types';

/**
 * Reading the Foranstaltning cell (spec §2.4, barnets-lov.md §2). A cell names a kind of measure
 * by a label, a reference ("§ 52, stk. 3, nr. 7", "52.3.7", "§ 46", "32.1.5") or a keyword
 * ("Familiebehandling"); the rule set of the case then gives the code. A label or reference also
 * tells which law the writer used, so a measure written with the other law's reference is read as
 * its counterpart and warned about.
 */

export interface MeasureReading {
  readonly kind: MeasureKind;
  /** The measure as written, when a label or a reference named one law's measure; null for keywords. */
  readonly written: MeasureDef | null;
}

const INVALID = failure(
  'invalid-measure',
  'en kendt foranstaltning',
  'Skriv en af foranstaltningerne, fx "Familiebehandling § 52, stk. 3, nr. 3" eller "§ 58, stk. 1".',
);
const AMBIGUOUS = failure(
  'ambiguous-measure',
  'entydig, fordi en anbringelse kan være frivillig eller tvangsmæssig',
  'Skriv "Frivillig anbringelse" (§ 52, stk. 3, nr. 7) eller "Tvangsmæssig anbringelse" (§ 58, stk. 1).',
);
const CONFLICT = failure(
  'invalid-measure',
  'entydig, fordi teksten peger på flere foranstaltninger',
  'Skriv kun én foranstaltning, fx "Familiebehandling § 52, stk. 3, nr. 3".',
);

/**
 * Normalises measure text to space-separated words: lower case, æøå folded, "§" and other
 * punctuation turned into spaces ("Praktisk/pædagogisk" = "praktisk paedagogisk").
 */
function words(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${s} `;
}

/** Keywords (folded words) → kind; the same for both laws (barnets-lov.md §2). */
const KEYWORDS: readonly (readonly [string, MeasureKind])[] = [
  ['frivillig anbringelse', 'placement-consent'],
  ['frivilligt anbragt', 'placement-consent'],
  ['anbringelse frivillig', 'placement-consent'],
  ['anbringelse med samtykke', 'placement-consent'],
  ['tvangsanbringelse', 'placement-forced'],
  ['tvangsanbragt', 'placement-forced'],
  ['tvangsmaessig anbringelse', 'placement-forced'],
  ['anbringelse tvangsmaessig', 'placement-forced'],
  ['anbringelse uden samtykke', 'placement-forced'],
  ['familiebehandling', 'family-treatment'],
  ['praktisk paedagogisk stoette', 'practical-support'],
  ['praktisk paedagogisk eller anden stoette', 'practical-support'],
  ['doegnophold', 'residential'],
  ['familieanbringelse', 'residential'],
  ['aflastning', 'respite'],
  ['stoetteophold', 'respite'],
  ['kontaktperson', 'contact-person'],
];

const ALL_MEASURES: readonly MeasureDef[] = RULE_SETS.flatMap((r) => r.measures);
const LABELS = new Map<string, MeasureDef>(ALL_MEASURES.map((m) => [words(m.label), m]));

function fromText(text: string): MeasureReading | ParseFailure {
  const w = words(text);
  const exact = LABELS.get(w);
  if (exact) return { kind: exact.kind, written: exact };
  let kind: MeasureKind | null = null;
  let written: MeasureDef | null = null;
  const note = (k: MeasureKind): boolean => {
    if (kind !== null && kind !== k) return false;
    kind = k;
    return true;
  };
  for (const [kw, k] of KEYWORDS) if (w.includes(kw) && !note(k)) return CONFLICT;
  for (const m of ALL_MEASURES) {
    if (!m.reference.test(w)) continue;
    if (!note(m.kind)) return CONFLICT;
    written ??= m;
  }
  if (kind !== null) return { kind, written };
  // "Anbringelse" (or "anbragt") without frivillig/tvangsmæssig or a § reference (spec §2.4).
  if (/ anbring| anbragt/.test(w)) return AMBIGUOUS;
  return INVALID;
}

/**
 * Reads a Foranstaltning cell into the kind of measure it names, and the law's measure when a
 * label or a reference named one. Text that points at two different kinds fails; "Anbringelse"
 * alone is ambiguous.
 * @example readMeasure("52.3.7") → { kind: 'placement-consent', written: A7 }
 */
export function readMeasure(cell: Cell): MeasureReading | null | ParseFailure {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return isBlankText(cell) ? null : fromText(cell);
  // Decision: a number cell is read as its text (58 → § 58); other numbers fail.
  if (typeof cell === 'number') return fromText(String(cell));
  if (typeof cell === 'boolean') return INVALID;
  if ('error' in cell) return ERROR_VALUE;
  return fromText(String(cell.n));
}

/** Every law's measure by code, the older law's first (P2 is in both; SEL's label is kept). */
export const MEASURE_BY_CODE: Readonly<Record<MeasureCode, MeasureDef>> = Object.fromEntries(
  [...ALL_MEASURES].reverse().map((m) => [m.code, m]),
) as Record<MeasureCode, MeasureDef>;

/** The rule set's measure of a kind (every rule set names every kind). */
export function measureOfKind(ruleSet: RuleSet, kind: MeasureKind): MeasureDef {
  return ruleSet.measures.find((m) => m.kind === kind) as MeasureDef;
}

/** The measure with this code in any rule set (P2 is the same in both). */
export function measureByCode(code: MeasureCode): MeasureDef {
  return ALL_MEASURES.find((m) => m.code === code) as MeasureDef;
}

/**
 * Reads a measure as a rule set's code (default SEL-2023).
 * @example parseMeasure("52.3.7") === "A7"; parseMeasure("Aflastning") === "L5"
 */
export function parseMeasure(cell: Cell, ruleSet: RuleSet = getRuleSet()): MeasureCode | null | ParseFailure {
  const r = readMeasure(cell);
  if (r === null || !('kind' in r)) return r;
  return measureOfKind(ruleSet, r.kind).code;
}
