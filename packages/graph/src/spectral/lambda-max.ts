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

/**
 * The largest (algebraic) eigenvalue of a symmetric matrix:
 * $$ \lambda_{\max}(M) = \max_{x \ne 0} \frac{x^\top M x}{x^\top x} $$
 * `'lanczos'`: the Lanczos three-term recurrence without reorthogonalisation or restarts (memory: three
 * vectors of numNodes doubles, whatever the number of products; time: one product with M and a few passes
 * over n numbers per step), the Ritz value θ of the largest tridiagonal eigenvalue, stopping when the
 * residual estimate ‖Mx − θx‖ ≈ β_k |y_k| ≤ tol·|θ|. Without reorthogonalisation the Lanczos vectors lose
 * orthogonality once a Ritz value converges, which only repeats converged Ritz values (Paige 1976): the
 * largest one still converges to λmax from below, at the rate of the unrestarted method.
 * `'power'`: power iteration on M + cI with c = max_i Σ_j |M_ij| (so
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
  const alpha = new Float64Array(maxIter);
  const beta = new Float64Array(maxIter);
  let q: Float64Array = start;
  let previous: Float64Array = new Float64Array(n);
  const w = new Float64Array(n);
  let scale = 0;
  let theta = 0;
  let residual = Number.POSITIVE_INFINITY;
  for (let k = 0; k < maxIter; k++) {
    // w = M q_k − α_k q_k − β_{k−1} q_{k−1}
    matVec(m, q, w);
    const a = dot(w, q);
    const b = k > 0 ? beta[k - 1] : 0;
    for (let i = 0; i < n; i++) w[i] -= a * q[i] + b * previous[i];
    alpha[k] = a;
    beta[k] = Math.sqrt(dot(w, w));
    scale = Math.max(scale, Math.abs(a), beta[k]);
    theta = tridiagonalLargestEigenvalue(alpha, beta, k + 1);
    const y = tridiagonalEigenvector(alpha, beta, k + 1, theta);
    residual = beta[k] * Math.abs(y[k]);
    const exhausted = beta[k] <= 1e-12 * Math.max(scale, Number.MIN_VALUE);
    if (exhausted || residual <= tol * Math.abs(theta)) return theta;
    // q_{k+1} = w / β_k, in the array of q_{k−1}
    const next = previous;
    for (let i = 0; i < n; i++) next[i] = w[i] / beta[k];
    previous = q;
    q = next;
  }
  throw notConverged('Lanczos', maxIter, theta, residual);
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
