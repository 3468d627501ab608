import { op, type Tensor2D } from '@tensorflow/tfjs-core';
import { SegmentMean } from '../kernel-names.js';
import { runSegmentKernel } from './run-segment-kernel.js';

/**
 * Mean of the rows of each segment (mean aggregation of per-edge messages by destination):
 * $$ Y_{i,:} = \frac{1}{|S_i|} \sum_{r \in S_i} X_{r,:},\qquad S_i = \{r : \mathrm{segmentIds}_r = i\} $$
 * with Y_i = 0 for an empty segment. Segments need not be sorted or contiguous. Shapes: x (m × k),
 * segmentIds (m) → Y (numSegments × k). Kernel `CoinSegmentMean`: one pass on cpu; unsortedSegmentSum and
 * a division elsewhere. Gradient: ∂ℓ/∂X_r = dY_{seg_r} / |S_{seg_r}|.
 *
 * @param x - float32 rows, rank 2
 * @param segmentIds - segment of each row of x, each in [0, numSegments)
 * @param numSegments - rows of the result, a non-negative integer
 * @throws {@link ShapeMismatchError} if x is not rank 2 or segmentIds.length differs from its rows
 * @throws {@link InvalidArgumentError} for a bad numSegments or segment id, or a non-float32 x
 * @example segmentMean(messages, dstArray, numNodes)
 */
function segmentMean_(x: Tensor2D, segmentIds: Int32Array, numSegments: number): Tensor2D {
  return runSegmentKernel(SegmentMean, 'segmentMean', x, segmentIds, numSegments);
}

/** Segment mean $$ Y_i = \operatorname{mean}_{r:\,\mathrm{seg}_r = i} X_r $$, 0 for an empty segment (details on `segmentMean_`). */
export const segmentMean = /* @__PURE__ */ op({ segmentMean_ });
