import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import {
  type ExplicitDiffusionAttrs,
  SoftmaxDiffusion,
  type SoftmaxDiffusionInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';
import { checkDiffusionOperands } from './explicit-diffusion.js';

/**
 * COIN's classifier output diffused, fused (COIN, arXiv:2403.15726): the row softmax of the logits, then K
 * explicit diffusion steps,
 * $$ u^{(0)} = \operatorname{softmax}(Z),\qquad u^{(k+1)} = u^{(k)} - \tau_k\, L\, u^{(k)},\quad k = 0, \dots, K-1 $$
 * with K = stepSizes.length (COIN: τ_k = σ², L = diag(Â1) − Â). One kernel `CoinSoftmaxDiffusion`; the
 * gradient is one kernel `CoinSoftmaxDiffusionGrad`: the adjoint steps in reverse order, then the softmax's
 * Jacobian, with P = softmax(Z) recomputed from Z,
 * $$ dP = (I - \tau_0 L^\top) \cdots (I - \tau_{K-1} L^\top)\, dU,\qquad dZ = P \odot dP - P \odot ((P \odot dP)\mathbf 1) $$
 * The same numbers as `explicitDiffusion(tf.softmax(Z), L, stepSizes)` (on cpu: tfjs's softmax rounding,
 * the diffusion's SIMD steps). The output may leave [0, 1] when τ_k is past the positivity bound; the loss's
 * clamp before the log (`logProbabilities`) is not part of this op.
 * Shapes: Z (numNodes × C), L (numNodes × numNodes) → (numNodes × C).
 *
 * @param logits - Z, float32 rank 2
 * @param laplacian - L, square
 * @param stepSizes - τ_0 … τ_{K−1}, finite numbers
 * @param transposeL - use Lᵀ (default false)
 * @throws {@link ShapeMismatchError} if L is not square or Z's rows differ from its size
 * @throws {@link InvalidArgumentError} for a non-finite step size, a non-float32 Z or a disposed L
 * @example softmaxDiffusion(logits, laplacian, new Array(20).fill(0.35)) // COIN, K = 20, σ² = 0.35
 */
function softmaxDiffusion_(
  logits: Tensor2D,
  laplacian: CsrTensor,
  stepSizes: readonly number[],
  transposeL = false,
): Tensor2D {
  checkDiffusionOperands('softmaxDiffusion', logits, laplacian, stepSizes, 'logits');
  const inputs: SoftmaxDiffusionInputs = { ...laplacian.kernelInputs(), logits };
  const attrs: ExplicitDiffusionAttrs = { numRows: laplacian.numRows, stepSizes: [...stepSizes], transposeL };
  return engine().runKernel(
    SoftmaxDiffusion,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** $$ u \leftarrow \operatorname{softmax}(Z),\ u \leftarrow u - \tau_k L u,\ k = 0..K-1 $$ in one kernel (details above). */
export const softmaxDiffusion = /* @__PURE__ */ op({ softmaxDiffusion_ });
