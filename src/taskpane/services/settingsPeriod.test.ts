import { dayFromYmd } from '../../domain/days';
import { readSettings, settingsSheetRows } from '../../domain/settings';
import { settings } from '../../domain/testing/records';
import { snap } from '../../domain/testing/snapshot';
import { applySettingsForm, settingsFieldErrors } from './controller';
import { settingsSheet } from './core';
import { parseDayText } from './parseDay';

const TODAY = dayFromYmd(2026, 6, 15);
const ok = {
  kommune: 'Ishøj',
  afgoerelsesaar: '2025',
  opgoerelsesdato: '23-03-2026',
  antalSager: '17',
  offentliggoerelse: false,
};

describe('the form under Formål Egenkontrol', () => {
  it.each([
    [
      { periodeFra: '', periodeTil: '31-12-2025' },
      'periodeFra',
      /^Periode fra skal være en dato som dd-mm-åååå/,
    ],
    [{ periodeFra: '01-01-2024', periodeTil: '31-02-2025' }, 'periodeTil', /^Periode til skal være en dato/],
    [
      { periodeFra: '01-01-2026', periodeTil: '31-12-2025' },
      'periodeTil',
      /^Periode til ligger før Periode fra/,
    ],
  ])('marks %j on its own field', (period, key, message) => {
    const errors = settingsFieldErrors({ ...ok, formaal: 'egenkontrol', ...period }, parseDayText);
    expect(Object.keys(errors)).toEqual([key]);
    expect(errors[key as 'periodeFra']).toMatch(message);
  });

  it('does not ask for a period under Indsendelse', () => {
    expect(settingsFieldErrors({ ...ok, formaal: 'indsendelse', periodeFra: 'x' }, parseDayText)).toEqual({});
  });

  it('saves Formål, the period and Regelsæt into the sheet, read back the same', () => {
    const s = applySettingsForm(
      settings(),
      {
        ...ok,
        formaal: 'egenkontrol',
        periodeFra: '01-01-2024',
        periodeTil: ' 30-06-2025 ',
        regelsaet: 'BL-2024',
      },
      parseDayText,
    );
    expect(s).toMatchObject({
      formaal: 'egenkontrol',
      periodeFra: dayFromYmd(2024, 1, 1),
      periodeTil: dayFromYmd(2025, 6, 30),
      regelsaet: 'BL-2024',
    });
    const back = readSettings(snap({ Indstillinger: settingsSheetRows(s) }), {}, TODAY).settings;
    expect([back.formaal, back.periodeFra, back.periodeTil, back.regelsaet]).toEqual([
      'egenkontrol',
      dayFromYmd(2024, 1, 1),
      dayFromYmd(2025, 6, 30),
      'BL-2024',
    ]);
  });

  it('back to Indsendelse clears the period; Regelsæt "" is automatic', () => {
    const current = {
      ...settings(),
      formaal: 'egenkontrol' as const,
      periodeFra: 1,
      periodeTil: 2,
      regelsaet: 'SEL-2023',
    };
    const s = applySettingsForm(current, { ...ok, formaal: 'indsendelse', regelsaet: '' }, parseDayText);
    expect([s.formaal, s.periodeFra, s.periodeTil, s.regelsaet]).toEqual(['indsendelse', null, null, null]);
  });
});

describe('"Gem indstillinger" rebuilds Indstillinger with its drop-downs', () => {
  it('keeps the Formål and Regelsæt lists and the period date format', () => {
    const rows = settingsSheetRows({ ...settings(), formaal: 'egenkontrol', periodeFra: 1, periodeTil: 2 });
    const build = settingsSheet(rows);
    const row = (label: string) => rows.findIndex((r) => r[0] === label) + 1;
    expect(build.validations).toEqual([
      { range: `B${row('Formål')}`, list: ['Indsendelse til Ankestyrelsen', 'Egenkontrol'] },
      { range: `B${row('Regelsæt')}`, list: ['SEL-2023', 'BL-2024'] },
    ]);
    expect(build.columnFormats).toEqual(
      ['Periode fra', 'Periode til'].map((l) => ({
        col: 2,
        numFmt: 'dd-mm-yyyy',
        fromRow: row(l),
        toRow: row(l),
      })),
    );
  });
});
