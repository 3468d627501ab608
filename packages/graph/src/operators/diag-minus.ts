import { buildCsr } from '../sparse/build-csr.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';

/**
 * Library-internal: $$ \operatorname{diag}(d) - M $$ for a square M, coalesced with sorted indices and a
 * stored diagonal entry in every row. `d` defaults to the row sums of M (taken in double precision), which
 * gives the Laplacian diag(M1) − M of the weighted graph M.
 */
export function diagMinus(m: CsrMatrix, d?: ArrayLike<number>): CsrMatrix {
  const n = m.numRows;
  const nnz = m.nnz;
  const rows = new Int32Array(nnz + n);
  const cols = new Int32Array(nnz + n);
  const vals = new Float64Array(nnz + n);
  const { indptr, indices, values } = m;
  for (let i = 0; i < n; i++) {
    rows[i] = i;
    cols[i] = i;
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      rows[n + p] = i;
      cols[n + p] = indices[p];
      vals[n + p] = -values[p];
      s += values[p];
    }
    vals[i] = d === undefined ? s : d[i];
  }
  return buildCsr(n, n, rows, cols, vals, 'sum');
}
