import { InvalidArgumentError } from '../errors.js';
import { checkTauMax } from './check-tau-max.js';

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
 * @returns the K·m sub-step sizes, each σ²/m (empty when K = 0)
 * @throws {@link InvalidArgumentError} for a negative or non-finite sigma2, a numSteps that is not a
 *   non-negative integer, or a bad tauMax
 * @example
 * ```ts
 * explicitSubsteps(0.35, 2, 0.174); // [0.11666…, ×6]: 3 sub-steps per step
 * ```
 */
export function explicitSubsteps(sigma2: number, numSteps: number, tauMax: number): number[] {
  const fn = 'explicitSubsteps';
  if (!(sigma2 >= 0) || !Number.isFinite(sigma2)) {
    throw new InvalidArgumentError(fn, 'sigma2', sigma2, 'a non-negative finite number');
  }
  if (!Number.isInteger(numSteps) || numSteps < 0) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, 'a non-negative integer');
  }
  checkTauMax(fn, tauMax);
  const m = Math.max(1, Math.ceil(sigma2 / tauMax));
  return new Array<number>(numSteps * m).fill(sigma2 / m);
}
