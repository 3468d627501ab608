import { ShapeMismatchError } from '../errors.js';
import type { CsrMatrix } from './csr-matrix.js';
import { csrMatMulImpl } from './spmm.js';

/**
 * Sparse matrix × vector, each row's dot product accumulated in double precision:
 * $$ y_i = \sum_{p=\mathrm{indptr}_i}^{\mathrm{indptr}_{i+1}-1} \mathrm{values}_p\, x_{\mathrm{indices}_p} $$
 * Shapes: A (numRows × numCols), x (numCols) → y (numRows).
 * @param out - overwritten with y when given (length ≥ numRows, not aliasing x)
 * @throws {@link ShapeMismatchError} if x or out has the wrong length
 */
export function spmv(a: CsrMatrix, x: Float32Array, out?: Float32Array): Float32Array {
  if (x.length !== a.numCols) {
    throw new ShapeMismatchError('spmv', `x of length ${a.numCols}`, `length ${x.length}`);
  }
  if (out !== undefined && out.length < a.numRows) {
    throw new ShapeMismatchError('spmv', `out of length >= ${a.numRows}`, `length ${out.length}`);
  }
  return csrMatMulImpl(a.indptr, a.indices, a.values, a.numRows, x, 1, out);
}
