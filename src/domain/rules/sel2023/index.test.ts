import { MANGLER, NO_COLUMN } from '../../types';
import { ctx, record } from '../../testing/records';
import { SEL_2023 } from '.';
import { findRuleSet, getRuleSet, ruleSetForYear } from '..';

describe('rule set SEL-2023', () => {
  test('questions in report order, each declared once', () => {
    expect(SEL_2023.questions.map((q) => q.id)).toEqual([
      '1.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '3.6',
      '3.7',
      '3.8',
      '3.9',
      '4.10',
      '4.11',
      '5.12',
      '6.13',
      '6.14',
    ]);
    expect(SEL_2023.chapters.map((c) => c.title)).toEqual([
      'Afgørelser',
      'Faglig udredning',
      'Inddragelse',
      'Valg af relevant indsats',
      'Opfølgning',
      'Underretninger',
    ]);
  });

  test('every column header starts with its id and every compliant row is a row', () => {
    for (const q of SEL_2023.questions) {
      expect(q.columnHeader.startsWith(`${q.id} `)).toBe(true);
      for (const r of q.compliantRows) expect(q.rows).toContain(r);
      expect(q.legal).toMatch(/^Serviceloven § /);
    }
  });

  test('a column missing from the sheet makes every question reading it Mangler (spec §2.1)', () => {
    const r = record({ bfu: 'ny', bfu_grund: NO_COLUMN });
    const v = SEL_2023.questions.find((q) => q.id === '2.2')!.evaluate(r, ctx());
    expect(v.answer).toBe(MANGLER);
    expect(v.missing).toEqual(['bfu_grund']);
  });

  test('lookup by id', () => {
    expect(getRuleSet()).toBe(SEL_2023);
    expect(findRuleSet('SEL-2023')).toBe(SEL_2023);
    expect(findRuleSet('toString')).toBeNull();
    expect(() => getRuleSet('nope')).toThrow(RangeError);
    expect(ruleSetForYear(2021).id).toBe('SEL-2023');
    expect(ruleSetForYear(2023).id).toBe('SEL-2023');
    expect(ruleSetForYear(2024).id).toBe('BL-2024');
  });
});
