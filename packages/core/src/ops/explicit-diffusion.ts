import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import {
  ExplicitDiffusion,
  type ExplicitDiffusionAttrs,
  type ExplicitDiffusionInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/**
 * Fused K-step explicit (forward Euler) diffusion (COIN, arXiv:2403.15726, Eq. of the diffusion step):
 * $$ u^{(k+1)} = u^{(k)} - \tau_k\, L\, u^{(k)},\qquad k = 0, \dots, K-1 $$
 * with K = stepSizes.length; COIN uses τ_k = σ² for all k and L = diag(Â1) − Â, and FED schemes use
 * varying τ_k. With `transposeL` the steps use Lᵀ. One kernel `CoinExplicitDiffusion` runs all steps (cpu:
 * typed arrays and two ping-pong buffers; other backends: composed from `csrMatMul`), and the gradient is one
 * tape entry: the same steps with Lᵀ in reverse order,
 * $$ \frac{\partial\ell}{\partial u^{(0)}} = \prod_{k=0}^{K-1} (I - \tau_k L^\top)\ \frac{\partial\ell}{\partial u^{(K)}} $$
 * Shapes: u (numNodes × k), L (numNodes × numNodes) → (numNodes × k). K = 0 returns a copy of u.
 *
 * @param u - the signal, float32 rank 2
 * @param laplacian - L, square
 * @param stepSizes - τ_0 … τ_{K−1}, finite numbers (stability is the caller's business; see the graph
 *   package's `stableStep`)
 * @param transposeL - use Lᵀ (default false)
 * @throws {@link ShapeMismatchError} if L is not square or u's rows differ from its size
 * @throws {@link InvalidArgumentError} for a non-finite step size, a non-float32 u or a disposed L
 * @example explicitDiffusion(p, laplacian, new Array(20).fill(0.35)) // COIN, K = 20, σ² = 0.35
 */
function explicitDiffusion_(
  u: Tensor2D,
  laplacian: CsrTensor,
  stepSizes: readonly number[],
  transposeL = false,
): Tensor2D {
  checkDiffusionOperands('explicitDiffusion', u, laplacian, stepSizes);
  const n = laplacian.numRows;
  const inputs: ExplicitDiffusionInputs = {
    ...laplacian.kernelInputs(),
    u,
  };
  const attrs: ExplicitDiffusionAttrs = { numRows: n, stepSizes: [...stepSizes], transposeL };
  return engine().runKernel(
    ExplicitDiffusion,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/**
 * Checks the operands of K explicit diffusion steps on u: L usable and square, u float32 of rank 2 with L's
 * rows, each step size finite.
 * @param fn - the op, named in errors
 * @param u - the signal (or, for a fused op, the tensor whose rows are diffused)
 * @param argument - u's name in errors
 * @throws {@link ShapeMismatchError} if L is not square or u's rows differ from its size
 * @throws {@link InvalidArgumentError} for a non-finite step size, a non-float32 u or a disposed L
 */
export function checkDiffusionOperands(
  fn: string,
  u: Tensor2D,
  laplacian: CsrTensor,
  stepSizes: readonly number[],
  argument = 'u',
): void {
  laplacian.assertUsable(fn, 'laplacian');
  if (u.dtype !== 'float32') throw new InvalidArgumentError(fn, `${argument}.dtype`, u.dtype, "'float32'");
  const n = laplacian.numRows;
  if (laplacian.numCols !== n) {
    throw new ShapeMismatchError(
      fn,
      'a square laplacian',
      `laplacian of shape [${laplacian.shape.join(', ')}]`,
    );
  }
  if (u.rank !== 2 || u.shape[0] !== n) {
    throw new ShapeMismatchError(
      fn,
      `${argument} of shape [${n}, k]`,
      `${argument} of shape [${u.shape.join(', ')}]`,
    );
  }
  stepSizes.forEach((tau, k) => {
    if (!Number.isFinite(tau)) throw new InvalidArgumentError(fn, `stepSizes[${k}]`, tau, 'a finite number');
  });
}

/** Fused explicit diffusion $$ u \leftarrow u - \tau_k L u,\ k = 0..K-1 $$ in one kernel (details above). */
export const explicitDiffusion = /* @__PURE__ */ op({ explicitDiffusion_ });
