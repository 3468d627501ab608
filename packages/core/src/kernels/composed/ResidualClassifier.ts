import * as tf from '@tensorflow/tfjs-core';
import {
  type ResidualClassifierGradInputs,
  type ResidualClassifierInputs,
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
} from '../../kernel-names.js';
import { addBias } from '../../ops/add-bias.js';
import { matMul2d } from '../../ops/mat-mul-2d.js';
import { sparseResidualLinear } from '../../ops/sparse-residual-linear.js';
import { csrTensorOf } from './csr-tensor-of.js';

/**
 * `CoinResidualClassifier` composed from our ops: H = {@link sparseResidualLinear}(X, W₁, b₁), then
 * Z = {@link addBias}({@link matMul2d}(H, W₂), b₂); outputs [Z, H].
 */
export function residualClassifierComposed(args: {
  inputs: ResidualClassifierInputs;
  attrs: SparseResidualLinearAttrs;
}): tf.Tensor[] {
  const { inputs, attrs } = args;
  const x = csrTensorOf(inputs, [attrs.numRows, attrs.numCols]);
  return tf.tidy(() => {
    const h = sparseResidualLinear(x, inputs.w1 as tf.Tensor2D, inputs.b1 as tf.Tensor1D);
    return [addBias(matMul2d(h, inputs.w2 as tf.Tensor2D), inputs.b2 as tf.Tensor), h];
  });
}

/**
 * `CoinResidualClassifierGrad` composed from our ops: dH = {@link matMul2d}(dZ, W₂ᵀ) and dW₂ = Hᵀ dZ, then the
 * backend's `CoinSparseResidualLinearGrad` of dH for [dW₁, db₁]; outputs [dW₁, db₁, dW₂].
 */
export function residualClassifierGradComposed(args: {
  inputs: ResidualClassifierGradInputs;
  attrs: SparseResidualLinearAttrs;
}): tf.Tensor[] {
  const { inputs, attrs } = args;
  return tf.tidy(() => {
    const { indptr, indices, values, rowIds, h, w2, dz } = inputs;
    const dh = matMul2d(dz as tf.Tensor2D, w2 as tf.Tensor2D, false, true);
    const gradInputs: SparseResidualLinearGradInputs = { indptr, indices, values, rowIds, h, dh };
    const [dw1, db1] = tf
      .engine()
      .runKernel(
        SparseResidualLinearGrad,
        gradInputs as unknown as tf.NamedTensorMap,
        attrs as unknown as tf.NamedAttrMap,
      ) as tf.Tensor[];
    return [dw1, db1, matMul2d(h as tf.Tensor2D, dz as tf.Tensor2D, true, false)];
  });
}
