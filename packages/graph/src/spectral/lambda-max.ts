import { InvalidArgumentError, NumericalError } from '../errors.js';
import { Rng } from '../random/rng.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { isSymmetric } from '../sparse/is-symmetric.js';
import { UNDIRECTED_GRAPH_HINT } from '../sparse/undirected-hint.js';
import { checkOperator } from './check-operator.js';
import { tridiagonalEigenvector, tridiagonalLargestEigenvalue } from './tridiagonal.js';

/** Options of {@link lambdaMax}. */
export interface LambdaMaxOptions {
  /** Relative tolerance on the residual, ‖Mx − θx‖ ≤ tol·|θ| (default 1e-6). */
  tol?: number;
  /** Largest number of matrix-vector products (default 10000). */
  maxIter?: number;
  /** `'lanczos'` (default) or `'power'`. */
  method?: 'lanczos' | 'power';
  /** Seed of the random start vector (default 0). */
  seed?: number;
}

const DEFAULTS = { tol: 1e-6, maxIter: 10_000, method: 'lanczos', seed: 0 } as const;
/** Krylov subspace dimension of one Lanczos cycle (memory numNodes × KRYLOV_DIM doubles). */
const KRYLOV_DIM = 40;

/**
 * The largest (algebraic) eigenvalue of a symmetric matrix:
 * $$ \lambda_{\max}(M) = \max_{x \ne 0} \frac{x^\top M x}{x^\top x} $$
 * `'lanczos'`: restarted Lanczos with full reorthogonalisation (40-dimensional Krylov subspaces, restarted
 * from the Ritz vector), the Ritz value θ of the largest tridiagonal eigenvalue, stopping when the residual
 * ‖Mx − θx‖ = β_k |y_k| ≤ tol·|θ|. `'power'`: power iteration on M + cI with c = max_i Σ_j |M_ij| (so
 * the dominant eigenvalue is λmax + c), θ the Rayleigh quotient, the same residual test. Since θ is a
 * Rayleigh quotient, λmax − θ ≤ tol·|θ| in both cases (and much less once the spectral gap shows).
 * Arithmetic in double precision. Start vector: standard normal from {@link Rng}(seed).
 * @param options - tol (default 1e-6), maxIter (default 10000), method (default `'lanczos'`), seed (default 0)
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if m is empty, not symmetric (relative tolerance 1e-5) or an option is bad
 * @throws {@link NumericalError} if the residual test does not pass within maxIter products
 */
export function lambdaMax(m: CsrMatrix, options: LambdaMaxOptions = {}): number {
  checkOperator('lambdaMax', m);
  const { tol, maxIter, method, seed } = { ...DEFAULTS, ...options };
  if (!(tol > 0)) throw new InvalidArgumentError('lambdaMax', 'tol', tol, 'a positive number');
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new InvalidArgumentError('lambdaMax', 'maxIter', maxIter, 'a positive integer');
  }
  if (method !== 'lanczos' && method !== 'power') {
    throw new InvalidArgumentError('lambdaMax', 'method', method, "'lanczos' or 'power'");
  }
  if (!isSymmetric(m, 1e-5)) {
    throw new InvalidArgumentError(
      'lambdaMax',
      'm',
      'a non-symmetric matrix',
      `symmetric (for a graph operator, the graph must be undirected: ${UNDIRECTED_GRAPH_HINT})`,
    );
  }
  const rng = new Rng(seed);
  const start = Float64Array.from({ length: m.numRows }, () => rng.normal());
  normalize(start);
  return method === 'lanczos' ? lanczos(m, start, tol, maxIter) : power(m, start, tol, maxIter);
}

/** y = M x in double precision. */
function matVec(m: CsrMatrix, x: Float64Array, y: Float64Array): void {
  const { numRows, indptr, indices, values } = m;
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    const end = indptr[i + 1];
    for (let p = indptr[i]; p < end; p++) s += values[p] * x[indices[p]];
    y[i] = s;
  }
}

function dot(x: Float64Array, y: Float64Array, offset = 0): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += x[offset + i] * y[i];
  return s;
}

function normalize(x: Float64Array): number {
  const norm = Math.sqrt(dot(x, x));
  for (let i = 0; i < x.length; i++) x[i] /= norm;
  return norm;
}

function notConverged(method: string, maxIter: number, theta: number, residual: number): NumericalError {
  return new NumericalError(
    `lambdaMax: ${method} did not converge in ${maxIter} products (estimate ${theta}, residual ${residual}); ` +
      'raise maxIter or tol',
  );
}

function lanczos(m: CsrMatrix, start: Float64Array, tol: number, maxIter: number): number {
  const n = m.numRows;
  const dim = Math.min(n, KRYLOV_DIM);
  const basis = new Float64Array(dim * n);
  const alpha = new Float64Array(dim);
  const beta = new Float64Array(dim);
  const w = new Float64Array(n);
  const q = start;
  let products = 0;
  let theta = 0;
  let residual = Number.POSITIVE_INFINITY;
  for (;;) {
    let scale = 0;
    for (let k = 0; k < dim; k++) {
      basis.set(q, k * n);
      matVec(m, q, w);
      products++;
      alpha[k] = dot(w, q);
      // Full reorthogonalisation against the whole basis, twice ("twice is enough").
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j <= k; j++) {
          const c = dot(basis, w, j * n);
          for (let i = 0; i < n; i++) w[i] -= c * basis[j * n + i];
        }
      }
      beta[k] = Math.sqrt(dot(w, w));
      scale = Math.max(scale, Math.abs(alpha[k]), beta[k]);
      theta = tridiagonalLargestEigenvalue(alpha, beta, k + 1);
      const y = tridiagonalEigenvector(alpha, beta, k + 1, theta);
      residual = beta[k] * Math.abs(y[k]);
      const exhausted = k + 1 === n || beta[k] <= 1e-12 * Math.max(scale, Number.MIN_VALUE);
      if (exhausted || residual <= tol * Math.abs(theta)) return theta;
      if (products >= maxIter) throw notConverged('Lanczos', maxIter, theta, residual);
      if (k === dim - 1) {
        // Restart from the Ritz vector x = Q y.
        q.fill(0);
        for (let j = 0; j <= k; j++) for (let i = 0; i < n; i++) q[i] += y[j] * basis[j * n + i];
        normalize(q);
      } else {
        for (let i = 0; i < n; i++) q[i] = w[i] / beta[k];
      }
    }
  }
}

function power(m: CsrMatrix, start: Float64Array, tol: number, maxIter: number): number {
  const n = m.numRows;
  const { indptr, values } = m;
  let shift = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += Math.abs(values[p]);
    shift = Math.max(shift, s);
  }
  const x = start;
  const w = new Float64Array(n);
  let theta = 0;
  let residual = Number.POSITIVE_INFINITY;
  for (let products = 1; products <= maxIter; products++) {
    matVec(m, x, w);
    theta = dot(w, x);
    let r2 = 0;
    for (let i = 0; i < n; i++) {
      const r = w[i] - theta * x[i];
      r2 += r * r;
      w[i] += shift * x[i];
    }
    residual = Math.sqrt(r2);
    if (residual <= tol * Math.abs(theta) || residual <= 1e-14 * shift) return theta;
    x.set(w);
    normalize(x);
  }
  throw notConverged('power iteration', maxIter, theta, residual);
}
