import { partHeading } from '../../domain/rules';
import { groupByLaw } from './parts';

const t = (ruleset: string, id: string) => ({ ruleset, id });

describe('groupByLaw: one part per law in the pane (barnets-lov.md §1)', () => {
  it('a list under one law is one part without a heading', () => {
    const parts = groupByLaw([t('BL-2024', '2.2'), t('BL-2024', '2.3')]);
    expect(parts).toEqual([{ heading: null, items: [t('BL-2024', '2.2'), t('BL-2024', '2.3')] }]);
  });

  it('a mixed list gets the serviceloven part and the barnets lov part, each with its own tables', () => {
    const parts = groupByLaw([t('SEL-2023', '2.3'), t('SEL-2023', '3.8'), t('BL-2024', '2.3')]);
    expect(parts.map((p) => p.heading)).toEqual([
      'Afgørelser efter serviceloven (truffet før 1. januar 2024)',
      'Afgørelser efter barnets lov (truffet fra 1. januar 2024)',
    ]);
    expect(parts[0]?.heading).toBe(partHeading('SEL-2023'));
    expect(parts.map((p) => p.items.map((i) => i.id))).toEqual([['2.3', '3.8'], ['2.3']]);
  });

  it('an empty list has no parts', () => {
    expect(groupByLaw([])).toEqual([]);
  });
});
