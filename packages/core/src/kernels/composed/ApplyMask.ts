import * as tf from '@tensorflow/tfjs-core';
import type { ApplyMaskInputs } from '../../kernel-names.js';

/** `CoinApplyMask` composed from tfjs ops: `tf.mul`. */
export function applyMaskComposed(args: { inputs: ApplyMaskInputs }): tf.Tensor {
  return tf.mul(args.inputs.x as tf.Tensor, args.inputs.mask as tf.Tensor);
}
