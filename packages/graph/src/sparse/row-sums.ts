import type { CsrMatrix } from './csr-matrix.js';

/**
 * Row sums (the weighted out-degrees of a graph), accumulated in double precision:
 * $$ d_i = \sum_j A_{ij} $$
 * Shape (numRows).
 */
export function rowSums(m: CsrMatrix): Float32Array {
  const { numRows, indptr, values } = m;
  const out = new Float32Array(numRows);
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p];
    out[i] = s;
  }
  return out;
}
