import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import {
  customGrad,
  engine,
  type GradSaveFunc,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  reshape,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
} from '@tensorflow/tfjs-core';
import {
  ResidualClassifier,
  ResidualClassifierGrad,
  type ResidualClassifierGradInputs,
  type ResidualClassifierInputs,
  type SparseResidualLinearAttrs,
} from '../kernel-names.js';
import { columnSums } from './column-sums.js';
import type { CsrTensor } from './csr-tensor.js';
import { checkResidualOperands } from './sparse-residual-linear.js';

/**
 * COIN's convection block and its classifier, fused (COIN, arXiv:2403.15726; official graph/coin.py):
 * $$ Z = H W_2 + \mathbf 1 b_2^\top,\qquad H = X + \operatorname{relu}(X W_1 + \mathbf 1 b_1^\top) $$
 * the logits of the softmax, where X (numNodes × F) is a constant sparse matrix (bag-of-words features), W₁
 * F × F, b₁ F, W₂ F × C, b₂ C. One kernel `CoinResidualClassifier` (outputs Z and H, which the gradient keeps);
 * the gradient is one kernel `CoinResidualClassifierGrad` for W₁, b₁ and W₂, with
 * $$ dR = (dZ\, W_2^\top) \odot [H - X > 0],\quad \frac{\partial\ell}{\partial W_1} = X^\top dR,\quad
 *    \frac{\partial\ell}{\partial b_1} = dR^\top\mathbf 1,\quad \frac{\partial\ell}{\partial W_2} = H^\top dZ $$
 * (on cpu one pass over the rows of H: dZ W₂ᵀ is never stored unmasked), and ∂ℓ/∂b₂ = dZᵀ1, as a custom gradient
 * of the op (H saved, no gradient of H asked for).
 * The same numbers as `addBias(matMul2d(sparseResidualLinear(X, W₁, b₁), W₂), b₂)`. X gets no gradient.
 *
 * @param x - X, numNodes × F
 * @param w1 - W₁, F × F, float32
 * @param b1 - b₁, shape [F] or [1, F], float32
 * @param w2 - W₂, F × C, float32
 * @param b2 - b₂, shape [C] or [1, C], float32
 * @throws {@link ShapeMismatchError} if W₁ is not F × F, W₂ has not F rows, or a bias has the wrong size
 * @throws {@link InvalidArgumentError} for a non-float32 weight, or a disposed X
 * @example residualClassifier(features, w1, b1, w2, b2) // COIN's logits
 */
function residualClassifier_(
  x: CsrTensor,
  w1: Tensor2D,
  b1: Tensor1D | Tensor2D,
  w2: Tensor2D,
  b2: Tensor1D | Tensor2D,
): Tensor2D {
  const fn = 'residualClassifier';
  checkResidualOperands(fn, x, w1, b1);
  const f = x.numCols;
  for (const [name, t] of [
    ['w2', w2],
    ['b2', b2],
  ] as const) {
    if (t.dtype !== 'float32') throw new InvalidArgumentError(fn, `${name}.dtype`, t.dtype, "'float32'");
  }
  if (w2.rank !== 2 || w2.shape[0] !== f) {
    throw new ShapeMismatchError(fn, `w2 of shape [${f}, C]`, `w2 of shape [${w2.shape.join(', ')}]`);
  }
  const c = w2.shape[1];
  if (b2.size !== c || !(b2.rank === 1 || (b2.rank === 2 && b2.shape[0] === 1))) {
    throw new ShapeMismatchError(
      fn,
      `b2 of shape [${c}] or [1, ${c}]`,
      `b2 of shape [${b2.shape.join(', ')}]`,
    );
  }
  const attrs: SparseResidualLinearAttrs = { numRows: x.numRows, numCols: f };
  const run = (kernel: string, inputs: ResidualClassifierInputs | ResidualClassifierGradInputs) =>
    engine().runKernel(
      kernel,
      inputs as unknown as NamedTensorMap,
      attrs as unknown as NamedAttrMap,
    ) as Tensor[];
  // A custom gradient, not one registered for the kernel: the tape then records Z alone, and does not fill a
  // numNodes × F array of zeros for the gradient of the kernel's output H every step (H is saved instead).
  // The inputs are w1, b1, w2, b2 (read from the closure), then the save function.
  const block = customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const save = args[4] as GradSaveFunc;
    const [z, h] = run(ResidualClassifier, { ...x.kernelInputs(), w1, b1, w2, b2 });
    save([h]);
    return {
      value: z,
      gradFunc: (dz: Tensor, [saved]: Tensor[]) => {
        const [dw1, db1, dw2] = run(ResidualClassifierGrad, { ...x.kernelInputs(), h: saved, w2, dz });
        return [dw1, reshape(db1, b1.shape), dw2, reshape(columnSums(dz as Tensor2D), b2.shape)];
      },
    };
  });
  return block(w1, b1, w2, b2) as Tensor2D;
}

/** COIN's logits $$ Z = (X + \operatorname{relu}(X W_1 + b_1)) W_2 + b_2 $$ in one kernel (details above). */
export const residualClassifier = /* @__PURE__ */ op({ residualClassifier_ });
