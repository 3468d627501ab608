import * as tf from '@tensorflow/tfjs-core';
import type { GatherRowsInputs } from '../../kernel-names.js';

/** `CoinGatherRows` composed from tfjs ops: `tf.gather` along axis 0. */
export function gatherRowsComposed(args: { inputs: GatherRowsInputs }): tf.Tensor2D {
  return tf.gather(args.inputs.x as tf.Tensor2D, args.inputs.rows as tf.Tensor1D);
}
