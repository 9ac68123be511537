import { ctx, day, record } from '../../testing/records';
import { IKKE_RELEVANT, MANGLER, NO_COLUMN, type CaseRecord } from '../../types';
import { Q3_6, Q3_7, Q3_8, Q3_9 } from './chapter3';

/** Barnets lov chapter 3 (barnets-lov.md §4; § 5, § 22, § 95). */
const C = ctx({ afgoerelsesaar: 2024, opgoerelsesdato: day('23-03-2025') });
const rec = (over: Partial<CaseRecord>) =>
  record({ foranstaltning: 'F5', afgoerelsesdato: day('15-03-2024'), ...over });

describe('BL 3.6 and 3.7', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['3.6 conversation in an afdækning', { bfu: 'afdaekning', samtale_bfu: true }, 'Ja'],
    ['3.6 none in a BFU', { bfu: 'ny', samtale_bfu: false }, 'Nej'],
    ['3.6 marked not relevant', { bfu: 'ny', samtale_bfu: 'ikke-relevant' }, IKKE_RELEVANT],
    ['3.6 no investigation', { bfu: 'ingen', samtale_bfu: true }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q3_6.evaluate(rec(over), C).answer).toBe(answer);
  });
  test.each<[Partial<CaseRecord>, string]>([
    [{ bfu: 'ny', foraeldre: true }, 'Ja'],
    [{ bfu: 'opdatering', foraeldre: false }, 'Nej'],
    [{ bfu: 'afdaekning', foraeldre: true }, IKKE_RELEVANT],
  ])('3.7 %p → %s', (over, answer) => {
    expect(Q3_7.evaluate(rec(over), C).answer).toBe(answer);
  });
});

describe('BL 3.8 samtale før afgørelsen (§ 5, stk. 3 og 4)', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['conversation on the decision day', { boernesamtale: day('15-03-2024') }, 'Ja'],
    ['conversation the day after, no exception', { boernesamtale: day('16-03-2024') }, 'Nej'],
    ['no conversation, no exception', {}, 'Nej'],
    ['Ikke relevant', { boernesamtale_undtagelse: 'ikke-relevant' }, IKKE_RELEVANT],
    [
      'waived (the child did not want), synspunkter Ja',
      { boernesamtale_undtagelse: 'oenskede-ikke', synspunkter: true },
      'Ja',
    ],
    [
      'waived (the child did not want), synspunkter Nej',
      { boernesamtale_undtagelse: 'oenskede-ikke', synspunkter: false },
      'Nej',
    ],
    [
      'waived (the child did not want), synspunkter blank',
      { boernesamtale_undtagelse: 'oenskede-ikke' },
      'Nej',
    ],
    [
      '"Alder eller andre forhold", synspunkter Ja',
      { boernesamtale_undtagelse: 'alder', synspunkter: true },
      'Ja',
    ],
    [
      '"Alder eller andre forhold", synspunkter blank',
      { boernesamtale_undtagelse: 'alder', synspunkter: null },
      'Nej',
    ],
    [
      '"Modenhed eller sagens karakter" read as alder, synspunkter Ja',
      { boernesamtale_undtagelse: 'modenhed', synspunkter: true },
      'Ja',
    ],
    ['other text is no exception', { boernesamtale_undtagelse: 'andet', synspunkter: true }, 'Nej'],
    [
      'a late conversation with a waiver and views',
      { boernesamtale: day('20-03-2024'), boernesamtale_undtagelse: 'oenskede-ikke', synspunkter: true },
      'Ja',
    ],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q3_8.evaluate(rec(over), C).answer).toBe(answer);
  });

  test('the synspunkter column is needed only when the rule reaches it', () => {
    expect(Q3_8.evaluate(rec({ boernesamtale: day('01-03-2024'), synspunkter: NO_COLUMN }), C).answer).toBe(
      'Ja',
    );
    const v = Q3_8.evaluate(rec({ boernesamtale_undtagelse: 'alder', synspunkter: NO_COLUMN }), C);
    expect(v.answer).toBe(MANGLER);
    expect(v.missing).toEqual(['synspunkter']);
    expect(
      Q3_8.evaluate(rec({ boernesamtale_undtagelse: 'oenskede-ikke', synspunkter: true }), C).reason,
    ).toContain('§ 5, stk. 4');
  });
});

describe('BL 3.9 kontakt inden 3 måneder (as SEL 3.9)', () => {
  const eff = { effektueret: day('30-11-2023') };
  test.each<[string, Partial<CaseRecord>, string]>([
    ['contact on the last day (30-11 + 3 months = 29-02)', { ...eff, kontakt: day('29-02-2024') }, 'Ja'],
    ['contact a day late', { ...eff, kontakt: day('01-03-2024') }, 'Nej'],
    ['no contact, a reason', { ...eff, kontakt_grund: 'Indlagt' }, 'Nej, men kan begrundes'],
    ['not started', { effektueret: 'ikke-effektueret' }, IKKE_RELEVANT],
    ['stopped before 3 months', { ...eff, ophoert: day('28-02-2024') }, IKKE_RELEVANT],
    ['3 months not reached on Opgørelsesdato', { effektueret: day('24-12-2024') }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q3_9.evaluate(rec(over), C).answer).toBe(answer);
  });
});
