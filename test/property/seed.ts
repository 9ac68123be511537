/**
 * Fixed, printed seeds for the property-based suites (fast-check), so every failure can be replayed.
 *
 * Every suite calls `seedFor(name, fixed)`: the seed is `fixed` unless the environment variable
 * BAROMETER_SEED is set, and the seed in use is printed once per suite. fast-check's failure
 * report names the seed and the path of the smallest counterexample; to replay exactly that case:
 *
 *   BAROMETER_SEED=<seed> BAROMETER_PATH=<path> npx jest test/property/parsers.test.ts -t '<test name>'
 *
 * (BAROMETER_PATH is optional; without it the whole run with that seed is repeated, and -t keeps
 * the path from being applied to other properties.) Setting only BAROMETER_SEED to a new number
 * explores fresh random inputs with the same code. Every property of a suite uses the suite's seed.
 */
import fc from 'fast-check';

export interface SeedParams {
  readonly seed: number;
  readonly path?: string;
}

function envSeed(): number | null {
  const raw = process.env.BAROMETER_SEED;
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`BAROMETER_SEED must be an integer, got "${raw}"`);
  return n;
}

/** The seed (and replay path) for one suite, printed so a failing CI run can be replayed. */
export function seedFor(suite: string, fixed: number): SeedParams {
  const seed = envSeed() ?? fixed;
  const path = process.env.BAROMETER_PATH?.trim() || undefined;
  process.stdout.write(`[${suite}] fast-check seed ${seed}${path ? ` path ${path}` : ''}\n`);
  return path === undefined ? { seed } : { seed, path };
}

/** fc.assert parameters for one property: the suite's seed and replay path. */
export function params(base: SeedParams, numRuns: number): fc.Parameters<unknown> {
  return {
    seed: base.seed,
    numRuns,
    ...(base.path !== undefined ? { path: base.path } : {}),
    // The failure message keeps the seed and path (fast-check prints both) plus the counterexample.
    verbose: 1,
  };
}

/** Samples `n` values of an arbitrary deterministically from a seed (for generate-then-run suites). */
export function sampleSeeded<T>(arb: fc.Arbitrary<T>, seed: number, n: number): T[] {
  return fc.sample(arb, { seed, numRuns: n });
}
