import { ERROR_VALUE, failure, type ParseFailure } from './failure';
import { isBlankText } from './fold';
import type { Cell, MeasureCode } from './types';

/** Table 1.1's rows in order (spec §5, seed 000). */
export const TABLE_11_ROWS = [
  'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
  'Anbringelse (tvangsmæssig) § 58, stk. 1',
  'Familiebehandling § 52, stk. 3, nr. 3',
  'Andre foranstaltninger efter § 52, stk. 3.',
] as const;

const OTHER = TABLE_11_ROWS[3];

export interface MeasureDef {
  readonly code: MeasureCode;
  /** The exact label used in outputs (spec §2.4). */
  readonly label: string;
  /** The row of table 1.1 the measure is counted in. */
  readonly table11Row: string;
}

export const MEASURES: readonly MeasureDef[] = [
  { code: 'A7', label: 'Anbringelse (frivillig) § 52, stk. 3, nr. 7', table11Row: TABLE_11_ROWS[0] },
  { code: 'T58', label: 'Anbringelse (tvangsmæssig) § 58, stk. 1', table11Row: TABLE_11_ROWS[1] },
  { code: 'F3', label: 'Familiebehandling § 52, stk. 3, nr. 3', table11Row: TABLE_11_ROWS[2] },
  { code: 'P2', label: 'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2', table11Row: OTHER },
  { code: 'D4', label: 'Døgnophold § 52, stk. 3, nr. 4', table11Row: OTHER },
  { code: 'L5', label: 'Aflastningsordning § 52, stk. 3, nr. 5', table11Row: OTHER },
  { code: 'K6', label: 'Kontaktperson § 52, stk. 3, nr. 6', table11Row: OTHER },
];

export const MEASURE_BY_CODE: Readonly<Record<MeasureCode, MeasureDef>> = Object.fromEntries(
  MEASURES.map((m) => [m.code, m]),
) as Record<MeasureCode, MeasureDef>;

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

/** Keywords (as folded words, padded with spaces where a whole word is meant) → code. */
const KEYWORDS: readonly (readonly [string, MeasureCode])[] = [
  ['frivillig anbringelse', 'A7'],
  ['frivilligt anbragt', 'A7'],
  ['anbringelse frivillig', 'A7'],
  ['anbringelse med samtykke', 'A7'],
  ['tvangsanbringelse', 'T58'],
  ['tvangsanbragt', 'T58'],
  ['tvangsmaessig anbringelse', 'T58'],
  ['anbringelse tvangsmaessig', 'T58'],
  ['anbringelse uden samtykke', 'T58'],
  ['familiebehandling', 'F3'],
  ['praktisk paedagogisk stoette', 'P2'],
  ['doegnophold', 'D4'],
  ['aflastning', 'L5'],
  ['kontaktperson', 'K6'],
];

const REF_52_RE = / 52 (?:stk )?3 (?:nr )?([2-7]) /;
const REF_58_RE = / 58 (?:stk 1 )?/;
const NR_TO_CODE: Readonly<Record<string, MeasureCode>> = {
  '2': 'P2',
  '3': 'F3',
  '4': 'D4',
  '5': 'L5',
  '6': 'K6',
  '7': 'A7',
};

const LABEL_KEYS = new Map<string, MeasureCode>(MEASURES.map((m) => [words(m.label), m.code]));
const cache = new Map<string, MeasureCode | ParseFailure>();

function fromText(text: string): MeasureCode | ParseFailure {
  const w = words(text);
  const exact = LABEL_KEYS.get(w);
  if (exact) return exact;
  let found: MeasureCode | null = null;
  const note = (code: MeasureCode): boolean => {
    if (found !== null && found !== code) return false;
    found = code;
    return true;
  };
  for (const [kw, code] of KEYWORDS) {
    if (w.includes(kw) && !note(code)) return CONFLICT;
  }
  const r52 = REF_52_RE.exec(w);
  if (r52 && !note(NR_TO_CODE[r52[1] as string] as MeasureCode)) return CONFLICT;
  if (REF_58_RE.test(w) && !note('T58')) return CONFLICT;
  if (found !== null) return found;
  // "Anbringelse" (or "anbragt") without frivillig/tvangsmæssig or a § reference (spec §2.4).
  if (/ anbring| anbragt/.test(w)) return AMBIGUOUS;
  return INVALID;
}

/**
 * Reads a measure (spec §2.4): the label, the reference alone ("§ 52, stk. 3, nr. 7", "52.3.7",
 * "§ 58", "§ 58, stk. 1"), or a keyword ("Familiebehandling", "Tvangsanbringelse", …).
 * Text that points at two different measures fails; "Anbringelse" alone is ambiguous.
 * @example parseMeasure("52.3.7") === "A7"; parseMeasure("Aflastning") === "L5"
 */
export function parseMeasure(cell: Cell): MeasureCode | null | ParseFailure {
  if (cell === null || cell === undefined) return null;
  let text: string;
  if (typeof cell === 'string') {
    if (isBlankText(cell)) return null;
    text = cell;
  } else if (typeof cell === 'number') {
    // Decision: a number cell is read as its text (58 → § 58); other numbers fail.
    text = String(cell);
  } else if (typeof cell === 'boolean') {
    return INVALID;
  } else if ('error' in cell) {
    return ERROR_VALUE;
  } else {
    text = String(cell.n);
  }
  let r = cache.get(text);
  if (r === undefined) {
    r = fromText(text);
    if (cache.size < 10_000) cache.set(text, r);
  }
  return r;
}
