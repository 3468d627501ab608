import * as tf from '@tensorflow/tfjs-core';
import type { SoftmaxCrossEntropyGradInputs, SoftmaxCrossEntropyInputs } from '../../kernel-names.js';

/** `CoinSoftmaxCrossEntropy` composed from tfjs ops: −(1/m) Σ T ⊙ logSoftmax(gather(Z, rows)). */
export function softmaxCrossEntropyComposed(args: { inputs: SoftmaxCrossEntropyInputs }): tf.Tensor {
  const { logits, rows, targets } = args.inputs;
  return tf.tidy(() => {
    const logP = tf.logSoftmax(tf.gather(logits as tf.Tensor2D, rows as tf.Tensor1D));
    return tf.neg(tf.div(tf.sum(tf.mul(logP, targets as tf.Tensor2D)), rows.shape[0]));
  });
}

/**
 * `CoinSoftmaxCrossEntropyGrad` composed from tfjs ops: with D = −(dy/m) T, the rows
 * D − (Σ_c D_c) softmax(Z_rows) scattered into zeros (`tf.scatterND` sums repeated rows).
 */
export function softmaxCrossEntropyGradComposed(args: { inputs: SoftmaxCrossEntropyGradInputs }): tf.Tensor {
  const { logits, rows, targets, dy } = args.inputs;
  return tf.tidy(() => {
    const d = tf.mul(tf.div(tf.neg(dy as tf.Tensor), rows.shape[0]), targets as tf.Tensor2D);
    const softmax = tf.softmax(tf.gather(logits as tf.Tensor2D, rows as tf.Tensor1D));
    const dRows = tf.sub(d, tf.mul(tf.sum(d, 1, true), softmax));
    return tf.scatterND(tf.expandDims(rows as tf.Tensor1D, 1), dRows, logits.shape as [number, number]);
  });
}
