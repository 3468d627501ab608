import * as tf from '@tensorflow/tfjs-core';
import type { LayerNormAttrs, LayerNormGradInputs, LayerNormInputs } from '../../kernel-names.js';

/** x̂ = (x − μ)/√(σ² + ε) per row and 1/√(σ² + ε) (numRows × 1), from tfjs ops. */
function normalized(x: tf.Tensor2D, epsilon: number): { xHat: tf.Tensor2D; rstd: tf.Tensor2D } {
  const { mean, variance } = tf.moments(x, 1, true);
  const rstd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor2D;
  return { xHat: tf.mul(tf.sub(x, mean), rstd) as tf.Tensor2D, rstd };
}

/** `CoinLayerNorm` composed from tfjs ops: x̂ γ + β with broadcasting. */
export function layerNormComposed(args: { inputs: LayerNormInputs; attrs: LayerNormAttrs }): tf.Tensor {
  const { x, gamma, beta } = args.inputs;
  return tf.tidy(() =>
    tf.add(
      tf.mul(normalized(x as tf.Tensor2D, args.attrs.epsilon).xHat, gamma as tf.Tensor),
      beta as tf.Tensor,
    ),
  );
}

/** `CoinLayerNormGrad` composed from tfjs ops: the formula of `LayerNormGrad` with row means. */
export function layerNormGradComposed(args: {
  inputs: LayerNormGradInputs;
  attrs: LayerNormAttrs;
}): tf.Tensor[] {
  const { dy, x, gamma } = args.inputs as { dy: tf.Tensor2D; x: tf.Tensor2D; gamma: tf.Tensor1D };
  return tf.tidy(() => {
    const { xHat, rstd } = normalized(x, args.attrs.epsilon);
    const g = tf.mul(dy, gamma);
    const centred = tf.sub(tf.sub(g, tf.mean(g, 1, true)), tf.mul(xHat, tf.mean(tf.mul(g, xHat), 1, true)));
    return [tf.mul(centred, rstd), tf.sum(tf.mul(dy, xHat), 0), tf.sum(dy, 0)];
  });
}
