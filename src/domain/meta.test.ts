import { buildMetaSheet, META_NOTE, META_SHEET, readMeta, type GeneratedMeta } from './meta';
import { snap } from './testing/snapshot';
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

describe('meta sheet', () => {
  it.each<GeneratedMeta>([
    { sheets: ['Resultater', 'Overblik', 'Notat'], columns: { sheet: 'Sagsoversigt', first: 33, last: 47 } },
    { sheets: [], columns: { sheet: 'Ark 1', first: 1, last: 1 } },
    { sheets: ['Resultater'], columns: null },
    { sheets: [], columns: null },
  ])('round-trips %j', (meta) => {
    const build = buildMetaSheet(meta);
    expect(build.name).toBe(META_SHEET);
    expect(build.visibility).toBe('veryHidden');
    expect(build.blocks[0]?.values[0]?.[0]).toBe(META_NOTE);
    expect(readMeta(readBack(build))).toEqual(meta);
  });

  it('writes a rectangular block', () => {
    const values =
      buildMetaSheet({ sheets: ['A'], columns: { sheet: 'S', first: 2, last: 3 } }).blocks[0]?.values ?? [];
    expect(new Set(values.map((r) => r.length))).toEqual(new Set([4]));
  });

  it('is empty when the sheet is absent', () => {
    expect(readMeta(snap({ Sagsoversigt: [] }))).toEqual({ sheets: [], columns: null });
  });

  it.each<[string, Cell[][]]>([
    ['no rows', []],
    ['unknown keys', [['hvad', 'Resultater'], [42]]],
    ['columns not numbers', [['kolonner', 'Sagsoversigt', 'x', 'y']]],
    ['first after last', [['kolonner', 'Sagsoversigt', 9, 3]]],
    ['column zero', [['kolonner', 'Sagsoversigt', 0, 3]]],
    ['missing sheet name', [['ark'], ['kolonner', null, 1, 2]]],
  ])('ignores garbled content (%s)', (_label, rows) => {
    expect(readMeta(snap({ [META_SHEET]: rows }))).toEqual({ sheets: [], columns: null });
  });

  it('reads numbers given as text and keeps the good rows of a partly garbled sheet', () => {
    const rows: Cell[][] = [
      [META_NOTE],
      ['ARK', ' Notat '],
      ['ark', 'Notat'],
      ['kolonner', 'Sagsoversigt', '5', { n: 9, fmt: '0' }],
      ['x'],
    ];
    expect(readMeta(snap({ [META_SHEET]: rows }))).toEqual({
      sheets: ['Notat'],
      columns: { sheet: 'Sagsoversigt', first: 5, last: 9 },
    });
  });
});
