import { dayFromYmd } from './days';
import { periodText } from './egenkontrol';
import { checkSelection } from './selection';
import { parseFormaal, readSettings, settingsSheetRows } from './settings';
import { day, record, settings } from './testing/records';
import { snap } from './testing/snapshot';
import type { CaseRecord, Cell, Cpr, Settings } from './types';

const TODAY = dayFromYmd(2026, 6, 15);
const read = (rows: Cell[][], overrides: Partial<Settings> = {}) =>
  readSettings(snap({ Sagsoversigt: [], Indstillinger: rows }), overrides, TODAY);
const base: Cell[][] = [['Kommune', 'Ishøj']];
const codes = (ps: readonly { code: string; severity: string; cell: string | null }[]) =>
  ps.map((p) => [p.code, p.severity, p.cell]);

describe('Formål (read leniently)', () => {
  it.each([
    ['Egenkontrol', 'egenkontrol'],
    ['  EGENKONTROL ', 'egenkontrol'],
    ['Løbende egenkontrol', 'egenkontrol'],
    ['Indsendelse til Ankestyrelsen', 'indsendelse'],
    ['indsendelse  til ankestyrelsen.', 'indsendelse'],
    ['Indsendelse', 'indsendelse'],
    ['Tilsyn', null],
    ['', null],
  ])('%j → %j', (text, formaal) => {
    expect(parseFormaal(text)).toBe(formaal);
  });
});

describe('readSettings: Formål, Periode fra, Periode til', () => {
  it('defaults to Indsendelse: the settings are exactly as before (no formaal, no period)', () => {
    const { settings: s, problems } = read(base);
    expect(s.formaal).toBeUndefined();
    expect(s.periodeFra).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('reads Egenkontrol with its period; Afgørelsesår follows Periode til, Opgørelsesdato the run date', () => {
    const { settings: s, problems } = read([
      ...base,
      ['Formål', 'egenkontrol'],
      ['Periode fra', { n: dayFromYmd(2024, 1, 1), fmt: 'dd-mm-yyyy' }],
      ['Periode til', '31-12-2025'],
    ]);
    expect(problems).toEqual([]);
    expect(s).toMatchObject({
      formaal: 'egenkontrol',
      periodeFra: dayFromYmd(2024, 1, 1),
      periodeTil: dayFromYmd(2025, 12, 31),
      afgoerelsesaar: 2025,
      opgoerelsesdato: TODAY,
    });
  });

  it('keeps a given Afgørelsesår and Opgørelsesdato under Egenkontrol', () => {
    const { settings: s } = read([
      ...base,
      ['Formål', 'Egenkontrol'],
      ['Periode fra', '01-01-2024'],
      ['Periode til', '31-03-2024'],
      ['Afgørelsesår', 2023],
      ['Opgørelsesdato', '30-06-2024'],
    ]);
    expect([s.afgoerelsesaar, s.opgoerelsesdato]).toEqual([2023, dayFromYmd(2024, 6, 30)]);
  });

  it('Egenkontrol without Periode: one error per missing end, naming its cell', () => {
    const { settings: s, problems } = read([...base, ['Formål', 'Egenkontrol'], ['Periode fra', null]]);
    expect(codes(problems)).toEqual([
      ['missing-period', 'error', 'B3'],
      ['missing-period', 'error', null],
    ]);
    expect(problems[0]?.message).toBe(
      'Indstillinger!B3 (Periode fra): Formål er "Egenkontrol", men periode fra mangler, så perioden er åben i den ende; skriv datoen ud for "Periode fra" som dd-mm-åååå, fx 01-01-2024.',
    );
    expect(problems[1]?.message).toMatch(/^Arket Indstillinger: .*skriv datoen ud for "Periode til"/);
    expect([s.periodeFra, s.periodeTil]).toEqual([null, null]);
  });

  it('an unreadable period date is an error on its cell (not two problems)', () => {
    const { problems } = read([
      ...base,
      ['Formål', 'Egenkontrol'],
      ['Periode fra', '31-02-2024'],
      ['Periode til', '31-12-2024'],
    ]);
    expect(codes(problems)).toEqual([['invalid-period', 'error', 'B3']]);
    expect(problems[0]?.message).toContain('værdien er ikke en gyldig dato');
  });

  it('Periode fra after Periode til: an error on Periode til, and the period is left open', () => {
    const { settings: s, problems } = read([
      ...base,
      ['Formål', 'Egenkontrol'],
      ['Periode fra', '01-07-2025'],
      ['Periode til', '30-06-2025'],
    ]);
    expect(codes(problems)).toEqual([['invalid-period', 'error', 'B4']]);
    expect(problems[0]?.message).toBe(
      'Indstillinger!B4 (Periode til): periode til 30-06-2025 ligger før periode fra 01-07-2025, så perioden bruges ikke; ret en af de to datoer.',
    );
    expect([s.periodeFra, s.periodeTil]).toEqual([null, null]);
  });

  it('Periode fra = Periode til is a one-day period', () => {
    const { settings: s, problems } = read([
      ...base,
      ['Formål', 'Egenkontrol'],
      ['Periode fra', '01-07-2025'],
      ['Periode til', '01-07-2025'],
    ]);
    expect(problems).toEqual([]);
    expect(s.periodeFra).toBe(s.periodeTil);
  });

  it('an unknown Formål is an error naming the cell, and Indsendelse is used', () => {
    const { settings: s, problems } = read([...base, ['Formål', 'Tilsyn']]);
    expect(codes(problems)).toEqual([['invalid-setting', 'error', 'B2']]);
    expect(problems[0]?.message).toBe(
      'Indstillinger!B2 (Formål): værdien er ikke et kendt formål, så standardværdien "Indsendelse til Ankestyrelsen" bruges. Vælg "Indsendelse til Ankestyrelsen" eller "Egenkontrol" på listen.',
    );
    expect(s.formaal).toBeUndefined();
  });

  it('a period under Indsendelse is ignored, with a warning on each cell', () => {
    const { settings: s, problems } = read([
      ...base,
      ['Periode fra', '01-01-2024'],
      ['Periode til', '31-12-2024'],
    ]);
    expect(codes(problems)).toEqual([
      ['invalid-period', 'warning', 'B2'],
      ['invalid-period', 'warning', 'B3'],
    ]);
    expect(s.periodeFra).toBeUndefined();
  });

  it('flags win over the sheet and are named in messages', () => {
    const { settings: s, problems } = read([...base, ['Formål', 'Indsendelse til Ankestyrelsen']], {
      formaal: 'egenkontrol',
      periodeFra: dayFromYmd(2024, 1, 1),
    });
    expect(s).toMatchObject({ formaal: 'egenkontrol', periodeFra: dayFromYmd(2024, 1, 1), periodeTil: null });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Arket Indstillinger: .*Periode til/),
    ]);
  });

  it('settingsSheetRows writes the three rows, read back to the same settings', () => {
    const s: Settings = {
      ...settings({ kommune: 'Ishøj' }),
      formaal: 'egenkontrol',
      periodeFra: dayFromYmd(2024, 1, 1),
      periodeTil: dayFromYmd(2025, 6, 30),
    };
    const rows = settingsSheetRows(s);
    expect(rows.slice(-3)).toEqual([
      ['Formål', 'Egenkontrol'],
      ['Periode fra', '01-01-2024'],
      ['Periode til', '30-06-2025'],
    ]);
    const back = read(rows).settings;
    expect([back.formaal, back.periodeFra, back.periodeTil]).toEqual([s.formaal, s.periodeFra, s.periodeTil]);
    expect(settingsSheetRows(settings()).slice(-3)).toEqual([
      ['Formål', 'Indsendelse til Ankestyrelsen'],
      ['Periode fra', null],
      ['Periode til', null],
    ]);
  });

  it('periodText leaves an open end out', () => {
    expect(periodText({ periodeFra: day('01-01-2024'), periodeTil: null })).toBe('fra 01-01-2024');
    expect(periodText({ periodeFra: null, periodeTil: day('31-12-2024') })).toBe('til 31-12-2024');
    expect(periodText({})).toBe('');
  });
});

describe('checkSelection under both Formål', () => {
  const info = {
    name: 'Sagsoversigt',
    columns: { sagsnr: 1, foranstaltning: 2, cpr: 4, afgoerelsesdato: 5, anket: 6, familie: 8 },
  };
  const cpr = (birth: string, serial: string): Cpr => ({
    text: `${birth.replace(/-/g, '').slice(0, 4)}${birth.slice(8)}-${serial}`,
    birthDay: day(birth),
  });
  // A list no barometer call accepts: 20 cases (Antal sager 17), 12 placements (cap 9), a
  // døgnophold, siblings, an anket case, sagsnr from 101, the same child twice (two decisions).
  const list: CaseRecord[] = Array.from({ length: 20 }, (_, i) =>
    record({
      row: i + 2,
      sagsnr: i + 101,
      foranstaltning: i < 12 ? 'A7' : i === 12 ? 'D4' : 'K6',
      cpr: cpr(`0${(i % 9) + 1}-03-2010`, String(1000 + i)),
      afgoerelsesdato: day('01-06-2021') + i,
      familie: i === 3 || i === 4 ? 'Fam' : null,
      anket: i === 5,
    }),
  );
  list[15] = { ...list[15], cpr: (list[14] as CaseRecord).cpr } as CaseRecord;

  it('Indsendelse: every sample check speaks', () => {
    const r = checkSelection(list, settings(), info);
    const found = new Set<string>(r.problems.map((p) => p.code));
    for (const c of [
      'case-count',
      'too-many-placements',
      'sagsnr-sequence',
      'measure-not-in-call',
      'excluded-case',
      'duplicate-cpr',
    ])
      expect([c, found.has(c)]).toEqual([c, true]);
    expect(r.cases[4]?.selectionOk).toBe(false);
  });

  it('Egenkontrol: none of them; the period check instead of Afgørelsesår', () => {
    const s = settings({
      formaal: 'egenkontrol',
      periodeFra: day('01-01-2021'),
      periodeTil: day('10-06-2021'),
    });
    const r = checkSelection(list, s, info);
    expect(codes(r.problems)).toEqual(
      list.slice(10).map((x) => ['decision-outside-period', 'error', `E${x.row}`]),
    );
    expect(r.problems[0]?.message).toBe(
      'Sagsoversigt!E12: Afgørelsen er truffet 11-06-2021, uden for egenkontrollens periode fra 01-01-2021 til 10-06-2021; fjern sagen, eller ret Periode fra/til i Indstillinger.',
    );
    expect(r.cases.slice(0, 10).every((c) => c.selectionOk && c.text === 'OK')).toBe(true);
  });

  it('Egenkontrol keeps the data checks: duplicate Sag nummer, missing decision date, age, and one decision typed twice', () => {
    const s = settings({ formaal: 'egenkontrol', periodeFra: null, periodeTil: null });
    const twice = { ...(list[0] as CaseRecord), row: 30 };
    const r = checkSelection(
      [
        ...list.slice(0, 3),
        { ...(list[3] as CaseRecord), sagsnr: 101 },
        { ...(list[6] as CaseRecord), afgoerelsesdato: null },
        { ...(list[7] as CaseRecord), cpr: cpr('01-01-1990', '1234') },
        twice,
      ],
      s,
      info,
    );
    // The case's own checks first, then those across cases (evaluate sorts them by cell later).
    expect(codes(r.problems)).toEqual([
      ['missing-decision-date', 'error', 'E8'],
      ['age-out-of-range', 'error', 'D9'],
      ['duplicate-sagsnr', 'error', 'A2'],
      ['duplicate-sagsnr', 'error', 'A5'],
      ['duplicate-sagsnr', 'error', 'A30'],
      ['duplicate-decision', 'warning', 'D2'],
      ['duplicate-decision', 'warning', 'D30'],
    ]);
  });
});
