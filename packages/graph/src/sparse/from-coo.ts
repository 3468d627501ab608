import { ShapeMismatchError } from '../errors.js';
import { buildCsr } from './build-csr.js';
import { checkIndices, checkInteger, checkValues } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';

/** Options of {@link fromCoo}. */
export interface FromCooOptions {
  /** How entries with the same (row, column) combine: `'sum'` (default) or `'max'`. */
  duplicates?: 'sum' | 'max';
}

/**
 * Builds a CSR matrix from COO triplets (rowsₖ, colsₖ, valuesₖ):
 * $$ A_{ij} = \bigoplus_{k:\ \mathrm{rows}_k = i,\ \mathrm{cols}_k = j} \mathrm{values}_k $$
 * where ⊕ is the sum or the maximum (`duplicates`). Column indices come out sorted in every row, with
 * no duplicates. O(nnz + numRows + numCols).
 *
 * @param rows - row index of each entry, integers in [0, numRows)
 * @param cols - column index of each entry, integers in [0, numCols)
 * @param values - value of each entry, finite; `undefined` means all ones
 * @param shape - `[numRows, numCols]`
 * @param options - `duplicates` (default `'sum'`)
 * @throws {@link ShapeMismatchError} if rows, cols and values differ in length
 * @throws {@link InvalidArgumentError} for a bad shape, an index out of range, or a non-finite value
 * @example fromCoo([0, 1], [1, 0], undefined, [2, 2]) // the 2×2 swap pattern
 */
export function fromCoo(
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number> | undefined,
  shape: readonly [number, number],
  options: FromCooOptions = {},
): CsrMatrix {
  const [numRows, numCols] = shape;
  checkInteger('fromCoo', 'numRows', numRows);
  checkInteger('fromCoo', 'numCols', numCols);
  if (cols.length !== rows.length) {
    throw new ShapeMismatchError('fromCoo', `cols of length ${rows.length}`, `length ${cols.length}`);
  }
  if (values !== undefined && values.length !== rows.length) {
    throw new ShapeMismatchError('fromCoo', `values of length ${rows.length}`, `length ${values.length}`);
  }
  checkIndices('fromCoo', 'rows', rows, numRows);
  checkIndices('fromCoo', 'cols', cols, numCols);
  if (values !== undefined) checkValues('fromCoo', 'values', values);
  return buildCsr(numRows, numCols, rows, cols, values, options.duplicates ?? 'sum');
}
