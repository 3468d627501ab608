import * as tf from '@tensorflow/tfjs-core';
import type { MaskedReluGradInputs, MaskedReluInputs } from '../../kernel-names.js';

/** `CoinMaskedRelu` composed from tfjs ops: m ⊙ relu(x), or relu(x) without a mask. */
export function maskedReluComposed(args: { inputs: MaskedReluInputs }): tf.Tensor {
  const { x, mask } = args.inputs;
  return tf.tidy(() => {
    const y = tf.relu(x as tf.Tensor);
    return mask ? tf.mul(mask as tf.Tensor, y) : y;
  });
}

/** `CoinMaskedReluGrad` composed from tfjs ops: (m ⊙ dy) ⊙ step(x), or dy ⊙ step(x) without a mask. */
export function maskedReluGradComposed(args: { inputs: MaskedReluGradInputs }): tf.Tensor {
  const { x, mask, dy } = args.inputs;
  return tf.tidy(() => {
    const g = mask ? tf.mul(mask as tf.Tensor, dy as tf.Tensor) : (dy as tf.Tensor);
    return tf.mul(g, tf.step(x as tf.Tensor));
  });
}
