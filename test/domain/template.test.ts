import { columnLetter } from '../../src/domain/address';
import { COLUMNS } from '../../src/domain/columns';
import { evaluate } from '../../src/domain/evaluate';
import { templatePlan } from '../../src/domain/template';
import { day } from '../../src/domain/testing/records';
import { snap } from '../../src/domain/testing/snapshot';
import type { Cell, SheetBuild } from '../../src/domain/types';

/** The template follows the rule set of the default Afgørelsesår, the year before today (barnets-lov.md §1). */
const headers = (b: SheetBuild): string[] => (b.blocks[0]!.values[0] as string[]).slice();
const listOf = (b: SheetBuild, header: string): readonly string[] | undefined => {
  const col = headers(b).indexOf(header);
  const letter = columnLetter(col + 1);
  return b.validations?.find((v) => v.range.startsWith(`${letter}2:`))?.list;
};

describe('barometer template', () => {
  test('made in 2025: Barnets lov indsatser, Afdækning, the new columns and both years in Indstillinger', () => {
    const [cases, settings] = templatePlan(day('10-02-2025')) as [SheetBuild, SheetBuild];
    expect(headers(cases)).toEqual(COLUMNS.map((c) => c.header));
    expect(headers(cases)).toContain('Barnets synspunkter tilvejebragt på anden vis');
    expect(headers(cases)).toContain('Stillingtagen til barnets plan');
    expect(headers(cases)).toContain('Akut eller sideløbende indsats');
    expect(listOf(cases, 'Foranstaltning')).toContain('Anbringelse med samtykke § 46');
    expect(listOf(cases, 'Børnefaglig undersøgelse')).toEqual([
      'Ny undersøgelse',
      'Opdatering',
      'Afdækning',
      'Ingen',
      'Ikke relevant',
    ]);
    expect(listOf(cases, 'Børnesamtale ikke afholdt')).toContain('Alder eller andre forhold');
    expect(listOf(cases, 'Stillingtagen til barnets plan')).toEqual([
      'Plan udarbejdes',
      'Plan ikke nødvendig',
    ]);
    const rows = settings.blocks[0]!.values;
    expect(rows.find((r) => r[0] === 'Afgørelsesår')?.[1]).toBe(2024);
    expect(rows.find((r) => r[0] === 'Undersøgelsesår')?.[1]).toBe(2026);
    expect(rows.find((r) => r[0] === 'Opgørelsesdato')?.[1]).toBe('23-03-2025');
  });

  test('made in 2024: Serviceloven measures and values (every column, as both laws read the same sheet)', () => {
    const [cases] = templatePlan(day('10-02-2024')) as [SheetBuild];
    expect(headers(cases)).toEqual(COLUMNS.map((c) => c.header));
    expect(listOf(cases, 'Børnesamtale ikke afholdt')).toContain('Modenhed eller sagens karakter');
    expect(listOf(cases, 'Foranstaltning')).toContain('Familiebehandling § 52, stk. 3, nr. 3');
    expect(listOf(cases, 'Børnefaglig undersøgelse')).not.toContain('Afdækning');
  });

  test('a filled BL template is read back under BL-2024', () => {
    const [cases, settings] = templatePlan(day('10-02-2025')) as [SheetBuild, SheetBuild];
    const h = headers(cases);
    const row: Cell[] = h.map(() => null);
    const set = (header: string, v: Cell): void => {
      row[h.indexOf(header)] = v;
    };
    set('Sag nummer', 1);
    set('Foranstaltning', 'Anbringelse med samtykke § 46');
    set('Barnets cpr.nr.', '010115-1234');
    set('Afgørelsesdato', '10-05-2024');
    set('Børnefaglig undersøgelse', 'Afdækning');
    const r = evaluate(snap({ Sagsoversigt: [h, row], Indstillinger: settings.blocks[0]!.values }), {
      today: day('10-02-2025'),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.ruleset).toBe('BL-2024');
    expect(r.report.cases[0]!.record.foranstaltning).toBe('A46');
    expect(r.report.cases[0]!.verdicts['2.2']!.answer).toBe('Nej');
  });
});
