import { a1 } from './address';
import { COLUMN_BY_ID } from './columns';
import { getRuleSet } from './rules';
import { sheetRef } from './sheetnames';
import {
  NO_COLUMN,
  UNREADABLE,
  type CaseResult,
  type ColumnId,
  type MeasureCode,
  type PageSetup,
  type PlanValue,
  type Report,
  type SheetBuild,
  type StyleId,
} from './types';

/**
 * The front sheets ("Sagsforside", Bilag 2 of the call for cases, seed 001): one A4 sheet per case
 * with Kommune, "Sags nr. x ud af n", the child's name and CPR number, the measure marked in the
 * list of the case's law, and the fixed remark for virk.dk. Unlike every other output this file
 * carries names and CPR numbers ON PURPOSE (it is sent to Ankestyrelsen with each case), so it is
 * always a workbook of its own and never part of the check's output.
 */

/** Marks this output as the one exemption from the privacy rule (spec §2.5); tests check it. */
export const FRONT_SHEETS_CARRY_CPR = true;

/** The notice shown before (pane) or after (CLI) the file is written. */
export const FRONT_SHEETS_NOTICE =
  'Sagsforsiderne indeholder børnenes navne og cpr-numre, fordi de skal sendes med sagerne til Ankestyrelsen. Filen er adskilt fra kontrolresultatet; opbevar og send den sikkert (fx via virk.dk), og slet kopier, når sagerne er sendt.';

/** What a hand-filled field looks like, as in the seed's blank form ("Kommune: ____"). */
export const BLANK = '____________________';

export const HEADING_1 = 'Sag til brug for Børnesagsbarometret.';
export const HEADING_2 = 'Ankestyrelsens undersøgelse af sagsbehandlingen på udsatte børn- og ungeområdet.';
export const MEASURE_PROMPT = 'Marker hvilken foranstaltning sagen er udvalgt efter';
export const REMARK_LABEL =
  'Skriv denne tekst i feltet "Eventuelle bemærkninger" på virk.dk ("Skema til supplerende oplysninger til Ankestyrelsen"):';
export const MARK = 'X';

/** The virk.dk remark, exactly as the call for cases asks for it (seed 001). */
export function virkRemark(kommune: string, x: number, n: number): string {
  return `Børnesagsbarometret, ${kommune}, sag nr. ${x} ud af ${n} sager`;
}

/** One line of the measure list: the measure's name and its reference, as the form prints them. */
export interface FrontMeasureLine {
  readonly code: MeasureCode;
  readonly name: string;
  readonly reference: string;
}

/** Serviceloven's seven lines, word for word as seed 001's Bilag 2 prints them. */
const SEL_LINES: readonly FrontMeasureLine[] = [
  { code: 'A7', name: 'Anbringelse', reference: 'jf. § 52, stk. 3, nr. 7 (frivillig)' },
  { code: 'T58', name: 'Anbringelse', reference: 'jf. § 58, stk. 1 (tvangsmæssig)' },
  { code: 'F3', name: 'Familiebehandling', reference: 'jf. § 52, stk. 3, nr. 3' },
  { code: 'P2', name: 'Praktisk pædagogisk støtte i hjemmet', reference: 'jf. § 52, stk. 3, nr. 2' },
  { code: 'D4', name: 'Døgnophold', reference: 'jf. § 52, stk. 3, nr. 4' },
  { code: 'L5', name: 'Aflastningsordning', reference: 'jf. § 52, stk. 3, nr. 5' },
  { code: 'K6', name: 'Kontaktperson', reference: 'jf. § 52, stk. 3, nr. 6' },
];

/**
 * The measure lines of a rule set: Serviceloven's from the seed; any later law's from its labels
 * ("Anbringelse med samtykke § 46" → "Anbringelse med samtykke", "jf. § 46, barnets lov").
 */
// Decision: Ankestyrelsen has published no Bilag 2 for Barnets lov; its lines name the law beside
// the section so a reader of the form cannot take "§ 46" for Serviceloven's (barnets lov §§ 32, 46, 47).
export function measureLines(rulesetId: string): readonly FrontMeasureLine[] {
  if (rulesetId === 'SEL-2023') return SEL_LINES;
  return getRuleSet(rulesetId).measures.map((m) => {
    const at = m.label.indexOf(' § ');
    const name = at < 0 ? m.label : m.label.slice(0, at);
    const ref = at < 0 ? m.section : m.label.slice(at + 1);
    return { code: m.code, name, reference: `jf. ${ref}, barnets lov` };
  });
}

/** A field the front sheet left open, for the user to fill in by hand. */
export interface FrontSheetWarning {
  /** The front sheet concerned ("Sag 3"), or null for every sheet (no Kommune). */
  readonly frontSheet: string | null;
  /** Where the value should have come from ("Sagsoversigt!D7"), or null. */
  readonly source: string | null;
  /** One Danish sentence naming the cell and what to do; never a name or CPR number. */
  readonly message: string;
}

export interface FrontSheets {
  readonly sheets: readonly SheetBuild[];
  readonly warnings: readonly FrontSheetWarning[];
}

const PAGE: PageSetup = {
  paper: 'A4',
  orientation: 'portrait',
  fitToWidth: 1,
  // One case per printed page (the call for cases sends each case with its own front sheet).
  fitToHeight: 1,
  margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
};

/** The case's valid Sag nummer (a whole number 1..n used by this case alone), or null. */
function validSagsnr(c: CaseResult, n: number, counts: ReadonlyMap<number, number>): number | null {
  const x = c.record.sagsnr;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1 || x > n) return null;
  return counts.get(x) === 1 ? x : null;
}

interface Row {
  readonly values: PlanValue[];
  readonly styles: (StyleId | null)[];
}

const row = (values: PlanValue[], styles: (StyleId | null)[] = values.map(() => null)): Row => ({
  values,
  styles,
});

/**
 * The front sheets of a checked case list: one sheet per case, ordered by Sag nummer (cases
 * without a valid one last, in list order), and a warning for each field left open. Pure.
 */
export function frontSheetsPlan(report: Report): FrontSheets {
  const info = report.caseSheet;
  const n = report.cases.length;
  const kommune = report.settings.kommune?.trim() || null;
  const warnings: FrontSheetWarning[] = [];
  const counts = new Map<number, number>();
  for (const c of report.cases) {
    const x = c.record.sagsnr;
    if (typeof x === 'number') counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const where = (c: CaseResult, id: ColumnId): string => {
    const col = info.columns[id];
    return col === undefined ? `${info.name}, række ${c.row}` : sheetRef(info.name, a1(c.row, col));
  };
  if (kommune === null) {
    const p = report.problems.find((q) => q.code === 'missing-kommune');
    const cell = p?.sheet && p.cell ? sheetRef(p.sheet, p.cell) : null;
    warnings.push({
      frontSheet: null,
      source: cell,
      message: `Kommune mangler${cell === null ? ' i arket Indstillinger' : ` (${cell})`}: feltet "Kommune" og bemærkningen til virk.dk er efterladt tomme på alle sagsforsider; skriv kommunens navn i Indstillinger og dan forsiderne igen, eller udfyld dem i hånden.`,
    });
  }

  const ordered = report.cases
    .map((c) => ({ c, x: validSagsnr(c, n, counts) }))
    .sort((a, b) => (a.x ?? Infinity) - (b.x ?? Infinity) || a.c.row - b.c.row);

  const sheets = ordered.map(({ c, x }): SheetBuild => {
    const name = x === null ? `Sag i række ${c.row}` : `Sag ${x}`;
    const open = (id: ColumnId, what: string, todo: string, left = 'feltet er efterladt tomt'): void => {
      warnings.push({
        frontSheet: name,
        source: where(c, id),
        message: `${name}: ${what} i ${where(c, id)}, så ${left} på forsiden; ${todo}`,
      });
    };
    if (x === null) {
      const raw = c.record.sagsnr;
      open(
        'sagsnr',
        raw === null || raw === NO_COLUMN
          ? '"Sag nummer" mangler'
          : raw === UNREADABLE
            ? '"Sag nummer" kan ikke læses'
            : `"Sag nummer" er ikke et entydigt nummer fra 1 til ${n}`,
        `nummerér sagerne 1-${n} i Sagsoversigt og dan forsiderne igen, eller skriv nummeret i hånden.`,
      );
    }
    const navn = typeof c.record.navn === 'string' && c.record.navn.trim() !== '' ? c.record.navn : null;
    if (navn === null) {
      open(
        'navn',
        c.record.navn === NO_COLUMN ? 'kolonnen "Barnets navn" findes ikke' : '"Barnets navn" mangler',
        'skriv barnets navn i hånden.',
      );
    }
    const cprField = c.record.cpr;
    const cpr = typeof cprField === 'object' && cprField !== null ? cprField.text : null;
    if (cpr === null) {
      open(
        'cpr',
        cprField === UNREADABLE ? '"Barnets cpr.nr." kan ikke læses' : '"Barnets cpr.nr." mangler',
        'ret cpr-nummeret i Sagsoversigt, eller skriv det i hånden.',
      );
    }
    const lines = measureLines(c.ruleset);
    const code = c.record.foranstaltning;
    const marked = typeof code === 'string' ? lines.find((l) => l.code === code) : undefined;
    if (marked === undefined) {
      open(
        'foranstaltning',
        code === UNREADABLE
          ? '"Foranstaltning" kan ikke læses'
          : `"${COLUMN_BY_ID.foranstaltning.header}" mangler`,
        'ret foranstaltningen i Sagsoversigt, eller sæt krydset i hånden.',
        'ingen foranstaltning er markeret',
      );
    }

    const rows: Row[] = [
      row([HEADING_1, null, null], ['chapter', null, null]),
      row([HEADING_2, null, null], ['table-title', null, null]),
      row([null, null, null]),
      row([`Kommune: ${kommune ?? BLANK}`, null, null], ['memo-heading', null, null]),
      row([null, null, null]),
      row([`Sags nr. ${x ?? BLANK} ud af ${n}`, null, null], ['memo-heading', null, null]),
      row([null, null, null]),
      row(
        [`Barnets navn og cpr.nr.: ${navn ?? BLANK}, ${cpr ?? BLANK}`, null, null],
        ['memo-heading', null, null],
      ),
      row([null, null, null]),
      row([MEASURE_PROMPT, null, 'Marker med X'], ['table-header', 'table-header', 'table-header']),
      ...lines.map((l) =>
        row([l.name, l.reference, l === marked ? MARK : null], ['memo-text', 'memo-text', 'memo-text']),
      ),
      row([null, null, null]),
      row([REMARK_LABEL, null, null], ['memo-text', null, null]),
      row(
        [kommune !== null && x !== null ? virkRemark(kommune, x, n) : BLANK, null, null],
        ['memo-heading', null, null],
      ),
    ];
    return {
      name,
      blocks: [{ row: 1, col: 1, values: rows.map((r) => r.values), styles: rows.map((r) => r.styles) }],
      // Narrow enough to print near full size on A4 portrait; long measure names wrap in their cell.
      columnWidths: [34, 28, 10],
      freezeRows: 0,
      visibility: 'visible',
      page: PAGE,
    };
  });
  return { sheets, warnings };
}
