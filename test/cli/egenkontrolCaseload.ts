/**
 * A fictitious two-year caseload for Egenkontrol tests (issue 12 item 6): every decision of the
 * made-up "Kvartalby Kommune" from 01-07-2023 to 30-06-2025 (both laws), varied so the quarters
 * differ, with the things a barometer sample must not have (siblings, an anket case, more than
 * Antal sager, sagsnr not 1…n, a døgnophold, one child twice) and one decision before the period.
 * Names and CPR numbers are invented.
 */
import { toFixture } from '../property/caseLists';
import type { OracleCase, OracleSettings } from '../property/verdictOracle';
import type { FixtureData, FixtureValue } from '../fixtures/build';
import { compliant, d } from '../fixtures/cases';
import { dmy } from '../property/caseLists';

export const PERIOD = { fra: '01-07-2023', til: '30-06-2025' } as const;
/** The run date: every measure has run its 3 months, so the quarters differ only by the facts. */
export const TODAY = '15-11-2025';

const MEASURES: readonly OracleCase['measure'][] = [
  'frivillig',
  'familiebehandling',
  'tvang',
  'kontaktperson',
  'praktisk',
  'doegn',
];

/** The decision dates: 10 per quarter, the quarter and law boundaries among them, and one before the period. */
function decisionDates(): string[] {
  const out: string[] = ['15-06-2023'];
  const starts = [
    '01-07-2023',
    '01-10-2023',
    '01-01-2024',
    '01-04-2024',
    '01-07-2024',
    '01-10-2024',
    '01-01-2025',
    '01-04-2025',
  ];
  for (const s of starts) {
    const first = d(s);
    for (let k = 0; k < 10; k += 1) out.push(dmy(first + ((k * 9 + 3) % 88)));
  }
  out.push('31-03-2024', '01-04-2024', '31-12-2023', '01-01-2024', '30-06-2025', '01-07-2023');
  return out;
}

/** The cases: the later the quarter, the better the municipality does (a visible trend). */
export function caseload(): OracleCase[] {
  const dates = decisionDates();
  return dates.map((date, i) => {
    const dec = d(date);
    // Case 12 is the same child as case 11 (same birth day; the fixture gives it the same CPR number).
    const j = i === 12 ? 11 : i;
    const birth = dmy(d(dates[j] as string) - 365 * (2 + (j % 14)) - (j % 200));
    const late = dec >= d('01-01-2025');
    const over: Partial<OracleCase> = {};
    const m = MEASURES[i % MEASURES.length] as OracleCase['measure'];
    if (i % 3 === 0 && !late) Object.assign(over, { boernesamtale: null, undtagelse: null });
    if (i % 4 === 1)
      Object.assign(over, { bfu: 'ingen', bfuGrund: null, opmaerksom: null, bfuAfsluttet: null });
    if (i % 5 === 2 && !late) Object.assign(over, { handleplan: dec + 200 });
    if (i % 7 === 3) Object.assign(over, { opfoelgning: null });
    return compliant(i + 101, m, date, birth, over);
  });
}

export const ORACLE_SETTINGS = (afgoerelsesaar: number): OracleSettings => ({
  afgoerelsesaar,
  opgoerelsesdato: d(TODAY),
  offentliggoerelse: false,
  forced: null,
});

/**
 * The workbook: Formål Egenkontrol and the period in Indstillinger, no Opgørelsesdato (the run date
 * is the default), Antal sager 17 as a barometer template leaves it; plus the column Anket (one anket
 * case) and two siblings in Familie.
 */
export function caseloadFixture(settings: Record<string, string | number> = {}): FixtureData {
  const cases = caseload();
  const base = toFixture({ settings: ORACLE_SETTINGS(2024), cases, forms: cases.map(() => []) }, 'Kvartalby');
  const { Opgørelsesdato: _o, Afgørelsesår: _a, ...kept } = base.settings;
  const famCol = base.headers.findIndex((h) => h === 'Familie');
  const rows = base.rows.map((r, i): FixtureValue[] => {
    const row = [...r, i === 4 ? 'Ja' : 'Nej'];
    if (i === 6 || i === 7) row[famCol] = 'Familie A';
    return row;
  });
  // One child twice: case 12 is the same child as case 11, a later decision (several in a period are normal).
  const cprCol = base.headers.findIndex((h) => h === 'Barnets cpr.nr.');
  (rows[12] as FixtureValue[])[cprCol] = (rows[11] as FixtureValue[])[cprCol] as FixtureValue;
  return {
    settings: {
      ...kept,
      'Antal sager': 17,
      Formål: 'egenkontrol',
      'Periode fra': PERIOD.fra,
      'Periode til': PERIOD.til,
      ...settings,
    },
    headers: [...base.headers, 'Anket til Ankestyrelsen'],
    rows,
  };
}
