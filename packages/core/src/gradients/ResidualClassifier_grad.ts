import * as tf from '@tensorflow/tfjs-core';
import {
  ResidualClassifier,
  ResidualClassifierGrad,
  type ResidualClassifierGradInputs,
} from '../kernel-names.js';
import { columnSums } from '../ops/column-sums.js';

/**
 * Gradient of `CoinResidualClassifier`, Z = H W₂ + b₂ with H = X + relu(X W₁ + b₁), from dZ and the saved H:
 * one `CoinResidualClassifierGrad` kernel gives, with dR = (dZ W₂ᵀ) ⊙ [H − X > 0],
 * $$ \partial\ell/\partial W_1 = X^\top dR,\quad \partial\ell/\partial b_1 = dR^\top\mathbf 1,\quad
 *    \partial\ell/\partial W_2 = H^\top dZ $$
 * and ∂ℓ/∂b₂ = dZᵀ1 ({@link columnSums}). The output H has no gradient of its own (it is not returned by the op).
 */
export const residualClassifierGradConfig: tf.GradConfig = {
  kernelName: ResidualClassifier,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'b1', 'w2', 'b2'],
  outputsToSave: [false, true],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, b1, w2, b2, h] = saved;
    const dz = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor2D;
    const inputs: ResidualClassifierGradInputs = { indptr, indices, values, rowIds, h, w2, dz };
    const [dw1, db1, dw2] = tf
      .engine()
      .runKernel(ResidualClassifierGrad, inputs as unknown as tf.NamedTensorMap, attrs) as tf.Tensor[];
    return {
      w1: () => dw1,
      b1: () => tf.reshape(db1, b1.shape),
      w2: () => dw2,
      b2: () => tf.reshape(columnSums(dz), b2.shape),
    };
  },
};
