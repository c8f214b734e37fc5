import type { Parameters } from 'fast-check';

/**
 * Property runs are seeded so CI is reproducible: FC_SEED picks another seed locally. A
 * counterexample found this way becomes a fixed example test, never a flaky run.
 */
export function seeded<T>(numRuns: number): Parameters<T> {
  return { seed: Number(process.env['FC_SEED'] ?? 20261125), numRuns };
}
