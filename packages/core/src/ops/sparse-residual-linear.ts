import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Tensor1D,
  type Tensor2D,
} from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  type SparseResidualLinearInputs,
} from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/**
 * COIN's convection block on sparse features, fused (COIN, arXiv:2403.15726; official graph/coin.py):
 * $$ H = X + \operatorname{relu}(X W + \mathbf 1 b^\top) $$
 * where X (numNodes × F) is a constant sparse matrix (bag-of-words features), W (F × F), b (F). One kernel
 * `CoinSparseResidualLinear` (cpu: the sparse product, then bias, relu and the sparse skip in place; no dense
 * copy of X). Gradients, from the saved output H:
 * $$ dZ = dH \odot [H - X > 0],\quad \frac{\partial\ell}{\partial W} = X^\top dZ,\quad
 *    \frac{\partial\ell}{\partial b} = dZ^\top \mathbf 1 $$
 * (one fused kernel for dZ, Xᵀ dZ and the column sums; on cpu dZ is never materialised as a tensor).
 * X gets no gradient.
 *
 * @param x - X, numNodes × F
 * @param weight - W, F × F, float32
 * @param bias - b, shape [F] or [1, F], float32
 * @throws {@link ShapeMismatchError} if W is not F × F or b has not F entries
 * @throws {@link InvalidArgumentError} for non-float32 W or b, or a disposed X
 * @example sparseResidualLinear(features, w1, b1) // h of COIN
 */
function sparseResidualLinear_(x: CsrTensor, weight: Tensor2D, bias: Tensor1D | Tensor2D): Tensor2D {
  checkResidualOperands('sparseResidualLinear', x, weight, bias);
  const f = x.numCols;
  const inputs: SparseResidualLinearInputs = {
    ...x.kernelInputs(),
    weight,
    bias,
  };
  const attrs: SparseResidualLinearAttrs = { numRows: x.numRows, numCols: f };
  return engine().runKernel(
    SparseResidualLinear,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/**
 * Checks the operands of the residual block H = X + relu(X W + b): X usable, W float32 F × F, b float32 with
 * F entries (shape [F] or [1, F]), F = X's columns.
 * @param fn - the op, named in errors
 * @throws {@link ShapeMismatchError} if W is not F × F or b has not F entries
 * @throws {@link InvalidArgumentError} for non-float32 W or b, or a disposed X
 */
export function checkResidualOperands(
  fn: string,
  x: CsrTensor,
  weight: Tensor2D,
  bias: Tensor1D | Tensor2D,
): void {
  x.assertUsable(fn, 'x');
  const f = x.numCols;
  for (const [name, t] of [
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (weight.rank !== 2 || weight.shape[0] !== f || weight.shape[1] !== f) {
    throw new ShapeMismatchError(
      fn,
      `weight of shape [${f}, ${f}] for x of shape [${x.numRows}, ${f}]`,
      `weight of shape [${weight.shape.join(', ')}]`,
    );
  }
  if (bias.size !== f || !(bias.rank === 1 || (bias.rank === 2 && bias.shape[0] === 1))) {
    throw new ShapeMismatchError(
      fn,
      `bias of shape [${f}] or [1, ${f}]`,
      `bias of shape [${bias.shape.join(', ')}]`,
    );
  }
}

/** Fused convection block $$ H = X + \operatorname{relu}(X W + b) $$ on sparse X (details above). */
export const sparseResidualLinear = /* @__PURE__ */ op({ sparseResidualLinear_ });
