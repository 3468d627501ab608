import * as tf from '@tensorflow/tfjs-core';
import type {
  ExplicitDiffusionAttrs,
  SoftmaxDiffusionGradInputs,
  SoftmaxDiffusionInputs,
} from '../../kernel-names.js';
import { explicitDiffusion } from '../../ops/explicit-diffusion.js';
import { csrTensorOf } from './csr-tensor-of.js';

/** `CoinSoftmaxDiffusion` composed from tfjs ops: {@link explicitDiffusion} of `tf.softmax(Z)`. */
export function softmaxDiffusionComposed(args: {
  inputs: SoftmaxDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const laplacian = csrTensorOf(inputs, [attrs.numRows, attrs.numRows]);
  return tf.tidy(() =>
    explicitDiffusion(tf.softmax(inputs.logits as tf.Tensor2D), laplacian, attrs.stepSizes, attrs.transposeL),
  );
}

/**
 * `CoinSoftmaxDiffusionGrad` composed from tfjs ops: dP = {@link explicitDiffusion} of dU with the steps
 * reversed and L transposed, then dZ = P ⊙ dP − P ⊙ Σ_k (P ⊙ dP) with P = `tf.softmax(Z)`.
 */
export function softmaxDiffusionGradComposed(args: {
  inputs: SoftmaxDiffusionGradInputs;
  attrs: ExplicitDiffusionAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const laplacian = csrTensorOf(inputs, [attrs.numRows, attrs.numRows]);
  return tf.tidy(() => {
    const steps = [...attrs.stepSizes].reverse();
    const dp = explicitDiffusion(inputs.du as tf.Tensor2D, laplacian, steps, !attrs.transposeL);
    const p = tf.softmax(inputs.logits as tf.Tensor2D);
    const pdp = tf.mul(p, dp);
    return tf.sub(pdp, tf.mul(p, tf.sum(pdp, 1, true)));
  });
}
