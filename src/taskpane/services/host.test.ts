import { themeFromBackground } from './host';
import { resultFileName } from './session';

describe('themeFromBackground (Office theme → Fluent theme)', () => {
  it.each([
    ['#ffffff', 'light'], // White / Colorful
    ['#e6e6e6', 'light'],
    ['#262626', 'dark'], // Dark Gray
    ['#000000', 'dark'], // Black
    ['#7c7c7c', 'light'], // mid grey: relative luminance 0.201, just above the 0.2 threshold
    ['#7a7a7a', 'dark'], // 0.195, just below
    [undefined, 'light'],
    ['not a colour', 'light'],
  ] as const)('%s → %s', (bg, theme) => {
    expect(themeFromBackground(bg)).toBe(theme);
  });
});

describe('resultFileName', () => {
  it.each([
    ['eksempel.xlsx', 'eksempel-resultat.xlsx'],
    ['Sager 2021.XLSX', 'Sager 2021-resultat.xlsx'],
    ['.xlsx', 'projektmappe-resultat.xlsx'],
    ['uden-endelse', 'uden-endelse-resultat.xlsx'],
  ])('%s → %s', (name, expected) => {
    expect(resultFileName(name)).toBe(expected);
  });
});
