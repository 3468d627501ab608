import { buildCsr } from './build-csr.js';
import { checkSquare, checkValues } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';
import { mergeDiagonal } from './merge-diagonal.js';
import { toCoo } from './to-coo.js';

/**
 * Adds a weighted self loop to every node:
 * $$ A' = A + c\,I $$
 * (an existing diagonal entry is increased by c). The result is coalesced (duplicates summed) with sorted
 * column indices. A matrix with sorted column indices takes one sequential pass (O(nnz + n)), any other a
 * sort-based build.
 * @param value - the loop weight c, finite (default 1)
 * @throws {@link ShapeMismatchError} if m is not square
 * @throws {@link InvalidArgumentError} if value is not finite
 */
export function addSelfLoops(m: CsrMatrix, value = 1): CsrMatrix {
  checkSquare('addSelfLoops', m);
  checkValues('addSelfLoops', 'value', [value]);
  if (m.hasSortedIndices()) {
    const loop = Math.fround(value);
    return mergeDiagonal(m, (_i, stored) => stored + loop, 1);
  }
  const n = m.numRows;
  const coo = toCoo(m);
  const nnz = m.nnz;
  const rows = new Int32Array(nnz + n);
  const cols = new Int32Array(nnz + n);
  const vals = new Float32Array(nnz + n);
  rows.set(coo.rows);
  cols.set(coo.cols);
  vals.set(coo.values);
  for (let i = 0; i < n; i++) {
    rows[nnz + i] = i;
    cols[nnz + i] = i;
    vals[nnz + i] = value;
  }
  return buildCsr(n, n, rows, cols, vals, 'sum');
}
