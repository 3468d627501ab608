import { InvalidArgumentError, NumericalError, ShapeMismatchError } from '../errors.js';

/** Eigen-decomposition A = V diag(λ) Vᵀ of a dense symmetric matrix (see {@link symmetricEigen}). */
export interface SymmetricEigen {
  /** Eigenvalues λ_k, unsorted, length n. */
  values: Float64Array;
  /** Orthonormal eigenvectors, row-major (n, n): column k of V is the eigenvector of λ_k. */
  vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of a dense symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * "Matrix Computations", 4th ed., Alg. 8.5.3): plane rotations J_pq annihilate one off-diagonal entry
 * at a time,
 * $$ A \leftarrow J^\top A J,\quad V \leftarrow V J,\qquad
 *    \theta = \frac{A_{qq} - A_{pp}}{2A_{pq}},\ t = \frac{\operatorname{sign}\theta}{|\theta| + \sqrt{\theta^2+1}},\
 *    c = \frac{1}{\sqrt{1+t^2}},\ s = t c, $$
 * sweeping until the off-diagonal Frobenius norm is below 1e-14 of the total. O(n³) per sweep; a test
 * reference for small matrices (n up to a few hundred), in double precision.
 *
 * @param a - the matrix, row-major (n, n), symmetric within 1e-6 relative
 * @param n - its order
 * @throws {@link ShapeMismatchError} if a.length ≠ n²
 * @throws {@link InvalidArgumentError} if the matrix is not symmetric
 * @throws {@link NumericalError} if 100 sweeps do not converge
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const fn = 'symmetricEigen';
  if (a.length !== n * n) throw new ShapeMismatchError(fn, `a of length ${n * n}`, `length ${a.length}`);
  const m = Float64Array.from(a);
  let total = 0;
  for (let k = 0; k < n * n; k++) total += m[k] * m[k];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(m[i * n + j] - m[j * n + i]) > 1e-6 * Math.sqrt(total)) {
        throw new InvalidArgumentError(
          fn,
          `a[${i}][${j}]`,
          m[i * n + j],
          `equal to a[${j}][${i}] = ${m[j * n + i]}`,
        );
      }
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += m[i * n + j] * m[i * n + j];
    if (off <= 1e-28 * total) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = m[i * n + i];
      return { values, vectors: v };
    }
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          // columns p, q of A J
          const akp = m[k * n + p];
          const akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          // rows p, q of Jᵀ (A J)
          const apk = m[p * n + k];
          const aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  throw new NumericalError(`${fn}: the Jacobi sweeps did not converge in 100 sweeps`);
}
