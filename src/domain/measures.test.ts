import { isFailure } from './failure';
import { MEASURE_BY_CODE, parseMeasure } from './measures';
import { MEASURES, TABLE_11_ROWS } from './rules/sel2023/measures';
import type { Cell, MeasureCode } from './types';

describe('MEASURES', () => {
  it('has the exact labels and table 1.1 rows of the spec', () => {
    expect(MEASURES.map((m) => [m.code, m.label, m.table11Row])).toEqual([
      ['A7', 'Anbringelse (frivillig) § 52, stk. 3, nr. 7', 'Anbringelse (frivillig) § 52, stk. 3, nr. 7'],
      ['T58', 'Anbringelse (tvangsmæssig) § 58, stk. 1', 'Anbringelse (tvangsmæssig) § 58, stk. 1'],
      ['F3', 'Familiebehandling § 52, stk. 3, nr. 3', 'Familiebehandling § 52, stk. 3, nr. 3'],
      [
        'P2',
        'Praktisk pædagogisk støtte i hjemmet § 52, stk. 3, nr. 2',
        'Andre foranstaltninger efter § 52, stk. 3.',
      ],
      ['D4', 'Døgnophold § 52, stk. 3, nr. 4', 'Andre foranstaltninger efter § 52, stk. 3.'],
      ['L5', 'Aflastningsordning § 52, stk. 3, nr. 5', 'Andre foranstaltninger efter § 52, stk. 3.'],
      ['K6', 'Kontaktperson § 52, stk. 3, nr. 6', 'Andre foranstaltninger efter § 52, stk. 3.'],
    ]);
    expect(TABLE_11_ROWS).toHaveLength(4);
    expect(MEASURE_BY_CODE.K6.label).toBe('Kontaktperson § 52, stk. 3, nr. 6');
  });

  it.each(MEASURES.map((m) => [m.label, m.code]))('reads its own label %s', (label, code) => {
    expect(parseMeasure(label)).toBe(code);
    expect(parseMeasure(label.toUpperCase())).toBe(code);
  });
});

describe('parseMeasure: accepted', () => {
  it.each<[Cell, MeasureCode]>([
    ['§ 52, stk. 3, nr. 7', 'A7'],
    ['§52, stk.3, nr.7', 'A7'],
    ['52.3.7', 'A7'],
    ['52.3.2', 'P2'],
    ['52.3.3', 'F3'],
    ['52.3.4', 'D4'],
    ['52.3.5', 'L5'],
    ['52.3.6', 'K6'],
    ['§ 52 stk 3 nr 6', 'K6'],
    ['SEL § 52, stk. 3, nr. 5', 'L5'],
    ['§ 58', 'T58'],
    ['§ 58, stk. 1', 'T58'],
    ['58', 'T58'],
    [58, 'T58'],
    ['Frivillig anbringelse', 'A7'],
    ['frivillig  anbringelse', 'A7'],
    ['Anbringelse med samtykke', 'A7'],
    ['Tvangsanbringelse', 'T58'],
    ['Tvangsmæssig anbringelse', 'T58'],
    ['TVANGSMAESSIG ANBRINGELSE', 'T58'],
    ['Anbringelse uden samtykke', 'T58'],
    ['Familiebehandling', 'F3'],
    [' familiebehandling ', 'F3'],
    ['Praktisk pædagogisk støtte', 'P2'],
    ['Praktisk/pædagogisk støtte', 'P2'],
    ['Praktisk-pædagogisk støtte i hjemmet', 'P2'],
    ['Døgnophold', 'D4'],
    ['Aflastning', 'L5'],
    ['Aflastningsordning', 'L5'],
    ['Kontaktperson', 'K6'],
    ['Fast kontaktperson', 'K6'],
    ['Frivillig anbringelse § 52, stk. 3, nr. 7', 'A7'],
    ['Familiebehandling (§ 52.3.3)', 'F3'],
  ])('%p → %s', (cell, code) => {
    expect(parseMeasure(cell)).toBe(code);
  });

  it.each<Cell>([null, '', '  \n '])('blank %p', (cell) => {
    expect(parseMeasure(cell)).toBeNull();
  });
});

describe('parseMeasure: rejected', () => {
  it.each<[Cell, string]>([
    ['Anbringelse', 'ambiguous-measure'],
    ['anbringelse uden for hjemmet', 'ambiguous-measure'],
    ['Anbragt', 'ambiguous-measure'],
    ['Andre foranstaltninger efter § 52, stk. 3.', 'invalid-measure'],
    ['§ 52', 'invalid-measure'],
    ['52.3.8', 'invalid-measure'],
    ['52.3.1', 'invalid-measure'],
    ['Foranstaltning', 'invalid-measure'],
    ['Frivillig anbringelse § 58', 'invalid-measure'],
    ['Familiebehandling § 52, stk. 3, nr. 6', 'invalid-measure'],
    [7, 'invalid-measure'],
    [true, 'invalid-measure'],
    [{ error: '#N/A' }, 'error-value'],
  ])('%p → %s', (cell, code) => {
    const r = parseMeasure(cell);
    if (!isFailure(r)) throw new Error(`expected failure, got ${String(r)}`);
    expect(r.code).toBe(code);
  });

  it('asks to choose frivillig or tvangsmæssig for "Anbringelse"', () => {
    const r = parseMeasure('Anbringelse');
    if (!isFailure(r)) throw new Error('expected failure');
    expect(r.hint).toMatch(/Frivillig anbringelse.*Tvangsmæssig anbringelse/);
  });
});
