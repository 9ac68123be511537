import { IKKE_RELEVANT, MANGLER, NO_COLUMN, UNREADABLE, type CaseRecord } from '../../types';
import { ctx, day, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q = (id: string) => SEL_2023.questions.find((x) => x.id === id)!;
const ev = (id: string, over: Partial<CaseRecord>) => q(id).evaluate(record(over), ctx());
const dec = day('15-03-2021');

describe('4.10 handleplan', () => {
  test.each<[string, Partial<CaseRecord>, string, string]>([
    [
      'before the decision',
      { handleplan: day('10-03-2021'), afgoerelsesdato: dec },
      'Ja',
      'før afgørelsen 15-03-2021',
    ],
    [
      'after the decision, not akut',
      { handleplan: day('25-03-2021'), afgoerelsesdato: dec },
      'Ja',
      '10 dage efter afgørelsen 15-03-2021, uden at der var tale om akut støtte',
    ],
    [
      'akut, within 4 months',
      { handleplan: day('15-07-2021'), afgoerelsesdato: dec, akut: true },
      'Ja',
      'inden for 4 måneder',
    ],
    [
      'akut, more than 4 months',
      { handleplan: day('16-07-2021'), afgoerelsesdato: dec, akut: true },
      'Ja',
      'mere end 4 måneder',
    ],
    ['no decision date', { handleplan: day('16-07-2021') }, 'Ja', '16-07-2021'],
    ['no plan, legal reason', { handleplan_grund: 'Ophørt inden' }, 'Nej, men lovlig grund', 'lovlig grund'],
    ['no plan', {}, 'Nej', 'ingen handleplan'],
    ['unreadable plan date', { handleplan: UNREADABLE }, MANGLER, 'kan ikke læses'],
    ['unreadable reason', { handleplan_grund: UNREADABLE }, MANGLER, 'kan ikke læses'],
  ])('%s → %s', (_n, over, answer, reason) => {
    const v = ev('4.10', over);
    expect(v.answer).toBe(answer);
    expect(v.reason).toContain(reason);
  });
});

describe('4.11 nødvendig indsats', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['plan, ja', { handleplan: dec, handleplan_indsats: true }, 'Ja'],
    ['plan, nej', { handleplan: dec, handleplan_indsats: false }, 'Nej'],
    ['plan, blank', { handleplan: dec }, MANGLER],
    [
      'no plan (even with a legal reason)',
      { handleplan_grund: 'x', handleplan_indsats: true },
      IKKE_RELEVANT,
    ],
    ['unreadable plan', { handleplan: UNREADABLE, handleplan_indsats: true }, MANGLER],
    ['missing indsats column', { handleplan: dec, handleplan_indsats: NO_COLUMN }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('4.11', over).answer).toBe(answer);
  });
});
