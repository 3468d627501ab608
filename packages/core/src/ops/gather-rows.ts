import { ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { GatherRows, type GatherRowsInputs } from '../kernel-names.js';
import { checkRows } from './check-rows.js';
import { tensorWithHostCopy } from './host-copies.js';

/**
 * Row selection, e.g. the training nodes of a loss:
 * $$ Y_{r,:} = X_{\mathrm{rows}_r,:} \qquad (Y = S X,\ S_{r,i} = [\mathrm{rows}_r = i]) $$
 * Shapes: x (numRows × numCols), rows (m) → Y (m × numCols); rows may repeat. Its gradient is
 * {@link scatterRows} (Sᵀ dY, O(m · numCols)), not the O(numRows · m) `unsortedSegmentSum` behind the
 * gradient of `tf.gather` on the cpu backend.
 *
 * @param x - the rows to pick from, rank 2
 * @param rows - row indices, each in [0, numRows)
 * @throws {@link ShapeMismatchError} if x is not rank 2
 * @throws {@link InvalidArgumentError} for a row index out of range or rows that are not an Int32Array
 * @example gatherRows(logProbs, split.train) // (numTrain × numClasses)
 */
function gatherRows_(x: Tensor2D, rows: Int32Array): Tensor2D {
  const fn = 'gatherRows';
  if (x.rank !== 2) throw new ShapeMismatchError(fn, 'x of rank 2', `x of shape [${x.shape.join(', ')}]`);
  checkRows(fn, rows, x.shape[0]);
  const inputs: GatherRowsInputs = { x, rows: tensorWithHostCopy(rows, 'int32') };
  return engine().runKernel(GatherRows, inputs as unknown as NamedTensorMap) as Tensor2D;
}

/** Row selection $$ Y_{r,:} = X_{\mathrm{rows}_r,:} $$ with an O(rows × cols) gradient (details above). */
export const gatherRows = /* @__PURE__ */ op({ gatherRows_ });
