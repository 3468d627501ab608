import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import {
  AppnpPropagation,
  type AppnpPropagationAttrs,
  type AppnpPropagationInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/**
 * APPNP's personalised-PageRank propagation (Gasteiger, Bojchevski & Günnemann, arXiv:1810.05997, eq. 4)
 * in one kernel, with a constant square sparse A:
 * $$ Z^{(0)} = H,\qquad Z^{(k+1)} = (1 - \alpha)\,\operatorname{op}(A) Z^{(k)} + \alpha H,\quad k = 0, \dots, K-1 $$
 * returning Z⁽ᴷ⁾, op(A) = A or Aᵀ (`transposeA`). The map H ↦ Z⁽ᴷ⁾ is linear,
 * Z⁽ᴷ⁾ = P(op(A)) H with P(x) = (1 − α)ᴷxᴷ + α Σ_{k<K} (1 − α)ᵏxᵏ, so its gradient is the same recursion with
 * the transposed matrix, never assuming symmetry: ∂ℓ/∂H = P(op(A)ᵀ) dZ. No step keeps a tensor.
 * On cpu one SIMD call per step over all rows, the matrix and the iterates staying in the module's memory,
 * each step rounded as `add(mul(csrMatMul(A, Z), 1 − α), mul(H, α))` on float32 tensors.
 * Shapes: A (n × n), H (n × k) → (n × k).
 *
 * @param h - H, float32, rank 2
 * @param a - A (the normalised adjacency Â of `graph.operator('gcn-norm')`), square
 * @param numSteps - K, a non-negative integer
 * @param alpha - α in [0, 1]
 * @param transposeA - propagate with Aᵀ (default false)
 * @throws {@link ShapeMismatchError} if A is not square or h is not (n × k)
 * @throws {@link InvalidArgumentError} for a bad K, α or dtype, or a disposed A
 * @example appnpPropagation(predictions, graph.operator('gcn-norm'), 10, 0.1)
 */
function appnpPropagation_(
  h: Tensor2D,
  a: CsrTensor,
  numSteps: number,
  alpha: number,
  transposeA = false,
): Tensor2D {
  const fn = 'appnpPropagation';
  a.assertUsable(fn, 'a');
  if (h.dtype !== 'float32') throw new InvalidArgumentError(fn, 'h.dtype', h.dtype, "'float32'");
  if (a.numRows !== a.numCols) {
    throw new ShapeMismatchError(fn, 'a square A', `A of shape [${a.numRows}, ${a.numCols}]`);
  }
  if (h.rank !== 2 || h.shape[0] !== a.numRows) {
    throw new ShapeMismatchError(fn, `h of shape [${a.numRows}, k]`, `h of shape [${h.shape.join(', ')}]`);
  }
  if (!Number.isInteger(numSteps) || numSteps < 0) {
    throw new InvalidArgumentError(fn, 'numSteps', numSteps, 'a non-negative integer');
  }
  if (!(alpha >= 0 && alpha <= 1)) throw new InvalidArgumentError(fn, 'alpha', alpha, 'a number in [0, 1]');
  const inputs: AppnpPropagationInputs = { ...a.kernelInputs(), h };
  const attrs: AppnpPropagationAttrs = { numRows: a.numRows, numSteps, alpha, transposeA };
  return engine().runKernel(
    AppnpPropagation,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** APPNP propagation $$ Z^{(k+1)} = (1 - \alpha)\operatorname{op}(A) Z^{(k)} + \alpha H $$, K steps in one kernel (details above). */
export const appnpPropagation = /* @__PURE__ */ op({ appnpPropagation_ });
