import { COLUMNS } from '../columns';

/** The columns of a Serviceloven list as before Barnets lov (its own columns left out). */
const SEL_COLUMNS = COLUMNS.filter((c) => c.id !== 'synspunkter' && c.id !== 'plan_stillingtagen');
import { evaluate } from '../evaluate';
import { REVIEW_HEADERS, type Cell, type ColumnId, type Report, type Snapshot } from '../types';
import { day } from './records';
import { snap } from './snapshot';

type Fields = Partial<Record<ColumnId, Cell>>;

/** A case that meets every requirement, decided 03-02-2021; `over` replaces single fields. */
function good(sagsnr: number, name: string, cpr: string, over: Fields = {}): Fields {
  return {
    sagsnr,
    foranstaltning: 'Familiebehandling § 52, stk. 3, nr. 3',
    navn: name,
    cpr,
    afgoerelsesdato: '03-02-2021',
    bfu: 'Ny undersøgelse',
    opmaerksom: '01-11-2020',
    bfu_afsluttet: '20-01-2021',
    stillingtagen: 'Ja',
    samtale_bfu: 'Ja',
    foraeldre: 'Ja',
    boernesamtale: '01-02-2021',
    effektueret: '10-02-2021',
    kontakt: '01-03-2021',
    handleplan: '03-02-2021',
    handleplan_indsats: 'Ja',
    opfoelgning: '01-04-2021',
    ...over,
  };
}

/**
 * Test helper for the reviewer workflow: four made-up cases on rows 2–5 of Sagsoversigt.
 * Case 1: 2.3 Nej (investigation finished after the 4-month deadline). Case 2: every answer Ja.
 * Case 3: 2.4 Mangler oplysninger (Begrundet stillingtagen blank). Case 4: K6, 2.3 Nej.
 */
export const REVIEW_CASES: readonly Fields[] = [
  good(1, 'Testbarn Ane', '120310-4118', { opmaerksom: '01-09-2020' }),
  good(2, 'Testbarn Bo', '050608-4231'),
  good(3, 'Testbarn Cille', '170907-4302', { stillingtagen: null }),
  good(4, 'Testbarn Dan', '220306-4417', {
    foranstaltning: 'Kontaktperson § 52, stk. 3, nr. 6',
    opmaerksom: '01-08-2020',
  }),
];

export const REVIEW_TODAY = day('23-11-2025');

/** The snapshot of REVIEW_CASES (edited), with a Gennemgang sheet when `log` is given. */
export function reviewSnapshot(
  opts: { log?: Cell[][]; edit?: (cases: Fields[]) => void; initialer?: string } = {},
): Snapshot {
  const cases = REVIEW_CASES.map((c) => ({ ...c }));
  opts.edit?.(cases);
  const sheets: Record<string, Cell[][]> = {
    Sagsoversigt: [
      SEL_COLUMNS.map((c) => c.header),
      ...cases.map((f) => SEL_COLUMNS.map((c) => f[c.id] ?? null)),
    ],
    Indstillinger: [
      ['Kommune', 'Testrup'],
      ['Afgørelsesår', 2021],
      ['Opgørelsesdato', '23-03-2022'],
      ['Antal sager', 4],
      ...(opts.initialer === undefined ? [] : [['Initialer', opts.initialer] as Cell[]]),
    ],
  };
  if (opts.log) sheets.Gennemgang = [[...REVIEW_HEADERS], ...opts.log];
  return snap(sheets);
}

/** evaluate on a snapshot, throwing on a fatal error. */
export function reportOf(snapshot: Snapshot): Report {
  const r = evaluate(snapshot, { today: REVIEW_TODAY });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}
