import { checkIndices } from './check.js';
import { CsrMatrix } from './csr-matrix.js';

/**
 * The matrix made of the given rows, in the given order (repeats allowed):
 * $$ B_{k,:} = A_{\mathrm{rows}_k,:} $$
 * Shape (rows.length, numCols).
 * @param rows - row indices in [0, numRows)
 * @throws {@link InvalidArgumentError} if a row index is out of range
 */
export function selectRows(m: CsrMatrix, rows: Int32Array): CsrMatrix {
  checkIndices('selectRows', 'rows', rows, m.numRows);
  const { indptr, indices, values } = m;
  const outIndptr = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) {
    outIndptr[k + 1] = outIndptr[k] + indptr[rows[k] + 1] - indptr[rows[k]];
  }
  const nnz = outIndptr[rows.length];
  const outIndices = new Int32Array(nnz);
  const outValues = new Float32Array(nnz);
  for (let k = 0; k < rows.length; k++) {
    const start = indptr[rows[k]];
    const end = indptr[rows[k] + 1];
    outIndices.set(indices.subarray(start, end), outIndptr[k]);
    outValues.set(values.subarray(start, end), outIndptr[k]);
  }
  return CsrMatrix.trusted([rows.length, m.numCols], outIndptr, outIndices, outValues);
}
