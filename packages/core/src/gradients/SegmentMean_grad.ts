import * as tf from '@tensorflow/tfjs-core';
import { type SegmentAttrs, SegmentMean } from '../kernel-names.js';
import { gatherRows } from '../ops/gather-rows.js';
import { hostValues } from '../ops/host-copies.js';

/**
 * Gradient of `CoinSegmentMean`: each row receives its segment's output gradient over the segment's size,
 * $$ \frac{\partial\ell}{\partial X_r} = \frac{dY_{\mathrm{seg}_r}}{|S_{\mathrm{seg}_r}|} $$
 * via {@link gatherRows}.
 */
export const segmentMeanGradConfig: tf.GradConfig = {
  kernelName: SegmentMean,
  inputsToSave: ['segmentIds'],
  gradFunc: (dy, saved, attrs) => {
    const ids = hostValues(saved[0]) as Int32Array;
    const counts = new Int32Array((attrs as unknown as SegmentAttrs).numSegments);
    for (const s of ids) counts[s]++;
    const scale = Float32Array.from(ids, (s) => 1 / counts[s]);
    return {
      x: () => tf.mul(gatherRows(dy as tf.Tensor2D, ids), tf.tensor2d(scale, [ids.length, 1])),
    };
  },
};
