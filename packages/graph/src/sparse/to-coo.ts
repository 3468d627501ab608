import type { CsrMatrix } from './csr-matrix.js';

/** COO triplets of a sparse matrix, in CSR storage order. */
export interface CooArrays {
  rows: Int32Array;
  cols: Int32Array;
  values: Float32Array;
}

/**
 * The COO triplets of `m`, one per stored entry in storage order (row by row):
 * $$ (\mathrm{rows}_p, \mathrm{cols}_p, \mathrm{values}_p) = (i, \mathrm{indices}_p, \mathrm{values}_p),
 *    \quad \mathrm{indptr}_i \le p < \mathrm{indptr}_{i+1} $$
 * The arrays are fresh copies.
 */
export function toCoo(m: CsrMatrix): CooArrays {
  const rows = new Int32Array(m.nnz);
  const { indptr } = m;
  for (let i = 0; i < m.numRows; i++) rows.fill(i, indptr[i], indptr[i + 1]);
  return { rows, cols: m.indices.slice(), values: m.values.slice() };
}
