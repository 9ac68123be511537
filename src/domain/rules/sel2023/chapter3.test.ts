import { IKKE_RELEVANT, MANGLER, NO_COLUMN, UNREADABLE, type CaseRecord } from '../../types';
import { ctx, day, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q = (id: string) => SEL_2023.questions.find((x) => x.id === id)!;
const ev = (id: string, over: Partial<CaseRecord>) => q(id).evaluate(record(over), ctx());

describe('3.6 samtale i undersøgelsen', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['ja', { bfu: 'ny', samtale_bfu: true }, 'Ja'],
    ['nej', { bfu: 'ny', samtale_bfu: false }, 'Nej'],
    ['ikke relevant', { bfu: 'ny', samtale_bfu: 'ikke-relevant' }, IKKE_RELEVANT],
    ['blank', { bfu: 'ny' }, MANGLER],
    ['no BFU', { bfu: 'ingen', samtale_bfu: false }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('3.6', over).answer).toBe(answer);
  });
});

describe('3.7 forældrenes oplysninger', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['ja', { bfu: 'opdatering', foraeldre: true }, 'Ja'],
    ['nej', { bfu: 'ny', foraeldre: false }, 'Nej'],
    ['blank', { bfu: 'ny' }, MANGLER],
    ['unreadable', { bfu: 'ny', foraeldre: UNREADABLE }, MANGLER],
    ['bfu ikke relevant', { bfu: 'ikke-relevant' }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('3.7', over).answer).toBe(answer);
  });
});

describe('3.8 børnesamtale, in the order of spec §4', () => {
  const dec = day('15-03-2021');
  test.each<[string, Partial<CaseRecord>, string]>([
    [
      'undtagelse Ikke relevant wins over everything',
      { boernesamtale_undtagelse: 'ikke-relevant', boernesamtale: day('01-03-2021'), afgoerelsesdato: dec },
      IKKE_RELEVANT,
    ],
    ['conversation the day before', { boernesamtale: day('14-03-2021'), afgoerelsesdato: dec }, 'Ja'],
    ['conversation on the decision day', { boernesamtale: dec, afgoerelsesdato: dec }, 'Ja'],
    [
      'conversation the day after, no exception',
      { boernesamtale: day('16-03-2021'), afgoerelsesdato: dec },
      'Nej',
    ],
    [
      'after, but the child did not want to talk',
      { boernesamtale: day('16-03-2021'), afgoerelsesdato: dec, boernesamtale_undtagelse: 'oenskede-ikke' },
      'Ja',
    ],
    ['no conversation, modenhed', { afgoerelsesdato: dec, boernesamtale_undtagelse: 'modenhed' }, 'Ja'],
    ['no conversation, other text', { afgoerelsesdato: dec, boernesamtale_undtagelse: 'andet' }, 'Nej'],
    ['no conversation, nothing', { afgoerelsesdato: dec }, 'Nej'],
    ['no conversation, no decision date', {}, 'Nej'],
    ['conversation but blank decision date', { boernesamtale: day('14-03-2021') }, MANGLER],
    ['unreadable conversation date', { boernesamtale: UNREADABLE, afgoerelsesdato: dec }, MANGLER],
    [
      'unreadable exception',
      { boernesamtale_undtagelse: UNREADABLE, boernesamtale: day('14-03-2021'), afgoerelsesdato: dec },
      MANGLER,
    ],
    [
      'missing exception column',
      { boernesamtale_undtagelse: NO_COLUMN, boernesamtale: day('14-03-2021'), afgoerelsesdato: dec },
      MANGLER,
    ],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('3.8', over).answer).toBe(answer);
  });

  test('the exception reason says the requirement is met', () => {
    expect(ev('3.8', { afgoerelsesdato: dec, boernesamtale_undtagelse: 'modenhed' }).reason).toContain(
      'kravet er overholdt',
    );
  });
  test('a late conversation names both dates', () => {
    expect(ev('3.8', { boernesamtale: day('16-03-2021'), afgoerelsesdato: dec }).reason).toBe(
      'Børnesamtalen blev først holdt 16-03-2021, 1 dag efter afgørelsen 15-03-2021, og der er ingen dokumenteret undtagelse.',
    );
  });
});

describe('3.9 kontakt inden for 3 måneder (Opgørelsesdato 23-03-2022)', () => {
  const eff = day('23-12-2021'); // + 3 months = 23-03-2022 = Opgørelsesdato
  test.each<[string, Partial<CaseRecord>, string]>([
    [
      'effected exactly 3 months before the cut-off, contact on the last day',
      { effektueret: eff, kontakt: day('23-03-2022') },
      'Ja',
    ],
    ['contact on the effect day', { effektueret: eff, kontakt: eff }, 'Ja'],
    [
      'contact the day after the window',
      { effektueret: day('01-06-2021'), kontakt: day('02-09-2021') },
      'Nej',
    ],
    ['contact before the effect day', { effektueret: day('01-06-2021'), kontakt: day('31-05-2021') }, 'Nej'],
    [
      'no contact, reason given',
      { effektueret: day('01-06-2021'), kontakt_grund: 'Barnet afviste' },
      'Nej, men kan begrundes',
    ],
    ['no contact, no reason', { effektueret: day('01-06-2021') }, 'Nej'],
    [
      'effected one day too late to have run 3 months',
      { effektueret: day('24-12-2021'), kontakt: day('01-01-2022') },
      IKKE_RELEVANT,
    ],
    ['Ikke effektueret', { effektueret: 'ikke-effektueret' }, IKKE_RELEVANT],
    ['blank effektueret', { kontakt: day('01-01-2022') }, MANGLER],
    ['unreadable effektueret', { effektueret: UNREADABLE }, MANGLER],
    [
      'stopped the day before 3 months',
      { effektueret: day('01-06-2021'), ophoert: day('31-08-2021') },
      IKKE_RELEVANT,
    ],
    [
      'stopped ON the 3-month day: ran the full period, relevant',
      { effektueret: day('01-06-2021'), ophoert: day('01-09-2021') },
      'Nej',
    ],
    [
      'stopped later',
      { effektueret: day('01-06-2021'), ophoert: day('01-12-2021'), kontakt: day('01-07-2021') },
      'Ja',
    ],
    ['unreadable ophørt', { effektueret: day('01-06-2021'), ophoert: UNREADABLE }, MANGLER],
    ['30 Nov + 3 months = 28 Feb', { effektueret: day('30-11-2021'), kontakt: day('28-02-2022') }, 'Ja'],
    [
      '30 Nov + 3 months, 1 Mar is late',
      { effektueret: day('30-11-2021'), kontakt: day('01-03-2022') },
      'Nej',
    ],
    ['unreadable contact date', { effektueret: day('01-06-2021'), kontakt: UNREADABLE }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('3.9', over).answer).toBe(answer);
  });
});
