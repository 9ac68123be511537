import { readCases } from './records';
import { sheet, snap } from './testing/snapshot';

// Regression (found by test/hardening/workbooks.test.ts, workbook 363 of seed 20260503): a merged data
// area reaching below the last row that holds a cell was cut off, so the same merged row was a case
// when another row followed it and not a case when it was the last row.
describe('a merged data area at the end of the sheet', () => {
  const header = ['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato', 'Familie'];
  const first = [1, 'Familiebehandling', '010203-4118', '01-03-2021', 'Fam A'];

  it('applies its value down to its last row, as it does in the middle of the sheet', () => {
    const last = readCases(snap({ Sagsoversigt: sheet('Sagsoversigt', [header, first], ['E2:E3']) }));
    const middle = readCases(
      snap({ Sagsoversigt: sheet('Sagsoversigt', [header, first, [], [3, 'Aflastning']], ['E2:E3']) }),
    );
    if (!last.ok || !middle.ok) throw new Error('expected ok');
    expect(last.records.map((r) => [r.row, r.familie])).toEqual([
      [2, 'Fam A'],
      [3, 'Fam A'],
    ]);
    expect(middle.records.map((r) => [r.row, r.familie]).slice(0, 2)).toEqual([
      [2, 'Fam A'],
      [3, 'Fam A'],
    ]);
    expect(last.info.lastRow).toBe(3);
  });
});
