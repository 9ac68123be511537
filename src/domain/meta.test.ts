import { matchHeader } from './headers';
import {
  buildMetaSheet,
  columnFingerprint,
  findGeneratedColumns,
  generatedHeaderTexts,
  META_NOTE,
  META_SHEET,
  readMeta,
  type GeneratedMeta,
  type RecordedHeader,
} from './meta';
import { getRuleSet } from './rules';
import { sheet, snap } from './testing/snapshot';
import type { Cell, SheetBuild, Snapshot } from './types';

/** What an adapter would read back after applying the sheet build. */
function readBack(build: SheetBuild): Snapshot {
  const rows: Cell[][] = [];
  for (const b of build.blocks) {
    b.values.forEach((vals, i) => {
      const row = (rows[b.row - 1 + i] ??= []);
      vals.forEach((v, j) => (row[b.col - 1 + j] = v));
    });
  }
  return snap({ Sagsoversigt: [], [build.name]: rows });
}

const Q = getRuleSet().questions.map((q) => q.columnHeader);
const BLOCK = [...Q, 'Udvælgelse', 'Bemærkninger'];
const NONE: GeneratedMeta = { foreign: false, sheets: [], headers: null };

describe('meta sheet', () => {
  const headers: RecordedHeader[] = [
    { text: '2.2 Børnefaglig undersøgelse', fingerprint: null },
    { text: 'Udvælgelse', fingerprint: '3:abc' },
  ];
  it.each<GeneratedMeta>([
    { foreign: false, sheets: ['Resultattabeller', 'Overblik', 'Notat'], headers },
    { foreign: false, sheets: [], headers },
    { foreign: false, sheets: ['Resultattabeller'], headers: null },
    NONE,
  ])('round-trips %j', (meta) => {
    const build = buildMetaSheet(meta);
    expect(build.name).toBe(META_SHEET);
    expect(build.visibility).toBe('veryHidden');
    expect(build.blocks[0]?.values[0]?.[0]).toBe(META_NOTE);
    expect(readMeta(readBack(build))).toEqual(meta);
  });

  it('writes a rectangular block that records no column positions', () => {
    const values = buildMetaSheet({ sheets: ['A'], headers }).blocks[0]?.values ?? [];
    expect(new Set(values.map((r) => r.length))).toEqual(new Set([3]));
    expect(values.flat().filter((v) => typeof v === 'number')).toEqual([]);
  });

  it('is nothing when the sheet is absent', () => {
    expect(readMeta(snap({ Sagsoversigt: [] }))).toEqual(NONE);
  });

  it('accepts the rows of earlier versions (positions ignored: the headers are looked for instead)', () => {
    const rows: Cell[][] = [[META_NOTE], ['ark', 'Notat'], ['kolonner', 'Sagsoversigt', 5, 9]];
    expect(readMeta(snap({ [META_SHEET]: rows }))).toEqual({
      foreign: false,
      sheets: ['Notat'],
      headers: null,
    });
  });

  it.each<[string, Cell[][]]>([
    ['no rows (a person’s empty sheet)', []],
    ['no note in A1', [['ark', 'Notat']]],
    ['a person’s notes', [['Mine noter'], ['ark', 'Notat']]],
    ['unknown keys', [[META_NOTE], ['hvad', 'Resultater']]],
    ['an extra cell', [[META_NOTE], ['ark', 'Notat', 'x']]],
    ['naming the review log', [[META_NOTE], ['ark', 'Gennemgang']]],
    ['naming the settings', [[META_NOTE], ['ark', ' indstillinger ']]],
    ['naming the case sheet', [[META_NOTE], ['ark', 'Sagsoversigt']]],
    ['naming itself', [[META_NOTE], ['ark', '_Barometer']]],
    ['a header that is no text', [[META_NOTE], ['kolonne', 7]]],
  ])('is foreign, never believed, when it is not what the tool writes (%s)', (_label, rows) => {
    expect(readMeta(snap({ [META_SHEET]: rows }))).toEqual({ foreign: true, sheets: [], headers: null });
  });

  it('is foreign when the sheet of that name was not read', () => {
    expect(readMeta(snap({ Sagsoversigt: [] }, { sheetNames: ['Sagsoversigt', '_barometer'] })).foreign).toBe(
      true,
    );
  });
});

describe('columnFingerprint', () => {
  it('ignores order and blank cells, and sees any changed, added or removed text', () => {
    const fp = columnFingerprint(['OK', 'Anket', null, 'OK']);
    expect(columnFingerprint([null, 'OK', 'OK', '', 'Anket'])).toBe(fp);
    expect(columnFingerprint(['OK', 'Anket'])).not.toBe(fp);
    expect(columnFingerprint(['OK', 'Anket', 'OK', 'OK'])).not.toBe(fp);
    expect(columnFingerprint(['OK', 'anket', 'OK'])).not.toBe(fp);
  });
});

describe('findGeneratedColumns', () => {
  const HEADER_ROW = 2;
  /** A case sheet: a title row, the header row, and rows of cells (col → value). */
  const sheetOf = (header: readonly (string | null)[], body: readonly (readonly Cell[])[] = []) =>
    sheet('Sagsoversigt', [['Titel'], [...header], ...body]);
  const cols = (found: ReturnType<typeof findGeneratedColumns>) =>
    (found ?? []).map((g) => [g.col, g.header]);

  it('no generated header text reads as one of the people’s columns', () => {
    for (const t of generatedHeaderTexts()) expect([t, matchHeader(t)]).toEqual([t, null]);
  });

  it('finds the intact block wherever it stands', () => {
    const s = sheetOf(['Sag nummer', 'Foranstaltning', null, ...BLOCK]);
    expect(cols(findGeneratedColumns(s, HEADER_ROW, NONE))).toEqual(BLOCK.map((h, i) => [4 + i, h]));
  });

  it('is null when there is no generated header', () => {
    expect(findGeneratedColumns(sheetOf(['Sag nummer', 'Bemærkninger']), HEADER_ROW, NONE)).toBeNull();
  });

  it('never takes a person’s own Udvælgelse or Bemærkninger column, nor a similar name', () => {
    const header = [
      'Sag nummer',
      'Bemærkninger',
      'Udvælgelse',
      ...BLOCK,
      'Bemærkninger',
      'Bemærkning',
      'bemærkninger',
      'Udvælgelse (egen)',
      '2.3 4-måneders frist (egen)',
    ];
    const found = cols(findGeneratedColumns(sheetOf(header), HEADER_ROW, NONE));
    expect(found).toEqual(BLOCK.map((h, i) => [4 + i, h]));
  });

  it('takes Bemærkninger in block order right after Udvælgelse, never across a person’s column', () => {
    // Deleted Bemærkninger: a person's Bemærkninger column to the right of Udvælgelse reads as the
    // block's (in order, adjacent); with the fingerprint recorded it is told apart by its cells.
    const header = ['Sag nummer', ...BLOCK.slice(0, -1), 'Bemærkninger'];
    const body: Cell[][] = [[1, ...Q.map(() => 'Ja'), 'OK', 'Ringede til mor']];
    const meta: GeneratedMeta = {
      foreign: false,
      sheets: [],
      headers: BLOCK.map((text) => ({
        text,
        fingerprint:
          text === 'Bemærkninger'
            ? columnFingerprint([])
            : text === 'Udvælgelse'
              ? columnFingerprint(['OK'])
              : null,
      })),
    };
    // The person's column right after the block: taken as the block's (documented limit) ...
    expect(cols(findGeneratedColumns(sheetOf(header, body), HEADER_ROW, meta)).length).toBe(BLOCK.length);
    // ... but never when a column of theirs stands between.
    const apart = ['Sag nummer', ...BLOCK.slice(0, -1), 'Note', 'Bemærkninger'];
    const body2: Cell[][] = [[1, ...Q.map(() => 'Ja'), 'OK', 'x', 'Ringede til mor']];
    expect(
      cols(findGeneratedColumns(sheetOf(apart, body2), HEADER_ROW, meta)).map((c) => c[1]),
    ).not.toContain('Bemærkninger');
  });

  it('finds a generic column moved away from the block by its fingerprint', () => {
    const header = ['Sag nummer', 'Bemærkninger', 'Foranstaltning', ...BLOCK.slice(0, -1)];
    const remarks = '2.3: Fristen er overskredet.';
    const body: Cell[][] = [[1, remarks, 'F3', ...Q.map(() => 'Ja'), 'OK']];
    const meta: GeneratedMeta = {
      foreign: false,
      sheets: [],
      headers: BLOCK.map((text) => ({
        text,
        fingerprint: text === 'Bemærkninger' ? columnFingerprint([remarks]) : null,
      })),
    };
    const found = cols(findGeneratedColumns(sheetOf(header, body), HEADER_ROW, meta));
    expect(found[0]).toEqual([2, 'Bemærkninger']);
    expect(found).toHaveLength(BLOCK.length);
    // Edited by a person: no longer the tool's cells, so left alone.
    const edited: Cell[][] = [[1, `${remarks} Ring til mor.`, 'F3', ...Q.map(() => 'Ja'), 'OK']];
    expect(cols(findGeneratedColumns(sheetOf(header, edited), HEADER_ROW, meta))[0]).not.toEqual([
      2,
      'Bemærkninger',
    ]);
  });

  it('finds the columns of a block a person split by inserting a column, and of one partly deleted', () => {
    const split = ['Sag nummer', ...BLOCK.slice(0, 3), 'Min kolonne', ...BLOCK.slice(3)];
    const found = cols(findGeneratedColumns(sheetOf(split), HEADER_ROW, NONE));
    expect(found.map((c) => c[1])).toEqual(BLOCK);
    expect(found.map((c) => c[0])).not.toContain(5);
    const partly = ['Sag nummer', ...BLOCK.filter((h) => h !== Q[2])];
    expect(cols(findGeneratedColumns(sheetOf(partly), HEADER_ROW, NONE))).toHaveLength(BLOCK.length - 1);
  });

  it('takes a header found twice once: the one in the block, not a person’s copy', () => {
    const header = ['Sag nummer', Q[1] as string, 'Foranstaltning', ...BLOCK];
    const found = cols(findGeneratedColumns(sheetOf(header), HEADER_ROW, NONE));
    expect(found).toEqual(BLOCK.map((h, i) => [4 + i, h]));
  });

  it('looks only in the header row', () => {
    const s = sheet('Sagsoversigt', [[...BLOCK], ['Sag nummer', 'Foranstaltning']]);
    expect(findGeneratedColumns(s, HEADER_ROW, NONE)).toBeNull();
  });
});
