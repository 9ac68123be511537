import { buildMemo, isMemoHeading, MEMO_CAVEAT } from './memo';
import { BL_2024 } from './rules/bl2024';
import { SEL_2023 } from './rules/sel2023';
import { computeOverview, computeTables } from './tables';
import type { RuleSet } from './types';
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
      '• Testrup Kommune har afsluttet den børnefaglige undersøgelse inden for 4 måneders fristen i 17% af sagerne (1 ud af 6 sager), usikkerhed 3–56% (landsresultat 2023: 34%).',
      MEMO_CAVEAT,
    ]);
  });

  test('Overholdt counts "Nej, men …" (seed 003: 9 Ja + 1 lovlig grund = 100%)', () => {
    const m = memo('2.2', [...Array(9).fill('Ja'), 'Nej, men lovlig grund']);
    expect(m).toContain(
      '• Testrup Kommune har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i 100% af sagerne (10 ud af 10 sager), usikkerhed 72–100%.',
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

/** Every question of a rule set answered over `n` cases: 1.1 by measure, the others mostly Ja. */
const fullMemo = (ruleSet: RuleSet, n: number, edition = 2023) => {
  const s = settings({ kommune: 'Testrup', undersoegelsesaar: edition });
  const list = Array.from({ length: n }, (_, i) => ({
    verdicts: Object.fromEntries(
      ruleSet.questions.map((q) => [
        q.id,
        {
          answer:
            q.compliantRows.length === 0
              ? (ruleSet.table11Rows[i % 2] as string)
              : i % 3 === 0
                ? 'Nej'
                : 'Ja',
        },
      ]),
    ),
  }));
  const tables = computeTables(ruleSet.questions, list, s, day('23-11-2025'));
  return buildMemo({
    parts: [{ ruleSet, cases: n, tables }],
    settings: s,
    today: day('23-11-2025'),
    cases: n,
    corrected: 0,
  });
};

describe('memo words and numbers (issue 11, item 5)', () => {
  const SHARE = /i \d+% af sagerne \([\d.]+ ud af [\d.]+ sag(er)?\)/g;
  test.each([SEL_2023, BL_2024])('one phrasing of the share for every question of $id', (ruleSet) => {
    const m = fullMemo(ruleSet, 17);
    const results = m.filter((l) => l.startsWith('• ') && !l.startsWith('• Afgørelserne'));
    expect(results).toHaveLength(ruleSet.questions.filter((q) => q.compliantRows.length > 0).length);
    for (const l of results) {
      expect(l.match(SHARE)).toHaveLength(1);
      expect(l).not.toMatch(/\(\d+%\)|\(\d+ sager\)/); // the old second and third forms
      expect(l).not.toMatch(/\b(en|to|tre|fire|seks) (måned|timer)/); // periods in digits, as seed 003
    }
  });

  test.each([SEL_2023, BL_2024])('a count never follows a section reference ($id)', (ruleSet) => {
    const m = fullMemo(ruleSet, 17).join('\n');
    expect(m).not.toMatch(/(§ \d+|stk\. \d+|nr\. \d+)\.? \d/);
    const first = ruleSet.table11Rows[0] as string;
    expect(m).toContain(`9 sager om ${first.charAt(0).toLowerCase()}${first.slice(1)}`);
  });

  test('the national figure stands after its own question only', () => {
    const m = fullMemo(SEL_2023, 17);
    const withNat = m.filter((l) => l.includes('landsresultat'));
    expect(withNat).toHaveLength(3); // 2023: 2.3, 3.8 and 6.13 (spec §7)
    expect(withNat[0]).toMatch(
      /4 måneders fristen i \d+% af sagerne \(\d+ ud af 17 sager\), usikkerhed \d+–\d+% \(landsresultat 2023: 34%\)\.$/,
    );
    expect(fullMemo(BL_2024, 17).join('\n')).not.toContain('landsresultat');
  });

  test('Danish thousands separator and singular/plural', () => {
    const big = fullMemo(SEL_2023, 20000);
    expect(big[1]).toContain('har gennemgået 20.000 sager');
    expect(big.join('\n')).toMatch(/\(\d{2}\.\d{3} ud af 20\.000 sager\)/);
    expect(big.join('\n')).not.toMatch(/\d{5}/);
    const one = memo('2.2', ['Ja']);
    expect(one[1]).toContain('har gennemgået 1 sag med');
    expect(one).toContain(
      '• Testrup Kommune har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i 100% af sagerne (1 ud af 1 sag), usikkerhed 21–100%.',
    );
  });

  test('headings are told from sentences and bullets, line by line', () => {
    const s = settings({ kommune: 'Testrup', undersoegelsesaar: 2023 });
    const tables = (rs: RuleSet) => computeTables(rs.questions, [], s, day('23-11-2025'));
    const mixed = buildMemo({
      parts: [
        { ruleSet: SEL_2023, cases: 0, tables: tables(SEL_2023) },
        { ruleSet: BL_2024, cases: 0, tables: tables(BL_2024) },
      ],
      settings: s,
      today: day('23-11-2025'),
      cases: 0,
      corrected: 1,
    });
    const m = [...fullMemo(SEL_2023, 17), ...mixed];
    const headings = m.filter(isMemoHeading);
    expect(headings).toEqual([
      'Børnesagsbarometer 2023 – Testrup Kommune, egen gennemgang 23-11-2025',
      ...SEL_2023.chapters.map((c) => `${c.no}. ${c.title}`),
      'Børnesagsbarometer 2023 – Testrup Kommune, egen gennemgang 23-11-2025',
      SEL_2023.partHeading,
      BL_2024.partHeading,
    ]);
  });
});

describe('the 95 % interval in the memo (issue 12, item 1)', () => {
  const withOverview = (ruleSet: RuleSet, answers: string[], id: string, over = {}) => {
    const s = settings({ kommune: 'Testrup', undersoegelsesaar: 2024, ...over });
    const list = cases(id, answers);
    return buildMemo({
      parts: [
        {
          ruleSet,
          cases: answers.length,
          tables: computeTables(ruleSet.questions, list, s, day('23-11-2025')),
          overview: computeOverview(ruleSet.questions, list, s, ruleSet),
        },
      ],
      settings: s,
      today: day('23-11-2025'),
      cases: answers.length,
      corrected: 0,
    });
  };

  test('3 of 5 reads "i 60% af sagerne (3 ud af 5 sager), usikkerhed 23–88%" (Wilson 23.07–88.24 %)', () => {
    const m = withOverview(SEL_2023, ['Ja', 'Ja', 'Nej, men lovlig grund', 'Nej', 'Nej'], '2.2');
    expect(m).toContain(
      '• Testrup Kommune har overholdt kravet om udarbejdelse af en børnefaglig undersøgelse i 60% af sagerne (3 ud af 5 sager), usikkerhed 23–88%.',
    );
  });

  test('0 of 17 and 17 of 17 under BL-2024: the interval reaches the bound exactly', () => {
    const none = withOverview(BL_2024, Array(17).fill('Nej'), '2.3');
    expect(none.join('\n')).toContain('i 0% af sagerne (0 ud af 17 sager), usikkerhed 0–18%.');
    const all = withOverview(BL_2024, Array(17).fill('Ja'), '2.3');
    expect(all.join('\n')).toContain('i 100% af sagerne (17 ud af 17 sager), usikkerhed 82–100%.');
  });

  test('no clause for a suppressed result (Offentliggørelse, fewer than 6 cases)', () => {
    const m = withOverview(SEL_2023, ['Ja', 'Nej'], '2.2', { offentliggoerelse: true });
    expect(m.join('\n')).not.toContain('usikkerhed');
    expect(m).toContain('• Resultatet for spørgsmål 2.2 er udeladt, fordi det bygger på færre end 6 sager.');
  });

  test.each([SEL_2023, BL_2024])(
    'every result bullet of $id has one clause; the caveat says what it means',
    (rs) => {
      const m = fullMemo(rs, 17);
      const results = m.filter((l) => l.startsWith('• ') && !l.startsWith('• Afgørelserne'));
      for (const l of results) expect(l.match(/, usikkerhed \d+–\d+%/g)).toHaveLength(1);
      expect(m.filter((l) => l.includes('usikkerhed'))).toHaveLength(results.length);
      const last = m[m.length - 1] as string;
      expect(last).toBe(MEMO_CAVEAT);
      expect(last).toContain('med 95 % sikkerhed ligger et sted i det angivne spænd');
    },
  );
});
