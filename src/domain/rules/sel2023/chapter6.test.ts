import { IKKE_RELEVANT, MANGLER, UNREADABLE, type CaseRecord } from '../../types';
import { ctx, dt, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q = (id: string) => SEL_2023.questions.find((x) => x.id === id)!;
const ev = (id: string, over: Partial<CaseRecord>) => q(id).evaluate(record(over), ctx());
const u = (a: string, b: string | null) => ({
  underretning: dt(a),
  vurdering_24t: b === null ? null : dt(b),
});

describe('6.13 24-timers vurdering (real elapsed time in Europe/Copenhagen)', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['exactly 24 hours', u('10-05-2021 09:00', '11-05-2021 09:00'), 'Ja'],
    [
      '24 hours and 1 minute',
      u('10-05-2021 09:00', '11-05-2021 09:01'),
      'Nej, foretaget senere end 24 timer',
    ],
    ['same minute', u('10-05-2021 09:00', '10-05-2021 09:00'), 'Ja'],
    // Spring: 28-03-2021 02:00 → 03:00, the day has 23 hours.
    ['spring DST: wall clock 25 h = real 24 h', u('27-03-2021 03:00', '28-03-2021 04:00'), 'Ja'],
    [
      'spring DST: wall clock 25 h 01 = real 24 h 01',
      u('27-03-2021 03:00', '28-03-2021 04:01'),
      'Nej, foretaget senere end 24 timer',
    ],
    // Autumn: 31-10-2021 03:00 → 02:00, the day has 25 hours.
    [
      'autumn DST: wall clock 23 h 59 = real 24 h 59',
      u('30-10-2021 03:00', '31-10-2021 02:59'),
      'Nej, foretaget senere end 24 timer',
    ],
    ['autumn DST: wall clock 23 h = real 24 h', u('30-10-2021 03:00', '31-10-2021 02:00'), 'Ja'],
    [
      'autumn DST: wall clock 24 h = real 25 h',
      u('30-10-2021 12:00', '31-10-2021 12:00'),
      'Nej, foretaget senere end 24 timer',
    ],
    ['date only, same day', u('10-05-2021', '10-05-2021'), 'Ja'],
    ['date only, next day', u('10-05-2021', '11-05-2021'), 'Ja'],
    ['date only, two days later', u('10-05-2021', '12-05-2021'), 'Nej, foretaget senere end 24 timer'],
    ['time only on one side, next day', u('10-05-2021 23:00', '11-05-2021'), 'Ja'],
    [
      'time only on one side, two days later',
      u('10-05-2021', '12-05-2021 00:10'),
      'Nej, foretaget senere end 24 timer',
    ],
    ['no assessment', u('10-05-2021 09:00', null), 'Nej, det ses ikke i journalen'],
    ['no notification', {}, IKKE_RELEVANT],
    ['unreadable notification', { underretning: UNREADABLE }, MANGLER],
    ['unreadable assessment', { underretning: dt('10-05-2021'), vurdering_24t: UNREADABLE }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('6.13', over).answer).toBe(answer);
  });

  test('date-only reason says "tidspunkt ikke angivet"', () => {
    expect(ev('6.13', u('10-05-2021', '11-05-2021')).reason).toContain('tidspunkt ikke angivet');
  });
  test('reason names both times and the elapsed time', () => {
    expect(ev('6.13', u('27-03-2021 03:00', '28-03-2021 04:01')).reason).toBe(
      '24-timers vurderingen blev foretaget 28-03-2021 kl. 04:01, 24 timer og 1 minut efter underretningen 27-03-2021 kl. 03:00.',
    );
  });
  test.each([
    ['earlier day', u('10-05-2021', '09-05-2021')],
    ['earlier minute', u('10-05-2021 10:00', '10-05-2021 09:59')],
  ])('assessment before the notification (%s) is inconsistent', (_n, over) => {
    const v = ev('6.13', over);
    expect(v.answer).toBe(MANGLER);
    expect(v.inconsistent).toEqual(['underretning', 'vurdering_24t']);
  });
  test('same day without a time is not inconsistent', () => {
    expect(ev('6.13', u('10-05-2021 10:00', '10-05-2021')).answer).toBe('Ja');
  });
});

describe('6.14 genvurdering', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['ja', { underretning: dt('10-05-2021'), genvurdering: 'ja' }, 'Ja'],
    [
      'fremgår ikke',
      { underretning: dt('10-05-2021'), genvurdering: 'fremgaar-ikke' },
      'Nej, kommunens vurdering fremgår ikke af genvurderingen',
    ],
    [
      'ikke foretaget',
      { underretning: dt('10-05-2021'), genvurdering: 'ikke-foretaget' },
      'Nej, der ses ikke foretaget en genvurdering',
    ],
    ['blank → nobody answered', { underretning: dt('10-05-2021') }, MANGLER],
    ['no notification', { genvurdering: 'ja' }, IKKE_RELEVANT],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('6.14', over).answer).toBe(answer);
  });
});
