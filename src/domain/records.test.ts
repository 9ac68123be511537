import { COLUMNS } from './columns';
import { dayFromYmd } from './days';
import { META_NOTE } from './meta';
import { readCases, type ReadCasesResult } from './records';
import { sheet, snap } from './testing/snapshot';
import { META_SHEET, NO_COLUMN, UNREADABLE, type Cell, type Problem } from './types';

const REQUIRED = ['Sag nummer', 'Foranstaltning', 'Barnets cpr.nr.', 'Afgørelsesdato'];
const ALL_HEADERS = COLUMNS.map((c) => c.header);

function ok(r: ReadCasesResult): Extract<ReadCasesResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}
function fatal(r: ReadCasesResult) {
  if (r.ok) throw new Error('expected a fatal error');
  return r.error;
}
const codes = (ps: readonly Problem[]) => ps.map((p) => p.code);

describe('readCases: finding the case sheet', () => {
  it('finds "Sagsoversigt" by name, case-insensitive and trimmed, even when not first', () => {
    const r = ok(
      readCases(
        snap({
          Ark1: [
            ['Sagsnr', 'CPR', 'Foranstaltning', 'Afgørelsesdato'],
            [9, '010203-1234', 'Familiebehandling', '01-03-2021'],
          ],
          ' sagsOVERSIGT ': [REQUIRED, [1, 'Familiebehandling', '010203-1234', '01-03-2021']],
        }),
      ),
    );
    expect(r.info.name).toBe(' sagsOVERSIGT ');
    expect(r.records.map((x) => x.sagsnr)).toEqual([1]);
  });

  it('otherwise takes the first sheet with ≥ 2 known headers, skipping settings, log, meta and generated sheets', () => {
    const s = snap({
      Indstillinger: [['Sagsnr', 'CPR']],
      Gennemgang: [['Sagsnr', 'CPR']],
      Resultater: [['Sagsnr', 'CPR']],
      [META_SHEET]: [[META_NOTE], ['ark', 'Resultater']],
      Noter: [['Navn', 'Bemærkning']],
      'Ark 2': [REQUIRED, [3, 'Aflastning', '010203-1234', '01-03-2021']],
      'Ark 3': [REQUIRED],
    });
    const r = ok(readCases(s));
    expect(r.info.name).toBe('Ark 2');
    expect(r.records[0]?.foranstaltning).toBe('L5');
  });

  it('is a fatal no-case-sheet error listing the sheets when nothing matches', () => {
    const e = fatal(readCases(snap({ Ark1: [['Navn', 'Noget']], Indstillinger: [['Kommune', 'Ishøj']] })));
    expect(e.code).toBe('no-case-sheet');
    expect(e.message).toContain('"Ark1" og "Indstillinger"');
    expect(e.message).toContain('kald arket "Sagsoversigt"');
    expect(e.message).not.toContain('\n');
  });

  it('is a fatal empty-sheet error when Sagsoversigt is completely empty', () => {
    expect(fatal(readCases(snap({ Sagsoversigt: [[], [null, '  ']] }))).code).toBe('empty-sheet');
  });
});

describe('readCases: header row and columns', () => {
  it('finds the header row below title rows, with columns in any order and unknown columns ignored', () => {
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [
            ['Sager til Børnesagsbarometret.'],
            ['Kommune: Ishøj'],
            [],
            [
              'Afgørelsesdato',
              'Bemærkning',
              'Barnets  cpr.nr. ',
              'Sag \nnummer',
              'Foranstaltning efter § 52, stk. 3, nr. 2 – 7. (ex. anbringelse eller familiebehandling)',
            ],
            ['01-03-2021', 'intern note', '010203-1234', 1, 'Familiebehandling'],
            [null, 'kun en note'],
            ['02-03-2021', null, '020304-1234', 2, '§ 58'],
          ],
        }),
      ),
    );
    expect(r.info.headerRow).toBe(4);
    expect(r.info.columns).toEqual({ afgoerelsesdato: 1, cpr: 3, sagsnr: 4, foranstaltning: 5 });
    expect(r.records.map((x) => [x.row, x.sagsnr, x.foranstaltning, x.afgoerelsesdato])).toEqual([
      [5, 1, 'F3', dayFromYmd(2021, 3, 1)],
      [7, 2, 'T58', dayFromYmd(2021, 3, 2)],
    ]);
    expect(r.info.lastRow).toBe(7);
    expect(r.info.lastDataColumn).toBe(5);
  });

  it('names every missing required column and the headers found (fatal, exit 2)', () => {
    const e = fatal(
      readCases(
        snap({
          Sagsoversigt: [
            ['Sagsnr', 'Barnets navn', 'Noget 1234567890'],
            [1, 'Testbarn'],
          ],
        }),
      ),
    );
    expect(e.code).toBe('missing-columns');
    expect(e.message).toContain('kolonnerne "Foranstaltning", "Barnets cpr.nr." og "Afgørelsesdato"');
    expect(e.message).toContain(
      // Issue 10 item 6: headers the tool does not know are counted, never quoted.
      'fundne overskrifter i række 1: "Sagsnr" og "Barnets navn" samt 1 anden',
    );
    expect(e.message).not.toContain('1234567890');
    expect(e.message).not.toContain('\n');
  });

  it('names a single missing column in the singular', () => {
    const e = fatal(readCases(snap({ Sagsoversigt: [['Sagsnr', 'Foranstaltning', 'CPR']] })));
    expect(e.message).toContain('mangler kolonnen "Afgørelsesdato"');
  });

  it('reports missing columns when Sagsoversigt has no known header at all', () => {
    const e = fatal(
      readCases(
        snap({
          Sagsoversigt: [
            ['a', 'b'],
            [1, 2],
          ],
        }),
      ),
    );
    expect(e.code).toBe('missing-columns');
    expect(e.message).toContain('ingen kendte kolonneoverskrifter');
  });

  it('gives NO_COLUMN and one warning per missing optional column; blank-when-missing columns read as null', () => {
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [
            REQUIRED,
            [1, 'Familiebehandling', '010203-1234', 44256],
            [2, 'Familiebehandling', '010203-1234', 44256],
          ],
        }),
      ),
    );
    const rec = r.records[0];
    expect(rec?.bfu).toBe(NO_COLUMN);
    expect(rec?.underretning).toBe(NO_COLUMN);
    expect(rec?.navn).toBe(NO_COLUMN);
    expect([rec?.anket, rec?.ast_behandlet, rec?.dom_ukn, rec?.familie, rec?.akut]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    const missing = r.problems.filter((p) => p.code === 'missing-column');
    const expected = COLUMNS.filter((c) => !c.required && c.reportWhenMissing).map((c) => c.header);
    expect(missing.map((p) => p.column)).toEqual(expected);
    expect(
      missing.every(
        (p) => p.severity === 'warning' && p.sagsnr === null && /Mangler oplysninger/.test(p.message),
      ),
    ).toBe(true);
  });

  it('reads a full row of every column', () => {
    const row: Cell[] = [
      1,
      'Anbringelse (frivillig) § 52, stk. 3, nr. 7',
      'Testbarn Et',
      '010203-1234',
      '15-06-2021',
      'Nej',
      'Nej',
      'F1',
      'Nej',
      'Ny undersøgelse',
      null,
      '01-02-2021',
      '01-06-2021',
      null,
      'Ja',
      'Ja',
      'Ikke relevant',
      'Ja',
      '10-06-2021',
      null,
      '01-07-2021',
      null,
      '15-07-2021',
      null,
      '20-06-2021',
      null,
      'Ja',
      '01-09-2021',
      '01-05-2021 kl. 10.00',
      { n: 44317.5, fmt: 'dd-mm-yyyy hh:mm' },
      'Vurdering fremgår ikke',
    ];
    const r = ok(readCases(snap({ Sagsoversigt: [ALL_HEADERS, row] })));
    expect(r.problems).toEqual([]);
    const d = (dd: number, mm: number) => dayFromYmd(2021, mm, dd);
    expect(r.records[0]).toEqual({
      row: 2,
      sagsnr: 1,
      // The Barnets lov columns (barnets-lov.md §3) are blank in this row.
      synspunkter: null,
      plan_stillingtagen: null,
      foranstaltning: 'A7',
      navn: 'Testbarn Et',
      cpr: { text: '010203-1234', birthDay: dayFromYmd(1903, 2, 1) },
      afgoerelsesdato: d(15, 6),
      anket: false,
      ast_behandlet: false,
      familie: 'F1',
      dom_ukn: false,
      bfu: 'ny',
      bfu_grund: null,
      opmaerksom: d(1, 2),
      bfu_afsluttet: d(1, 6),
      bfu_foreloebig: null,
      akut: true,
      stillingtagen: true,
      samtale_bfu: 'ikke-relevant',
      foraeldre: true,
      boernesamtale: d(10, 6),
      boernesamtale_undtagelse: null,
      effektueret: d(1, 7),
      ophoert: null,
      kontakt: d(15, 7),
      kontakt_grund: null,
      handleplan: d(20, 6),
      handleplan_grund: null,
      handleplan_indsats: true,
      opfoelgning: d(1, 9),
      underretning: { day: d(1, 5), minutes: 600 },
      vurdering_24t: { day: d(1, 5), minutes: 720 },
      genvurdering: 'fremgaar-ikke',
    });
  });

  it('honours the 1904 date system', () => {
    const r = ok(
      readCases(
        snap(
          { Sagsoversigt: [REQUIRED, [1, 'Familiebehandling', '010203-1234', 42794]] },
          { date1904: true },
        ),
      ),
    );
    expect(r.records[0]?.afgoerelsesdato).toBe(dayFromYmd(2021, 3, 1));
  });

  it('uses the first of duplicate headers and warns about the others', () => {
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [
            [...REQUIRED, 'Sagsnr'],
            [1, 'Familiebehandling', '010203-1234', 44256, 99],
          ],
        }),
      ),
    );
    expect(r.records[0]?.sagsnr).toBe(1);
    const dup = r.problems.find((p) => p.code === 'duplicate-column');
    expect(dup).toMatchObject({ severity: 'warning', cell: 'E1', column: 'Sag nummer' });
  });
});

describe('readCases: rows', () => {
  it('skips rows with values only in unknown columns and ignores thousands of trailing blank rows', () => {
    const blank: Cell[][] = Array.from({ length: 5000 }, () => [null, '', '  ', null, null]);
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [
            [...REQUIRED, 'Note'],
            [1, 'Familiebehandling', '010203-1234', 44256],
            [null, null, null, null, 'kun note'],
            [],
            [3, 'Familiebehandling', '010203-1234', 44256],
            ...blank,
            [null, null, null, null, 'note langt nede'],
          ],
        }),
      ),
    );
    expect(r.records.map((x) => x.row)).toEqual([2, 5]);
    expect(r.info.lastRow).toBe(5);
    expect(r.info.lastDataColumn).toBe(5);
  });

  it('is ok with 0 records when there are headers but no cases', () => {
    const r = ok(readCases(snap({ Sagsoversigt: [['Titel'], REQUIRED] })));
    expect(r.records).toEqual([]);
    expect(r.info.headerRow).toBe(2);
    expect(r.info.lastRow).toBe(2);
    expect(r.info.lastDataColumn).toBe(4);
  });

  it('marks unreadable cells and reports each with sheet, cell, column, sagsnr and a hint', () => {
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [
            [...REQUIRED, 'Anket', 'Barnets navn'],
            [7, 'Anbringelse', '320103-1234', '31-02-2021', 'Måske', 'Testbarn To'],
            ['x', 'Familiebehandling', { error: '#N/A' }, { error: '#VALUE!', formula: 'B1+1' }, 'Ja'],
          ],
        }),
      ),
    );
    const [a, b] = r.records;
    expect([a?.foranstaltning, a?.cpr, a?.afgoerelsesdato, a?.anket]).toEqual([
      UNREADABLE,
      UNREADABLE,
      UNREADABLE,
      UNREADABLE,
    ]);
    expect([b?.sagsnr, b?.cpr, b?.afgoerelsesdato, b?.anket]).toEqual([
      UNREADABLE,
      UNREADABLE,
      UNREADABLE,
      true,
    ]);
    const errs = r.problems.filter((p) => p.severity === 'error');
    expect(errs.map((p) => [p.code, p.cell, p.sagsnr, p.column])).toEqual([
      ['ambiguous-measure', 'B2', 7, 'Foranstaltning'],
      ['invalid-cpr', 'C2', 7, 'Barnets cpr.nr.'],
      ['invalid-date', 'D2', 7, 'Afgørelsesdato'],
      ['invalid-yesno', 'E2', 7, 'Anket til Ankestyrelsen'],
      ['invalid-sagsnr', 'A3', null, 'Sag nummer'],
      ['error-value', 'C3', null, 'Barnets cpr.nr.'],
      ['error-value', 'D3', null, 'Afgørelsesdato'],
    ]);
    const msg = (cell: string) => errs.find((p) => p.cell === cell)?.message;
    expect(msg('D2')).toBe(
      'Sagsoversigt!D2 (Afgørelsesdato): "31-02-2021" er ikke en gyldig dato. Skriv datoen som dd-mm-åååå.',
    );
    expect(msg('C2')).toMatch(/^Sagsoversigt!C2 \(Barnets cpr\.nr\.\): Værdien er ikke/);
    expect(msg('C3')).toContain('fejlværdien #N/A');
    expect(msg('D3')).toContain('en formel uden resultat');
    for (const p of r.problems) {
      expect(p.message).not.toMatch(/320103|Testbarn/);
      expect(p.row === null || p.row >= 1).toBe(true);
    }
  });

  it('quotes sheet names that need it in cell references', () => {
    const r = ok(readCases(snap({ 'Ark 1': [REQUIRED, [1, 'Familiebehandling', '010203-1234', 'i går']] })));
    expect(r.problems.find((p) => p.code === 'invalid-date')?.message).toMatch(/^'Ark 1'!D2 /);
  });
});

describe('readCases: merges and generated columns', () => {
  it('reads a merged header at its top-left column only, and a merged data area down its first column', () => {
    const s = sheet(
      'Sagsoversigt',
      [
        ['Sagsnr', 'Foranstaltning', 'Foranstaltning', 'CPR', 'Afgørelsesdato', 'Familie'],
        [1, 'Familiebehandling', 'Familiebehandling', '010203-1234', 44256, 'Fam A'],
        [2, 'Familiebehandling', null, '010203-1234', 44256, null],
        [3, 'Familiebehandling', 'x', '010203-1234', 44256, 'Fam B', 'Fam B'],
      ],
      ['B1:C1', 'F2:F3', 'F4:G4', 'nonsense'],
    );
    const r = ok(readCases(snap({ Sagsoversigt: s })));
    expect(r.info.columns).toMatchObject({ foranstaltning: 2, familie: 6 });
    expect(r.records.map((x) => x.familie)).toEqual(['Fam A', 'Fam A', 'Fam B']);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('treats cells under a merged header area as header, not data', () => {
    const s = sheet(
      'Sagsoversigt',
      [
        ['Sagsnr', 'Foranstaltning', 'CPR', 'Afgørelsesdato'],
        ['Sagsnr', null, null, null],
        [1, 'Familiebehandling', '010203-1234', 44256],
      ],
      ['A1:A2'],
    );
    const r = ok(readCases(snap({ Sagsoversigt: s })));
    expect(r.records.map((x) => x.row)).toEqual([3]);
  });

  it('excludes the generated verdict columns of an earlier run from headers, data and lastDataColumn', () => {
    const rows: Cell[][] = [
      [...REQUIRED, 'Note', '2.2 Børnefaglig undersøgelse', 'Udvælgelse', 'Bemærkninger'],
      [1, 'Familiebehandling', '010203-1234', 44256, null, 'Ja', 'OK', 'x'],
      [null, null, null, null, null, 'Ja', 'OK', 'y'],
    ];
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: rows,
          [META_SHEET]: [[META_NOTE], ['kolonner', 'Sagsoversigt', 6, 8]],
        }),
      ),
    );
    expect(r.info.generatedColumns).toEqual([
      { col: 6, header: '2.2 Børnefaglig undersøgelse' },
      { col: 7, header: 'Udvælgelse' },
      { col: 8, header: 'Bemærkninger' },
    ]);
    expect(r.info.columns.sagsnr).toBe(1);
    expect(codes(r.problems)).not.toContain('duplicate-column');
    expect(r.records).toHaveLength(1);
    expect(r.info.lastDataColumn).toBe(5);
  });

  it('ignores meta columns that belong to another sheet', () => {
    const r = ok(
      readCases(
        snap({
          Sagsoversigt: [REQUIRED, [1, 'Familiebehandling', '010203-1234', 44256]],
          [META_SHEET]: [['kolonner', 'Andet', 1, 4]],
        }),
      ),
    );
    expect(r.info.generatedColumns).toBeNull();
    expect(r.records).toHaveLength(1);
  });
});

describe('readCases: scale', () => {
  it('reads 100,000 rows × 31 columns', () => {
    const row: Cell[] = [
      1,
      'Familiebehandling',
      'Testbarn',
      '010203-1234',
      { n: 44256, fmt: 'dd-mm-yyyy' },
      'Nej',
      'Nej',
      null,
      'Nej',
      'Ny undersøgelse',
      null,
      44200,
      44250,
      null,
      'Nej',
      'Ja',
      'Ja',
      'Ja',
      '01-03-2021',
      null,
      44260,
      null,
      44270,
      null,
      44265,
      null,
      'Ja',
      44300,
      { n: 44200.5, fmt: 'dd-mm-yyyy hh:mm' },
      44201,
      'Ja',
    ];
    const rows: Cell[][] = [ALL_HEADERS];
    for (let i = 1; i <= 100_000; i += 1) rows.push([i, ...row.slice(1)]);
    const r = ok(readCases(snap({ Sagsoversigt: rows })));
    expect(r.records).toHaveLength(100_000);
    expect(r.problems).toEqual([]);
    expect(r.records[99_999]?.sagsnr).toBe(100_000);
  });
});
