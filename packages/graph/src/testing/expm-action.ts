import { ShapeMismatchError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { toDense } from '../sparse/to-dense.js';
import { symmetricEigen } from './symmetric-eigen.js';

/**
 * The exact solution of the graph heat equation ∂u/∂t = −L u at time T, for tests:
 * $$ u(T) = e^{-T L} u_0 = V \operatorname{diag}\!\left(e^{-T\lambda_k}\right) V^\top u_0, $$
 * with L = V diag(λ) Vᵀ the eigen-decomposition of the symmetric matrix L ({@link symmetricEigen}, dense
 * Jacobi, double precision). Every diffusion scheme with total time T = K·σ² approximates it.
 *
 * @param laplacian - a symmetric square CSR matrix (small: it is made dense)
 * @param u0 - initial values, row-major (numNodes, numCols)
 * @param numCols - columns of u0
 * @param time - diffusion time T
 * @returns u(T), row-major (numNodes, numCols), double precision
 * @throws {@link ShapeMismatchError} if L is not square or u0 does not have numNodes·numCols entries
 * @throws {@link InvalidArgumentError} if L is not symmetric
 */
export function expmAction(
  laplacian: CsrMatrix,
  u0: ArrayLike<number>,
  numCols: number,
  time: number,
): Float64Array {
  const fn = 'expmAction';
  const n = laplacian.numRows;
  if (laplacian.numCols !== n)
    throw new ShapeMismatchError(fn, 'a square laplacian', `${n} x ${laplacian.numCols}`);
  if (u0.length !== n * numCols)
    throw new ShapeMismatchError(fn, `u0 of length ${n * numCols}`, `length ${u0.length}`);
  const { values, vectors } = symmetricEigen(toDense(laplacian), n);
  // c = diag(e^{-Tλ}) Vᵀ u0, then u = V c
  const c = new Float64Array(n * numCols);
  for (let k = 0; k < n; k++) {
    const decay = Math.exp(-time * values[k]);
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k] * decay;
      for (let j = 0; j < numCols; j++) c[k * numCols + j] += vik * u0[i * numCols + j];
    }
  }
  const u = new Float64Array(n * numCols);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const vik = vectors[i * n + k];
      for (let j = 0; j < numCols; j++) u[i * numCols + j] += vik * c[k * numCols + j];
    }
  }
  return u;
}
