import { op, type Tensor2D } from '@tensorflow/tfjs-core';
import { SegmentMax } from '../kernel-names.js';
import { runSegmentKernel } from './run-segment-kernel.js';

/**
 * Column-wise maximum of the rows of each segment (max aggregation of per-edge messages by destination):
 * $$ Y_{i,c} = \max_{r \in S_i} X_{r,c},\qquad S_i = \{r : \mathrm{segmentIds}_r = i\} $$
 * with Y_i = 0 for an empty segment. Shapes: x (m × k), segmentIds (m) → Y (numSegments × k). Kernel
 * `CoinSegmentMax`: one pass on cpu; a segmented max scan elsewhere. Gradient (a subgradient where rows tie,
 * shared equally among them): ∂ℓ/∂X_{r,c} = dY_{s,c} [X_{r,c} = Y_{s,c}] / #{r' ∈ S_s : X_{r',c} = Y_{s,c}},
 * s = seg_r.
 *
 * @param x - float32 rows, rank 2
 * @param segmentIds - segment of each row of x, each in [0, numSegments)
 * @param numSegments - rows of the result, a non-negative integer
 * @throws {@link ShapeMismatchError} if x is not rank 2 or segmentIds.length differs from its rows
 * @throws {@link InvalidArgumentError} for a bad numSegments or segment id, or a non-float32 x
 * @example segmentMax(messages, dstArray, numNodes)
 */
function segmentMax_(x: Tensor2D, segmentIds: Int32Array, numSegments: number): Tensor2D {
  return runSegmentKernel(SegmentMax, 'segmentMax', x, segmentIds, numSegments);
}

/** Segment maximum $$ Y_i = \max_{r:\,\mathrm{seg}_r = i} X_r $$ per column, 0 for an empty segment (details on `segmentMax_`). */
export const segmentMax = /* @__PURE__ */ op({ segmentMax_ });
