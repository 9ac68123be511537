import { COLUMNS } from './columns';
import { evaluate } from './evaluate';
import {
  BLANK,
  FRONT_SHEETS_CARRY_CPR,
  MARK,
  MEASURE_PROMPT,
  REMARK_LABEL,
  frontSheetsPlan,
  measureLines,
  virkRemark,
} from './frontSheets';
import { BL_2024 } from './rules/bl2024';
import { SEL_2023 } from './rules/sel2023';
import { day } from './testing/records';
import { snap } from './testing/snapshot';
import type { Cell, ColumnId, PlanValue, Report, SheetBuild } from './types';

type Fields = Partial<Record<ColumnId, Cell>>;

const TODAY = day('23-11-2025');

function reportOf(cases: Fields[], kommune: string | null = 'Testrup'): Report {
  const r = evaluate(
    snap({
      Sagsoversigt: [COLUMNS.map((c) => c.header), ...cases.map((f) => COLUMNS.map((c) => f[c.id] ?? null))],
      Indstillinger: [
        ['Kommune', kommune],
        ['Afgørelsesår', 2023],
        ['Antal sager', cases.length],
      ],
    }),
    { today: TODAY },
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

/** A case with the fields a front sheet reads (made-up name and CPR number). */
const kase = (sagsnr: Cell, measure: Cell, decided: string, over: Fields = {}): Fields => ({
  sagsnr,
  foranstaltning: measure,
  navn: `Testbarn ${String(sagsnr)}`,
  cpr: '120310-4118',
  afgoerelsesdato: decided,
  ...over,
});

/** Every cell of a sheet's single block as text lines ("a | b | c", empty cells as ""). */
function lines(s: SheetBuild): string[] {
  const b = s.blocks[0];
  if (!b) throw new Error('no block');
  return b.values.map((r: readonly PlanValue[]) => r.map((v) => (v === null ? '' : String(v))).join(' | '));
}

/** The rows of the measure list (between the prompt and the blank line after it). */
function measureRows(s: SheetBuild): string[] {
  const all = lines(s);
  const start = all.findIndex((l) => l.startsWith(MEASURE_PROMPT));
  const end = all.indexOf(' |  | ', start);
  return all.slice(start + 1, end);
}

describe('frontSheetsPlan', () => {
  it('is the one output marked as carrying CPR numbers', () => {
    expect(FRONT_SHEETS_CARRY_CPR).toBe(true);
  });

  it('writes one sheet per case in Sag nummer order with the seed layout under Serviceloven', () => {
    const report = reportOf([
      kase(2, 'Familiebehandling § 52, stk. 3, nr. 3', '10-05-2023'),
      kase(1, 'Tvangsmæssig anbringelse', '03-02-2023', { navn: 'Testbarn Ane', cpr: '050608-4231' }),
      kase(3, 'Kontaktperson', '01-06-2023'),
    ]);
    const { sheets, warnings } = frontSheetsPlan(report);
    expect(warnings).toEqual([]);
    expect(sheets.map((s) => s.name)).toEqual(['Sag 1', 'Sag 2', 'Sag 3']);
    const first = sheets[0] as SheetBuild;
    expect(lines(first)).toEqual([
      'Sag til brug for Børnesagsbarometret. |  | ',
      'Ankestyrelsens undersøgelse af sagsbehandlingen på udsatte børn- og ungeområdet. |  | ',
      ' |  | ',
      'Kommune: Testrup |  | ',
      ' |  | ',
      'Sags nr. 1 ud af 3 |  | ',
      ' |  | ',
      'Barnets navn og cpr.nr.: Testbarn Ane, 050608-4231 |  | ',
      ' |  | ',
      `${MEASURE_PROMPT} |  | Marker med X`,
      'Anbringelse | jf. § 52, stk. 3, nr. 7 (frivillig) | ',
      'Anbringelse | jf. § 58, stk. 1 (tvangsmæssig) | X',
      'Familiebehandling | jf. § 52, stk. 3, nr. 3 | ',
      'Praktisk pædagogisk støtte i hjemmet | jf. § 52, stk. 3, nr. 2 | ',
      'Døgnophold | jf. § 52, stk. 3, nr. 4 | ',
      'Aflastningsordning | jf. § 52, stk. 3, nr. 5 | ',
      'Kontaktperson | jf. § 52, stk. 3, nr. 6 | ',
      ' |  | ',
      `${REMARK_LABEL} |  | `,
      'Børnesagsbarometret, Testrup, sag nr. 1 ud af 3 sager |  | ',
    ]);
    expect(measureRows(sheets[1] as SheetBuild).filter((l) => l.endsWith(MARK))).toEqual([
      'Familiebehandling | jf. § 52, stk. 3, nr. 3 | X',
    ]);
    expect(measureRows(sheets[2] as SheetBuild).filter((l) => l.endsWith(MARK))).toEqual([
      'Kontaktperson | jf. § 52, stk. 3, nr. 6 | X',
    ]);
    // One case per A4 portrait page.
    for (const s of sheets)
      expect(s.page).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 1 });
  });

  it("lists the measures of each case's own law: Barnets lov from 1 January 2024", () => {
    const report = reportOf([
      kase(1, 'Familiebehandling § 52, stk. 3, nr. 3', '29-12-2023'),
      kase(2, 'Anbringelse uden samtykke § 47', '02-01-2024'),
      kase(3, 'Støtteophold', '15-03-2024'),
    ]);
    const { sheets, warnings } = frontSheetsPlan(report);
    expect(warnings).toEqual([]);
    const [sel, bl, bl2] = sheets as [SheetBuild, SheetBuild, SheetBuild];
    expect(measureRows(sel)).toHaveLength(SEL_2023.measures.length);
    expect(measureRows(bl)).toEqual([
      'Anbringelse med samtykke | jf. § 46, barnets lov | ',
      'Anbringelse uden samtykke | jf. § 47, barnets lov | X',
      'Familiebehandling | jf. § 32, stk. 1, nr. 5, barnets lov | ',
      'Praktisk, pædagogisk eller anden støtte i hjemmet | jf. § 32, stk. 1, nr. 2, barnets lov | ',
      'Fast kontaktperson | jf. § 32, stk. 1, nr. 3, barnets lov | ',
      'Familieanbringelse (døgnophold) | jf. § 32, stk. 1, nr. 6, barnets lov | ',
      'Støtteophold | jf. § 32, stk. 1, nr. 7, barnets lov | ',
    ]);
    expect(measureRows(bl2).filter((l) => l.endsWith(MARK))).toEqual([
      'Støtteophold | jf. § 32, stk. 1, nr. 7, barnets lov | X',
    ]);
    expect(lines(bl)).toContain('Børnesagsbarometret, Testrup, sag nr. 2 ud af 3 sager |  | ');
    expect(measureLines(BL_2024.id).map((l) => l.code)).toEqual(BL_2024.measures.map((m) => m.code));
    expect(measureLines(SEL_2023.id).map((l) => l.code)).toEqual(SEL_2023.measures.map((m) => m.code));
  });

  it('the remark is exactly the wording of the call for cases', () => {
    expect(virkRemark('Ishøj', 3, 17)).toBe('Børnesagsbarometret, Ishøj, sag nr. 3 ud af 17 sager');
  });

  it('leaves bad fields open and warns naming the cell, never quoting a name or CPR number', () => {
    const report = reportOf(
      [
        kase(1, 'Anbringelse', '03-02-2023'),
        kase(7, 'Familiebehandling', '03-02-2023', { navn: null }),
        kase(2, 'Kontaktperson', '03-02-2023', { cpr: '1203104' }),
      ],
      null,
    );
    const { sheets, warnings } = frontSheetsPlan(report);
    expect(sheets.map((s) => s.name)).toEqual(['Sag 1', 'Sag 2', 'Sag i række 3']);
    const [one, two, odd] = sheets as [SheetBuild, SheetBuild, SheetBuild];
    expect(lines(one)).toContain(`Kommune: ${BLANK} |  | `);
    expect(measureRows(one).filter((l) => l.endsWith(MARK))).toEqual([]);
    expect(lines(one).at(-1)).toBe(`${BLANK} |  | `);
    expect(lines(two)).toContain(`Barnets navn og cpr.nr.: Testbarn 2, ${BLANK} |  | `);
    expect(lines(odd)).toContain(`Sags nr. ${BLANK} ud af 3 |  | `);
    expect(lines(odd)).toContain(`Barnets navn og cpr.nr.: ${BLANK}, 120310-4118 |  | `);
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c.id, i]));
    const col = (id: ColumnId): string => String.fromCharCode(65 + (cells[id] as number));
    expect(warnings.map((w) => [w.frontSheet, w.source])).toEqual([
      [null, expect.stringMatching(/^Indstillinger!B1$/)],
      ['Sag 1', `Sagsoversigt!${col('foranstaltning')}2`],
      ['Sag 2', `Sagsoversigt!${col('cpr')}4`],
      ['Sag i række 3', `Sagsoversigt!${col('sagsnr')}3`],
      ['Sag i række 3', `Sagsoversigt!${col('navn')}3`],
    ]);
    for (const w of warnings) {
      expect(w.message).not.toMatch(/Testbarn|\d{6}-?\d{4}|1203104/);
      expect(w.message).toMatch(/Kommune|Sag/);
    }
    expect(warnings[3]?.message).toContain('nummerér sagerne 1-3');
    expect(warnings[1]?.message).toBe(
      `Sag 1: "Foranstaltning" kan ikke læses i Sagsoversigt!${col('foranstaltning')}2, så ingen foranstaltning er markeret på forsiden; ret foranstaltningen i Sagsoversigt, eller sæt krydset i hånden.`,
    );
  });

  it('a Sag nummer used twice is left open on both sheets', () => {
    const report = reportOf([
      kase(1, 'Familiebehandling', '03-02-2023'),
      kase(1, 'Kontaktperson', '03-02-2023'),
    ]);
    const { sheets, warnings } = frontSheetsPlan(report);
    expect(sheets.map((s) => s.name)).toEqual(['Sag i række 2', 'Sag i række 3']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.message).toContain('ikke et entydigt nummer fra 1 til 2');
  });
});
