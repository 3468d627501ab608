import { InvalidArgumentError } from '../errors.js';
import { checkTauMax } from './check-tau-max.js';

/**
 * The step sizes of one fast explicit diffusion (FED) cycle of length n (Grewenig, Weickert & Bruhn 2010,
 * "From Box Filtering to Fast Explicit Diffusion", DAGM, LNCS 6376, eq. 9):
 * $$ \tau_i = \frac{\tau_{\max}}{2\cos^2\!\left(\pi\,\frac{2i+1}{4n+2}\right)},\qquad i = 0,\dots,n-1, $$
 * where τ_max is the largest stable explicit step (2/λ_max(L) for u ← u − τ L u with L symmetric positive
 * semidefinite). The cycle reaches the diffusion time
 * $$ \theta_n = \sum_{i=0}^{n-1}\tau_i = \tau_{\max}\,\frac{n^2+n}{3}, $$
 * O(n²)·τ_max in n explicit steps instead of n·τ_max, and the cycle as a whole is stable: the product of
 * its step factors ∏ᵢ(1 − τᵢλ) stays in [−1, 1] for λ ∈ [0, 2/τ_max], although single steps exceed τ_max.
 * In the neural-network reading of Alt, Peter, Weickert & Schrader (2021, "Translating Numerical Concepts for
 * PDEs into Neural Architectures", SSVM, arXiv:2103.15419) a FED cycle is a residual network whose
 * step sizes vary from block to block.
 *
 * The sizes are returned in increasing order (i = 0 first). Rounding errors made at step k are amplified by
 * the product of the later factors, which grows fast with n; {@link fedSchedule} therefore caps n.
 *
 * @param n - cycle length, a positive integer
 * @param tauMax - the stable explicit step τ_max, positive and finite
 * @returns the n step sizes τ₀ ≤ … ≤ τ_{n−1}
 * @throws {@link InvalidArgumentError} if n is not a positive integer or tauMax is not positive and finite
 * @example
 * ```ts
 * fedStepSizes(3, 1); // ≈ [0.5260, 0.8180, 2.6560], sum 4 = (9 + 3) / 3
 * ```
 */
export function fedStepSizes(n: number, tauMax: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('fedStepSizes', 'n', n, 'a positive integer');
  checkTauMax('fedStepSizes', tauMax);
  const sizes = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = Math.cos((Math.PI * (2 * i + 1)) / (4 * n + 2));
    sizes[i] = tauMax / (2 * c * c);
  }
  return sizes;
}
