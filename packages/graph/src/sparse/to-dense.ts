import type { CsrMatrix } from './csr-matrix.js';

/**
 * The dense form of `m`, row-major, duplicates summed:
 * $$ D_{i \cdot \mathrm{numCols} + j} = \sum_{p:\ \mathrm{indices}_p = j} \mathrm{values}_p $$
 * Shape (numRows × numCols); for tests and small graphs.
 */
export function toDense(m: CsrMatrix): Float32Array {
  const { numRows, numCols, indptr, indices, values } = m;
  const out = new Float32Array(numRows * numCols);
  for (let i = 0; i < numRows; i++) {
    const off = i * numCols;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) out[off + indices[p]] += values[p];
  }
  return out;
}
