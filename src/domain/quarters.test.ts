import { wilson } from './interval';
import { quarterIndex, quarterLabel, quarterRows, type QuarterCase } from './quarters';
import { quarterBlock } from './quarterSheet';
import { BL_2024 } from './rules/bl2024';
import { SEL_2023 } from './rules/sel2023';
import { day, settings } from './testing/records';
import type { Report } from './types';

/** A case decided on `date` under `ruleset` with the given answers (others absent). */
const c = (ruleset: string, date: string | null, answers: Record<string, string>): QuarterCase => ({
  ruleset,
  record: { afgoerelsesdato: date === null ? null : day(date) },
  verdicts: Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, { answer }])),
});
const noSuppression = { offentliggoerelse: false };

describe('quarterIndex / quarterLabel', () => {
  it.each([
    ['01-01-2024', '2024 K1'],
    ['31-03-2024', '2024 K1'],
    ['01-04-2024', '2024 K2'],
    ['30-06-2024', '2024 K2'],
    ['01-07-2024', '2024 K3'],
    ['30-09-2024', '2024 K3'],
    ['01-10-2024', '2024 K4'],
    ['31-12-2023', '2023 K4'],
    ['29-02-2024', '2024 K1'],
  ])('%s lies in %s', (date, label) => {
    expect(quarterLabel(quarterIndex(day(date)))).toBe(label);
  });
});

describe('quarterRows', () => {
  it('puts 31-03 and 01-04 in different quarters, and counts Ja and "Nej, men …" as Overholdt', () => {
    const rows = quarterRows(
      [SEL_2023],
      [
        c('SEL-2023', '31-03-2023', { '2.2': 'Ja' }),
        c('SEL-2023', '31-03-2023', { '2.2': 'Nej, men lovlig grund' }),
        c('SEL-2023', '31-03-2023', { '2.2': 'Nej' }),
        c('SEL-2023', '01-04-2023', { '2.2': 'Nej' }),
        c('SEL-2023', '01-04-2023', { '2.2': 'Ikke relevant' }),
        c('SEL-2023', '01-04-2023', { '2.2': 'Mangler oplysninger' }),
      ],
      noSuppression,
    ).filter((r) => r.id === '2.2');
    expect(rows.map((r) => [r.quarter, r.relevant, r.compliant])).toEqual([
      ['2023 K1', 3, 2 / 3],
      ['2023 K2', 1, 0],
    ]);
    expect(rows[0]?.interval).toEqual(wilson(2, 3));
    expect(rows[1]?.interval).toEqual(wilson(0, 1));
    expect(rows[0]?.columnHeader).toBe(SEL_2023.questions.find((q) => q.id === '2.2')?.columnHeader);
  });

  it('lists every quarter between the first and the last case, an empty one with no share', () => {
    const rows = quarterRows(
      [SEL_2023],
      [c('SEL-2023', '15-02-2023', { '2.2': 'Ja' }), c('SEL-2023', '15-11-2023', { '2.2': 'Nej' })],
      noSuppression,
    ).filter((r) => r.id === '2.2');
    expect(rows.map((r) => [r.quarter, r.relevant, r.compliant, r.interval])).toEqual([
      ['2023 K1', 1, 1, [wilson(1, 1)?.[0], 1]],
      ['2023 K2', 0, null, null],
      ['2023 K3', 0, null, null],
      ['2023 K4', 1, 0, [0, wilson(0, 1)?.[1]]],
    ]);
  });

  it('a period across 1 January 2024 gives two parts, each with its own quarters and questions', () => {
    const rows = quarterRows(
      [SEL_2023, BL_2024],
      [
        c('SEL-2023', '31-12-2023', { '2.2': 'Ja', '3.8': 'Nej' }),
        c('BL-2024', '01-01-2024', { '2.2': 'Nej', '3.8': 'Ja' }),
        c('BL-2024', '02-04-2024', { '2.2': 'Ja', '3.8': 'Ja' }),
      ],
      noSuppression,
    );
    const parts = (rs: string) =>
      rows.filter((r) => r.ruleset === rs && r.id === '2.2').map((r) => [r.quarter, r.relevant, r.compliant]);
    expect(parts('SEL-2023')).toEqual([['2023 K4', 1, 1]]);
    expect(parts('BL-2024')).toEqual([
      ['2024 K1', 1, 0],
      ['2024 K2', 1, 1],
    ]);
    // Questions in rule-set order, 1.1 (no requirement) left out, quarters ascending within each.
    const ids = [...new Set(rows.filter((r) => r.ruleset === 'BL-2024').map((r) => r.id))];
    expect(ids).toEqual(BL_2024.questions.filter((q) => q.compliantRows.length > 0).map((q) => q.id));
  });

  it('leaves out cases without a readable decision date, and parts without cases', () => {
    const rows = quarterRows(
      [SEL_2023, BL_2024],
      [c('SEL-2023', null, { '2.2': 'Ja' }), c('SEL-2023', '10-05-2023', { '2.2': 'Nej' })],
      noSuppression,
    ).filter((r) => r.id === '2.2');
    expect(rows.map((r) => [r.ruleset, r.quarter, r.relevant])).toEqual([['SEL-2023', '2023 K2', 1]]);
    expect(quarterRows([SEL_2023], [c('SEL-2023', null, { '2.2': 'Ja' })], noSuppression)).toEqual([]);
  });

  it('with Offentliggørelse a quarter of fewer than 6 relevant cases shows no share', () => {
    const five = Array.from({ length: 5 }, () => c('SEL-2023', '10-01-2023', { '2.2': 'Ja' }));
    const six = Array.from({ length: 6 }, () => c('SEL-2023', '10-04-2023', { '2.2': 'Ja' }));
    const rows = quarterRows([SEL_2023], [...five, ...six], { offentliggoerelse: true }).filter(
      (r) => r.id === '2.2',
    );
    expect(rows.map((r) => [r.quarter, r.relevant, r.compliant])).toEqual([
      ['2023 K1', 5, null],
      ['2023 K2', 6, 1],
    ]);
    expect(rows[0]?.interval).toBeNull();
  });
});

describe('quarterBlock (Overblik pr. kvartal)', () => {
  const report = (quarters: Report['quarters'], over = {}): Report =>
    ({ quarters, settings: settings({ formaal: 'egenkontrol', ...over }) }) as unknown as Report;

  it('is absent without quarter rows (Indsendelse)', () => {
    expect(quarterBlock(report([]), 20)).toBeNull();
    expect(quarterBlock(report(undefined), 20)).toBeNull();
  });

  it('writes title, header and one row per quarter with percent styles, from the given row', () => {
    const rows = quarterRows(
      [SEL_2023, BL_2024],
      [c('SEL-2023', '31-12-2023', { '2.2': 'Ja' }), c('BL-2024', '01-01-2024', { '2.2': 'Nej' })],
      noSuppression,
    ).filter((r) => r.id === '2.2');
    const block = quarterBlock(
      report(rows, { periodeFra: day('01-10-2023'), periodeTil: day('31-03-2024') }),
      30,
    );
    expect(block?.row).toBe(30);
    expect(block?.values).toEqual([
      ['Overblik pr. kvartal (afgørelsesdato, fra 01-10-2023 til 31-03-2024)', null, null, null, null, null],
      ['Spørgsmål', 'Kvartal', 'Relevante sager', 'Overholdt', '95 %-interval fra', '95 %-interval til'],
      [SEL_2023.partHeading, null, null, null, null, null],
      [rows[0]?.columnHeader, '2023 K4', 1, 1, rows[0]?.interval?.[0], 1],
      [BL_2024.partHeading, null, null, null, null, null],
      [rows[1]?.columnHeader, '2024 K1', 1, 0, 0, rows[1]?.interval?.[1]],
    ]);
    expect(block?.styles?.[3]).toEqual([
      'table-row',
      'table-row',
      'table-row',
      'percent',
      'percent',
      'percent',
    ]);
  });
});
