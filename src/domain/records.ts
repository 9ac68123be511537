import { a1, columnLetter, parseRange } from './address';
import { COLUMN_BY_ID, COLUMNS, type ColumnDef, type ColumnType } from './columns';
import { isBlankText } from './fold';
import { findHeaderRow, matchHeader, type HeaderRow } from './headers';
import { findGeneratedColumns, readMeta, type GeneratedMeta } from './meta';
import { GENERATED_SHEETS } from './plan';
import { isShowableSheetName, knownAndCount, quoteList, redactCpr } from './redact';
import { measureOfKind, readMeasure, type MeasureReading } from './measures';
import { getRuleSet, ruleSetForDecision } from './rules';
import { CASE_SHEET, META_SHEET, REVIEW_SHEET, SETTINGS_SHEET, sameSheetName, sheetRef } from './sheetnames';
import { isFailure, PARSERS, type CellParser, type ParseFailure } from './values';
import {
  NO_COLUMN,
  UNREADABLE,
  type CaseRecord,
  type CaseSheetInfo,
  type Cell,
  type ColumnId,
  type BfuKind,
  type Day,
  type FatalError,
  type GeneratedColumn,
  type Field,
  type Problem,
  type RuleSet,
  type Severity,
  type SheetSnapshot,
  type Snapshot,
} from './types';

export type ReadCasesResult =
  | {
      readonly ok: true;
      readonly info: CaseSheetInfo;
      readonly records: CaseRecord[];
      /** The rule set of each record (same order): by its decision date, or the one chosen. */
      readonly ruleSets: RuleSet[];
      readonly problems: Problem[];
    }
  | { readonly ok: false; readonly error: FatalError };

/** Decision: a sheet not named Sagsoversigt is the case sheet when its header row has ≥ 2 known headers. */
export const MIN_HEADERS_FOR_CASE_SHEET = 2;

const N = COLUMNS.length;
const INDEX = Object.fromEntries(COLUMNS.map((c, i) => [c.id, i])) as Record<ColumnId, number>;

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && isBlankText(cell));
}

/** Header texts for messages: whitespace folded, CPR-like digits masked. */
function displayHeader(cell: Cell | undefined): string | null {
  if (isBlank(cell)) return null;
  let s: string;
  if (typeof cell === 'string') s = cell;
  else if (typeof cell === 'number' || typeof cell === 'boolean') s = String(cell);
  else if (cell && 'error' in cell) s = cell.error;
  else if (cell) s = String(cell.n);
  else return null;
  return redactCpr(s.replace(/\s+/g, ' ').trim());
}

/** Sheet names a message may quote (spec §2.5: a sheet may be named after a child). */
const KNOWN_SHEETS = [CASE_SHEET, SETTINGS_SHEET, REVIEW_SHEET, META_SHEET, ...GENERATED_SHEETS];

/** A sheet for messages: its name when the tool knows it, else its place ("ark nr. 3"). */
function sheetLabel(snapshot: Snapshot, name: string): string {
  if (isShowableSheetName(name, KNOWN_SHEETS)) return `Arket "${name}"`;
  const i = snapshot.sheetNames.indexOf(name);
  return i >= 0 ? `Ark nr. ${i + 1} fra venstre` : 'Arket med sagerne';
}

/** The header row and the generated verdict columns in it (found by their header cells, meta.ts). */
function headerAndGenerated(
  sheet: SheetSnapshot,
  meta: GeneratedMeta,
): { header: HeaderRow | null; generated: readonly GeneratedColumn[] | null } {
  // No generated header text reads as one of the people's columns (meta.test.ts), so the header
  // row is found first and the generated columns in it after.
  const header = findHeaderRow(sheet);
  return { header, generated: header ? findGeneratedColumns(sheet, header.row, meta) : null };
}

const columnSet = (g: readonly GeneratedColumn[] | null): ReadonlySet<number> =>
  new Set((g ?? []).map((c) => c.col));

function sheetIsEmpty(sheet: SheetSnapshot): boolean {
  return sheet.rows.every((row) => row.every((c) => isBlank(c)));
}

interface Located {
  readonly sheet: SheetSnapshot;
  readonly header: HeaderRow | null;
  readonly generated: readonly GeneratedColumn[] | null;
}

function locateCaseSheet(snapshot: Snapshot, meta: GeneratedMeta): Located | FatalError {
  const names = snapshot.sheetNames.length > 0 ? snapshot.sheetNames : Object.keys(snapshot.sheets);
  const named = names.find((n) => sameSheetName(n, CASE_SHEET) && snapshot.sheets[n]);
  if (named !== undefined) {
    const sheet = snapshot.sheets[named] as SheetSnapshot;
    return { sheet, ...headerAndGenerated(sheet, meta) };
  }
  const skip = [META_SHEET, SETTINGS_SHEET, REVIEW_SHEET, ...meta.sheets];
  for (const name of names) {
    const sheet = snapshot.sheets[name];
    if (!sheet || skip.some((s) => sameSheetName(s, name))) continue;
    const found = headerAndGenerated(sheet, meta);
    if (found.header && found.header.matched >= MIN_HEADERS_FOR_CASE_SHEET) return { sheet, ...found };
  }
  const shown = knownAndCount(
    names,
    (n) => isShowableSheetName(n, KNOWN_SHEETS),
    (k, anyKnown) => (anyKnown ? `${k} andre ark` : `${k} ark med andre navne`),
  );
  const present = names.length > 0 ? `arkene: ${shown}` : 'der er ingen ark';
  return {
    code: 'no-case-sheet',
    message:
      `Projektmappen har intet ark med sagsoversigten (${present}): kald arket "${CASE_SHEET}", ` +
      `og giv det kolonneoverskrifterne fra Bilag 1, fx "Sag nummer", "Foranstaltning", "Barnets cpr.nr." og "Afgørelsesdato".`,
  };
}

function missingColumnsError(
  snapshot: Snapshot,
  sheet: SheetSnapshot,
  header: HeaderRow | null,
  excluded: ReadonlySet<number>,
): FatalError {
  const missing = COLUMNS.filter((c) => c.required && header?.columns[c.id] === undefined).map(
    (c) => c.header,
  );
  const what = missing.length === 1 ? `kolonnen ${quoteList(missing)}` : `kolonnerne ${quoteList(missing)}`;
  let found: string;
  if (header === null) {
    found = `ingen kendte kolonneoverskrifter blev fundet i de første 20 rækker`;
  } else {
    const cells = sheet.rows[header.row - 1] ?? [];
    const texts: string[] = [];
    cells.forEach((c, i) => {
      if (excluded.has(i + 1)) return;
      const t = displayHeader(c);
      if (t !== null) texts.push(t);
    });
    found = `fundne overskrifter i række ${header.row}: ${knownAndCount(texts, (t) => matchHeader(t) !== null)}`;
  }
  return {
    code: 'missing-columns',
    message: `${sheetLabel(snapshot, sheet.name)} mangler ${what} (${found}); tilføj ${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} med netop de overskrifter, eller ret overskrifterne.`,
  };
}

/**
 * Merged areas below the header row. Decision: a merged data area's value applies down its
 * top-left column (e.g. Familie merged over siblings' rows); its other columns read as blank.
 * A merged area that includes the header row is header only: its cells below read as blank.
 */
function mergeOverrides(sheet: SheetSnapshot, headerRow: number): Map<number, Cell> | null {
  if (sheet.merges.length === 0) return null;
  const out = new Map<number, Cell>();
  for (const ref of sheet.merges) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    if (r.bottom <= headerRow) continue;
    const includesHeader = r.top <= headerRow;
    const anchor = includesHeader ? null : (sheet.rows[r.top - 1]?.[r.left - 1] ?? null);
    const from = Math.max(r.top, headerRow + 1);
    for (let row = from; row <= r.bottom && out.size < 1_000_000; row += 1) {
      for (let col = r.left; col <= r.right && col - r.left < 16384; col += 1) {
        if (row === r.top && col === r.left) continue;
        out.set(key(row, col), col === r.left ? anchor : null);
      }
    }
  }
  return out.size > 0 ? out : null;
}

const key = (row: number, col: number): number => row * 20000 + col;
const NO_CELLS: readonly Cell[] = [];

/** Short value text for a message, or null when it must not be shown (CPR, names, long text). */
function showValue(cell: Cell, def: ColumnDef): string | null {
  if (def.type === 'cpr' || def.id === 'navn') return null;
  let s: string;
  if (typeof cell === 'string') s = cell.replace(/\s+/g, ' ').trim();
  else if (typeof cell === 'number') s = String(cell);
  else if (typeof cell === 'boolean') s = cell ? 'SAND' : 'FALSK';
  else if (cell && 'n' in cell) s = String(cell.n);
  else return null;
  // Decision (spec §2.5): only values without letters are quoted back (a date or number typed
  // wrong). Text may be a child's name typed in the wrong column, and 9 or more digits may be a CPR
  // number (a number cell drops its leading zero), so neither is echoed; the address says where.
  if (s.length > 40 || /\p{L}/u.test(s) || (s.match(/\d/g)?.length ?? 0) >= 9) return null;
  return s;
}

function cellProblem(
  sheet: string,
  row: number,
  col: number,
  def: ColumnDef,
  cell: Cell,
  f: ParseFailure,
  sagsnr: number | null,
): Problem {
  const ref = a1(row, col);
  const where = `${sheetRef(sheet, ref)} (${def.header})`;
  let message: string;
  if (f.code === 'error-value' && cell !== null && typeof cell === 'object' && 'error' in cell) {
    const what = cell.formula !== undefined ? 'en formel uden resultat' : `fejlværdien ${cell.error}`;
    message = `${where}: Cellen indeholder ${what} og kan ikke læses. ${f.hint}`;
  } else {
    const v = showValue(cell, def);
    message = `${where}: ${v === null ? 'Værdien' : `"${v}"`} er ikke ${f.what}. ${f.hint}`;
  }
  return { sagsnr, row, column: def.header, severity: 'error', code: f.code, message, sheet, cell: ref };
}

/** Column types whose text is one of a few choices, so one sheet repeats the same few texts. */
const CHOICE_TYPES: ReadonlySet<ColumnType> = new Set<ColumnType>([
  'yesno',
  'yesno-irrelevant',
  'bfu',
  'conversation-exception',
  'reassessment',
  'plan-stance',
]);

/** Column index by id, read as named properties of one constant object (fast, monomorphic). */
const I = INDEX;

function toRecord(row: number, v: Field<unknown>[]): CaseRecord {
  return {
    row,
    sagsnr: v[I.sagsnr] as CaseRecord['sagsnr'],
    foranstaltning: v[I.foranstaltning] as CaseRecord['foranstaltning'],
    navn: v[I.navn] as CaseRecord['navn'],
    cpr: v[I.cpr] as CaseRecord['cpr'],
    afgoerelsesdato: v[I.afgoerelsesdato] as CaseRecord['afgoerelsesdato'],
    anket: v[I.anket] as CaseRecord['anket'],
    ast_behandlet: v[I.ast_behandlet] as CaseRecord['ast_behandlet'],
    familie: v[I.familie] as CaseRecord['familie'],
    dom_ukn: v[I.dom_ukn] as CaseRecord['dom_ukn'],
    bfu: v[I.bfu] as CaseRecord['bfu'],
    bfu_grund: v[I.bfu_grund] as CaseRecord['bfu_grund'],
    opmaerksom: v[I.opmaerksom] as CaseRecord['opmaerksom'],
    bfu_afsluttet: v[I.bfu_afsluttet] as CaseRecord['bfu_afsluttet'],
    bfu_foreloebig: v[I.bfu_foreloebig] as CaseRecord['bfu_foreloebig'],
    akut: v[I.akut] as CaseRecord['akut'],
    stillingtagen: v[I.stillingtagen] as CaseRecord['stillingtagen'],
    samtale_bfu: v[I.samtale_bfu] as CaseRecord['samtale_bfu'],
    foraeldre: v[I.foraeldre] as CaseRecord['foraeldre'],
    boernesamtale: v[I.boernesamtale] as CaseRecord['boernesamtale'],
    boernesamtale_undtagelse: v[I.boernesamtale_undtagelse] as CaseRecord['boernesamtale_undtagelse'],
    synspunkter: v[I.synspunkter] as CaseRecord['synspunkter'],
    effektueret: v[I.effektueret] as CaseRecord['effektueret'],
    ophoert: v[I.ophoert] as CaseRecord['ophoert'],
    kontakt: v[I.kontakt] as CaseRecord['kontakt'],
    kontakt_grund: v[I.kontakt_grund] as CaseRecord['kontakt_grund'],
    plan_stillingtagen: v[I.plan_stillingtagen] as CaseRecord['plan_stillingtagen'],
    handleplan: v[I.handleplan] as CaseRecord['handleplan'],
    handleplan_grund: v[I.handleplan_grund] as CaseRecord['handleplan_grund'],
    handleplan_indsats: v[I.handleplan_indsats] as CaseRecord['handleplan_indsats'],
    opfoelgning: v[I.opfoelgning] as CaseRecord['opfoelgning'],
    underretning: v[I.underretning] as CaseRecord['underretning'],
    vurdering_24t: v[I.vurdering_24t] as CaseRecord['vurdering_24t'],
    genvurdering: v[I.genvurdering] as CaseRecord['genvurdering'],
  };
}

export interface ReadCasesOptions {
  /** The rule set of a case from its decision date (blank or unreadable included). */
  readonly ruleSetFor?: (decision: Field<Day>) => RuleSet;
}

/**
 * The rule set of the law in force on a case's decision date (barnets-lov.md §1); a case without a
 * readable decision date takes `fallback` (the rule set of Afgørelsesår).
 */
export function byDecisionDate(fallback: RuleSet): (decision: Field<Day>) => RuleSet {
  return (decision) => (typeof decision === 'number' ? ruleSetForDecision(decision) : fallback);
}

interface CellAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly def: ColumnDef;
  readonly sagsnr: number | null;
}

function lawProblem(at: CellAt, severity: Severity, code: Problem['code'], text: string): Problem {
  const ref = a1(at.row, at.col);
  return {
    sagsnr: at.sagsnr,
    row: at.row,
    column: at.def.header,
    severity,
    code,
    message: `${sheetRef(at.sheet, ref)} (${at.def.header}): ${text}`,
    sheet: at.sheet,
    cell: ref,
  };
}

/**
 * The values whose meaning depends on the case's law, settled once its rule set is known: the
 * measure gets the rule set's code (a measure written with the other law's reference is read as its
 * counterpart, with a warning, barnets-lov.md §2), and a Børnefaglig undersøgelse value the law does
 * not know (Afdækning before 2024, §3) becomes an unreadable cell. Changes `v` in place.
 */
function lawValues(v: Field<unknown>[], ruleSet: RuleSet, cellAt: (id: ColumnId) => CellAt): Problem[] {
  const out: Problem[] = [];
  const m = v[I.foranstaltning];
  if (m !== null && typeof m === 'object' && 'kind' in m) {
    const reading = m as MeasureReading;
    const own = measureOfKind(ruleSet, reading.kind);
    v[I.foranstaltning] = own.code;
    const w = reading.written;
    if (w !== null && !ruleSet.measures.includes(w)) {
      const warning = ruleSet.otherLawWarning(w, own);
      out.push(lawProblem(cellAt('foranstaltning'), 'warning', 'measure-other-law', warning));
    }
  }
  const b = v[I.bfu];
  if (typeof b === 'string' && !ruleSet.bfuKinds.includes(b as BfuKind)) {
    v[I.bfu] = UNREADABLE;
    out.push(
      lawProblem(
        cellAt('bfu'),
        'error',
        'invalid-bfu',
        'Afdækning (barnets lov § 19) findes kun for afgørelser fra 1. januar 2024. Skriv Ny undersøgelse, Opdatering, Ingen eller Ikke relevant.',
      ),
    );
  }
  return out;
}

/**
 * Reads Sagsoversigt (spec §2.1): finds the case sheet and its header row, and parses every
 * case row. Unreadable cells become UNREADABLE with an error problem each; a missing optional
 * column becomes NO_COLUMN with one warning (none for the blank-when-missing columns and navn).
 * Fatal: no case sheet, a missing required column, or a case sheet that is completely empty.
 * Decision: a case sheet with headers but no case rows is ok with 0 records (the CLI says "ingen sager").
 */
export function readCases(snapshot: Snapshot, options: ReadCasesOptions = {}): ReadCasesResult {
  const ruleSetFor = options.ruleSetFor ?? byDecisionDate(getRuleSet());
  const meta = readMeta(snapshot);
  const located = locateCaseSheet(snapshot, meta);
  if ('code' in located) return { ok: false, error: located };
  const { sheet, header, generated } = located;
  const excluded = columnSet(generated);
  if (header === null && sheetIsEmpty(sheet)) {
    return {
      ok: false,
      error: {
        code: 'empty-sheet',
        message: `${sheetLabel(snapshot, sheet.name)} er tomt: indsæt sagsoversigten med kolonneoverskrifterne fra Bilag 1 (fx "Sag nummer", "Foranstaltning", "Barnets cpr.nr." og "Afgørelsesdato").`,
      },
    };
  }
  if (header === null || COLUMNS.some((c) => c.required && header.columns[c.id] === undefined)) {
    return { ok: false, error: missingColumnsError(snapshot, sheet, header, excluded) };
  }

  const problems: Problem[] = [];
  const sheetName = sheet.name;
  for (const d of header.duplicates) {
    const def = COLUMNS[INDEX[d.id]] as ColumnDef;
    const first = d.columns[0] as number;
    for (const col of d.columns.slice(1)) {
      problems.push({
        sagsnr: null,
        row: header.row,
        column: def.header,
        severity: 'warning',
        code: 'duplicate-column',
        message: `${sheetRef(sheetName, a1(header.row, col))}: kolonnen "${def.header}" findes også i kolonne ${columnLetter(first)}, og kun den første bruges; slet eller omdøb den ekstra kolonne.`,
        sheet: sheetName,
        cell: a1(header.row, col),
      });
    }
  }

  // A case list repeats a few texts in its choice columns (the measure, Ja/Nej, the kind of
  // investigation, …): each distinct text is read once per sheet and column.
  const onceByText = <T>(parse: (cell: Cell, date1904: boolean) => T) => {
    const seen = new Map<string, T>();
    return (cell: Cell, date1904: boolean): T => {
      if (typeof cell !== 'string') return parse(cell, date1904);
      let m = seen.get(cell);
      if (m === undefined) seen.set(cell, (m = parse(cell, date1904)));
      return m;
    };
  };
  // The per-column parsers, built once.
  const present: { idx: number; col0: number; def: ColumnDef; parse: CellParser<unknown> }[] = [];
  const template: Field<unknown>[] = new Array<Field<unknown>>(N);
  COLUMNS.forEach((def, idx) => {
    const col = header.columns[def.id];
    if (col === undefined) {
      template[idx] = def.blankWhenMissing ? null : NO_COLUMN;
      if (def.reportWhenMissing) {
        problems.push({
          sagsnr: null,
          row: null,
          column: def.header,
          severity: 'warning',
          code: 'missing-column',
          message: `Arket "${sheetName}" har ingen kolonne "${def.header}", så de spørgsmål, der bruger den, bliver "Mangler oplysninger" i alle sager; tilføj kolonnen for at få dem vurderet.`,
          sheet: sheetName,
          cell: null,
        });
      }
    } else {
      template[idx] = null;
      // The measure is read law-neutrally here and given its code when the case's rule set is known.
      const parse =
        def.type === 'measure'
          ? onceByText(readMeasure)
          : CHOICE_TYPES.has(def.type)
            ? onceByText(PARSERS[def.type] as CellParser<unknown>)
            : (PARSERS[def.type] as CellParser<unknown>);
      present.push({ idx, col0: col - 1, def, parse });
    }
  });
  // sagsnr first, so the other cells' problems can name the case.
  present.sort((a, b) => (a.def.id === 'sagsnr' ? -1 : b.def.id === 'sagsnr' ? 1 : a.idx - b.idx));
  const cols0 = present.map((p) => p.col0);
  const nPresent = present.length;

  const rows = sheet.rows;
  const headerIdx = header.row - 1;
  const overrides = mergeOverrides(sheet, header.row);
  const at = (r: number, row: readonly Cell[], c0: number): Cell => {
    if (overrides !== null) {
      const k = key(r + 1, c0 + 1);
      if (overrides.has(k)) return overrides.get(k) as Cell;
    }
    return row[c0] ?? null;
  };
  const isCase = (r: number): boolean => {
    const row = rows[r] ?? NO_CELLS;
    for (let i = 0; i < nPresent; i += 1) {
      if (!isBlank(at(r, row, cols0[i] as number))) return true;
    }
    return false;
  };

  // A merged area can reach below the last row that holds a cell (its lower cells hold nothing).
  let end = rows.length;
  if (overrides !== null) for (const k of overrides.keys()) end = Math.max(end, Math.floor(k / 20000));
  let last = headerIdx;
  for (let r = end - 1; r > headerIdx; r -= 1) {
    if (isCase(r)) {
      last = r;
      break;
    }
  }

  const date1904 = snapshot.date1904;
  const records: CaseRecord[] = [];
  const ruleSets: RuleSet[] = [];
  for (let r = headerIdx + 1; r <= last; r += 1) {
    const row = rows[r] ?? NO_CELLS;
    const v = template.slice();
    let sagsnr: number | null = null;
    // A parser gives null only for a blank cell, so one non-null field makes the row a case (a
    // failure is a non-blank cell too); only an all-null row needs the blank test (isCase).
    let any = false;
    let found: Problem[] | null = null;
    for (let i = 0; i < nPresent; i += 1) {
      const p = present[i] as (typeof present)[number];
      const cell = at(r, row, p.col0);
      const parsed = p.parse(cell, date1904);
      if (isFailure(parsed)) {
        v[p.idx] = UNREADABLE;
        (found ??= []).push(cellProblem(sheetName, r + 1, p.col0 + 1, p.def, cell, parsed, sagsnr));
        any = true;
      } else {
        v[p.idx] = parsed;
        if (parsed !== null) any = true;
        if (p.def.id === 'sagsnr' && typeof parsed === 'number') sagsnr = parsed;
      }
    }
    if (!any && !isCase(r)) continue;
    const ruleSet = ruleSetFor(v[I.afgoerelsesdato] as Field<Day>);
    const law = lawValues(v, ruleSet, (id) => {
      const col = header.columns[id] as number;
      return { sheet: sheetName, row: r + 1, col, def: COLUMN_BY_ID[id], sagsnr };
    });
    if (found !== null) for (const f of found) problems.push(f);
    for (const f of law) problems.push(f);
    records.push(toRecord(r + 1, v));
    ruleSets.push(ruleSet);
  }

  const info: CaseSheetInfo = {
    name: sheetName,
    headerRow: header.row,
    columns: { ...header.columns },
    lastRow: last + 1,
    lastDataColumn: lastDataColumn(rows, headerIdx, last, excluded),
    generatedColumns: generated,
  };
  return { ok: true, info, records, ruleSets, problems };
}

/**
 * The columns that read as NO_COLUMN in every record of the sheet: absent from the header and
 * not one of the blank-when-missing columns (spec §2.1).
 */
export function absentColumns(info: Pick<CaseSheetInfo, 'columns'>): ReadonlySet<ColumnId> {
  return new Set(
    COLUMNS.filter((c) => info.columns[c.id] === undefined && !c.blankWhenMissing).map((c) => c.id),
  );
}

/** The last column with a non-blank cell in the header row or the data rows, outside the generated block. */
function lastDataColumn(
  rows: readonly (readonly Cell[])[],
  from: number,
  to: number,
  excluded: ReadonlySet<number>,
): number {
  let max = 0;
  for (let r = from; r <= to; r += 1) {
    const row = rows[r];
    if (row === undefined) continue;
    for (let c = row.length - 1; c >= max; c -= 1) {
      if (excluded.has(c + 1)) continue;
      if (!isBlank(row[c])) {
        max = c + 1;
        break;
      }
    }
  }
  return max;
}
