import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { ScatterRows, type ScatterRowsAttrs, type ScatterRowsInputs } from '../kernel-names.js';
import { checkScatter } from './check-rows.js';
import { tensorWithHostCopy } from './host-copies.js';

/**
 * Scatters rows into zeros, summing repeated indices; the adjoint of {@link gatherRows}:
 * $$ Y = S^\top X,\qquad Y_{i,:} = \sum_{r:\ \mathrm{rows}_r = i} X_{r,:} $$
 * Shapes: x (m × numCols), rows (m) → Y (numRows × numCols). Cost O(numRows · numCols) for the zeros plus
 * O(m · numCols).
 *
 * @param x - the rows to place, rank 2
 * @param rows - destination row of each row of x, each in [0, numRows)
 * @param numRows - rows of the result, a non-negative integer
 * @throws {@link ShapeMismatchError} if x is not rank 2 or rows.length differs from x's rows
 * @throws {@link InvalidArgumentError} for a bad numRows or row index
 * @example scatterRows(dTrain, split.train, numNodes)
 */
function scatterRows_(x: Tensor2D, rows: Int32Array, numRows: number): Tensor2D {
  const fn = 'scatterRows';
  checkScatter(fn, x, rows, numRows);
  const inputs: ScatterRowsInputs = { x, rows: tensorWithHostCopy(rows, 'int32') };
  const attrs: ScatterRowsAttrs = { numRows };
  return engine().runKernel(
    ScatterRows,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Row scattering $$ Y = S^\top X $$, the adjoint of `gatherRows` (details above). */
export const scatterRows = /* @__PURE__ */ op({ scatterRows_ });
