import { ctx, day, record } from '../../testing/records';
import { IKKE_RELEVANT, MANGLER, type CaseRecord } from '../../types';
import { Q2_2, Q2_3, Q2_4, Q2_5 } from './chapter2';

/** Barnets lov chapter 2 (barnets-lov.md §4; §§ 19, 20, 22, 32, 46, 47, 143). */
const C = ctx({ afgoerelsesaar: 2024, opgoerelsesdato: day('23-03-2025') });
const rec = (over: Partial<CaseRecord>) => record({ afgoerelsesdato: day('15-03-2024'), ...over });

describe('BL 2.2 afdækning eller børnefaglig undersøgelse', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['§ 32 with a new BFU', { foranstaltning: 'F5', bfu: 'ny' }, 'Ja'],
    ['§ 32 with an afdækning', { foranstaltning: 'P2', bfu: 'afdaekning' }, 'Ja'],
    [
      '§ 32 none, lawful reason',
      { foranstaltning: 'K3', bfu: 'ingen', bfu_grund: 'Ny sag' },
      'Nej, men lovlig grund',
    ],
    ['§ 32 none', { foranstaltning: 'S7', bfu: 'ingen' }, 'Nej'],
    ['placement with an update', { foranstaltning: 'A46', bfu: 'opdatering' }, 'Ja'],
    ['placement on an afdækning only', { foranstaltning: 'A46', bfu: 'afdaekning' }, 'Nej'],
    [
      'placement on an afdækning with a reason',
      { foranstaltning: 'A47', bfu: 'afdaekning', bfu_grund: 'x' },
      'Nej',
    ],
    ['placement, none with a reason', { foranstaltning: 'A47', bfu: 'ingen', bfu_grund: 'Akut' }, 'Nej'],
    ['Ikke relevant', { foranstaltning: 'F5', bfu: 'ikke-relevant' }, IKKE_RELEVANT],
    ['blank bfu', { foranstaltning: 'F5' }, MANGLER],
    ['afdækning without the measure', { bfu: 'afdaekning' }, MANGLER],
    ['a new BFU answers Ja without the measure', { bfu: 'ny' }, 'Ja'],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q2_2.evaluate(rec(over), C).answer).toBe(answer);
  });

  test('the placement reason names § 46, stk. 3, and § 47, stk. 2', () => {
    expect(Q2_2.evaluate(rec({ foranstaltning: 'A46', bfu: 'afdaekning' }), C).reason).toContain(
      '§ 46, stk. 3, og § 47, stk. 2',
    );
  });
});

describe('BL 2.3 4-måneders frist (§ 20, stk. 3)', () => {
  const ny = { bfu: 'ny' as const, opmaerksom: day('31-10-2023') };
  test.each<[string, Partial<CaseRecord>, string]>([
    [
      'on the deadline (31-10 + 4 months = 29-02 in a leap year)',
      { ...ny, bfu_afsluttet: day('29-02-2024') },
      'Ja',
    ],
    ['one day after', { ...ny, bfu_afsluttet: day('01-03-2024') }, 'Nej'],
    [
      'late with a foreløbig vurdering',
      { ...ny, bfu_afsluttet: day('01-03-2024'), bfu_foreloebig: 'x' },
      'Nej, men lovlig grund',
    ],
    ['an afdækning has no deadline', { bfu: 'afdaekning', opmaerksom: day('01-01-2024') }, IKKE_RELEVANT],
    ['an update is not measured', { bfu: 'opdatering' }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q2_3.evaluate(rec(over), C).answer).toBe(answer);
  });
});

describe('BL 2.4 begrundet stillingtagen (§ 22, stk. 6)', () => {
  test.each<[Partial<CaseRecord>, string]>([
    [{ bfu: 'ny', stillingtagen: true }, 'Ja'],
    [{ bfu: 'opdatering', stillingtagen: false }, 'Nej'],
    [{ bfu: 'afdaekning', stillingtagen: true }, IKKE_RELEVANT],
    [{ bfu: 'ny' }, MANGLER],
  ])('%p → %s', (over, answer) => {
    expect(Q2_4.evaluate(rec(over), C).answer).toBe(answer);
  });
});

describe('BL 2.5 afsluttet før afgørelsen', () => {
  test.each<[string, Partial<CaseRecord>, string, string | null]>([
    ['finished on the decision day', { bfu: 'ny', bfu_afsluttet: day('15-03-2024') }, 'Ja', null],
    [
      'an afdækning finished before',
      { bfu: 'afdaekning', bfu_afsluttet: day('01-03-2024') },
      'Ja',
      'Afdækningen',
    ],
    [
      'after, alongside a § 32 indsats',
      { foranstaltning: 'F5', bfu: 'ny', bfu_afsluttet: day('16-03-2024'), akut: true },
      'Nej, men lovlig grund',
      '§ 32, stk. 4',
    ],
    [
      'after, alongside A46',
      { foranstaltning: 'A46', bfu: 'ny', bfu_afsluttet: day('16-03-2024'), akut: true },
      'Nej, men lovlig grund',
      '§ 46, stk. 3',
    ],
    [
      'after, alongside A47',
      { foranstaltning: 'A47', bfu: 'ny', bfu_afsluttet: day('16-03-2024'), akut: true },
      'Nej, men lovlig grund',
      '§ 143',
    ],
    ['after, not akut', { foranstaltning: 'F5', bfu: 'ny', bfu_afsluttet: day('16-03-2024') }, 'Nej', null],
    ['no investigation', { bfu: 'ingen' }, IKKE_RELEVANT, null],
  ])('%s → %s', (_n, over, answer, cites) => {
    const v = Q2_5.evaluate(rec(over), C);
    expect(v.answer).toBe(answer);
    if (cites !== null) expect(v.reason).toContain(cites);
  });
});
