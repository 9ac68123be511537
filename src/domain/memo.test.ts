import { buildMemo, MEMO_CAVEAT } from './memo';
import { SEL_2023 } from './rules/sel2023';
import { computeTables } from './tables';
import { day, settings } from './testing/records';

const cases = (id: string, answers: string[]) =>
  answers.map((answer) => ({ verdicts: { [id]: { answer } } }));
const memo = (id: string, answers: string[], over = {}, corrected = 0) => {
  const s = settings({ kommune: 'Testrup', undersoegelsesaar: 2023, ...over });
  const tables = computeTables(SEL_2023.questions, cases(id, answers), s, day('23-11-2025'));
  return buildMemo({
    parts: [{ ruleSet: SEL_2023, cases: answers.length, tables }],
    settings: s,
    today: day('23-11-2025'),
    cases: answers.length,
    corrected,
  });
};

describe('buildMemo (spec §6, seed 003)', () => {
  test('heading, case count first, chapter heading, bullets, caveat last', () => {
    const m = memo('2.3', ['Ja', 'Nej', 'Nej', 'Nej', 'Nej', 'Nej']);
    expect(m).toEqual([
      'Børnesagsbarometer 2023 – Testrup Kommune, egen gennemgang 23-11-2025',
      'Testrup Kommune har gennemgået 6 sager med afgørelser truffet i 2021 efter Ankestyrelsens kriterier for Børnesagsbarometret.',
      '2. Faglig udredning',
      '• Testrup Kommune har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen i 1 ud af 6 sager (17%) (landsresultat 2023: 34%).',
      MEMO_CAVEAT,
    ]);
  });

  test('Overholdt counts "Nej, men …" (seed 003: 9 Ja + 1 lovlig grund = 100%)', () => {
    const m = memo('2.2', [...Array(9).fill('Ja'), 'Nej, men lovlig grund']);
    expect(m).toContain(
      '• Testrup Kommune har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i 100% af sagerne (10 sager).',
    );
  });

  test('no national figure where §7 has none for the edition; none at all for 2022', () => {
    expect(memo('2.2', ['Ja']).join('\n')).not.toContain('landsresultat');
    expect(memo('2.3', ['Ja'], { undersoegelsesaar: 2022 }).join('\n')).not.toContain('landsresultat');
    expect(memo('2.2', ['Ja'], { undersoegelsesaar: 2021 }).join('\n')).toContain(
      '(landsresultat 2021: 73%)',
    );
  });

  test('suppressed result, corrections line, and no Kommune', () => {
    const m = memo('5.12', ['Ja', 'Nej'], { offentliggoerelse: true, kommune: null }, 2);
    expect(m[0]).toBe('Børnesagsbarometer 2023 – Kommunen, egen gennemgang 23-11-2025');
    expect(m).toContain('Resultaterne omfatter 2 vurderinger, som er rettet ved den manuelle gennemgang.');
    expect(m).toContain('• Resultatet for spørgsmål 5.12 er udeladt, fordi det bygger på færre end 6 sager.');
  });

  test('a question nobody was relevant for has no bullet and its chapter no heading', () => {
    const m = memo('6.13', ['Ikke relevant']);
    expect(m.some((l) => l.includes('Underretninger'))).toBe(false);
  });
});
