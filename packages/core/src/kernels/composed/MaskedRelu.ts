import * as tf from '@tensorflow/tfjs-core';
import type { MaskedReluGradInputs, MaskedReluInputs } from '../../kernel-names.js';

/** `CoinMaskedRelu` composed from tfjs ops: m ⊙ relu(x). */
export function maskedReluComposed(args: { inputs: MaskedReluInputs }): tf.Tensor {
  const { x, mask } = args.inputs;
  return tf.tidy(() => tf.mul(mask as tf.Tensor, tf.relu(x as tf.Tensor)));
}

/** `CoinMaskedReluGrad` composed from tfjs ops: (m ⊙ dy) ⊙ step(x). */
export function maskedReluGradComposed(args: { inputs: MaskedReluGradInputs }): tf.Tensor {
  const { x, mask, dy } = args.inputs;
  return tf.tidy(() => tf.mul(tf.mul(mask as tf.Tensor, dy as tf.Tensor), tf.step(x as tf.Tensor)));
}
