import { ctx, day, record } from '../../testing/records';
import { SEL_2023 } from '../sel2023';
import { findRuleSet, partHeading, ruleSetForDecision } from '..';
import { BL_2024 } from '.';

describe('rule set BL-2024', () => {
  test('asks the same question ids in the same order as SEL-2023 (the report shares one grid)', () => {
    expect(BL_2024.questions.map((q) => q.id)).toEqual(SEL_2023.questions.map((q) => q.id));
  });

  test('every title cites Barnets lov, never a Serviceloven section', () => {
    for (const q of BL_2024.questions) {
      expect(q.title).not.toMatch(/§ (48|50|52|58|70|140|155)\b/);
      expect(q.legal).toMatch(/^Barnets lov/);
    }
    expect(BL_2024.questions.find((q) => q.id === '6.13')!.title).toBe(
      'ER DER FORETAGET EN 24-TIMERS VURDERING, JF. § 136?',
    );
  });

  test('table 1.1 by indsats', () => {
    const q = BL_2024.questions[0]!;
    expect(q.rows).toEqual([
      'Anbringelse med samtykke § 46',
      'Anbringelse uden samtykke § 47',
      'Familiebehandling § 32, stk. 1, nr. 5',
      'Andre støttende indsatser efter § 32, stk. 1',
    ]);
    expect(q.evaluate(record({ foranstaltning: 'K3' }), ctx()).answer).toBe(
      'Andre støttende indsatser efter § 32, stk. 1',
    );
    expect(q.evaluate(record({ foranstaltning: 'A47' }), ctx()).answer).toBe(
      'Anbringelse uden samtykke § 47',
    );
  });

  test('chosen by decision date: 31-12-2023 → SEL-2023, 01-01-2024 → BL-2024', () => {
    expect(ruleSetForDecision(day('31-12-2023'))).toBe(SEL_2023);
    expect(ruleSetForDecision(day('01-01-2024'))).toBe(BL_2024);
    expect(findRuleSet('bl-2024')).toBe(BL_2024);
    expect(partHeading('BL-2024')).toBe('Afgørelser efter barnets lov (truffet fra 1. januar 2024)');
    expect(partHeading('SEL-2023')).toBe('Afgørelser efter serviceloven (truffet før 1. januar 2024)');
  });

  test('no national figures (barnets-lov.md §5)', () => {
    for (const q of BL_2024.questions) expect(BL_2024.nationalFigure(2026, q.id)).toBeNull();
  });
});
