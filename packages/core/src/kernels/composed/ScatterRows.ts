import * as tf from '@tensorflow/tfjs-core';
import type { ScatterRowsAttrs, ScatterRowsInputs } from '../../kernel-names.js';

/** `CoinScatterRows` composed from tfjs ops: `tf.scatterND`, which sums repeated indices. */
export function scatterRowsComposed(args: {
  inputs: ScatterRowsInputs;
  attrs: ScatterRowsAttrs;
}): tf.Tensor2D {
  const x = args.inputs.x as tf.Tensor2D;
  return tf.tidy(() =>
    tf.scatterND(tf.expandDims(args.inputs.rows as tf.Tensor1D, 1), x, [args.attrs.numRows, x.shape[1]]),
  );
}
