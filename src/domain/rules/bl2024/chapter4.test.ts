import { ctx, day, record } from '../../testing/records';
import { IKKE_RELEVANT, MANGLER, NO_COLUMN, type CaseRecord, type Cpr } from '../../types';
import { Q4_10, Q4_11 } from './chapter4';

/** Barnets lov 4.10 and 4.11 (barnets-lov.md §4; §§ 91, 92, 108). */
const C = ctx({ afgoerelsesaar: 2024, opgoerelsesdato: day('23-03-2025') });
const cpr = (birth: string): Cpr => ({ text: 'xxxxxx-xxxx', birthDay: day(birth) });
const base: Partial<CaseRecord> = {
  foranstaltning: 'F5',
  afgoerelsesdato: day('15-03-2024'),
  cpr: cpr('01-01-2014'),
};
const run = (over: Partial<CaseRecord>, c = C) => Q4_10.evaluate(record({ ...base, ...over }), c);

describe('BL 4.10 barnets plan til tiden', () => {
  test.each<[string, Partial<CaseRecord>, string]>([
    // § 32 indsats: within 3 months after the decision (§ 91, stk. 1–2).
    ['plan on the 3-month deadline', { handleplan: day('15-06-2024') }, 'Ja'],
    ['plan one day after the deadline', { handleplan: day('16-06-2024') }, 'Nej'],
    ['plan before the decision', { handleplan: day('01-03-2024') }, 'Ja'],
    // A47: the plan must exist on the decision day (§ 91, stk. 2, 3. pkt.).
    ['A47 plan on the decision day', { foranstaltning: 'A47', handleplan: day('15-03-2024') }, 'Ja'],
    ['A47 plan the day after', { foranstaltning: 'A47', handleplan: day('16-03-2024') }, 'Nej'],
    ['A46 plan within 3 months', { foranstaltning: 'A46', handleplan: day('14-06-2024') }, 'Ja'],
    // No plan.
    ['§ 32 "Plan ikke nødvendig"', { plan_stillingtagen: 'ikke-noedvendig' }, 'Nej, men lovlig grund'],
    ['§ 32 lawful reason written', { handleplan_grund: 'Kort forløb' }, 'Nej, men lovlig grund'],
    ['§ 32 "Plan udarbejdes" but none', { plan_stillingtagen: 'udarbejdes' }, 'Nej'],
    ['§ 32 blank stance, no reason', {}, 'Nej'],
    [
      'A46 "Plan ikke nødvendig" is no lawful reason',
      { foranstaltning: 'A46', plan_stillingtagen: 'ikke-noedvendig' },
      'Nej',
    ],
    ['A47 reason written is no lawful reason', { foranstaltning: 'A47', handleplan_grund: 'Akut' }, 'Nej'],
  ])('%s → %s', (_name, over, answer) => {
    expect(run(over).answer).toBe(answer);
  });

  test('no plan while the deadline has not passed on Opgørelsesdato → Ikke relevant', () => {
    const late = { afgoerelsesdato: day('01-01-2025') }; // deadline 01-04-2025 > 23-03-2025
    const v = run(late);
    expect(v.answer).toBe(IKKE_RELEVANT);
    expect(v.reason).toContain('fristen for barnets plan er ikke udløbet på opgørelsesdatoen');
    // The deadline on the cut-off date itself has passed ("deadline ≤ Opgørelsesdato").
    expect(run({ afgoerelsesdato: day('23-12-2024') }).answer).toBe('Nej');
    // A placement without a plan: the columns are no reason, and the deadline still decides.
    expect(run({ ...late, foranstaltning: 'A46', plan_stillingtagen: 'ikke-noedvendig' }).answer).toBe(
      IKKE_RELEVANT,
    );
  });

  test('a young person aged 16 on the decision day has an ungeplan (§ 108), aged 15 a barnets plan (§ 91)', () => {
    const at16 = run({ cpr: cpr('15-03-2008'), handleplan: day('16-06-2024') });
    expect(at16.answer).toBe('Nej');
    expect(at16.reason).toContain('Ungeplanen');
    expect(at16.reason).toContain('§ 108');
    expect(at16.reason).not.toContain('§ 91');
    const at15 = run({ cpr: cpr('16-03-2008'), handleplan: day('16-06-2024') });
    expect(at15.reason).toContain('Barnets plan');
    expect(at15.reason).toContain('§ 91');
    expect(
      run({ foranstaltning: 'A47', cpr: cpr('15-03-2008'), handleplan: day('15-03-2024') }).reason,
    ).toContain('§ 108, stk. 4');
  });

  // A young person (16 or more on the decision day) cites § 108 in every reason, and "ingen" takes
  // the indefinite noun ("ingen ungeplan"); § 108, stk. 1 (stand on whether an ungeplan is needed), stk. 2
  // (a placement always needs one), stk. 3 (3 months), LBK nr 282 af 17/03/2025.
  test.each<[string, Partial<CaseRecord>, string, string]>([
    [
      'young, placement, "Plan ikke nødvendig"',
      { foranstaltning: 'A46', plan_stillingtagen: 'ikke-noedvendig' },
      'Nej',
      'Der ses ingen ungeplan, og fristen 15-06-2024 er udløbet (barnets lov § 108, stk. 3). Der er angivet "Plan ikke nødvendig", men en anbringelse kræver altid en plan (§ 108, stk. 2).',
    ],
    [
      'young, placement, a reason written',
      { foranstaltning: 'A46', handleplan_grund: 'Kort forløb' },
      'Nej',
      'Der ses ingen ungeplan, og fristen 15-06-2024 er udløbet (barnets lov § 108, stk. 3). Der er angivet en grund, men en anbringelse kræver altid en plan (§ 108, stk. 2).',
    ],
    [
      'young, § 32, "Plan ikke nødvendig"',
      { plan_stillingtagen: 'ikke-noedvendig' },
      'Nej, men lovlig grund',
      'Der ses ingen ungeplan, men kommunen har taget stilling til, at en plan ikke er nødvendig (barnets lov § 108, stk. 1).',
    ],
    [
      'young, § 32, lawful reason written',
      { handleplan_grund: 'Kort forløb' },
      'Nej, men lovlig grund',
      'Der ses ingen ungeplan, men der er angivet en lovlig grund til det.',
    ],
    [
      'young, § 32, no plan, deadline passed',
      {},
      'Nej',
      'Der ses ingen ungeplan, og fristen 15-06-2024 er udløbet (barnets lov § 108, stk. 3).',
    ],
    [
      'young, deadline not passed on Opgørelsesdato',
      { afgoerelsesdato: day('01-01-2025'), cpr: cpr('01-01-2009') },
      IKKE_RELEVANT,
      'Der ses ingen ungeplan, men fristen for ungeplanen er ikke udløbet på opgørelsesdatoen 23-03-2025 (fristen er 01-04-2025, barnets lov § 108, stk. 3).',
    ],
    [
      'child, placement, "Plan ikke nødvendig"',
      { foranstaltning: 'A46', plan_stillingtagen: 'ikke-noedvendig', cpr: cpr('01-01-2014') },
      'Nej',
      'Der ses ingen barnets plan, og fristen 15-06-2024 er udløbet (barnets lov § 91, stk. 1 og 2). Der er angivet "Plan ikke nødvendig", men en anbringelse kræver altid en plan (§ 91, stk. 2).',
    ],
    [
      'child, § 32, "Plan ikke nødvendig"',
      { plan_stillingtagen: 'ikke-noedvendig', cpr: cpr('01-01-2014') },
      'Nej, men lovlig grund',
      'Der ses ingen barnets plan, men kommunen har taget stilling til, at en plan ikke er nødvendig (barnets lov § 91, stk. 1).',
    ],
  ])('%s → %s with the reason citing its section', (_name, over, answer, reason) => {
    const v = run({ cpr: cpr('01-01-2008'), ...over });
    expect([v.answer, v.reason]).toEqual([answer, reason]);
  });

  test('a late plan says how late', () => {
    expect(run({ handleplan: day('18-06-2024') }).reason).toBe(
      'Barnets plan forelå 18-06-2024, 3 dage efter fristen 15-06-2024 (barnets lov § 91, stk. 1 og 2).',
    );
  });

  test('missing facts: plan_stillingtagen only when the rule reaches it', () => {
    expect(run({ plan_stillingtagen: NO_COLUMN }).answer).toBe(MANGLER);
    expect(run({ plan_stillingtagen: NO_COLUMN, handleplan: day('01-04-2024') }).answer).toBe('Ja');
    expect(run({ plan_stillingtagen: NO_COLUMN, foranstaltning: 'A46' }).answer).toBe('Nej');
    expect(run({ afgoerelsesdato: null }).answer).toBe(MANGLER);
    expect(run({ foranstaltning: null }).missing).toEqual(['foranstaltning']);
  });
});

describe('BL 4.11 konkrete mål i planen', () => {
  test.each<[Partial<CaseRecord>, string]>([
    [{ handleplan: day('01-04-2024'), handleplan_indsats: true }, 'Ja'],
    [{ handleplan: day('01-12-2024'), handleplan_indsats: false }, 'Nej'],
    [{ handleplan: null, handleplan_indsats: true }, IKKE_RELEVANT],
    [{ handleplan: day('01-04-2024'), handleplan_indsats: null }, MANGLER],
  ])('%p → %s', (over, answer) => {
    expect(Q4_11.evaluate(record({ ...base, ...over }), C).answer).toBe(answer);
  });
});
