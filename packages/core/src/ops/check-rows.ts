import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import type { Tensor } from '@tensorflow/tfjs-core';

/**
 * Validates row indices for a row op: every entry an integer in [0, numRows).
 * @throws {@link InvalidArgumentError} naming the first bad entry
 */
export function checkRows(fn: string, rows: Int32Array, numRows: number, name = 'rows'): void {
  if (!(rows instanceof Int32Array)) throw new InvalidArgumentError(fn, name, rows, 'an Int32Array');
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    if (i < 0 || i >= numRows) {
      throw new InvalidArgumentError(fn, `${name}[${r}]`, i, `a row index in [0, ${numRows})`);
    }
  }
}

/**
 * Validates the arguments of an op that sends row r of x to row rows_r of a result with numRows rows
 * (`scatterRows`, `segmentMean`): numRows a non-negative integer, rows valid for it, x of rank 2 with one
 * row per entry of rows.
 * @param names - how the op names rows and numRows (`['segmentIds', 'numSegments']`)
 * @throws {@link InvalidArgumentError} for a bad count or index
 * @throws {@link ShapeMismatchError} if x is not (rows.length × k)
 */
export function checkScatter(
  fn: string,
  x: Tensor,
  rows: Int32Array,
  numRows: number,
  names: readonly [string, string] = ['rows', 'numRows'],
): void {
  if (!Number.isInteger(numRows) || numRows < 0) {
    throw new InvalidArgumentError(fn, names[1], numRows, 'a non-negative integer');
  }
  checkRows(fn, rows, numRows, names[0]);
  if (x.rank !== 2 || x.shape[0] !== rows.length) {
    throw new ShapeMismatchError(fn, `x of shape [${rows.length}, k]`, `x of shape [${x.shape.join(', ')}]`);
  }
}
