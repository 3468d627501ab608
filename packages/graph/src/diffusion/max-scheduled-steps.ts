import { InvalidArgumentError } from '../errors.js';

/**
 * Default cap on the explicit steps that `fedSchedule` and `explicitSubsteps` plan for one diffusion: 10⁴.
 * Every planned step is one sparse product L·u in the forward pass and one in the backward pass (on Cora,
 * 10⁴ steps take about 2 s each way on the cpu backend, against 4 ms for COIN's 20 steps), and the planners
 * silently multiply a caller's K steps (FED at σ² = 1000, K = 20 on Cora: 19,272 steps). A plan past the cap
 * throws {@link InvalidArgumentError} with the step count before anything is allocated; pass `maxSteps` to
 * allow more.
 */
export const MAX_SCHEDULED_STEPS = 10_000;

/** Library-internal: throws unless `maxSteps` is a positive integer (the planners' option). */
export function checkMaxSteps(fn: string, maxSteps: number): void {
  if (!Number.isSafeInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError(fn, 'maxSteps', maxSteps, 'a positive integer');
  }
}

/**
 * Library-internal: `limit` nudged down until `fits(limit)` holds, for a limit computed in floating point
 * (500 · 0.174 = 87, yet ⌈87 / 0.174⌉ = 501).
 */
export function largestFitting(limit: number, fits: (x: number) => boolean): number {
  let x = limit;
  for (let i = 0; i < 64 && x > 0 && !fits(x); i++)
    x -= Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
  return x;
}
