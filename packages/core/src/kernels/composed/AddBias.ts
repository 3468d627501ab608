import * as tf from '@tensorflow/tfjs-core';
import type { AddBiasInputs, ColumnSumsInputs } from '../../kernel-names.js';

/** `CoinAddBias` composed from tfjs ops: X + b broadcast over the rows. */
export function addBiasComposed(args: { inputs: AddBiasInputs }): tf.Tensor {
  const { x, bias } = args.inputs;
  return tf.tidy(() => tf.add(x as tf.Tensor, tf.reshape(bias as tf.Tensor, [1, -1])));
}

/** `CoinColumnSums` composed from tfjs ops: the sum over axis 0. */
export function columnSumsComposed(args: { inputs: ColumnSumsInputs }): tf.Tensor {
  return tf.sum(args.inputs.x as tf.Tensor, 0);
}
