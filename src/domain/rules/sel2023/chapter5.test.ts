import { IKKE_RELEVANT, MANGLER, UNREADABLE, type CaseRecord } from '../../types';
import { ctx, day, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q512 = SEL_2023.questions.find((x) => x.id === '5.12')!;
const ev = (over: Partial<CaseRecord>) => q512.evaluate(record(over), ctx());

describe('5.12 opfølgning inden for 3 måneder', () => {
  const eff = day('30-11-2021');
  test.each<[string, Partial<CaseRecord>, string]>([
    ['last allowed day (28-02)', { effektueret: eff, opfoelgning: day('28-02-2022') }, 'Ja'],
    ['the day after', { effektueret: eff, opfoelgning: day('01-03-2022') }, 'Nej'],
    ['on the effect day', { effektueret: eff, opfoelgning: eff }, 'Ja'],
    ['before the effect day', { effektueret: eff, opfoelgning: day('29-11-2021') }, 'Nej'],
    ['no follow-up documented', { effektueret: eff }, 'Nej'],
    ['unreadable follow-up', { effektueret: eff, opfoelgning: UNREADABLE }, MANGLER],
    ['not effected', { effektueret: 'ikke-effektueret', opfoelgning: eff }, IKKE_RELEVANT],
    ['blank effektueret', { opfoelgning: eff }, MANGLER],
    ['has not run 3 months on the cut-off', { effektueret: day('24-12-2021') }, IKKE_RELEVANT],
    ['stopped before 3 months', { effektueret: eff, ophoert: day('27-02-2022') }, IKKE_RELEVANT],
    [
      'leap year: 29-11-2023 + 3 months = 29-02-2024',
      { effektueret: day('29-11-2023'), opfoelgning: day('29-02-2024') },
      'Ja',
    ],
  ])('%s → %s', (_n, over, answer) => {
    const c = ctx({
      opgoerelsesdato: over.effektueret === day('29-11-2023') ? day('01-06-2024') : day('23-03-2022'),
    });
    expect(q512.evaluate(record(over), c).answer).toBe(answer);
  });

  test('reason for a late follow-up', () => {
    expect(ev({ effektueret: eff, opfoelgning: day('03-03-2022') }).reason).toBe(
      'Første opfølgning var 03-03-2022, 3 dage efter 3-måneders fristen 28-02-2022.',
    );
  });
});
