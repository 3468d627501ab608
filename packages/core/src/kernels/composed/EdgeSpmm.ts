import * as tf from '@tensorflow/tfjs-core';
import type { EdgeNodesAttrs, EdgeSpmmInputs } from '../../kernel-names.js';

/**
 * `CoinEdgeSpmm` composed from tfjs ops: the rows X_{src_e} gathered, each block of d = F/H columns scaled
 * by w_{e,h}, then summed by destination with `unsortedSegmentSum`.
 */
export function edgeSpmmComposed(args: { inputs: EdgeSpmmInputs; attrs: EdgeNodesAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  const weights = inputs.weights as tf.Tensor2D;
  const x = inputs.x as tf.Tensor2D;
  return tf.tidy(() => {
    const numEdges = weights.shape[0];
    const [h, width] = [weights.shape[1], x.shape[1]];
    const rows = tf.reshape(tf.gather(x, inputs.src as tf.Tensor1D), [numEdges, h, width / h]);
    const messages = tf.reshape(tf.mul(rows, tf.expandDims(weights, 2)), [numEdges, width]);
    return tf.unsortedSegmentSum(messages, inputs.dst as tf.Tensor1D, attrs.numNodes) as tf.Tensor2D;
  });
}
