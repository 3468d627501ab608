import { InvalidArgumentError } from '@coin-gnn/graph';
import {
  engine,
  type NamedAttrMap,
  type NamedTensorMap,
  op,
  type Tensor2D,
  tensor1d,
} from '@tensorflow/tfjs-core';
import { type SegmentAttrs, type SegmentInputs, SegmentMean } from '../kernel-names.js';
import { checkScatter } from './check-rows.js';

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
  const fn = 'segmentMean';
  if (x.dtype !== 'float32') throw new InvalidArgumentError(fn, 'x.dtype', x.dtype, "'float32'");
  checkScatter(fn, x, segmentIds, numSegments, ['segmentIds', 'numSegments']);
  const inputs: SegmentInputs = { x, segmentIds: tensor1d(segmentIds, 'int32') };
  const attrs: SegmentAttrs = { numSegments };
  return engine().runKernel(
    SegmentMean,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Segment mean $$ Y_i = \operatorname{mean}_{r:\,\mathrm{seg}_r = i} X_r $$, 0 for an empty segment (details on `segmentMean_`). */
export const segmentMean = /* @__PURE__ */ op({ segmentMean_ });
