import { nationalFigure } from './national';

describe('nationalFigure (spec §7)', () => {
  test.each([
    [2023, '2.3', 34],
    [2023, '3.8', 61],
    [2023, '6.13', 96],
    [2021, '2.2', 73],
    [2021, '2.3', 60],
    [2021, '3.8', 61],
    [2021, '6.13', 88],
    [2024, '2.3', 50],
    [2024, '3.8', 65],
    [2024, '5.12', 75],
  ])('%i %s → %i%%', (edition, id, value) => {
    expect(nationalFigure(edition, id)).toEqual({ value, label: `landsresultat ${edition}: ${value}%` });
  });
  test.each([
    [2023, '2.2'],
    [2023, '5.12'],
    [2023, '4.10'],
    [2021, '3.6'],
    [2022, '2.2'],
    [2020, '2.2'],
    [2023, 'toString'],
  ])('blank in §7 → null: %i %s', (edition, id) => {
    expect(nationalFigure(edition, id)).toBeNull();
  });
});
