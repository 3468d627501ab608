import * as tf from '@tensorflow/tfjs-core';
import type { MatMul2dAttrs, MatMul2dInputs } from '../../kernel-names.js';

/** `CoinMatMul2d` on other backends: `tf.matMul`. */
export function matMul2dComposed(args: { inputs: MatMul2dInputs; attrs: MatMul2dAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  return tf.matMul(inputs.a as tf.Tensor2D, inputs.b as tf.Tensor2D, attrs.transposeA, attrs.transposeB);
}

/**
 * `CoinMatMul2d` for 'wasm': transposes a transposed operand first, then `tf.matMul` without flags
 * (XNNPACK's transposed matmuls are about 14× slower than a transpose then a plain product).
 */
export function matMul2dTransposeFirst(args: { inputs: MatMul2dInputs; attrs: MatMul2dAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  return tf.tidy(() => {
    const a = attrs.transposeA ? tf.transpose(inputs.a as tf.Tensor2D) : (inputs.a as tf.Tensor2D);
    const b = attrs.transposeB ? tf.transpose(inputs.b as tf.Tensor2D) : (inputs.b as tf.Tensor2D);
    return tf.matMul(a, b);
  });
}
