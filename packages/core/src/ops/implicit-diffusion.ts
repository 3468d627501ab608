import { CG_DEFAULTS, InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Tensor,
  type Tensor2D,
} from '@tensorflow/tfjs-core';
import { readsSynchronously } from '../backend/sync-reads.js';
import {
  ImplicitDiffusion,
  type ImplicitDiffusionAttrs,
  type ImplicitDiffusionInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/** What the conjugate-gradient solves of one {@link implicitDiffusion} call did. */
export interface ImplicitDiffusionStats {
  /** Iterations of each of the K steps (the largest over the columns of u). */
  iterations: number[];
  /** Final relative residual ‖b − (I + σ²L)x‖₂ / ‖b‖₂ of each step (largest over the columns). */
  relativeResiduals: number[];
  /** True when every step met the tolerance (false: some solve stopped at `maxIter`). */
  converged: boolean;
}

/** Options of {@link implicitDiffusion}. */
export interface ImplicitDiffusionOptions {
  /** Relative residual tolerance of each conjugate-gradient solve (default 1e-6). */
  tol?: number;
  /** Iteration cap of each solve (default 1000). */
  maxIter?: number;
  /** Solve with Lᵀ instead of L (default false; the gradient uses it). */
  transposeL?: boolean;
  /**
   * Receives the iterations and residuals of the forward solves, e.g. to report "CG iterations per step"
   * during training. Reading them synchronises with the backend, so it is only done when given.
   */
  // not called on a backend that cannot read synchronously (WebGPU in Node: `readsSynchronously`)
  onStats?: (stats: ImplicitDiffusionStats) => void;
  /**
   * Receives the statistics as the kernel made them, on the device and not read (no host transfer, any
   * backend): a (2, K) tensor, row 0 the iterations and row 1 the relative residuals of each step. It belongs
   * to the caller's scope: `tf.keep` it, or keep what is computed from it, to hold it past a `tf.tidy`.
   */
  onStatsTensor?: (stats: Tensor2D) => void;
}

/**
 * Implicit graph diffusion, K backward-Euler steps of ∂u/∂t = −L u (the implicit scheme of Alt, Peter,
 * Weickert & Schrader 2021, "Translating Numerical Concepts for PDEs into Neural Architectures",
 * arXiv:2103.15419, whose network reading is a recurrent fixed-point network):
 * $$ (I + \sigma^2 L)\, u^{(k+1)} = u^{(k)},\qquad k = 0, \dots, K-1, $$
 * reaching the diffusion time T = K·σ² like K explicit steps u ← u − σ²Lu (COIN, arXiv:2403.15726) but
 * unconditionally stable for L symmetric positive semidefinite, and keeping probabilities non-negative
 * with rows summing to one when L is an M-matrix with L𝟙 = 0, as COIN's L = diag(Â𝟙) − Â,
 * Â = D̃^{-1/2}(A + I)D̃^{-1/2}, for every σ².
 *
 * Each step is a Jacobi-preconditioned block conjugate-gradient solve over all columns of u
 * (`implicitDiffusionImpl` of `@coin-gnn/graph` on cpu). A non-symmetric L that a diagonal similarity
 * S L S⁻¹ makes symmetric (the random-walk Laplacian I − D⁻¹A: S = D^{1/2}) is solved in that symmetric
 * form. The gradient is the same solve with the transposed system, (I + σ²Lᵀ)ᴷ-solves of dy; no CG
 * iteration is recorded on the autodiff tape. L is a constant: no gradient flows to its values.
 * Shapes: u (numNodes, C) → (numNodes, C).
 *
 * @param u - initial values u⁽⁰⁾, float32 (numNodes, C)
 * @param laplacian - the operator L (numNodes × numNodes), symmetric positive semidefinite or diagonally
 *   similar to such a matrix
 * @param sigma2 - time per step σ² ≥ 0
 * @param numSteps - K, a non-negative integer; σ² = 0 or K = 0 is the identity
 * @param options - `tol` (1e-6), `maxIter` (1000), `transposeL` (false), `onStats`, `onStatsTensor`
 * @throws {@link InvalidArgumentError} for a negative or non-finite sigma2, a non-integer numSteps, a bad
 *   tol or maxIter, a u that is not float32, a disposed laplacian, or an L no diagonal scaling symmetrises
 * @throws {@link ShapeMismatchError} if L is not square, u is not rank 2 or has not numNodes rows
 * @throws {@link NumericalError} if I + σ²L is not positive definite
 * @example
 * ```ts
 * const L = CsrTensor.fromCsr(coinLaplacian(adjacency));
 * const uK = implicitDiffusion(p, L, 5, 20, { onStats: (s) => console.log(s.iterations) });
 * ```
 */
function implicitDiffusion_(
  u: Tensor2D,
  laplacian: CsrTensor,
  sigma2: number,
  numSteps: number,
  options: ImplicitDiffusionOptions = {},
): Tensor2D {
  const fn = 'implicitDiffusion';
  const {
    tol = CG_DEFAULTS.tol,
    maxIter = CG_DEFAULTS.maxIter,
    transposeL = false,
    onStats,
    onStatsTensor,
  } = options;
  laplacian.assertUsable(fn, 'laplacian');
  if (laplacian.numRows !== laplacian.numCols) {
    throw new ShapeMismatchError(fn, 'a square laplacian', `${laplacian.numRows} x ${laplacian.numCols}`);
  }
  if (u.rank !== 2 || u.shape[0] !== laplacian.numRows) {
    throw new ShapeMismatchError(fn, `u of shape [${laplacian.numRows}, C]`, `[${u.shape.join(', ')}]`);
  }
  if (u.dtype !== 'float32') throw new InvalidArgumentError(fn, 'u.dtype', u.dtype, "'float32'");
  if (!(sigma2 >= 0) || !Number.isFinite(sigma2)) {
    throw new InvalidArgumentError(fn, 'sigma2', sigma2, 'a non-negative finite number');
  }
  if (!Number.isInteger(numSteps) || numSteps < 0) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, 'a non-negative integer');
  }
  if (!(tol > 0)) throw new InvalidArgumentError(fn, 'tol', tol, 'a positive number');
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new InvalidArgumentError(fn, 'maxIter', maxIter, 'a positive integer');
  }
  const inputs: ImplicitDiffusionInputs = {
    ...laplacian.kernelInputs(),
    u,
  };
  const attrs: ImplicitDiffusionAttrs = {
    numRows: laplacian.numRows,
    sigma2,
    numSteps,
    tol,
    maxIter,
    transposeL,
  };
  const [result, stats] = engine().runKernel(
    ImplicitDiffusion,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor[];
  onStatsTensor?.(stats as Tensor2D);
  if (onStats !== undefined && readsSynchronously()) {
    const data = stats.dataSync();
    const relativeResiduals = Array.from(data.subarray(numSteps));
    onStats({
      iterations: Array.from(data.subarray(0, numSteps)),
      relativeResiduals,
      converged: relativeResiduals.every((r) => r <= tol),
    });
  }
  return result as Tensor2D;
}

/** Implicit diffusion, K solves $$ (I + \sigma^2 L)\, u^{(k+1)} = u^{(k)} $$ by block CG (details above). */
export const implicitDiffusion = /* @__PURE__ */ op({ implicitDiffusion_ });
