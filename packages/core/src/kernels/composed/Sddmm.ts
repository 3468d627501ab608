import * as tf from '@tensorflow/tfjs-core';
import type { SddmmAttrs, SddmmInputs } from '../../kernel-names.js';

/**
 * `CoinSddmm` composed from tfjs ops: the rows A_{src_e} and B_{dst_e} gathered, then added (`'add'`) or
 * multiplied and summed over each block of d = F/H columns (`'dot'`).
 */
export function sddmmComposed(args: { inputs: SddmmInputs; attrs: SddmmAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  return tf.tidy(() => {
    const a = tf.gather(inputs.a as tf.Tensor2D, inputs.src as tf.Tensor1D);
    const b = tf.gather(inputs.b as tf.Tensor2D, inputs.dst as tf.Tensor1D);
    if (attrs.mode === 'add') return tf.add(a, b) as tf.Tensor2D;
    const [numEdges, width] = a.shape;
    const h = attrs.numHeads;
    return tf.sum(tf.reshape(tf.mul(a, b), [numEdges, h, width / h]), 2) as tf.Tensor2D;
  });
}
