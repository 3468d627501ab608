import * as tf from '@tensorflow/tfjs-core';
import type { ExplicitDiffusionAttrs, ExplicitDiffusionInputs } from '../../kernel-names.js';
import { csrMatMul } from '../../ops/csr-mat-mul.js';
import { csrTensorOf } from './csr-tensor-of.js';

/** `CoinExplicitDiffusion` composed from tfjs ops: K times u ← u − τ_k op(L) u with {@link csrMatMul}. */
export function explicitDiffusionComposed(args: {
  inputs: ExplicitDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const n = attrs.numRows;
  const laplacian = csrTensorOf(inputs, [n, n]);
  return tf.tidy(() => {
    let u = tf.clone(inputs.u as tf.Tensor2D);
    for (const tau of attrs.stepSizes) {
      u = tf.sub(u, tf.mul(csrMatMul(laplacian, u, attrs.transposeL), tau));
    }
    return u;
  });
}
