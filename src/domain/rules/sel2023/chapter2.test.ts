import { IKKE_RELEVANT, MANGLER, NO_COLUMN, UNREADABLE, type CaseRecord } from '../../types';
import { ctx, day, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q = (id: string) => SEL_2023.questions.find((x) => x.id === id)!;
const ev = (id: string, over: Partial<CaseRecord>) => q(id).evaluate(record(over), ctx());

describe('2.2 børnefaglig undersøgelse', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['ny', { bfu: 'ny' }, 'Ja'],
    ['opdatering', { bfu: 'opdatering' }, 'Ja'],
    ['ingen with legal reason', { bfu: 'ingen', bfu_grund: 'Akut anbringelse' }, 'Nej, men lovlig grund'],
    ['ingen without reason', { bfu: 'ingen' }, 'Nej'],
    ['ikke relevant', { bfu: 'ikke-relevant' }, IKKE_RELEVANT],
    ['blank bfu', {}, MANGLER],
    ['unreadable bfu', { bfu: UNREADABLE }, MANGLER],
    ['unreadable reason', { bfu: 'ingen', bfu_grund: UNREADABLE }, MANGLER],
    ['missing reason column', { bfu: 'ny', bfu_grund: NO_COLUMN }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('2.2', over).answer).toBe(answer);
  });
});

describe('2.3 4-måneders frist (addMonths, boundaries)', () => {
  const ny = (opm: string, afs: string, extra: Partial<CaseRecord> = {}): Partial<CaseRecord> => ({
    bfu: 'ny',
    opmaerksom: day(opm),
    bfu_afsluttet: day(afs),
    ...extra,
  });
  test.each<[string, Partial<CaseRecord>, string]>([
    ['last allowed day', ny('02-02-2021', '02-06-2021'), 'Ja'],
    ['the day after', ny('02-02-2021', '03-06-2021'), 'Nej'],
    ['31 Oct + 4 months = 28 Feb (non-leap)', ny('31-10-2020', '28-02-2021'), 'Ja'],
    ['31 Oct + 4 months, 1 Mar is late', ny('31-10-2020', '01-03-2021'), 'Nej'],
    ['31 Oct 2023 + 4 months = 29 Feb 2024 (leap)', ny('31-10-2023', '29-02-2024'), 'Ja'],
    ['leap year, 1 Mar 2024 is late', ny('31-10-2023', '01-03-2024'), 'Nej'],
    ['29 Feb 2024 + 4 months = 29 Jun 2024', ny('29-02-2024', '29-06-2024'), 'Ja'],
    ['same day', ny('10-05-2021', '10-05-2021'), 'Ja'],
    [
      'late with foreløbig vurdering',
      ny('01-01-2021', '02-05-2021', { bfu_foreloebig: 'Notat 01-04-2021' }),
      'Nej, men lovlig grund',
    ],
    ['late, foreløbig unreadable', ny('01-01-2021', '02-05-2021', { bfu_foreloebig: UNREADABLE }), MANGLER],
    [
      'updates are not measured',
      { bfu: 'opdatering', opmaerksom: day('01-01-2021'), bfu_afsluttet: day('01-12-2021') },
      IKKE_RELEVANT,
    ],
    ['ingen', { bfu: 'ingen' }, IKKE_RELEVANT],
    ['ikke relevant', { bfu: 'ikke-relevant' }, IKKE_RELEVANT],
    ['blank bfu', {}, MANGLER],
    ['blank opmærksom', { bfu: 'ny', bfu_afsluttet: day('01-02-2021') }, MANGLER],
    ['blank afsluttet (a deadline date)', { bfu: 'ny', opmaerksom: day('01-02-2021') }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('2.3', over).answer).toBe(answer);
  });

  test('the reason names the dates and the lateness in days', () => {
    const v = ev('2.3', ny('02-02-2021', '14-06-2021'));
    expect(v.reason).toBe('Undersøgelsen blev afsluttet 14-06-2021, 12 dage efter fristen 02-06-2021.');
  });

  test('afsluttet before opmærksom is inconsistent: Mangler with a flag', () => {
    const v = ev('2.3', ny('10-05-2021', '09-05-2021'));
    expect(v.answer).toBe(MANGLER);
    expect(v.inconsistent).toEqual(['opmaerksom', 'bfu_afsluttet']);
    expect(v.missing).toEqual(['bfu_afsluttet']);
    expect(v.reason).toContain('09-05-2021');
  });

  test('missing Foreløbig vurdering column → Mangler for every row (spec §2.1)', () => {
    const v = ev('2.3', ny('02-02-2021', '01-03-2021', { bfu_foreloebig: NO_COLUMN }));
    expect(v.answer).toBe(MANGLER);
    expect(v.missing).toEqual(['bfu_foreloebig']);
  });
});

describe('2.4 begrundet stillingtagen', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    ['ja', { bfu: 'ny', stillingtagen: true }, 'Ja'],
    ['nej', { bfu: 'opdatering', stillingtagen: false }, 'Nej'],
    ['blank answer → nobody answered', { bfu: 'ny' }, MANGLER],
    ['no BFU', { bfu: 'ingen', stillingtagen: true }, IKKE_RELEVANT],
    ['blank bfu', { stillingtagen: true }, MANGLER],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('2.4', over).answer).toBe(answer);
  });
});

describe('2.5 afsluttet før afgørelsen', () => {
  const base = { bfu: 'ny' as const, afgoerelsesdato: day('15-03-2021') };
  test.each<[string, Partial<CaseRecord>, string]>([
    ['the day before', { ...base, bfu_afsluttet: day('14-03-2021') }, 'Ja'],
    ['the decision day', { ...base, bfu_afsluttet: day('15-03-2021') }, 'Ja'],
    ['the day after', { ...base, bfu_afsluttet: day('16-03-2021') }, 'Nej'],
    ['after, akut', { ...base, bfu_afsluttet: day('16-03-2021'), akut: true }, 'Nej, men lovlig grund'],
    ['after, akut Nej', { ...base, bfu_afsluttet: day('16-03-2021'), akut: false }, 'Nej'],
    ['after, akut unreadable', { ...base, bfu_afsluttet: day('16-03-2021'), akut: UNREADABLE }, MANGLER],
    ['blank afsluttet', base, MANGLER],
    ['blank afgørelsesdato', { bfu: 'ny', bfu_afsluttet: day('16-03-2021') }, MANGLER],
    ['opdatering counts as BFU', { ...base, bfu: 'opdatering', bfu_afsluttet: day('01-03-2021') }, 'Ja'],
  ])('%s → %s', (_n, over, answer) => {
    expect(ev('2.5', over).answer).toBe(answer);
  });
});
