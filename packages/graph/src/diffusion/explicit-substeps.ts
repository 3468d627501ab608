import { formatLimit, InvalidArgumentError } from '../errors.js';
import { checkTauMax } from './check-tau-max.js';
import { checkMaxSteps, largestFitting, MAX_SCHEDULED_STEPS } from './max-scheduled-steps.js';

/** Options of {@link explicitSubsteps}. */
export interface ExplicitSubstepsOptions {
  /**
   * Most sub-steps in all (default {@link MAX_SCHEDULED_STEPS} = 10⁴); more throws before the array is
   * allocated.
   */
  maxSteps?: number;
}

/**
 * Splits K explicit diffusion steps of size σ² into stable sub-steps with the same total time
 * T = K·σ²: each step becomes m equal sub-steps,
 * $$ m = \left\lceil \sigma^2 / \tau_{\max} \right\rceil,\qquad
 *    u \leftarrow u - \frac{\sigma^2}{m} L u \quad (K m \text{ times}), $$
 * so every sub-step satisfies σ²/m ≤ τ_max. With τ_max = 2/λ_max(L) the scheme is stable; with
 * τ_max = 1/max_i Σ_{j≠i}|L_ij| (the positivity bound of `stableStep`) diffused probabilities also stay
 * non-negative. When σ² ≤ τ_max the steps are returned unchanged.
 *
 * @param sigma2 - step σ² ≥ 0
 * @param numSteps - K, a non-negative integer
 * @param tauMax - the largest allowed sub-step, positive and finite
 * @param options - `maxSteps` (default 10⁴)
 * @returns the K·m sub-step sizes, each σ²/m (empty when K = 0)
 * @throws {@link InvalidArgumentError} for a negative or non-finite sigma2, a numSteps that is not a
 *   non-negative integer, a bad tauMax or maxSteps, or more than maxSteps sub-steps (the message gives the
 *   count and the largest sigma2, or numSteps, within the cap)
 * @example
 * ```ts
 * explicitSubsteps(0.35, 2, 0.174); // [0.11666…, ×6]: 3 sub-steps per step
 * ```
 */
export function explicitSubsteps(
  sigma2: number,
  numSteps: number,
  tauMax: number,
  options: ExplicitSubstepsOptions = {},
): number[] {
  const fn = 'explicitSubsteps';
  if (!(sigma2 >= 0) || !Number.isFinite(sigma2)) {
    throw new InvalidArgumentError(fn, 'sigma2', sigma2, 'a non-negative finite number');
  }
  if (!Number.isInteger(numSteps) || numSteps < 0) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, 'a non-negative integer');
  }
  checkTauMax(fn, tauMax);
  const { maxSteps = MAX_SCHEDULED_STEPS } = options;
  checkMaxSteps(fn, maxSteps);
  const m = Math.max(1, Math.ceil(sigma2 / tauMax));
  const count = numSteps * m;
  if (count > maxSteps) {
    const tooMany = `${numSteps} × ${m} = ${count} sub-steps, more than maxSteps = ${maxSteps}`;
    if (numSteps > maxSteps) {
      throw new InvalidArgumentError(fn, 'numSteps', numSteps, `at most maxSteps = ${maxSteps}`);
    }
    const perStep = Math.floor(maxSteps / numSteps);
    throw new InvalidArgumentError(
      fn,
      'sigma2',
      sigma2,
      `at most ${formatLimit(largestFitting(perStep * tauMax, (x) => Math.ceil(x / tauMax) <= perStep))} with numSteps = ${numSteps} and ` +
        `tauMax = ${formatLimit(tauMax)} (it would take ${tooMany})`,
    );
  }
  return new Array<number>(numSteps * m).fill(sigma2 / m);
}
