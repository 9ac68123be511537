import { evaluate } from './evaluate';
import { readCases } from './records';
import { day } from './testing/records';
import { sheet, snap } from './testing/snapshot';
import type { Cell } from './types';

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

// Issue 9 item 5 (spec §2.3): a merged cell's value applies to every row of the merged area.
describe('a merged cell in the middle of the case list', () => {
  const header = [
    'Sag nummer',
    'Foranstaltning',
    'Barnets cpr.nr.',
    'Afgørelsesdato',
    'Handleplan udarbejdet',
    'Lovlig grund til ingen handleplan',
  ];
  const rows: Cell[][] = [
    header,
    [1, 'Familiebehandling', '010218-4118', '01-03-2021', '15-03-2021'],
    [2, null, '020318-4118', null, null],
    [3, null, '030418-4118', null, null],
    [4, 'Kontaktperson', '040518-4118', '02-03-2021', null],
  ];

  it('gives the top-left value to every row of a vertical merge, in every column merged', () => {
    const r = readCases(snap({ Sagsoversigt: sheet('Sagsoversigt', rows, ['B2:B4', 'D2:D4', 'E2:E3']) }));
    if (!r.ok) throw new Error('expected ok');
    expect(r.records.map((c) => [c.row, c.foranstaltning, c.afgoerelsesdato, c.handleplan])).toEqual([
      [2, 'F3', day('01-03-2021'), day('15-03-2021')],
      [3, 'F3', day('01-03-2021'), day('15-03-2021')],
      [4, 'F3', day('01-03-2021'), null],
      [5, 'K6', day('02-03-2021'), null],
    ]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  // Excel keeps only the top-left value when cells are merged, so E2's own value is hidden by the merge.
  it('a merge across columns gives its value down its first column; the other columns of the area are blank', () => {
    const r = readCases(snap({ Sagsoversigt: sheet('Sagsoversigt', rows, ['D2:E4']) }));
    if (!r.ok) throw new Error('expected ok');
    expect(r.records.slice(0, 3).map((c) => [c.afgoerelsesdato, c.handleplan])).toEqual([
      [day('01-03-2021'), null],
      [day('01-03-2021'), null],
      [day('01-03-2021'), null],
    ]);
  });

  it('the merged value decides the verdicts of every row (evaluate)', () => {
    const s = snap({
      Sagsoversigt: sheet('Sagsoversigt', rows, ['B2:B4', 'D2:D4', 'E2:E3']),
      Indstillinger: [
        ['Kommune', 'Testrup'],
        ['Afgørelsesår', 2021],
      ],
    });
    const e = evaluate(s, { today: day('01-06-2023') });
    if (!e.ok) throw new Error(e.error.message);
    expect(
      e.report.cases.map((c) => [c.sagsnr, c.verdicts['1.1']?.answer, c.verdicts['4.10']?.answer]),
    ).toEqual([
      [1, 'Familiebehandling § 52, stk. 3, nr. 3', 'Ja'],
      [2, 'Familiebehandling § 52, stk. 3, nr. 3', 'Ja'],
      [3, 'Familiebehandling § 52, stk. 3, nr. 3', 'Nej'],
      [4, 'Andre foranstaltninger efter § 52, stk. 3.', 'Nej'],
    ]);
    expect(e.report.problems.filter((p) => p.column === 'Afgørelsesdato')).toEqual([]);
  });
});
