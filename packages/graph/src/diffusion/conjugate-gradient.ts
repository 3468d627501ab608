import { InvalidArgumentError, NumericalError, ShapeMismatchError } from '../errors.js';

/** Options of {@link conjugateGradient}; every field is optional, defaults in {@link CG_DEFAULTS}. */
export interface ConjugateGradientOptions {
  /** Relative residual tolerance: column j stops once ‖b_j − A x_j‖₂ ≤ tol·‖b_j‖₂ (default 1e-6). */
  tol?: number;
  /** Most iterations (products with A) after the initial residual (default 1000). */
  maxIter?: number;
  /** Number of right-hand sides c: `b` is row-major (n, c), each column solved independently (default 1). */
  numCols?: number;
  /**
   * Jacobi preconditioner M⁻¹ = diag(inverseDiagonal), length n, all entries positive (usually
   * 1 / diag(A)). Default: none (M = I).
   */
  inverseDiagonal?: ArrayLike<number>;
}

/** Result of {@link conjugateGradient}. */
export interface ConjugateGradientResult {
  /** The solution, row-major (n, c) like `b`. */
  x: Float32Array;
  /** Iterations run: the largest over the columns (each iteration is one block product with A). */
  iterations: number;
  /** True when every column met the tolerance within `maxIter` iterations. */
  converged: boolean;
  /** Largest relative residual ‖b_j − A x_j‖₂ / ‖b_j‖₂ over the columns (the recursively updated residual). */
  relativeResidual: number;
}

/** Defaults of {@link conjugateGradient}. */
export const CG_DEFAULTS = { tol: 1e-6, maxIter: 1000 } as const;

/**
 * Applies a symmetric positive definite operator A to a row-major block `x` of shape (n, c), writing A·x
 * into `out` (same shape; `out` never aliases `x`).
 */
export type BlockOperator = (x: Float32Array, out: Float32Array) => void;

/**
 * Preconditioned conjugate gradients for A x = b with A symmetric positive definite (Hestenes & Stiefel
 * 1952; Saad, "Iterative Methods for Sparse Linear Systems", 2003, Alg. 9.1), on c right-hand sides at once.
 *
 * Each column j runs its own recurrence, but one iteration does a single block product A·P, so c columns
 * cost one pass over A instead of c:
 * $$ \alpha_j = \frac{r_j^\top z_j}{p_j^\top A p_j},\quad x_j \leftarrow x_j + \alpha_j p_j,\quad
 *    r_j \leftarrow r_j - \alpha_j A p_j,\quad z_j = M^{-1} r_j,\quad
 *    p_j \leftarrow z_j + \frac{r_j^{\top} z_j}{r_j^{\top} z_j\,|_{\text{prev}}}\, p_j $$
 * with r = b − A x the residual and M⁻¹ the optional Jacobi preconditioner. A column whose residual meets
 * ‖r_j‖₂ ≤ tol·‖b_j‖₂ is frozen (its search direction zeroed); a zero column of b has solution 0.
 * Dot products accumulate in double precision; vectors are stored in float32.
 *
 * @param applyA - the block operator x ↦ A x (A must be symmetric positive definite)
 * @param b - right-hand sides, row-major (n, c)
 * @param x0 - initial guess, same shape as b (default zeros)
 * @param options - `tol` (1e-6), `maxIter` (1000), `numCols` (1), `inverseDiagonal` (none)
 * @returns the solution, iterations used, whether every column converged and the largest relative residual
 * @throws {@link InvalidArgumentError} for a non-positive `tol`, a `maxIter` or `numCols` that is not a
 *   positive integer, or a non-positive preconditioner entry
 * @throws {@link ShapeMismatchError} when `b`, `x0` or `inverseDiagonal` do not fit (n, c)
 * @throws {@link NumericalError} when a curvature pᵀAp ≤ 0 or NaN shows A is not positive definite
 * @example
 * ```ts
 * // [[4, 1], [1, 3]] x = [1, 2]
 * const { x } = conjugateGradient((v, out) => { out[0] = 4 * v[0] + v[1]; out[1] = v[0] + 3 * v[1]; },
 *   new Float32Array([1, 2]));
 * ```
 */
export function conjugateGradient(
  applyA: BlockOperator,
  b: Float32Array,
  x0?: Float32Array,
  options: ConjugateGradientOptions = {},
): ConjugateGradientResult {
  const fn = 'conjugateGradient';
  const { tol = CG_DEFAULTS.tol, maxIter = CG_DEFAULTS.maxIter, numCols = 1, inverseDiagonal } = options;
  if (!(tol > 0)) throw new InvalidArgumentError(fn, 'tol', tol, 'a positive number');
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new InvalidArgumentError(fn, 'maxIter', maxIter, 'a positive integer');
  }
  if (!Number.isInteger(numCols) || numCols < 1) {
    throw new InvalidArgumentError(fn, 'numCols', numCols, 'a positive integer');
  }
  if (b.length % numCols !== 0) {
    throw new ShapeMismatchError(fn, `b of length divisible by numCols = ${numCols}`, `length ${b.length}`);
  }
  const n = b.length / numCols;
  if (x0 !== undefined && x0.length !== b.length) {
    throw new ShapeMismatchError(fn, `x0 of length ${b.length}`, `length ${x0.length}`);
  }
  if (inverseDiagonal !== undefined) {
    if (inverseDiagonal.length !== n) {
      throw new ShapeMismatchError(fn, `inverseDiagonal of length ${n}`, `length ${inverseDiagonal.length}`);
    }
    for (let i = 0; i < n; i++) {
      if (!(inverseDiagonal[i] > 0)) {
        throw new InvalidArgumentError(fn, `inverseDiagonal[${i}]`, inverseDiagonal[i], 'a positive number');
      }
    }
  }
  return solve(applyA, b, x0, n, numCols, tol, maxIter, inverseDiagonal);
}

function solve(
  applyA: BlockOperator,
  b: Float32Array,
  x0: Float32Array | undefined,
  n: number,
  c: number,
  tol: number,
  maxIter: number,
  minv: ArrayLike<number> | undefined,
): ConjugateGradientResult {
  const size = n * c;
  const x = x0 === undefined ? new Float32Array(size) : Float32Array.from(x0);
  const r = new Float32Array(size);
  const z = minv === undefined ? r : new Float32Array(size);
  const p = new Float32Array(size);
  const q = new Float32Array(size);
  const bNorm2 = columnDots(b, b, n, c);
  const threshold2 = new Float64Array(c);
  for (let j = 0; j < c; j++) threshold2[j] = tol * tol * bNorm2[j];

  // r = b − A x; columns with b_j = 0 have the exact solution 0.
  for (let k = 0; k < size; k++) if (bNorm2[k % c] === 0) x[k] = 0;
  applyA(x, q);
  for (let k = 0; k < size; k++) r[k] = b[k] - q[k];
  const active = new Uint8Array(c);
  let rNorm2 = columnDots(r, r, n, c);
  for (let j = 0; j < c; j++) active[j] = rNorm2[j] > threshold2[j] ? 1 : 0;
  precondition(r, z, minv, n, c);
  let rho = columnDots(r, z, n, c);
  for (let k = 0; k < size; k++) p[k] = active[k % c] ? z[k] : 0;

  const alpha = new Float64Array(c);
  const beta = new Float64Array(c);
  let iterations = 0;
  while (iterations < maxIter && active.some((a) => a === 1)) {
    applyA(p, q);
    iterations++;
    const curvature = columnDots(p, q, n, c);
    for (let j = 0; j < c; j++) {
      if (!active[j]) {
        alpha[j] = 0;
        continue;
      }
      if (!(curvature[j] > 0)) {
        throw new NumericalError(
          `conjugateGradient: the operator is not symmetric positive definite (pᵀAp = ${curvature[j]} in column ${j}, iteration ${iterations})`,
        );
      }
      alpha[j] = rho[j] / curvature[j];
    }
    for (let i = 0, k = 0; i < n; i++) {
      for (let j = 0; j < c; j++, k++) {
        x[k] += alpha[j] * p[k];
        r[k] -= alpha[j] * q[k];
      }
    }
    rNorm2 = columnDots(r, r, n, c);
    precondition(r, z, minv, n, c);
    const rhoNext = columnDots(r, z, n, c);
    for (let j = 0; j < c; j++) {
      if (active[j] && rNorm2[j] <= threshold2[j]) active[j] = 0;
      beta[j] = active[j] ? rhoNext[j] / rho[j] : 0;
    }
    for (let i = 0, k = 0; i < n; i++) {
      // A converged column gets a zero direction, which freezes it.
      for (let j = 0; j < c; j++, k++) p[k] = active[j] ? z[k] + beta[j] * p[k] : 0;
    }
    rho = rhoNext;
  }
  let relativeResidual = 0;
  for (let j = 0; j < c; j++) {
    if (bNorm2[j] > 0) relativeResidual = Math.max(relativeResidual, Math.sqrt(rNorm2[j] / bNorm2[j]));
  }
  return { x, iterations, converged: !active.some((a) => a === 1), relativeResidual };
}

function columnDots(a: Float32Array, b: Float32Array, n: number, c: number): Float64Array {
  const dots = new Float64Array(c);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < c; j++, k++) dots[j] += a[k] * b[k];
  }
  return dots;
}

function precondition(
  r: Float32Array,
  z: Float32Array,
  minv: ArrayLike<number> | undefined,
  n: number,
  c: number,
): void {
  if (minv === undefined) return;
  for (let i = 0, k = 0; i < n; i++) {
    const m = minv[i];
    for (let j = 0; j < c; j++, k++) z[k] = m * r[k];
  }
}
