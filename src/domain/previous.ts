import { columnLetter } from './address';
import { MIN_PUBLISHED_CASES } from './tables';
import { findRuleSet, RULE_SETS, ruleSetForYear } from './rules';
import { readSettings } from './settings';
import { sameSheetName, sheetRef } from './sheetnames';
import type { Cell, Day, OverviewRow, Question, RuleSet, SheetSnapshot, Snapshot } from './types';

/**
 * The earlier result a check is compared with (issue 12, item 2: `check --forrige`, the pane's
 * "Sammenlign med tidligere resultat"): read from a result workbook's Overblik sheet or from the
 * JSON of `check --json`, both as the tool wrote them. Pure: the caller reads the file (CLI) or
 * the chosen file (pane) and hands over a Snapshot or the parsed JSON; nothing is ever written back.
 */

/** One question's earlier figure. */
export interface PreviousFigure {
  readonly ruleset: string;
  readonly id: string;
  /** Overholdt as a fraction 0..1; null when the earlier result showed none (suppressed, no case). */
  readonly compliant: number | null;
  /** Relevant cases behind it, when the earlier result says. */
  readonly relevant: number | null;
}

export interface PreviousResult {
  readonly figures: readonly PreviousFigure[];
  /** "23-11-2025" from the earlier Overblik's title; null when it does not say (JSON). */
  readonly reviewDate: string | null;
}

export type PreviousRead =
  { readonly ok: true; readonly previous: PreviousResult } | { readonly ok: false; readonly message: string };

/** The Overblik sheet's name and the header texts it is found by (plan.ts writes them). */
const OVERVIEW = 'Overblik';
const QUESTION_HEADER = 'Spørgsmål';
const COMPLIANT_HEADER = 'Overholdt';
const RELEVANT_HEADER = 'Relevante sager';
/** How far down the header row is looked for (the tool writes it in row 3). */
const HEADER_SEARCH_ROWS = 20;

const fail = (message: string): PreviousRead => ({ ok: false, message });
const USE_RESULT =
  'brug resultatfilen (…-resultat.xlsx), som Børnesagsbarometer skrev, eller JSON fra "barometer check --json"';

function text(c: Cell | undefined): string | null {
  if (typeof c === 'string') return c.trim() === '' ? null : c.trim();
  return null;
}

function numberOf(c: Cell | undefined): number | null | 'bad' {
  if (c === null || c === undefined) return null;
  if (typeof c === 'string') return c.trim() === '' ? null : 'bad';
  if (typeof c === 'number') return Number.isFinite(c) ? c : 'bad';
  if (typeof c === 'object' && 'n' in c) return Number.isFinite(c.n) ? c.n : 'bad';
  return 'bad';
}

const shown = (c: Cell | undefined): string =>
  typeof c === 'object' && c !== null && 'error' in c ? String(c.error) : JSON.stringify(c);

/** A compliance question of the rule set by its column header; an older wording by its leading id. */
function questionOf(header: string, ruleSet: RuleSet): Question | null {
  const compliance = ruleSet.questions.filter((q) => q.compliantRows.length > 0);
  const exact = compliance.find((q) => q.columnHeader === header);
  if (exact !== undefined) return exact;
  const id = /^(\d+\.\d+)(\s|$)/.exec(header)?.[1];
  return compliance.find((q) => q.id === id) ?? null;
}

/** The Overblik sheet: by its name, else the sheet whose title says "Overblik – …". */
function findOverview(snapshot: Snapshot): SheetSnapshot | null {
  const sheets = Object.values(snapshot.sheets);
  return (
    sheets.find((s) => sameSheetName(s.name, OVERVIEW)) ??
    sheets.find((s) => text(s.rows[0]?.[0])?.startsWith(`${OVERVIEW} – `) === true) ??
    null
  );
}

/**
 * The rule set of rows under no part heading: the one whose column headers the rows use; when the
 * wording is the same under both laws, the earlier workbook's own Indstillinger decides.
 */
function singleRuleSet(snapshot: Snapshot, headers: readonly string[], today: Day): RuleSet {
  const has = (rs: RuleSet, h: string): boolean => rs.questions.some((q) => q.columnHeader === h);
  const known = headers.filter((h) => RULE_SETS.some((rs) => has(rs, h)));
  const fits = RULE_SETS.filter((rs) => known.every((h) => has(rs, h)));
  if (known.length > 0 && fits.length === 1) return fits[0] as RuleSet;
  const { settings } = readSettings(snapshot, {}, today);
  const forced = settings.regelsaet ? findRuleSet(settings.regelsaet) : null;
  return forced ?? ruleSetForYear(settings.afgoerelsesaar);
}

/**
 * The earlier figures from a result workbook's Overblik (plan.ts overviewSheet): the header row
 * found by its headers "Spørgsmål" and "Overholdt" (so an older Overblik without the interval
 * columns reads too), the parts by their part headings, the questions by their column header.
 * `file` names the file in messages; `today` only serves the earlier Indstillinger's defaults.
 */
export function previousFromSnapshot(snapshot: Snapshot, file: string, today: Day): PreviousRead {
  const sheet = findOverview(snapshot);
  if (sheet === null) {
    return fail(`"${file}" har intet ark "${OVERVIEW}" – ${USE_RESULT}.`);
  }
  let headerRow = -1;
  let qCol = -1;
  let cCol = -1;
  let rCol = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS) && headerRow < 0; r += 1) {
    const cells = (sheet.rows[r] ?? []).map(text);
    const q = cells.indexOf(QUESTION_HEADER);
    const c = cells.indexOf(COMPLIANT_HEADER);
    if (q >= 0 && c >= 0) {
      headerRow = r;
      qCol = q;
      cCol = c;
      rCol = cells.indexOf(RELEVANT_HEADER);
    }
  }
  if (headerRow < 0) {
    return fail(
      `Arket "${sheet.name}" i "${file}" har ingen overskriftsrække med "${QUESTION_HEADER}" og "${COMPLIANT_HEADER}" – ${USE_RESULT}, uden at ændre overskrifterne.`,
    );
  }
  const found: { ruleSet: RuleSet | null; header: string; row: number }[] = [];
  let part: RuleSet | null = null;
  for (let r = headerRow + 1; r < sheet.rows.length; r += 1) {
    const a = text(sheet.rows[r]?.[qCol]);
    if (a === null) break; // the table ends at its first blank row (the count line follows)
    const heading = RULE_SETS.find((rs) => rs.partHeading === a);
    if (heading !== undefined) {
      part = heading;
      continue;
    }
    found.push({ ruleSet: part, header: a, row: r });
  }
  const single = found.some((f) => f.ruleSet === null)
    ? singleRuleSet(
        snapshot,
        found.filter((f) => f.ruleSet === null).map((f) => f.header),
        today,
      )
    : null;
  const figures: PreviousFigure[] = [];
  for (const f of found) {
    const ruleSet = f.ruleSet ?? single;
    const q = ruleSet === null ? null : questionOf(f.header, ruleSet);
    // Decision: a row the tool does not know (a person's own line) is passed over, not refused.
    if (q === null || ruleSet === null) continue;
    const cells = sheet.rows[f.row] ?? [];
    const value = numberOf(cells[cCol]);
    if (value === 'bad' || (value !== null && (value < 0 || value > 1))) {
      return fail(
        `Cellen ${sheetRef(sheet.name, `${columnLetter(cCol + 1)}${f.row + 1}`)} i "${file}" skal være en andel som værktøjet skrev den (fx 60%), men indeholder ${shown(cells[cCol])} – ${USE_RESULT}, uden at ændre tallene.`,
      );
    }
    const relevant = rCol < 0 ? null : numberOf(cells[rCol]);
    figures.push({
      ruleset: ruleSet.id,
      id: q.id,
      compliant: value,
      relevant: typeof relevant === 'number' ? relevant : null,
    });
  }
  if (figures.length === 0) {
    return fail(
      `Arket "${sheet.name}" i "${file}" har ingen spørgsmål under overskriften "${QUESTION_HEADER}" – ${USE_RESULT}.`,
    );
  }
  const reviewDate = /egen gennemgang (\d{2}-\d{2}-\d{4})/.exec(text(sheet.rows[0]?.[0]) ?? '')?.[1] ?? null;
  return { ok: true, previous: { figures, reviewDate } };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The earlier figures from the JSON of `check --json` (json.ts): its `overview` (percent), or, for
 * a JSON written before there was one, its `tables`: Overholdt = the question's compliant rows ÷
 * I alt, by the rule set each table names (spec §4).
 */
export function previousFromJson(json: unknown, file: string): PreviousRead {
  const bad = (where: string): PreviousRead =>
    fail(`"${file}" er ikke JSON fra "barometer check --json" (${where}) – ${USE_RESULT}, uændret.`);
  if (!isObject(json)) return bad('forventede et objekt med "overview" eller "tables"');
  const top = typeof json.ruleset === 'string' ? json.ruleset : null;
  const ruleSetOf = (v: unknown): RuleSet | null => findRuleSet(typeof v === 'string' ? v : (top ?? ''));
  const figures: PreviousFigure[] = [];
  if (json.overview !== undefined) {
    if (!Array.isArray(json.overview)) return bad('"overview" er ikke en liste');
    for (const [i, o] of (json.overview as unknown[]).entries()) {
      if (!isObject(o)) return bad(`overview[${i}] er ikke et objekt`);
      const rs = ruleSetOf(o.ruleset);
      if (rs === null) return bad(`overview[${i}].ruleset er ikke et kendt regelsæt`);
      if (typeof o.id !== 'string') return bad(`overview[${i}].id mangler`);
      const c = o.compliant;
      if (c !== null && (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 100))
        return bad(`overview[${i}].compliant skal være en procent 0–100 eller null`);
      figures.push({
        ruleset: rs.id,
        id: o.id,
        compliant: c === null ? null : c / 100,
        relevant: typeof o.relevant === 'number' ? o.relevant : null,
      });
    }
  } else if (Array.isArray(json.tables)) {
    for (const [i, t] of (json.tables as unknown[]).entries()) {
      if (!isObject(t)) return bad(`tables[${i}] er ikke et objekt`);
      const rs = ruleSetOf(t.ruleset);
      if (rs === null) return bad(`tables[${i}].ruleset er ikke et kendt regelsæt`);
      const q = rs.questions.find((x) => x.id === t.id);
      if (q === undefined || q.compliantRows.length === 0) continue;
      if (typeof t.total !== 'number' || !Array.isArray(t.rows))
        return bad(`tables[${i}] mangler "total" eller "rows"`);
      let x = 0;
      for (const row of t.rows as unknown[]) {
        if (!isObject(row) || typeof row.label !== 'string' || typeof row.count !== 'number')
          return bad(`tables[${i}].rows har en række uden "label" og "count"`);
        if (q.compliantRows.includes(row.label)) x += row.count;
      }
      const hidden = t.suppressed === true || t.total <= 0;
      figures.push({ ruleset: rs.id, id: q.id, compliant: hidden ? null : x / t.total, relevant: t.total });
    }
  } else {
    return bad('hverken "overview" eller "tables"');
  }
  if (figures.length === 0) return bad('ingen spørgsmål med resultat');
  return { ok: true, previous: { figures, reviewDate: null } };
}

/** previousFromJson on the file's text; text that is not JSON gets its own message. */
export function previousFromJsonText(textIn: string, file: string): PreviousRead {
  let json: unknown;
  try {
    json = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch {
    return fail(`"${file}" kan ikke læses som JSON – ${USE_RESULT}, uændret.`);
  }
  return previousFromJson(json, file);
}

/**
 * Each overview row with its earlier figure, matched by rule set and question id. When the earlier
 * result has no row of the row's own rule set for the question, the same question id under the
 * other law is used and so marked (row.previous.ruleset differs). Without `previous` the rows are
 * returned as they are (no `previous` key: nothing was compared).
 */
export function withPrevious(
  rows: readonly OverviewRow[],
  previous: PreviousResult | null | undefined,
  publish = false,
): OverviewRow[] {
  if (previous === null || previous === undefined) return [...rows];
  return rows.map((o) => {
    const same = previous.figures.find((f) => f.ruleset === o.ruleset && f.id === o.id);
    // Decision: across the change of law (SEL-2023 → BL-2024) the same question number is compared
    // only when the earlier result has no figure under the row's own law (barnets-lov.md §5: the
    // questions keep their numbers), and the row says so.
    const f = same ?? previous.figures.find((x) => x.id === o.id && x.compliant !== null);
    // Decision: with Offentliggørelse an earlier figure on fewer than 6 cases is not shown either,
    // as the current one would not be (spec §8).
    const hidden =
      f === undefined ||
      f.compliant === null ||
      (publish && f.relevant !== null && f.relevant < MIN_PUBLISHED_CASES);
    return { ...o, previous: hidden ? null : { compliant: f.compliant, ruleset: f.ruleset } };
  });
}

/** The change in percentage points, two decimals (0.7059 − 0.5882 → 11.77); null without both figures. */
export function changePoints(o: OverviewRow): number | null {
  if (o.previous === null || o.previous === undefined || o.compliant === null) return null;
  return Math.round((o.compliant - o.previous.compliant) * 10000) / 100;
}

/** Whether the row's earlier figure was judged by the other law (issue 12: labelled so). */
export function crossLaw(o: OverviewRow): boolean {
  return o.previous !== null && o.previous !== undefined && o.previous.ruleset !== o.ruleset;
}
