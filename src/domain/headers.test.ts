import { COLUMNS } from './columns';
import { findHeaderRow, matchHeader, normalizeHeader } from './headers';
import { sheet } from './testing/snapshot';
import type { ColumnId } from './types';

describe('normalizeHeader', () => {
  it.each([
    ['Sag nummer', 'sagnummer'],
    ['Barnets  cpr.nr. ', 'barnetscprnr'],
    ['Afgørelsesdato', 'afgoerelsesdato'],
    ['Behandlet af Ankestyrelsen (Ja/Nej)', 'behandletafankestyrelsen'],
    ['Første  opfølgning', 'foersteopfoelgning'],
    ['§ 52', '52'],
    ['ÆØÅ', 'aeoeaa'],
    ['Sag\nnummer', 'sagnummer'],
    ['Dato (uafsluttet', 'dato'],
  ])('%p → %p', (text, key) => {
    expect(normalizeHeader(text)).toBe(key);
  });
});

describe('matchHeader', () => {
  it.each(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.id] as const)))(
    '%p → %s',
    (text, id) => {
      expect(matchHeader(text)).toBe(id);
      expect(matchHeader(text.toUpperCase())).toBe(id);
    },
  );

  it.each<[string, ColumnId | null]>([
    [
      'Foranstaltning efter § 52, stk. 3, nr. 2 – 7. (ex. anbringelse eller familiebehandling)',
      'foranstaltning',
    ],
    [
      'Foranstaltning efter § 52, stk. \n3, nr. 2 – 7. \n(ex. anbringelse eller \nfamiliebehandling)',
      'foranstaltning',
    ],
    ['Barnets  cpr.nr. ', 'cpr'],
    ['Barnets \ncpr.nr.', 'cpr'],
    ['Sag \nnummer', 'sagsnr'],
    ['SAGS-NR.', 'sagsnr'],
    ['Afgoerelsesdato', 'afgoerelsesdato'],
    ['Afgørelsesdato (dd-mm-åååå)', 'afgoerelsesdato'],
    ['Foranstaltningen effektueret', 'effektueret'],
    ['24-timers vurdering', 'vurdering_24t'],
    ['Dom/UKN', 'dom_ukn'],
    ['Foranstaltninger', null],
    ['Foranstaltningen', null],
    ['Barnets cpr', null],
    ['Dato', null],
    ['', null],
    ['(Foranstaltning)', null],
    ['Bemærkninger', null],
  ])('%p → %p', (text, id) => {
    expect(matchHeader(text)).toBe(id);
  });
});

describe('findHeaderRow', () => {
  it('finds the header row below title and contact lines (Bilag 1)', () => {
    const s = sheet('Sagsoversigt', [
      ['Sager til Børnesagsbarometret.'],
      ['Kommune: Ishøj'],
      ['Navn på kontaktperson i kommunen:'],
      [],
      [
        'Sag \nnummer',
        'Foranstaltning efter § 52, stk. 3, nr. 2 – 7. (ex. anbringelse eller familiebehandling)',
        'Barnets navn',
        'Barnets  cpr.nr. ',
        'Afgørelsesdato',
      ],
      [1, 'Familiebehandling', 'Testbarn Et', '010203-1234', '01-03-2021'],
    ]);
    expect(findHeaderRow(s)).toEqual({
      row: 5,
      columns: { sagsnr: 1, foranstaltning: 2, navn: 3, cpr: 4, afgoerelsesdato: 5 },
      matched: 5,
      duplicates: [],
    });
  });

  it('takes the row with most matches, the first on ties, and ignores rows after 20', () => {
    const rows: string[][] = [
      ['Navn'],
      ['Sagsnr', 'CPR'],
      ['Sagsnr', 'Navn'],
      ...Array(17).fill([]),
      ['Sagsnr', 'CPR', 'Navn'],
    ];
    expect(findHeaderRow(sheet('X', rows))?.row).toBe(2);
  });

  it('accepts columns in any order and ignores unknown columns', () => {
    const s = sheet('X', [['Bemærkning', 'Afgørelsesdato', 'Ekstra', 'Sagsnr']]);
    expect(findHeaderRow(s)?.columns).toEqual({ afgoerelsesdato: 2, sagsnr: 4 });
  });

  it('uses the first of duplicate headers and reports the duplicate', () => {
    const s = sheet('X', [['Sagsnr', 'CPR', 'Sag nummer', 'Navn', 'Personnummer']]);
    const h = findHeaderRow(s);
    expect(h?.columns).toEqual({ sagsnr: 1, cpr: 2, navn: 4 });
    expect(h?.matched).toBe(3);
    expect(h?.duplicates).toEqual([
      { id: 'sagsnr', columns: [1, 3] },
      { id: 'cpr', columns: [2, 5] },
    ]);
  });

  it('skips the excluded (generated) columns', () => {
    const s = sheet('X', [['Sagsnr', 'CPR', 'Navn', 'Afgørelsesdato']]);
    expect(findHeaderRow(s, { first: 3, last: 4 })?.columns).toEqual({ sagsnr: 1, cpr: 2 });
  });

  it('reads a merged header only at its top-left cell', () => {
    const s = sheet('X', [['Sagsnr', 'Foranstaltning', 'Foranstaltning', 'CPR']], ['B1:C1']);
    const h = findHeaderRow(s);
    expect(h?.columns).toEqual({ sagsnr: 1, foranstaltning: 2, cpr: 4 });
    expect(h?.duplicates).toEqual([]);
  });

  it('does not crash on garbled merges and returns null without known headers', () => {
    expect(findHeaderRow(sheet('X', [['a', 'b']], ['nonsense', 'A1:']))).toBeNull();
    expect(findHeaderRow(sheet('X', []))).toBeNull();
    expect(findHeaderRow(sheet('X', [[1, true, null, { n: 1, fmt: '0' }]]))).toBeNull();
  });
});
