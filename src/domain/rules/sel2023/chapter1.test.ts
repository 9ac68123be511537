import { MANGLER, NO_COLUMN, UNREADABLE, type MeasureCode } from '../../types';
import { ctx, record } from '../../testing/records';
import { SEL_2023 } from '.';

const q11 = SEL_2023.questions.find((q) => q.id === '1.1')!;

describe('1.1 HVAD ER DER TRUFFET AFGØRELSE OM?', () => {
  test.each<[MeasureCode, string]>([
    ['A7', 'Anbringelse (frivillig) § 52, stk. 3, nr. 7'],
    ['T58', 'Anbringelse (tvangsmæssig) § 58, stk. 1'],
    ['F3', 'Familiebehandling § 52, stk. 3, nr. 3'],
    ['P2', 'Andre foranstaltninger efter § 52, stk. 3.'],
    ['D4', 'Andre foranstaltninger efter § 52, stk. 3.'],
    ['L5', 'Andre foranstaltninger efter § 52, stk. 3.'],
    ['K6', 'Andre foranstaltninger efter § 52, stk. 3.'],
  ])('%s → %s', (code, row) => {
    const v = q11.evaluate(record({ foranstaltning: code }), ctx());
    expect(v.answer).toBe(row);
    expect(v.missing).toBeUndefined();
  });

  test.each([
    ['blank', null, 'er ikke udfyldt'],
    ['unreadable', UNREADABLE, 'kan ikke læses'],
    ['no column', NO_COLUMN, 'findes ikke'],
  ] as const)('%s → Mangler oplysninger naming the column', (_n, value, text) => {
    const v = q11.evaluate(record({ foranstaltning: value }), ctx());
    expect(v.answer).toBe(MANGLER);
    expect(v.missing).toEqual(['foranstaltning']);
    expect(v.reason).toContain('Foranstaltning');
    expect(v.reason).toContain(text);
  });
});
