import * as tf from '@tensorflow/tfjs-core';
import type {
  SparseResidualLinearAttrs,
  SparseResidualLinearGradInputs,
  SparseResidualLinearInputs,
} from '../../kernel-names.js';
import { csrMatMul } from '../../ops/csr-mat-mul.js';
import { csrTensorOf } from './csr-tensor-of.js';

function denseX(
  inputs: SparseResidualLinearInputs | SparseResidualLinearGradInputs,
  attrs: SparseResidualLinearAttrs,
) {
  const coords = tf.stack([inputs.rowIds as tf.Tensor1D, inputs.indices as tf.Tensor1D], 1);
  return tf.scatterND(coords, inputs.values as tf.Tensor1D, [attrs.numRows, attrs.numCols]) as tf.Tensor2D;
}

/** `CoinSparseResidualLinear` composed from tfjs ops: H = dense(X) + relu(csrMatMul(X, W) + b). */
export function sparseResidualLinearComposed(args: {
  inputs: SparseResidualLinearInputs;
  attrs: SparseResidualLinearAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const x = csrTensorOf(inputs, [attrs.numRows, attrs.numCols]);
  return tf.tidy(() =>
    tf.add(
      denseX(inputs, attrs),
      tf.relu(
        tf.add(csrMatMul(x, inputs.weight as tf.Tensor2D), tf.reshape(inputs.bias as tf.Tensor, [1, -1])),
      ),
    ),
  );
}

/**
 * `CoinSparseResidualLinearGrad` composed from tfjs ops: dZ = dH ⊙ step(H − dense(X)), then
 * dW = csrMatMul(Xᵀ, dZ) and db = Σ_rows dZ.
 */
export function sparseResidualLinearGradComposed(args: {
  inputs: SparseResidualLinearGradInputs;
  attrs: SparseResidualLinearAttrs;
}): tf.Tensor[] {
  const { inputs, attrs } = args;
  return tf.tidy(() => {
    const relu = tf.sub(inputs.h as tf.Tensor2D, denseX(inputs, attrs));
    const dz = tf.mul(inputs.dh as tf.Tensor2D, tf.cast(tf.greater(relu, 0), 'float32')) as tf.Tensor2D;
    return [csrMatMul(csrTensorOf(inputs, [attrs.numRows, attrs.numCols]), dz, true), tf.sum(dz, 0)];
  });
}
