import * as tf from '@tensorflow/tfjs-core';
import type { EdgeNodesAttrs, EdgeSoftmaxInputs } from '../../kernel-names.js';
import { segmentMax } from './SegmentMax.js';

/**
 * `CoinEdgeSoftmax` composed from tfjs ops: the per-destination maximum by a segmented scan
 * ({@link segmentMax}), then exp(s − m_dst), its `unsortedSegmentSum` by destination, and the division.
 */
export function edgeSoftmaxComposed(args: { inputs: EdgeSoftmaxInputs; attrs: EdgeNodesAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  const scores = inputs.scores as tf.Tensor2D;
  const dst = inputs.dst as tf.Tensor1D;
  return tf.tidy(() => {
    const max = segmentMax(scores, dst, attrs.numNodes);
    const exp = tf.exp(tf.sub(scores, tf.gather(max, dst)));
    const sums = tf.unsortedSegmentSum(exp, dst, attrs.numNodes);
    return tf.div(exp, tf.gather(sums, dst)) as tf.Tensor2D;
  });
}
