/**
 * The contracts of the pure core. Everything here is plain data: no Office, React,
 * ExcelJS or DOM. The flow is
 *   workbook --read once--> Snapshot --evaluate--> Report --planWrite--> WritePlan --apply once--> workbook
 */

// ---------------------------------------------------------------------------
// Cells and snapshots (what an adapter reads)
// ---------------------------------------------------------------------------

/** A number cell with a non-General number format (dates are Excel serials with a date format). */
export interface NumberCell {
  readonly n: number;
  /** The cell's number format code, e.g. "dd-mm-yyyy" or "0%". */
  readonly fmt: string;
}

/** An error value ("#N/A", "#REF!"), or a formula the adapter could not get a result for. */
export interface ErrorCell {
  readonly error: string;
  /** The formula text (without "="), when the error comes from a formula without a cached result. */
  readonly formula?: string;
}

/**
 * One cell as read from any workbook.
 * - null: empty
 * - string: text (rich text flattened, hyperlink shown text, formula results that are text)
 * - number: a number in the General format (formula results included)
 * - boolean
 * - NumberCell: a number with a number format (Excel dates are serials here, never JS Dates)
 * - ErrorCell: an error value
 */
export type Cell = null | string | number | boolean | NumberCell | ErrorCell;

export interface SheetSnapshot {
  readonly name: string;
  /** rows[r][c] is the cell at Excel row r + 1, column c + 1. Rows may be shorter than others. */
  readonly rows: readonly (readonly Cell[])[];
  /** Merged areas in A1 notation, e.g. "A1:C1". */
  readonly merges: readonly string[];
}

export interface Snapshot {
  /** True when the workbook uses the 1904 date system. */
  readonly date1904: boolean;
  /** Every worksheet name in workbook order (including hidden ones). */
  readonly sheetNames: readonly string[];
  /**
   * The sheets the adapter read, by name. An adapter reads at least: "Sagsoversigt" (or, when
   * there is none, every visible sheet so the domain can find the case sheet by its header),
   * "Indstillinger", "Gennemgang" and the tool's metadata sheet (META_SHEET) when they exist.
   */
  readonly sheets: Readonly<Record<string, SheetSnapshot>>;
}

/** The tool's own hidden sheet recording what it generated (sheets and verdict columns). */
export const META_SHEET = '_Barometer';

// ---------------------------------------------------------------------------
// Parsed values
// ---------------------------------------------------------------------------

/**
 * A calendar date as a whole number of days since 1899-12-30 (proleptic Gregorian).
 * For dates from 1900-03-01 on this equals the Excel serial in the 1900 date system.
 */
export type Day = number;

/** A wall-clock date-time in Europe/Copenhagen. minutes = null means "no time of day" (spec §2.3). */
export interface DateTime {
  readonly day: Day;
  readonly minutes: number | null;
}

/** The cell has a value that cannot be read (the cell is reported as a problem). */
export const UNREADABLE: unique symbol = Symbol('unreadable');
/** The column is not in the sheet at all (reported once per column). */
export const NO_COLUMN: unique symbol = Symbol('no-column');

/** A parsed field: the value, null when the cell is blank, or one of the two sentinels. */
export type Field<T> = T | null | typeof UNREADABLE | typeof NO_COLUMN;

/** Serviceloven (SEL-2023) measures, spec §2.4. */
export type SelMeasureCode = 'A7' | 'T58' | 'F3' | 'P2' | 'D4' | 'L5' | 'K6';
/** Barnets lov (BL-2024) indsatser, barnets-lov.md §2 (P2 keeps its code). */
export type BlMeasureCode = 'A46' | 'A47' | 'F5' | 'P2' | 'K3' | 'D6' | 'S7';
export type MeasureCode = SelMeasureCode | BlMeasureCode;
/** 'afdaekning' exists only under Barnets lov (§ 19); on a SEL-2023 case it is a cell error. */
export type BfuKind = 'ny' | 'opdatering' | 'afdaekning' | 'ingen' | 'ikke-relevant';
/** 'alder' = "Alder eller andre forhold" (barnets lov § 5, stk. 4). */
export type ConversationException = 'oenskede-ikke' | 'modenhed' | 'alder' | 'ikke-relevant' | 'andet';
/** Stillingtagen til barnets plan (barnets lov § 91, stk. 1). */
export type PlanStance = 'udarbejdes' | 'ikke-noedvendig';
export type Reassessment = 'ja' | 'fremgaar-ikke' | 'ikke-foretaget';

export interface Cpr {
  /** Normalised "DDMMYY-SSSS". Never written to any generated output. */
  readonly text: string;
  readonly birthDay: Day;
}

/** The known columns of Sagsoversigt (spec §2.1), by id. */
export type ColumnId =
  | 'sagsnr'
  | 'foranstaltning'
  | 'navn'
  | 'cpr'
  | 'afgoerelsesdato'
  | 'anket'
  | 'ast_behandlet'
  | 'familie'
  | 'dom_ukn'
  | 'bfu'
  | 'bfu_grund'
  | 'opmaerksom'
  | 'bfu_afsluttet'
  | 'bfu_foreloebig'
  | 'akut'
  | 'stillingtagen'
  | 'samtale_bfu'
  | 'foraeldre'
  | 'boernesamtale'
  | 'boernesamtale_undtagelse'
  | 'synspunkter'
  | 'effektueret'
  | 'ophoert'
  | 'kontakt'
  | 'kontakt_grund'
  | 'plan_stillingtagen'
  | 'handleplan'
  | 'handleplan_grund'
  | 'handleplan_indsats'
  | 'opfoelgning'
  | 'underretning'
  | 'vurdering_24t'
  | 'genvurdering';

/** One row of Sagsoversigt, parsed. Text fields hold trimmed text; blank is null. */
export interface CaseRecord {
  /** Excel row number as Excel shows it. */
  readonly row: number;
  readonly sagsnr: Field<number>;
  readonly foranstaltning: Field<MeasureCode>;
  /** Present only so selection checks can use it; never written to generated output. */
  readonly navn: Field<string>;
  readonly cpr: Field<Cpr>;
  readonly afgoerelsesdato: Field<Day>;
  readonly anket: Field<boolean>;
  readonly ast_behandlet: Field<boolean>;
  readonly familie: Field<string>;
  readonly dom_ukn: Field<boolean>;
  readonly bfu: Field<BfuKind>;
  readonly bfu_grund: Field<string>;
  readonly opmaerksom: Field<Day>;
  readonly bfu_afsluttet: Field<Day>;
  readonly bfu_foreloebig: Field<string>;
  readonly akut: Field<boolean>;
  readonly stillingtagen: Field<boolean>;
  readonly samtale_bfu: Field<boolean | 'ikke-relevant'>;
  readonly foraeldre: Field<boolean>;
  readonly boernesamtale: Field<Day>;
  /** 'andet' = any other text (kept in boernesamtale_undtagelse_tekst). */
  readonly boernesamtale_undtagelse: Field<ConversationException>;
  /** Barnets synspunkter tilvejebragt på anden vis (read only by BL 3.8). */
  readonly synspunkter: Field<boolean>;
  readonly effektueret: Field<Day | 'ikke-effektueret'>;
  readonly ophoert: Field<Day>;
  readonly kontakt: Field<Day>;
  readonly kontakt_grund: Field<string>;
  /** Stillingtagen til barnets plan (read only by BL 4.10). */
  readonly plan_stillingtagen: Field<PlanStance>;
  readonly handleplan: Field<Day>;
  readonly handleplan_grund: Field<string>;
  readonly handleplan_indsats: Field<boolean>;
  readonly opfoelgning: Field<Day>;
  readonly underretning: Field<DateTime>;
  readonly vurdering_24t: Field<DateTime>;
  readonly genvurdering: Field<Reassessment>;
}

// ---------------------------------------------------------------------------
// Settings (sheet "Indstillinger", spec §2.2)
// ---------------------------------------------------------------------------

export interface Settings {
  readonly kommune: string | null;
  readonly undersoegelsesaar: number;
  readonly afgoerelsesaar: number;
  readonly opgoerelsesdato: Day;
  readonly antalSager: number;
  readonly hoejstAnbringelser: number;
  readonly offentliggoerelse: boolean;
  /** Reviewer initials kept for the audit log (issue: reviewer workflow). */
  readonly initialer: string | null;
  /** "Regelsæt": a rule-set id that applies to every case; null or absent = by decision date. */
  readonly regelsaet?: string | null;
  /** "Formål" (issue 12 item 6): the barometer's sample (default) or the municipality's own control of a period. */
  readonly formaal?: Formaal;
  /** "Periode fra"/"Periode til": the decision dates an Egenkontrol covers (both inclusive); null under Indsendelse. */
  readonly periodeFra?: Day | null;
  readonly periodeTil?: Day | null;
}

/** Why the list is checked: for Ankestyrelsen's call (a sample) or as the municipality's own control of a whole period. */
export type Formaal = 'indsendelse' | 'egenkontrol';

// ---------------------------------------------------------------------------
// Problems (zod-style: data, all collected, never thrown)
// ---------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'missing';

/** A cell that cannot be read (spec §2.3); also the code of its ParseFailure. */
export type CellProblemCode =
  | 'invalid-date'
  | 'invalid-yesno'
  | 'invalid-sagsnr'
  | 'invalid-bfu'
  | 'invalid-reassessment'
  | 'invalid-text'
  | 'invalid-measure'
  | 'ambiguous-measure'
  | 'invalid-cpr'
  | 'invalid-plan-stance'
  | 'invalid-setting'
  | 'error-value';

/** Every problem code the tool reports (stable; tests and the JSON use them). */
export type ProblemCode =
  | CellProblemCode
  // Reading the sheets (records.ts, settings.ts)
  | 'missing-column'
  | 'duplicate-column'
  | 'missing-kommune'
  | 'opgoerelsesdato-future'
  | 'missing-period'
  | 'invalid-period'
  | 'measure-other-law'
  // Verdicts (evaluate.ts)
  | 'missing'
  | 'inconsistent-dates'
  // Selection (selection.ts, spec §3)
  | 'decision-outside-year'
  | 'decision-outside-period'
  | 'duplicate-decision'
  | 'missing-decision-date'
  | 'measure-not-in-call'
  | 'missing-measure'
  | 'excluded-case'
  | 'missing-cpr'
  | 'age-out-of-range'
  | 'age-over-17'
  | 'sibling-unknown-age'
  | 'sibling-not-eldest'
  | 'sibling-same-day'
  | 'duplicate-sagsnr'
  | 'duplicate-cpr'
  | 'case-count'
  | 'too-many-placements'
  | 'other-measures-not-needed'
  | 'sagsnr-sequence'
  // The review log (corrections.ts, spec §10)
  | 'invalid-review-line'
  | 'invalid-review-sheet'
  | 'review-stale'
  // Writing (plan.ts)
  | 'no-room-for-verdicts'
  | 'sheet-name-taken'
  | 'meta-sheet-taken';

export interface Problem {
  /** null for problems of the whole list or of the workbook. */
  readonly sagsnr: number | null;
  /** Excel row number, or null. */
  readonly row: number | null;
  /** The Danish header of the column concerned (canonical), or null. */
  readonly column: string | null;
  readonly severity: Severity;
  /** Stable machine code, e.g. "invalid-date", "missing-column", "sibling-not-eldest". */
  readonly code: ProblemCode;
  /** One Danish sentence naming sheet and cell and what to do. Never a CPR number or name. */
  readonly message: string;
  /** The sheet concerned. */
  readonly sheet: string | null;
  /** A1 address of the cell concerned ("D7"), or null. */
  readonly cell: string | null;
  /** The question id when the problem is about one question ("2.3"). */
  readonly question?: string;
}

// ---------------------------------------------------------------------------
// Questions, verdicts and the rule set
// ---------------------------------------------------------------------------

export const IKKE_RELEVANT = 'Ikke relevant';
export const MANGLER = 'Mangler oplysninger';

export interface Verdict {
  /** A row label of the question's table, IKKE_RELEVANT or MANGLER. */
  readonly answer: string;
  /** One Danish sentence with the dates used (dd-mm-yyyy). */
  readonly reason: string;
  /** The columns whose (missing or unreadable) value caused MANGLER, for the problem list. */
  readonly missing?: readonly ColumnId[];
  /**
   * Set with MANGLER when the dates contradict each other (spec §4: bfu_afsluttet before
   * opmaerksom, a 24-timers vurdering before the underretning): [earlier column, later column].
   * evaluate reports it as an error problem with code "inconsistent-dates".
   */
  readonly inconsistent?: readonly [ColumnId, ColumnId];
}

export interface RuleContext {
  readonly settings: Settings;
  /** The run date ("today"), injected; rules never read the clock. */
  readonly today: Day;
  /**
   * Europe/Copenhagen UTC offsets already looked up in this run, by UTC hour (DST changes fall on
   * whole UTC hours). Made per run by evaluateRecords: an offset lookup costs microseconds and a
   * case list repeats the same hours.
   */
  readonly offsets?: Map<number, number>;
}

export interface Question {
  /** "1.1" … "6.14" */
  readonly id: string;
  readonly chapter: 1 | 2 | 3 | 4 | 5 | 6;
  /** The table title, exactly as in the report (spec §5). */
  readonly title: string;
  /** Short header for the verdict column, e.g. "2.3 4-måneders frist". */
  readonly columnHeader: string;
  /** Table rows in order. */
  readonly rows: readonly string[];
  /** Rows shown only when their count > 0 (6.13's "Nej, foretaget senere end 24 timer"). */
  readonly optionalRows?: readonly string[];
  /** Rows that count as "Overholdt" (Ja and every "Nej, men …"). */
  readonly compliantRows: readonly string[];
  /** e.g. "Serviceloven § 50, stk. 7" */
  readonly legal: string;
  /** The columns the rule always reads; a missing one makes it Mangler oplysninger for every row. */
  readonly columns: readonly ColumnId[];
  /**
   * Columns the rule reads only for some cases (BL 3.8's synspunkter): the rule itself decides
   * what their absence means. Shown to reviewers with `columns`.
   */
  readonly conditionalColumns?: readonly ColumnId[];
  evaluate(this: void, record: CaseRecord, ctx: RuleContext): Verdict;
}

/** What a measure is, whichever law names it (a SEL-2023 measure and its BL-2024 counterpart share it). */
export type MeasureKind =
  | 'placement-consent'
  | 'placement-forced'
  | 'family-treatment'
  | 'practical-support'
  | 'residential'
  | 'respite'
  | 'contact-person';

export interface MeasureDef {
  readonly code: MeasureCode;
  readonly kind: MeasureKind;
  /** The exact label used in outputs (spec §2.4, barnets-lov.md §2). */
  readonly label: string;
  /** The row of table 1.1 the measure is counted in. */
  readonly table11Row: string;
  /** The section the label names, as the other law's warning says it ("§ 52", "§ 32"). */
  readonly section: string;
  /** The law's reference to the measure, on folded words (" 52 stk 3 nr 7 "). */
  readonly reference: RegExp;
}

/** The measure groups and wording of the selection checks (spec §3) for one rule set. */
export interface SelectionRules {
  /** Placements, capped by Højst antal anbringelser. */
  readonly placements: readonly MeasureCode[];
  /** Counted with the placements towards Antal sager (family treatment). */
  readonly main: readonly MeasureCode[];
  /** Other measures that only fill up to Antal sager. */
  readonly fillUp: readonly MeasureCode[];
  /** Measures outside the call's criteria (a warning each). */
  readonly notInCall: Readonly<
    Partial<Record<MeasureCode, { readonly short: string; readonly message: string }>>
  >;
  /** The placements' sections, for the too-many-placements message. */
  readonly placementsText: string;
  /** The fill-up measures in words. */
  readonly fillUpText: string;
  /** The warning for a young person aged 18–22 at the decision. */
  readonly adultMessage: (age: number, decision: string) => string;
}

export interface NationalFigure {
  readonly value: number;
  readonly label: string;
}

export interface RuleSet {
  /** "SEL-2023", "BL-2024" */
  readonly id: string;
  /** The first decision day the rule set applies to; earlier decisions take the rule set before it. */
  readonly decisionsFrom: Day;
  /** The heading of this rule set's part when a list has cases under two rule sets (barnets-lov.md §1). */
  readonly partHeading: string;
  /** A line under the first chapter heading of the result tables, or null. */
  readonly tablesNote: string | null;
  readonly chapters: readonly { readonly no: number; readonly title: string }[];
  /** In report order: 1.1, 2.2, …, 6.14 (every rule set has the same ids in the same order). */
  readonly questions: readonly Question[];
  /** The measure catalogue (table 1.1's rows come from it). */
  readonly measures: readonly MeasureDef[];
  /** Table 1.1's rows in order. */
  readonly table11Rows: readonly string[];
  /** The values of Børnefaglig undersøgelse this law knows. */
  readonly bfuKinds: readonly BfuKind[];
  /** The drop-down lists of the template that differ per law, by column. */
  readonly choices: Readonly<Partial<Record<ColumnId, readonly string[]>>>;
  readonly selection: SelectionRules;
  /** How each question's result is said in the memo; {K} kommune, {andel} the share (memo.ts andel). */
  readonly memoPhrases: Readonly<Record<string, string>>;
  /** The national figure of a question in a barometer edition (spec §7), or null. */
  readonly nationalFigure: (edition: number, questionId: string) => NationalFigure | null;
  /** The warning for a measure written with another law's reference, read as `own`. */
  readonly otherLawWarning: (written: MeasureDef, own: MeasureDef) => string;
}

// ---------------------------------------------------------------------------
// Corrections (sheet "Gennemgang", spec §10)
// ---------------------------------------------------------------------------

export const REVIEW_SHEET = 'Gennemgang';
export const REVIEW_HEADERS = [
  'Tidspunkt',
  'Sagsnr',
  'Spørgsmål',
  'Beregnet',
  'Rettet til',
  'Begrundelse',
  'Initialer',
] as const;

export interface Correction {
  /** Excel row of the log line. */
  readonly logRow: number;
  readonly sagsnr: number;
  readonly question: string;
  readonly computed: string;
  /** null = withdrawal. */
  readonly correctedTo: string | null;
  readonly reason: string;
  readonly initials: string;
  /**
   * Tidspunkt as wall-clock minutes since Day 0 (day × 1440 + minutes; an Excel date-time keeps
   * its seconds as a fraction), for "latest line wins" (spec §10); absent on lines built by hand in
   * tests, which then order by logRow alone.
   */
  readonly at?: number;
}

// ---------------------------------------------------------------------------
// The report (result of evaluate)
// ---------------------------------------------------------------------------

export interface FinalVerdict extends Verdict {
  /** The computed verdict's answer when a correction replaced it. */
  readonly computedAnswer: string;
  /** The computed verdict's reason, kept when a correction replaced it (the task pane shows both). */
  readonly computedReason?: string;
  /** Present when a reviewer correction is in force. */
  readonly correction?: Correction;
  /** True when the data changed after the reviewer's line (its Beregnet ≠ today's computed answer). */
  readonly stale?: boolean;
}

/**
 * A case's or question's review state. "rettelse trukket tilbage": the line in force has an empty
 * Rettet til (spec §10), so the computed answer applies again without anyone having approved it.
 */
export type ReviewStatus =
  'ikke gennemgået' | 'godkendt' | 'rettet' | 'rettelse trukket tilbage' | 'ændret siden gennemgang';

export interface CaseResult {
  /** The rule set the case was judged by (its decision date, or the forced one). */
  readonly ruleset: string;
  readonly row: number;
  readonly sagsnr: number | null;
  readonly record: CaseRecord;
  /** By question id, after corrections. */
  readonly verdicts: Readonly<Record<string, FinalVerdict>>;
  /** Text for the "Udvælgelse" column: "OK" or the failed selection checks. */
  readonly selection: string;
  readonly selectionOk: boolean;
  readonly review: ReviewStatus;
}

export interface TableRow {
  readonly label: string;
  readonly count: number;
  readonly percent: number;
}

export interface TableResult {
  /** The rule set whose part the table belongs to. */
  readonly ruleset: string;
  readonly id: string;
  readonly chapter: number;
  readonly title: string;
  readonly total: number;
  readonly suppressed: boolean;
  /** Empty when suppressed. */
  readonly rows: readonly TableRow[];
  /** "Kilde: Ishøj Kommune, egen gennemgang 23-11-2026" */
  readonly source: string;
}

export interface OverviewRow {
  /** The rule set whose part the row belongs to. */
  readonly ruleset: string;
  readonly id: string;
  readonly columnHeader: string;
  readonly relevant: number;
  readonly ja: number;
  readonly nejMen: number;
  readonly nej: number;
  /** Overholdt as a fraction 0..1, or null when no case is relevant. */
  readonly compliant: number | null;
  /** The 95 % Wilson interval of Overholdt, [lo, hi] as fractions; null exactly when compliant is null. */
  readonly interval: readonly [number, number] | null;
  /** National figure as a fraction, or null when §7 has none. */
  readonly national: number | null;
  readonly nationalLabel: string | null;
  /**
   * Trend (issue 12, --forrige): the earlier Overholdt of the question (fraction) and the rule set it
   * was judged by; null when the earlier result has no figure for it; absent when nothing was compared.
   */
  readonly previous?: { readonly compliant: number; readonly ruleset: string } | null;
}

/** One question in one quarter of one rule set's part (Overblik pr. kvartal). */
export interface QuarterRow {
  readonly ruleset: string;
  readonly id: string;
  readonly columnHeader: string;
  /** "2024 K1". */
  readonly quarter: string;
  readonly year: number;
  /** 1..4 */
  readonly q: number;
  readonly relevant: number;
  /** Overholdt as a fraction 0..1; null when no case is relevant or the row is suppressed. */
  readonly compliant: number | null;
  /** The 95 % Wilson interval of Overholdt; null exactly when compliant is null. */
  readonly interval: readonly [number, number] | null;
}

export interface CaseSheetInfo {
  readonly name: string;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  /** Column number (1-based) per known column found. */
  readonly columns: Partial<Record<ColumnId, number>>;
  /** Last row (Excel number) holding a case; headerRow when there is none. */
  readonly lastRow: number;
  /** Last column (1-based) that belongs to the people's data (generated columns excluded). */
  readonly lastDataColumn: number;
  /**
   * The verdict columns an earlier run generated, found by their own header cells (meta.ts), in
   * column order; null when there are none. They need not be contiguous (a person may insert,
   * delete or move columns).
   */
  readonly generatedColumns: readonly GeneratedColumn[] | null;
}

/** A generated verdict column found by its header cell. */
export interface GeneratedColumn {
  /** 1-based column number. */
  readonly col: number;
  /** The header text the tool wrote ("2.3 4-måneders frist", "Udvælgelse", …). */
  readonly header: string;
}

export interface Report {
  /** The rule set of Afgørelsesår, or the forced one (spec §9 `ruleset`). */
  readonly ruleset: string;
  /** The rule sets the cases fall under, oldest law first (one part per rule set when two). */
  readonly rulesets: readonly string[];
  readonly settings: Settings;
  readonly today: Day;
  readonly caseSheet: CaseSheetInfo;
  readonly cases: readonly CaseResult[];
  readonly tables: readonly TableResult[];
  readonly overview: readonly OverviewRow[];
  /** Overblik per quarter of the decision date (Egenkontrol only; empty or absent otherwise), src/domain/quarters.ts. */
  readonly quarters?: readonly QuarterRow[];
  /** The memo, one paragraph or bullet per entry (bullets start with "• "). */
  readonly memo: readonly string[];
  readonly problems: readonly Problem[];
  readonly corrections: readonly Correction[];
  readonly reviewed: number;
}

/** Fatal: the run cannot go on (exit 2 in the CLI). */
export interface FatalError {
  readonly code: 'no-case-sheet' | 'missing-columns' | 'empty-sheet' | 'unknown-ruleset';
  readonly message: string;
}

export type EvaluateResult =
  { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: FatalError };

// ---------------------------------------------------------------------------
// The write plan (pure data the adapters apply in one go)
// ---------------------------------------------------------------------------

/** Named styles; each adapter maps them to its own formatting. */
export type StyleId =
  | 'generated-header'
  | 'verdict-ja'
  | 'verdict-nej'
  | 'verdict-nejmen'
  | 'verdict-irrelevant'
  | 'verdict-missing'
  | 'verdict-corrected'
  | 'selection-ok'
  | 'selection-problem'
  | 'remark'
  | 'chapter'
  | 'table-title'
  | 'table-header'
  /** The header of a column of numbers (right-aligned over them). */
  | 'table-header-num'
  | 'table-row'
  | 'table-total'
  | 'percent'
  | 'percent-total'
  | 'source'
  | 'memo-heading'
  | 'memo-text'
  | 'datetime';

/** A value the tool writes. Strings are always written as text, never as formulas. */
export type PlanValue = string | number | boolean | null;

/** A rectangular block of cells, top-left at (row, col), both 1-based. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly PlanValue[])[];
  /** Same shape as values; null = no style. Omitted = no styles. */
  readonly styles?: readonly (readonly (StyleId | null)[])[];
}

/**
 * A clustered column chart of cells on its own sheet, in plain data: Office.js builds it from
 * `dataRange`; the package editor writes the chart part from the ranges and their values (the
 * caches a reader shows before it recalculates).
 */
export interface ChartSpec {
  readonly title: string;
  /** A1 range of the category + series data incl. headers, e.g. "A3:C17" (Office.js's source). */
  readonly dataRange: string;
  /** Top-left cell the chart covers (A1). */
  readonly anchor: string;
  /** Bottom-right cell the chart covers (A1, inclusive). */
  readonly anchorEnd: string;
  /** The category labels: their A1 range on this sheet and their texts. */
  readonly categories: { readonly range: string; readonly labels: readonly string[] };
  readonly series: readonly ChartSeries[];
  /** The value axis: bounds and number format (fractions shown as percent). */
  readonly valueAxis: { readonly min: number; readonly max: number; readonly numFmt: string };
}

export interface ChartSeries {
  /** The series name and the cell holding it (A1 on the chart's sheet). */
  readonly name: string;
  readonly nameCell: string;
  /** The values' A1 range on the chart's sheet and the values (null = empty cell, no bar). */
  readonly range: string;
  readonly values: readonly (number | null)[];
  /**
   * Custom error bars: the distance below (minus) and above (plus) each value, null where there
   * is none; `from`/`to` name the ranges the bounds stand in. An adapter whose chart references
   * cells for the lengths writes them to `helper`: two hidden columns (minus, plus), their
   * headers on row `headerRow`, the values on the series' rows.
   */
  readonly errorBars?: {
    readonly minus: readonly (number | null)[];
    readonly plus: readonly (number | null)[];
    readonly from: string;
    readonly to: string;
    readonly helper: {
      readonly minusRange: string;
      readonly plusRange: string;
      readonly headerRow: number;
      readonly headers: readonly [string, string];
    };
  };
}

export interface SheetBuild {
  readonly name: string;
  readonly blocks: readonly Block[];
  /** Column widths in characters, index 0 = column A. */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top (0 = none). */
  readonly freezeRows: number;
  readonly visibility: 'visible' | 'veryHidden';
  /**
   * Drop-down lists (template). `range` is an A1 range on this sheet ("B2:B1001"). The list is
   * offered as is; when `source` is given (an absolute A1 reference with sheet, e.g.
   * "'Lister'!$A$1:$A$7"), the adapter points the drop-down at that range instead, which is
   * needed when an item contains a comma or the items together exceed 255 characters.
   */
  readonly validations?: readonly {
    readonly range: string;
    readonly list: readonly string[];
    readonly source?: string;
  }[];
  /** Number formats for empty cells to be filled in (template): column `col` (1-based), rows fromRow..toRow. */
  readonly columnFormats?: readonly {
    readonly col: number;
    readonly numFmt: string;
    readonly fromRow: number;
    readonly toRow: number;
  }[];
  /** A native column chart on this sheet (Overblik): Office.js and the package editor draw it; ExcelJS ignores it. */
  readonly chart?: ChartSpec;
  /** How the sheet prints (result sheets); absent = the application's defaults. */
  readonly page?: PageSetup;
}

/**
 * Print setup of a generated sheet, in plain data each adapter applies: paper, orientation, fit
 * to `fitToWidth` pages wide and any number tall, rows repeated on every printed page, margins.
 */
export interface PageSetup {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Pages wide the sheet is scaled to (1 = every column on one page). */
  readonly fitToWidth: number;
  /** Pages tall the sheet is scaled to (1 = one page, the front sheets); absent or 0 = free. */
  readonly fitToHeight?: number;
  /** Rows (1-based, inclusive) printed at the top of every page (print titles). */
  readonly repeatRows?: readonly [number, number];
  /** Margins in inches (the OOXML unit; Office.js takes points = inches × 72). */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
}

export interface WritePlan {
  /** The case sheet the verdict columns go to. */
  readonly caseSheet: string;
  /**
   * Column spans (1-based, inclusive) of the case sheet to clear, rows fromRow..toRow, before
   * writing: the earlier run's generated verdict columns, one span per contiguous run of them,
   * from their header row down (a person's cells above the header stay). fromRow absent = 1.
   */
  readonly clearColumns:
    | readonly {
        readonly first: number;
        readonly last: number;
        readonly fromRow?: number;
        readonly toRow: number;
      }[]
    | null;
  /** The verdict block (header row + one row per case row, including rows between cases left null). */
  readonly verdictBlock: Block;
  readonly verdictColumnWidths: readonly number[];
  /** Sheets to (re)build from scratch, deleting any earlier sheet of that name first. */
  readonly sheets: readonly SheetBuild[];
  /** Sheets to delete (generated earlier, no longer generated). */
  readonly deleteSheets: readonly string[];
  /** Rows appended to the review log (Gennemgang), created with its headers when absent. */
  readonly reviewAppend?: readonly (readonly PlanValue[])[];
  /** Problems found while planning (e.g. a person's sheet blocks a generated sheet name). */
  readonly problems?: readonly Problem[];
}
