import * as tf from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
} from '../kernel-names.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';

/**
 * Gradient of `CoinSparseResidualLinear`, H = X + relu(XW + b): one `CoinSparseResidualLinearGrad` kernel
 * gives dZ = dH ⊙ [H − X > 0] and db = dZᵀ1, then
 * $$ \partial\ell/\partial W = X^\top dZ $$ with {@link csrMatMul}.
 */
export const sparseResidualLinearGradConfig: tf.GradConfig = {
  kernelName: SparseResidualLinear,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'bias'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, bias, h] = saved;
    const { numRows, numCols } = attrs as unknown as SparseResidualLinearAttrs;
    const inputs: SparseResidualLinearGradInputs = {
      indptr,
      indices,
      values,
      rowIds,
      h,
      dh: dy as tf.Tensor,
    };
    const [dz, db] = tf
      .engine()
      .runKernel(SparseResidualLinearGrad, inputs as unknown as tf.NamedTensorMap, attrs) as tf.Tensor[];
    const x = new CsrTensor(
      [numRows, numCols],
      indptr as tf.Tensor1D,
      indices as tf.Tensor1D,
      values as tf.Tensor1D,
      rowIds as tf.Tensor1D,
    );
    return {
      weight: () => csrMatMul(x, dz as tf.Tensor2D, true),
      bias: () => tf.reshape(db, bias.shape),
    };
  },
};
