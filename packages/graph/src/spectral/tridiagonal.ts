/**
 * Library-internal helpers on a symmetric tridiagonal matrix T with diagonal `alpha` (length k) and
 * off-diagonal `beta` (length ≥ k − 1), for the Lanczos method.
 */

/** Number of eigenvalues of T below x (Sturm sequence count of the LDLᵀ pivots of T − xI). */
function countBelow(alpha: Float64Array, beta: Float64Array, k: number, x: number): number {
  let count = 0;
  let d = 1;
  for (let i = 0; i < k; i++) {
    const b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
    d = alpha[i] - x - (i > 0 ? b2 / d : 0);
    if (d === 0) d = -Number.MIN_VALUE;
    if (d < 0) count++;
  }
  return count;
}

/** The largest eigenvalue of T, by bisection on the Sturm count, to about machine precision. */
export function tridiagonalLargestEigenvalue(alpha: Float64Array, beta: Float64Array, k: number): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < k - 1 ? Math.abs(beta[i]) : 0);
    lo = Math.min(lo, alpha[i] - r);
    hi = Math.max(hi, alpha[i] + r);
  }
  for (let iter = 0; iter < 200; iter++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi || hi - lo <= 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (countBelow(alpha, beta, k, mid) === k) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * A unit eigenvector of T for the eigenvalue `theta`, by two steps of inverse iteration: solves
 * (T − θI) y = b by Gaussian elimination with partial pivoting on the tridiagonal band.
 */
export function tridiagonalEigenvector(
  alpha: Float64Array,
  beta: Float64Array,
  k: number,
  theta: number,
): Float64Array {
  let scale = 0;
  for (let i = 0; i < k; i++)
    scale = Math.max(scale, Math.abs(alpha[i]) + (i > 0 ? Math.abs(beta[i - 1]) : 0));
  const tiny = Number.EPSILON * Math.max(scale, Number.MIN_VALUE);
  const d = new Float64Array(k);
  const du = new Float64Array(k);
  const du2 = new Float64Array(k);
  let y = new Float64Array(k).fill(1);
  for (let step = 0; step < 2; step++) {
    const b = y;
    for (let i = 0; i < k; i++) {
      d[i] = alpha[i] - theta;
      du[i] = i < k - 1 ? beta[i] : 0;
      du2[i] = 0;
    }
    for (let i = 0; i < k - 1; i++) {
      const l = beta[i];
      if (Math.abs(d[i]) >= Math.abs(l)) {
        if (d[i] === 0) d[i] = tiny;
        const f = l / d[i];
        d[i + 1] -= f * du[i];
        b[i + 1] -= f * b[i];
      } else {
        const f = d[i] / l;
        const oldU = du[i];
        const oldNextD = d[i + 1];
        const oldNextU = du[i + 1];
        d[i] = l;
        du[i] = oldNextD;
        du2[i] = oldNextU;
        d[i + 1] = oldU - f * oldNextD;
        du[i + 1] = -f * oldNextU;
        const bi = b[i];
        b[i] = b[i + 1];
        b[i + 1] = bi - f * b[i + 1];
      }
    }
    if (d[k - 1] === 0) d[k - 1] = tiny;
    const x = new Float64Array(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = b[i];
      if (i + 1 < k) s -= du[i] * x[i + 1];
      if (i + 2 < k) s -= du2[i] * x[i + 2];
      x[i] = s / (d[i] === 0 ? tiny : d[i]);
    }
    let norm = 0;
    for (let i = 0; i < k; i++) norm += x[i] * x[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < k; i++) x[i] /= norm;
    y = x;
  }
  return y;
}
