import { CsrMatrix } from './csr-matrix.js';

/**
 * The transpose $$ (A^\top)_{ji} = A_{ij} $$ in CSR form (equivalently, A in CSC form).
 * Stored entries are kept one for one (duplicates too); the result has sorted column indices when each
 * row of A has at most one entry per column. O(nnz + numRows + numCols).
 */
export function transpose(m: CsrMatrix): CsrMatrix {
  const { numRows, numCols, indptr, indices, values } = m;
  const nnz = indices.length;
  const tIndptr = new Int32Array(numCols + 1);
  for (let p = 0; p < nnz; p++) tIndptr[indices[p] + 1]++;
  for (let j = 0; j < numCols; j++) tIndptr[j + 1] += tIndptr[j];
  const next = tIndptr.slice(0, numCols);
  const tIndices = new Int32Array(nnz);
  const tValues = new Float32Array(nnz);
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const q = next[indices[p]]++;
      tIndices[q] = i;
      tValues[q] = values[p];
    }
  }
  return CsrMatrix.trusted([numCols, numRows], tIndptr, tIndices, tValues);
}
