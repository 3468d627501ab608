import * as tf from '@tensorflow/tfjs-core';
import type { MatMul2dAttrs, MatMul2dInputs } from '../../kernel-names.js';

/** `CoinMatMul2d` on other backends: `tf.matMul`. */
export function matMul2dComposed(args: { inputs: MatMul2dInputs; attrs: MatMul2dAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  return tf.matMul(inputs.a as tf.Tensor2D, inputs.b as tf.Tensor2D, attrs.transposeA, attrs.transposeB);
}
