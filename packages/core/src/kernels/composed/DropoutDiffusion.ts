import * as tf from '@tensorflow/tfjs-core';
import type { DropoutDiffusionAttrs, DropoutDiffusionInputs } from '../../kernel-names.js';
import { explicitDiffusion } from '../../ops/explicit-diffusion.js';
import { csrTensorOf } from './csr-tensor-of.js';

/**
 * `CoinDropoutDiffusion` composed from tfjs ops and the backend's `CoinExplicitDiffusion` (the tape is off
 * inside kernels): per step the float32 mask s·keep_k, a product, and one explicit step (with Lᵀ and in
 * reverse order, the mask after the step, for the adjoint).
 */
export function dropoutDiffusionComposed(args: {
  inputs: DropoutDiffusionInputs;
  attrs: DropoutDiffusionAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const { numRows: n, stepSizes, scale, adjoint } = attrs;
  const laplacian = csrTensorOf(inputs, [n, n]);
  return tf.tidy(() => {
    const masks = tf.unstack(tf.mul(tf.cast(inputs.keep as tf.Tensor3D, 'float32'), scale));
    let u = tf.clone(inputs.u as tf.Tensor2D);
    const order = stepSizes.map((_, k) => (adjoint ? stepSizes.length - 1 - k : k));
    for (const k of order) {
      if (adjoint) u = tf.mul(explicitDiffusion(u, laplacian, [stepSizes[k]], true), masks[k]);
      else u = explicitDiffusion(tf.mul(u, masks[k]) as tf.Tensor2D, laplacian, [stepSizes[k]]);
    }
    return u;
  });
}
