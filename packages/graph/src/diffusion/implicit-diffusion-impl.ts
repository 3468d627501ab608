import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { csrMatMulImpl } from '../sparse/spmm.js';
import { CG_DEFAULTS, conjugateGradient } from './conjugate-gradient.js';
import { implicitDiffusionSystem } from './implicit-diffusion-system.js';

/** Options of {@link implicitDiffusionImpl}. */
export interface ImplicitDiffusionImplOptions {
  /** Relative residual tolerance of each conjugate-gradient solve (default 1e-6). */
  tol?: number;
  /** Iteration cap of each solve (default 1000). */
  maxIter?: number;
  /** Solve with Lᵀ instead of L: the backward pass of the implicit step (default false). */
  transpose?: boolean;
}

/** Result of {@link implicitDiffusionImpl}. */
export interface ImplicitDiffusionImplResult {
  /** u after K implicit steps, row-major (numNodes, numCols). */
  u: Float32Array;
  /** Conjugate-gradient iterations of each step (length K; the largest over the columns). */
  iterations: number[];
  /** Relative residual of each step's solve (length K; the largest over the columns). */
  relativeResiduals: number[];
  /** True when every solve met the tolerance within `maxIter`. */
  converged: boolean;
}

/**
 * K implicit (backward Euler) steps of the graph heat equation ∂u/∂t = −L u, each a linear solve
 * $$ (I + \sigma^2 L)\, u^{(k+1)} = u^{(k)},\qquad k = 0,\dots,K-1, $$
 * the implicit scheme of Alt, Peter, Weickert & Schrader (2021, "Translating Numerical Concepts for PDEs into
 * Neural Architectures", arXiv:2103.15419), whose neural reading is a recurrent fixed-point network. For L
 * symmetric positive semidefinite it is unconditionally stable (‖(I + σ²L)⁻¹‖₂ ≤ 1 for every σ² ≥ 0); when
 * L also has non-positive off-diagonal entries, I + σ²L is an M-matrix, its inverse is entrywise
 * non-negative, and since L𝟙 = 0 (COIN's L = diag(Â𝟙) − Â) rows of probabilities stay probabilities.
 *
 * Each step runs block conjugate gradients over all columns at once ({@link conjugateGradient}: one sparse
 * product per iteration for every column), Jacobi-preconditioned by diag(I + σ²L), warm-started at u^{(k)}.
 * A non-symmetric L that is diagonally similar to a symmetric one, L = S⁻¹ L̃ S with S = diag(s) from
 * {@link implicitDiffusionSystem} (e.g. the random-walk Laplacian I − D⁻¹A, L̃ = I − D^{−1/2}AD^{−1/2},
 * s = √d), is solved through the symmetric system
 * $$ (I + \sigma^2 \tilde L)(S u^{(k+1)}) = S u^{(k)}, $$
 * and the transposed system (I + σ²Lᵀ)x = b, which the gradient needs, through
 * (I + σ²L̃)(S⁻¹x) = S⁻¹b. Typed arrays only; the tfjs kernels call this function.
 *
 * @param indptr - CSR row pointers of L (numNodes + 1)
 * @param indices - CSR column indices of L
 * @param values - CSR values of L
 * @param numNodes - order of L
 * @param u - initial values u^{(0)}, row-major (numNodes, numCols)
 * @param numCols - columns of u
 * @param sigma2 - step σ² ≥ 0 (time per step)
 * @param numSteps - K ≥ 0
 * @param options - `tol` (1e-6), `maxIter` (1000), `transpose` (false)
 * @returns u^{(K)}, the iterations and residual of each step, and whether every solve converged
 * @throws {@link InvalidArgumentError} for a bad sigma2 or numSteps, or an L that no diagonal scaling
 *   makes symmetric
 * @throws {@link ShapeMismatchError} if u has not numNodes·numCols entries
 * @throws {@link NumericalError} if I + σ²L is not positive definite (L has an eigenvalue below −1/σ²)
 */
export function implicitDiffusionImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numNodes: number,
  u: Float32Array,
  numCols: number,
  sigma2: number,
  numSteps: number,
  options: ImplicitDiffusionImplOptions = {},
): ImplicitDiffusionImplResult {
  const fn = 'implicitDiffusionImpl';
  const { tol = CG_DEFAULTS.tol, maxIter = CG_DEFAULTS.maxIter, transpose = false } = options;
  if (!(sigma2 >= 0) || !Number.isFinite(sigma2)) {
    throw new InvalidArgumentError(fn, 'sigma2', sigma2, 'a non-negative finite number');
  }
  if (!Number.isInteger(numSteps) || numSteps < 0) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, 'a non-negative integer');
  }
  if (u.length !== numNodes * numCols) {
    throw new ShapeMismatchError(fn, `u of length ${numNodes * numCols}`, `length ${u.length}`);
  }
  const result: ImplicitDiffusionImplResult = {
    u: Float32Array.from(u),
    iterations: [],
    relativeResiduals: [],
    converged: true,
  };
  if (sigma2 === 0 || numSteps === 0 || u.length === 0) {
    result.iterations = new Array<number>(numSteps).fill(0);
    result.relativeResiduals = new Array<number>(numSteps).fill(0);
    return result;
  }
  const system = implicitDiffusionSystem(
    CsrMatrix.trusted([numNodes, numNodes], indptr, indices, values),
    sigma2,
    transpose,
  );
  const { scale, inverseDiagonal } = system;
  const applyA = (x: Float32Array, out: Float32Array): void => {
    csrMatMulImpl(indptr, indices, system.values, numNodes, x, numCols, out);
    for (let k = 0; k < out.length; k++) out[k] = x[k] + sigma2 * out[k];
  };

  let v = result.u;
  if (scale) scaleRows(v, scale, numCols, false);
  for (let step = 0; step < numSteps; step++) {
    const cg = conjugateGradient(applyA, v, v, { tol, maxIter, numCols, inverseDiagonal });
    v = cg.x;
    result.iterations.push(cg.iterations);
    result.relativeResiduals.push(cg.relativeResidual);
    result.converged &&= cg.converged;
  }
  if (scale) scaleRows(v, scale, numCols, true);
  result.u = v;
  return result;
}

/** In place, x_i· ← w_i x_i· (or x_i· / w_i when `divide`). */
function scaleRows(x: Float32Array, w: Float64Array, numCols: number, divide: boolean): void {
  for (let i = 0, k = 0; k < x.length; i++) {
    const f = divide ? 1 / w[i] : w[i];
    for (let j = 0; j < numCols; j++, k++) x[k] *= f;
  }
}
