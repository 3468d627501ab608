import * as tf from '@tensorflow/tfjs-core';
import type { ScaledSumAttrs } from '../../kernel-names.js';

/** `CoinScaledSum` composed from tfjs ops: `addN` of the products w_j X_j. */
export function scaledSumComposed(args: { inputs: tf.TensorInfo[]; attrs: ScaledSumAttrs }): tf.Tensor {
  const { inputs, attrs } = args;
  return tf.tidy(() => tf.addN(inputs.map((x, j) => tf.mul(x as tf.Tensor, attrs.weights[j]))));
}
