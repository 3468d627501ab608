import { InvalidArgumentError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, type Tensor2D } from '@tensorflow/tfjs-core';
import type { SegmentAttrs, SegmentInputs } from '../kernel-names.js';
import { checkScatter } from './check-rows.js';
import { tensorWithHostCopy } from './host-copies.js';

/**
 * Validates the arguments of segment reduction `fn` (float32 x of rank 2, one segment id per row, each in
 * [0, numSegments)) and runs its kernel `kernelName` (`CoinSegmentMean`, `CoinSegmentMax`).
 * @throws {@link ShapeMismatchError} if x is not rank 2 or segmentIds.length differs from its rows
 * @throws {@link InvalidArgumentError} for a bad numSegments or segment id, or a non-float32 x
 */
export function runSegmentKernel(
  kernelName: string,
  fn: string,
  x: Tensor2D,
  segmentIds: Int32Array,
  numSegments: number,
): Tensor2D {
  if (x.dtype !== 'float32') throw new InvalidArgumentError(fn, 'x.dtype', x.dtype, "'float32'");
  checkScatter(fn, x, segmentIds, numSegments, ['segmentIds', 'numSegments']);
  const inputs: SegmentInputs = { x, segmentIds: tensorWithHostCopy(segmentIds, 'int32') };
  const attrs: SegmentAttrs = { numSegments };
  return engine().runKernel(
    kernelName,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}
