import * as tf from '@tensorflow/tfjs-core';
import type { ExplicitDiffusionAttrs, ExplicitDiffusionInputs } from '../../kernel-names.js';
import { csrMatMul } from '../../ops/csr-mat-mul.js';
import { CsrTensor } from '../../ops/csr-tensor.js';

/** `CoinExplicitDiffusion` composed from tfjs ops: K times u ← u − τ_k op(L) u with {@link csrMatMul}. */
export function explicitDiffusionComposed(args: {
  inputs: ExplicitDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const n = attrs.numRows;
  const laplacian = new CsrTensor(
    [n, n],
    inputs.indptr as tf.Tensor1D,
    inputs.indices as tf.Tensor1D,
    inputs.values as tf.Tensor1D,
    inputs.rowIds as tf.Tensor1D,
  );
  return tf.tidy(() => {
    let u = tf.clone(inputs.u as tf.Tensor2D);
    for (const tau of attrs.stepSizes) {
      u = tf.sub(u, tf.mul(csrMatMul(laplacian, u, attrs.transposeL), tau));
    }
    return u;
  });
}
