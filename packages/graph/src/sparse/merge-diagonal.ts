import { CsrMatrix } from './csr-matrix.js';

/**
 * Library-internal: a square matrix with sorted column indices (`m.hasSortedIndices()`), its off-diagonal
 * entries times `sign` and one diagonal entry in every row, in one sequential pass over m (O(nnz + n), no
 * sort):
 * $$ B_{ij} = \mathrm{sign} \cdot M_{ij}\ (i \ne j),\qquad B_{ii} = \mathrm{diagonal}(i, M_{ii}) $$
 * where M_ii is 0 when row i stores no diagonal entry. The result has sorted column indices and the values
 * a sort-based build (`buildCsr` with `'sum'`) gives: `diagonal` computes in double precision and its value
 * is rounded once to float32.
 * @param diagonal - B_ii from i and the stored M_ii
 * @param sign - 1 or −1
 */
export function mergeDiagonal(
  m: CsrMatrix,
  diagonal: (i: number, stored: number) => number,
  sign: 1 | -1,
): CsrMatrix {
  const n = m.numRows;
  const { indptr, indices, values } = m;
  let missing = n;
  for (let i = 0; i < n; i++) {
    for (let p = indptr[i]; p < indptr[i + 1] && indices[p] <= i; p++) if (indices[p] === i) missing--;
  }
  const outIndptr = new Int32Array(n + 1);
  const outIndices = new Int32Array(m.nnz + missing);
  const outValues = new Float32Array(m.nnz + missing);
  let q = 0;
  for (let i = 0; i < n; i++) {
    const end = indptr[i + 1];
    let p = indptr[i];
    for (; p < end && indices[p] < i; p++, q++) {
      outIndices[q] = indices[p];
      outValues[q] = sign * values[p];
    }
    const stored = p < end && indices[p] === i ? values[p++] : 0;
    outIndices[q] = i;
    outValues[q++] = diagonal(i, stored);
    for (; p < end; p++, q++) {
      outIndices[q] = indices[p];
      outValues[q] = sign * values[p];
    }
    outIndptr[i + 1] = q;
  }
  return CsrMatrix.trusted([n, n], outIndptr, outIndices, outValues);
}
