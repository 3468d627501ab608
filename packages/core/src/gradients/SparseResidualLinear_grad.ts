import * as tf from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
} from '../kernel-names.js';

/**
 * Gradient of `CoinSparseResidualLinear`, H = X + relu(XW + b): one `CoinSparseResidualLinearGrad` kernel
 * gives, with dZ = dH ⊙ [H − X > 0],
 * $$ \partial\ell/\partial W = X^\top dZ,\qquad \partial\ell/\partial b = dZ^\top\mathbf 1 $$
 * (on cpu, dZ is written straight into the sparse product's operand, never a tensor).
 */
export const sparseResidualLinearGradConfig: tf.GradConfig = {
  kernelName: SparseResidualLinear,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'bias'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, bias, h] = saved;
    const inputs: SparseResidualLinearGradInputs = {
      indptr,
      indices,
      values,
      rowIds,
      h,
      dh: dy as tf.Tensor,
    };
    const [dw, db] = tf
      .engine()
      .runKernel(SparseResidualLinearGrad, inputs as unknown as tf.NamedTensorMap, attrs) as tf.Tensor[];
    return {
      weight: () => dw,
      bias: () => tf.reshape(db, bias.shape),
    };
  },
};
