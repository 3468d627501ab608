import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedTensorMap, op, type Tensor1D, type Tensor2D } from '@tensorflow/tfjs-core';
import { ColumnSums, type ColumnSumsInputs } from '../kernel-names.js';

/**
 * Column sums of a matrix, rows added in order (on cpu in float64, rounded once to float32, as tfjs' `sum`
 * over axis 0 does):
 * $$ s_k = \sum_{i} X_{ik} $$
 * The bias gradient of {@link addBias}; it has no gradient of its own.
 * @param x - X, numRows × numCols, float32
 * @returns s, numCols entries
 * @throws {@link ShapeMismatchError} if x is not rank 2
 * @throws {@link InvalidArgumentError} if x is not float32
 */
function columnSums_(x: Tensor2D): Tensor1D {
  if (x.dtype !== 'float32') throw new InvalidArgumentError('columnSums', 'x.dtype', x.dtype, "'float32'");
  if (x.rank !== 2) {
    throw new ShapeMismatchError('columnSums', 'x of rank 2', `x of shape [${x.shape.join(', ')}]`);
  }
  const inputs: ColumnSumsInputs = { x };
  return engine().runKernel(ColumnSums, inputs as unknown as NamedTensorMap) as Tensor1D;
}

/** Column sums $$ s_k = \sum_i X_{ik} $$, rows added in order (details above). */
export const columnSums = /* @__PURE__ */ op({ columnSums_ });
