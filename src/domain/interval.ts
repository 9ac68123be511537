/**
 * The 95 % Wilson score interval for a share k/n (issue 12): how uncertain a municipality's
 * "Overholdt" is when it rests on 15–17 cases. Written by hand because it is one formula and no
 * maintained package on the npm registry offers it without a statistics library around it.
 * Wilson (1927); the form of Newcombe (1998), Stat. Med. 17:857–872, method 3.
 */

/** The two-sided 95 % normal quantile, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/** [lo, hi] as fractions 0..1, or null when n is 0 (no relevant case: no share, no interval). */
export type Interval = readonly [number, number];

/** The Wilson score interval of k successes out of n trials at confidence quantile z. */
export function wilson(k: number, n: number, z: number = Z95): Interval | null {
  if (!Number.isInteger(n) || n <= 0 || !Number.isInteger(k) || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 and p = 1 the formula gives the bound exactly in exact arithmetic; pin it so
  // floating point never shows "-0%" or "100.0000001%".
  const lo = k === 0 ? 0 : Math.max(0, centre - half);
  const hi = k === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
