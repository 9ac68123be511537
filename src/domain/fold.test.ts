import { isBlankText, stripInvisible, trimText } from './fold';
import { parseCpr } from './cpr';
import { readSettings } from './settings';
import { snap } from './testing/snapshot';
import { parseDate, parseDateTime, parseSagsnr, parseText, parseYesNo } from './values';
import { dayFromYmd } from './days';

// Regression: a cell holding only a zero-width space (pasted from Word or a web page) looked empty in
// Excel but was read as a value, so "Ja\u200B" or "01-03-2021\u202C" were per-cell errors and an
// invisible-only reason counted as a documented reason.
describe('invisible characters', () => {
  it.each(['\u200B', ' \u200E ', '\uFEFF', '\u00AD', '\u202A\u202C', '\u2060\t'])(
    'a cell of only %j is blank',
    (s) => {
      expect(isBlankText(s)).toBe(true);
      expect(parseText(s, false)).toBeNull();
      expect(parseDate(s, false)).toBeNull();
      expect(parseCpr(s)).toBeNull();
    },
  );

  it('are ignored when reading dates, Ja/Nej, sagsnr and CPR numbers', () => {
    expect(parseYesNo('Ja\u200B', false)).toBe(true);
    expect(parseYesNo('\u202Bnej\u202C', false)).toBe(false);
    expect(parseDate('01-\u200B03-2021', false)).toBe(dayFromYmd(2021, 3, 1));
    expect(parseDateTime('\u200F01-03-2021 kl. 14.30', false)).toEqual({
      day: dayFromYmd(2021, 3, 1),
      minutes: 870,
    });
    expect(parseSagsnr('\uFEFF12', false)).toBe(12);
    expect(parseCpr('010203-\u200B4118')).toEqual({ text: '010203-4118', birthDay: dayFromYmd(2003, 2, 1) });
  });

  it('are trimmed from the ends of text but kept inside', () => {
    expect(parseText('\u200B Barnet var syg \u202C', false)).toBe('Barnet var syg');
    expect(trimText('a\u200Bb')).toBe('a\u200Bb');
    expect(stripInvisible('a\u200Bb')).toBe('ab');
    expect(isBlankText('Æble')).toBe(false);
  });

  it('settings read through them', () => {
    const { settings, problems } = readSettings(
      snap({
        Sagsoversigt: [],
        Indstillinger: [
          ['Kommune', '\u200BIshøj\u200B'],
          ['Antal sager', '15\u200B'],
        ],
      }),
      {},
      // After 23 March, so the default Opgørelsesdato (23-03 of this year) has been reached.
      dayFromYmd(2026, 6, 1),
    );
    expect(settings.kommune).toBe('Ishøj');
    expect(settings.antalSager).toBe(15);
    expect(problems.map((p) => p.code)).toEqual([]);
  });
});
