import { ctx, day, record } from '../../testing/records';
import { IKKE_RELEVANT, MANGLER, type CaseRecord } from '../../types';
import { Q5_12 } from './chapter5';

/** Barnets lov 5.12: the first follow-up at the earliest of two times (§ 95, stk. 2). */
const C = ctx({ afgoerelsesaar: 2024, opgoerelsesdato: day('23-03-2025') });
const eff = { foranstaltning: 'F5' as const, effektueret: day('01-04-2024') }; // + 3 months = 01-07-2024
const rec = (over: Partial<CaseRecord>) => record({ bfu: 'ingen', ...eff, ...over });

describe('BL 5.12 første opfølgning', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['follow-up on the 3-month day', { opfoelgning: day('01-07-2024') }, 'Ja'],
    ['one day after', { opfoelgning: day('02-07-2024') }, 'Nej'],
    ['before the indsats started', { opfoelgning: day('31-03-2024') }, 'Nej'],
    ['none', {}, 'Nej'],
    // An investigation running alongside ended first: its end is the deadline (the earliest of the two).
    [
      'alongside, follow-up on its end',
      { bfu: 'ny', bfu_afsluttet: day('15-05-2024'), opfoelgning: day('15-05-2024') },
      'Ja',
    ],
    [
      'alongside, follow-up a day after its end',
      { bfu: 'ny', bfu_afsluttet: day('15-05-2024'), opfoelgning: day('16-05-2024') },
      'Nej',
    ],
    [
      'an afdækning alongside counts too',
      { bfu: 'afdaekning', bfu_afsluttet: day('15-05-2024'), opfoelgning: day('20-05-2024') },
      'Nej',
    ],
    [
      'investigation ended after 3 months: 3 months',
      { bfu: 'ny', bfu_afsluttet: day('01-08-2024'), opfoelgning: day('01-07-2024') },
      'Ja',
    ],
    [
      'investigation ended before the indsats: 3 months',
      { bfu: 'ny', bfu_afsluttet: day('01-03-2024'), opfoelgning: day('20-06-2024') },
      'Ja',
    ],
    ['an investigation without an end date', { bfu: 'ny', bfu_afsluttet: null }, MANGLER],
    ['blank bfu: the deadline cannot be told', { bfu: null }, MANGLER],
    ['not started', { effektueret: 'ikke-effektueret' }, IKKE_RELEVANT],
    [
      'stopped before the earlier deadline',
      { bfu: 'ny', bfu_afsluttet: day('15-05-2024'), ophoert: day('14-05-2024') },
      IKKE_RELEVANT,
    ],
  ])('%s → %s', (_n, over, answer) => {
    expect(Q5_12.evaluate(rec(over), C).answer).toBe(answer);
  });

  test('the reason names the deadline that applied', () => {
    expect(
      Q5_12.evaluate(rec({ bfu: 'ny', bfu_afsluttet: day('15-05-2024'), opfoelgning: day('10-05-2024') }), C)
        .reason,
    ).toContain('fristen 15-05-2024 (da undersøgelsen, der kørte sideløbende med indsatsen, blev afsluttet');
    expect(Q5_12.evaluate(rec({ opfoelgning: day('10-05-2024') }), C).reason).toContain(
      'fristen 01-07-2024 (3 måneder efter iværksættelsen 01-04-2024',
    );
  });

  test('a deadline after Opgørelsesdato → Ikke relevant; the earlier deadline can make it relevant', () => {
    const cut = ctx({ opgoerelsesdato: day('20-06-2024') });
    expect(Q5_12.evaluate(rec({ opfoelgning: day('01-06-2024') }), cut).answer).toBe(IKKE_RELEVANT);
    expect(
      Q5_12.evaluate(
        rec({ bfu: 'ny', bfu_afsluttet: day('15-05-2024'), opfoelgning: day('01-05-2024') }),
        cut,
      ).answer,
    ).toBe('Ja');
  });
});
