import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { type LambdaMaxOptions, lambdaMax } from './lambda-max.js';
import { maxOffDiagonalRowSum } from './max-off-diagonal-row-sum.js';

/** Result of {@link stableStep}. */
export interface StableStepResult {
  /** λmax(L), from {@link lambdaMax}. */
  lambdaMax: number;
  /** The ℓ2 stability limit 2 / λmax (Infinity when λmax ≤ 0). */
  l2: number;
  /** The positivity (maximum-principle) limit 1 / max_i Σ_{j≠i} |L_ij| (Infinity for a diagonal L). */
  positivity: number;
  /** max_i Σ_{j≠i} |L_ij|, from {@link maxOffDiagonalRowSum}. */
  maxOffDiagonalRowSum: number;
}

/**
 * The two step limits of the explicit diffusion step u ← u − τ L u (COIN, arXiv:2403.15726, with τ = σ²),
 * for a symmetric positive semi-definite Laplacian L:
 * $$ \tau \le \tau_{\ell_2} = \frac{2}{\lambda_{\max}(L)} \qquad
 *    \tau \le \tau_{+} = \frac{1}{\max_i \sum_{j \ne i} |L_{ij}|} $$
 * Below τ_ℓ2 every eigen-component of I − τL has modulus ≤ 1 (no growth in ℓ2). For a Laplacian with zero
 * row sums and L_ij ≤ 0 off the diagonal, L_ii = Σ_{j≠i}|L_ij|, so below τ₊ the matrix I − τL is
 * non-negative with rows summing to one: a step keeps probabilities positive (maximum principle).
 * On Cora (gnn-benchmark, largest component, COIN's L) λmax ≈ 5.78 and the off-diagonal sum ≈ 5.74, so
 * the official σ² = 0.35 sits just past τ_ℓ2 ≈ 0.346.
 * @param options - passed to {@link lambdaMax}
 * @throws as {@link lambdaMax}
 */
export function stableStep(laplacian: CsrMatrix, options: LambdaMaxOptions = {}): StableStepResult {
  const lmax = lambdaMax(laplacian, options);
  const offDiagonal = maxOffDiagonalRowSum(laplacian);
  return {
    lambdaMax: lmax,
    l2: lmax > 0 ? 2 / lmax : Number.POSITIVE_INFINITY,
    positivity: offDiagonal > 0 ? 1 / offDiagonal : Number.POSITIVE_INFINITY,
    maxOffDiagonalRowSum: offDiagonal,
  };
}
