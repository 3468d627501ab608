import * as tf from '@tensorflow/tfjs-core';
import type { OdeErrorNormAttrs, OdeErrorNormInputs } from '../../kernel-names.js';

/** `CoinOdeErrorNorm` composed from tfjs ops: √(mean((e / (atol + rtol·max(|y|, |ŷ|)))²)). */
export function odeErrorNormComposed(args: {
  inputs: OdeErrorNormInputs;
  attrs: OdeErrorNormAttrs;
}): tf.Tensor {
  const { inputs, attrs } = args;
  const [e, y, yNext] = [inputs.error, inputs.y, inputs.yNext] as tf.Tensor[];
  return tf.tidy(() => {
    const scale = tf.add(tf.mul(tf.maximum(tf.abs(y), tf.abs(yNext)), attrs.rtol), attrs.atol);
    return tf.sqrt(tf.mean(tf.square(tf.div(e, scale))));
  });
}
