import type { CsrMatrix } from './csr-matrix.js';

/**
 * Number of stored entries of each row (the unweighted out-degree of a coalesced adjacency matrix):
 * $$ \deg_i = \mathrm{indptr}_{i+1} - \mathrm{indptr}_i $$
 * Shape (numRows).
 */
export function degrees(m: CsrMatrix): Int32Array {
  const { numRows, indptr } = m;
  const out = new Int32Array(numRows);
  for (let i = 0; i < numRows; i++) out[i] = indptr[i + 1] - indptr[i];
  return out;
}
