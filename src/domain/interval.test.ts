import { wilson, Z95 } from './interval';

// Reference values: Newcombe (1998) Table I (method 3, Wilson score without continuity
// correction) and R's prop.test(correct = FALSE) / binom::binom.wilson, printed to 4 decimals.
describe('wilson', () => {
  const cases: [number, number, number, number][] = [
    // k, n, lo, hi
    [81, 263, 0.2553, 0.3662], // Newcombe Table I, example 1
    [15, 148, 0.0624, 0.1605], // Newcombe Table I, example 2
    [0, 20, 0.0, 0.1611], // Newcombe Table I, example 3
    [1, 29, 0.0061, 0.1718], // Newcombe Table I, example 4
    [3, 5, 0.2307, 0.8824], // the example: 60 % (3 of 5), usikkerhed 23–88 %
    [0, 1, 0.0, 0.7935],
    [1, 1, 0.2065, 1.0],
    [5, 5, 0.5655, 1.0],
    [0, 5, 0.0, 0.4345],
    [16, 17, 0.7302, 0.9895],
    [17, 17, 0.8157, 1.0],
    [0, 17, 0.0, 0.1843],
    [9, 17, 0.3096, 0.7383], // worked by hand: centre 0.5240, half-width 0.2144
  ];
  it.each(cases)('%i of %i → [%f, %f]', (k, n, lo, hi) => {
    const iv = wilson(k, n);
    expect(iv).not.toBeNull();
    const [l, h] = iv as readonly [number, number];
    expect(l).toBeCloseTo(lo, 4);
    expect(h).toBeCloseTo(hi, 4);
  });

  it('has no interval without a relevant case, or for counts that are not a share', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
    expect(wilson(-1, 5)).toBeNull();
    expect(wilson(1.5, 5)).toBeNull();
  });

  it('is pinned to 0 and 1 at the ends and always holds the share', () => {
    for (let n = 1; n <= 40; n++) {
      for (let k = 0; k <= n; k++) {
        const [l, h] = wilson(k, n) as readonly [number, number];
        expect(l).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(k / n);
        expect(h).toBeGreaterThanOrEqual(k / n);
        // symmetric: k of n mirrors n-k of n
        const [l2, h2] = wilson(n - k, n) as readonly [number, number];
        expect(l).toBeCloseTo(1 - h2, 12);
        expect(h).toBeCloseTo(1 - l2, 12);
      }
    }
    expect(wilson(0, 7)?.[0]).toBe(0);
    expect(wilson(7, 7)?.[1]).toBe(1);
  });

  it('uses the 97.5 % normal quantile', () => {
    expect(Z95).toBeCloseTo(1.96, 2);
  });
});
