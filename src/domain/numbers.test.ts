import { countOf, formatCount, formatPercent, sager } from './numbers';

describe('Danish numbers (issue 11: "20000 sager", "1 advarsler")', () => {
  it('groups thousands with "." (Intl da-DK in this Node; Chromium gives the same)', () => {
    expect([0, 999, 1000, 20000, 1234567].map(formatCount)).toEqual([
      '0',
      '999',
      '1.000',
      '20.000',
      '1.234.567',
    ]);
  });
  it('writes a percent as the seed tables do, without a space', () => {
    expect([formatPercent(34), formatPercent(100), formatPercent(0)]).toEqual(['34%', '100%', '0%']);
  });
  it('puts the noun in the right number', () => {
    expect([sager(0), sager(1), sager(2), sager(20000)]).toEqual([
      '0 sager',
      '1 sag',
      '2 sager',
      '20.000 sager',
    ]);
    expect([countOf(1, 'advarsel', 'advarsler'), countOf(2, 'advarsel', 'advarsler')]).toEqual([
      '1 advarsel',
      '2 advarsler',
    ]);
    expect([countOf(1, 'fejl', 'fejl'), countOf(3, 'fejl', 'fejl')]).toEqual(['1 fejl', '3 fejl']);
  });
});
