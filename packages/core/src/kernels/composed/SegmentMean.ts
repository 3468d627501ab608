import * as tf from '@tensorflow/tfjs-core';
import type { SegmentAttrs, SegmentInputs } from '../../kernel-names.js';

/**
 * `CoinSegmentMean` composed from tfjs ops: `unsortedSegmentSum` of the rows, divided by the row count of
 * each segment (at least 1, so an empty segment stays 0).
 */
export function segmentMeanComposed(args: { inputs: SegmentInputs; attrs: SegmentAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  const x = inputs.x as tf.Tensor2D;
  const ids = inputs.segmentIds as tf.Tensor1D;
  return tf.tidy(() => {
    const sums = tf.unsortedSegmentSum(x, ids, attrs.numSegments);
    const counts = tf.unsortedSegmentSum(tf.ones([x.shape[0]]), ids, attrs.numSegments);
    return tf.div(sums, tf.expandDims(tf.maximum(counts, 1), 1)) as tf.Tensor2D;
  });
}
