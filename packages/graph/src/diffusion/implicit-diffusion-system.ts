import { InvalidArgumentError, NumericalError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { diagonalSymmetrizer } from './diagonal-symmetrizer.js';

/** The symmetric system an implicit diffusion step solves (see {@link implicitDiffusionSystem}). */
export interface ImplicitDiffusionSystem {
  /** Values of L̃ = S L S⁻¹ on L's sparsity pattern (L's own array when L is symmetric). */
  values: Float32Array;
  /** Row scaling w (S for L, S⁻¹ for Lᵀ); null when L is symmetric (w = 𝟙). */
  scale: Float64Array | null;
  /** Jacobi preconditioner 1 / diag(I + σ² L̃), length numNodes. */
  inverseDiagonal: Float64Array;
}

/**
 * Prepares the symmetric positive definite system of one implicit step (I + σ² op(L)) x = b, op(L) = L or
 * Lᵀ, for conjugate gradients. With S = diag(s) from {@link diagonalSymmetrizer} and L̃ = S L S⁻¹
 * symmetric,
 * $$ (I + \sigma^2 L)\,x = b \iff (I + \sigma^2 \tilde L)(S x) = S b,\qquad
 *    (I + \sigma^2 L^\top)\,x = b \iff (I + \sigma^2 \tilde L)(S^{-1} x) = S^{-1} b, $$
 * so a solver scales the rows of b by w (S or S⁻¹), solves with L̃ and divides the rows of the solution
 * by w. Shared by the typed-array solver and the tfjs kernels composed from ops.
 *
 * @param laplacian - L, square
 * @param sigma2 - σ² ≥ 0
 * @param transpose - prepare the system of Lᵀ (default false)
 * @throws {@link InvalidArgumentError} if no diagonal scaling makes L symmetric, or σ² is so large that a
 *   diagonal entry 1 + σ²L_ii overflows
 * @throws {@link NumericalError} if a diagonal entry of I + σ²L is not positive (the system is not SPD)
 */
export function implicitDiffusionSystem(
  laplacian: CsrMatrix,
  sigma2: number,
  transpose = false,
): ImplicitDiffusionSystem {
  const { indptr, indices, values, numRows } = laplacian;
  const s = diagonalSymmetrizer(laplacian);
  const symmetric = s.every((v) => v === 1);
  let symValues = values;
  if (!symmetric) {
    symValues = new Float32Array(values.length);
    for (let i = 0; i < numRows; i++) {
      for (let p = indptr[i]; p < indptr[i + 1]; p++) symValues[p] = (s[i] * values[p]) / s[indices[p]];
    }
  }
  const inverseDiagonal = new Float64Array(numRows);
  for (let i = 0; i < numRows; i++) {
    let lii = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) if (indices[p] === i) lii += values[p];
    const diagonal = 1 + sigma2 * lii;
    if (diagonal === Number.POSITIVE_INFINITY) {
      throw new InvalidArgumentError(
        'implicitDiffusionSystem',
        'sigma2',
        sigma2,
        `small enough that the diagonal entry 1 + sigma2·L[${i}][${i}] is finite (L[${i}][${i}] = ${lii})`,
      );
    }
    if (!(diagonal > 0)) {
      throw new NumericalError(
        `implicitDiffusionSystem: I + sigma2 L is not positive definite, its diagonal entry ${i} is ${diagonal}`,
      );
    }
    inverseDiagonal[i] = 1 / diagonal;
  }
  const scale = symmetric ? null : transpose ? s.map((v) => 1 / v) : s;
  return { values: symValues, scale, inverseDiagonal };
}
