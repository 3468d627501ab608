import { ShapeMismatchError } from '../errors.js';
import { checkInteger, checkValues } from './check.js';
import { CsrMatrix } from './csr-matrix.js';

/**
 * The CSR form of a dense row-major matrix, storing its nonzeros:
 * $$ A_{ij} = \mathrm{data}_{i \cdot \mathrm{numCols} + j}, \text{ stored when } \ne 0 $$
 *
 * @param data - numRows × numCols finite values, row-major
 * @throws {@link InvalidArgumentError} for a bad dimension or a non-finite value
 * @throws {@link ShapeMismatchError} if data.length ≠ numRows · numCols
 */
export function fromDense(data: ArrayLike<number>, numRows: number, numCols: number): CsrMatrix {
  checkInteger('fromDense', 'numRows', numRows);
  checkInteger('fromDense', 'numCols', numCols);
  if (data.length !== numRows * numCols) {
    throw new ShapeMismatchError('fromDense', `data of length ${numRows * numCols}`, `length ${data.length}`);
  }
  checkValues('fromDense', 'data', data);
  let nnz = 0;
  for (let p = 0; p < data.length; p++) if (data[p] !== 0) nnz++;
  const indptr = new Int32Array(numRows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let k = 0;
  for (let i = 0; i < numRows; i++) {
    const off = i * numCols;
    for (let j = 0; j < numCols; j++) {
      const v = data[off + j];
      if (v !== 0) {
        indices[k] = j;
        values[k++] = v;
      }
    }
    indptr[i + 1] = k;
  }
  return CsrMatrix.trusted([numRows, numCols], indptr, indices, values);
}
