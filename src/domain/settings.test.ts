import { dayFromYmd, formatDay } from './days';
import { defaultSettings, readSettings, SETTINGS_LABELS, settingsSheetRows } from './settings';
import { snap } from './testing/snapshot';
import type { Cell, Settings } from './types';

// Spec §2.2 (changed with barnets-lov.md §1): by default Afgørelsesår is the year before today.
const TODAY = dayFromYmd(2026, 6, 15);
const read = (rows: Cell[][] | null, overrides: Partial<Settings> = {}, date1904 = false) =>
  readSettings(
    snap(rows ? { Sagsoversigt: [], Indstillinger: rows } : { Sagsoversigt: [] }, { date1904 }),
    overrides,
    TODAY,
  );

describe('readSettings', () => {
  it('uses the defaults of spec §2.2 without a sheet, and warns that Kommune is missing', () => {
    const { settings, problems } = read(null);
    expect(settings).toEqual({
      kommune: null,
      undersoegelsesaar: 2027,
      afgoerelsesaar: 2025,
      opgoerelsesdato: dayFromYmd(2026, 3, 23),
      antalSager: 17,
      hoejstAnbringelser: 9,
      offentliggoerelse: false,
      initialer: null,
    });
    expect(settings).toEqual(defaultSettings(TODAY));
    expect(problems.map((p) => [p.code, p.severity, p.cell])).toEqual([['missing-kommune', 'warning', null]]);
    expect(problems[0]?.message).toMatch(/^Kommune mangler/);
  });

  it('reads label | value rows, labels case/space-insensitive in column A or B', () => {
    const { settings, problems } = read([
      ['Indstilling', 'Værdi'],
      ['  KOMMUNE ', 'Ishøj'],
      [null, 'undersøgelses år', 2024],
      ['Afgørelsesår:', '2022'],
      ['Opgørelsesdato', { n: dayFromYmd(2023, 4, 1), fmt: 'dd-mm-yyyy' }],
      ['Antal sager', 15],
      ['Højst antal anbringelser', { n: 7, fmt: '0' }],
      ['Offentliggørelse', 'ja'],
      ['Initialer', ' ABC '],
      ['Ukendt', 'x'],
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      kommune: 'Ishøj',
      undersoegelsesaar: 2024,
      afgoerelsesaar: 2022,
      opgoerelsesdato: dayFromYmd(2023, 4, 1),
      antalSager: 15,
      hoejstAnbringelser: 7,
      offentliggoerelse: true,
      initialer: 'ABC',
    });
  });

  it('derives the defaults from the effective years', () => {
    expect(
      read([
        ['Kommune', 'Ishøj'],
        ['Undersøgelsesår', 2024],
      ]).settings,
    ).toMatchObject({
      afgoerelsesaar: 2022,
      opgoerelsesdato: dayFromYmd(2023, 3, 23),
    });
    expect(
      read([
        ['Kommune', 'Ishøj'],
        ['Afgørelsesår', 2020],
      ]).settings,
    ).toMatchObject({
      undersoegelsesaar: 2022,
      afgoerelsesaar: 2020,
      opgoerelsesdato: dayFromYmd(2021, 3, 23),
    });
    expect(read([['Kommune', 'Ishøj']], { undersoegelsesaar: 2022 }).settings.opgoerelsesdato).toBe(
      dayFromYmd(2021, 3, 23),
    );
  });

  it('lets overrides win over the sheet', () => {
    const { settings, problems } = read(
      [
        ['Kommune', 'Ishøj'],
        ['Opgørelsesdato', 'ikke en dato'],
        ['Offentliggørelse', 'Nej'],
      ],
      { kommune: 'Albertslund', opgoerelsesdato: dayFromYmd(2022, 1, 1), offentliggoerelse: true },
    );
    expect(settings).toMatchObject({
      kommune: 'Albertslund',
      opgoerelsesdato: dayFromYmd(2022, 1, 1),
      offentliggoerelse: true,
    });
    expect(problems).toEqual([]);
  });

  it('drops a trailing "Kommune" from the name', () => {
    expect(read([['Kommune', 'Ishøj Kommune']]).settings.kommune).toBe('Ishøj');
    expect(read([['Kommune', 'Kommune']]).settings.kommune).toBe('Kommune');
  });

  it.each<[string, Cell, string, string]>([
    ['Undersøgelsesår', 'tyvetreogtyve', 'B2', '2027'],
    ['Undersøgelsesår', 1999, 'B2', '2027'],
    ['Afgørelsesår', 2021.5, 'B2', '2025'],
    ['Opgørelsesdato', '31-02-2022', 'B2', '23-03-2026'],
    ['Antal sager', 0, 'B2', '17'],
    ['Antal sager', 'sytten', 'B2', '17'],
    ['Højst antal anbringelser', -1, 'B2', '9'],
    ['Offentliggørelse', 'Måske', 'B2', 'Nej'],
    ['Kommune', { error: '#REF!' }, 'B2', ''],
  ])('%s = %p is a problem at %s and the default %s is used', (label, value, cell, def) => {
    const { problems } = read(
      [
        ['Kommune', 'Ishøj'],
        [label, value],
      ].slice(label === 'Kommune' ? 1 : 0),
    );
    const p = problems.find((x) => x.code === 'invalid-setting');
    const expectedCell = label === 'Kommune' ? 'B1' : cell;
    expect(p).toMatchObject({ severity: 'error', sheet: 'Indstillinger', cell: expectedCell });
    expect(p?.message).toContain(`Indstillinger!${expectedCell} (${label})`);
    expect(p?.message).toContain(`standardværdien ${def} bruges`);
  });

  it('names the value cell when the label is in column B', () => {
    const { problems } = read([
      ['Kommune', 'Ishøj'],
      [null, 'Antal sager', 'mange'],
    ]);
    expect(problems[0]?.cell).toBe('C2');
  });

  it('reads dates in the 1904 system and as text', () => {
    expect(
      read(
        [
          ['Kommune', 'x'],
          ['Opgørelsesdato', 42794],
        ],
        {},
        true,
      ).settings.opgoerelsesdato,
    ).toBe(dayFromYmd(2021, 3, 1));
    expect(
      read([
        ['Kommune', 'x'],
        ['Opgørelsesdato', '1. marts 2021'],
      ]).settings.opgoerelsesdato,
    ).toBe(dayFromYmd(2021, 3, 1));
  });

  it('warns when Opgørelsesdato lies after today', () => {
    const { problems } = read([
      ['Kommune', 'x'],
      ['Opgørelsesdato', formatDay(TODAY + 1)],
    ]);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([['opgoerelsesdato-future', 'B2']]);
    // Regression: the message names the cell, not only the sheet.
    expect(problems[0]?.message).toContain('Indstillinger!B2');
    expect(
      read([
        ['Kommune', 'x'],
        ['Opgørelsesdato', formatDay(TODAY)],
      ]).problems,
    ).toEqual([]);
  });
});

describe('settingsSheetRows', () => {
  it('writes label | value rows that readSettings reads back', () => {
    const s: Settings = {
      kommune: 'Ishøj',
      undersoegelsesaar: 2024,
      afgoerelsesaar: 2022,
      opgoerelsesdato: dayFromYmd(2023, 3, 23),
      antalSager: 15,
      hoejstAnbringelser: 8,
      offentliggoerelse: true,
      initialer: 'ABC',
    };
    const rows = settingsSheetRows(s);
    expect(rows.map((r) => r[0])).toEqual(Object.values(SETTINGS_LABELS));
    expect(rows[3]).toEqual(['Opgørelsesdato', '23-03-2023']);
    expect(read(rows as Cell[][]).settings).toEqual(s);
  });

  it('writes the defaults when given a day (new template)', () => {
    expect(read(settingsSheetRows(TODAY) as Cell[][]).settings).toEqual(defaultSettings(TODAY));
  });
});
