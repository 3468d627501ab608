import { buildCsr } from '../sparse/build-csr.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { mergeDiagonal } from '../sparse/merge-diagonal.js';

/**
 * Library-internal: $$ \operatorname{diag}(d) - M $$ for a square M, coalesced with sorted indices and a
 * stored diagonal entry in every row. `d` defaults to the row sums of M (taken in double precision), which
 * gives the Laplacian diag(M1) − M of the weighted graph M. An M with sorted column indices takes one
 * sequential pass (O(nnz + n)), any other a sort-based build.
 */
export function diagMinus(m: CsrMatrix, d?: ArrayLike<number>): CsrMatrix {
  const { indptr, indices, values } = m;
  const rowSum = (i: number): number => {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p];
    return s;
  };
  if (m.hasSortedIndices()) {
    return mergeDiagonal(m, (i, stored) => (d === undefined ? rowSum(i) : d[i]) - stored, -1);
  }
  const n = m.numRows;
  const nnz = m.nnz;
  const rows = new Int32Array(nnz + n);
  const cols = new Int32Array(nnz + n);
  const vals = new Float64Array(nnz + n);
  for (let i = 0; i < n; i++) {
    rows[i] = i;
    cols[i] = i;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      rows[n + p] = i;
      cols[n + p] = indices[p];
      vals[n + p] = -values[p];
    }
    vals[i] = d === undefined ? rowSum(i) : d[i];
  }
  return buildCsr(n, n, rows, cols, vals, 'sum');
}
