import * as tf from '@tensorflow/tfjs-core';
import { type SegmentAttrs, SegmentMax } from '../kernel-names.js';
import { gatherRows } from '../ops/gather-rows.js';
import { hostValues } from '../ops/host-copies.js';
import { scatterRows } from '../ops/scatter-rows.js';

/**
 * Gradient of `CoinSegmentMax` from the saved output Y: each entry equal to its segment's maximum receives
 * the output gradient, shared equally among the entries that tie (a subgradient),
 * $$ \frac{\partial\ell}{\partial X_{r,c}} = \frac{dY_{s,c}\, M_{r,c}}{\sum_{r' \in S_s} M_{r',c}},\qquad
 *    M_{r,c} = [X_{r,c} = Y_{s,c}],\ s = \mathrm{seg}_r $$
 * via {@link gatherRows} and {@link scatterRows}.
 */
export const segmentMaxGradConfig: tf.GradConfig = {
  kernelName: SegmentMax,
  inputsToSave: ['x', 'segmentIds'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, segmentIds, y] = saved as [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D];
    const ids = hostValues(segmentIds) as Int32Array;
    const { numSegments } = attrs as unknown as SegmentAttrs;
    return {
      x: () => {
        const mask = tf.cast(tf.equal(x, gatherRows(y, ids)), 'float32') as tf.Tensor2D;
        const ties = tf.maximum(scatterRows(mask, ids, numSegments), 1);
        return tf.mul(mask, gatherRows(tf.div(dy as tf.Tensor, ties) as tf.Tensor2D, ids));
      },
    };
  },
};
