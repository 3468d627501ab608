import { buildCsr } from './build-csr.js';
import type { CsrMatrix } from './csr-matrix.js';
import { toCoo } from './to-coo.js';

/**
 * Combines stored entries at the same (i, j) and sorts the column indices of every row:
 * $$ A'_{ij} = \bigoplus_{p \in \mathcal P_{ij}} \mathrm{values}_p $$
 * where 𝒫ᵢⱼ are the stored entries at (i, j) and ⊕ is the sum or the maximum.
 * @param reduce - `'sum'` (default) or `'max'`
 */
export function coalesce(m: CsrMatrix, reduce: 'sum' | 'max' = 'sum'): CsrMatrix {
  const { rows, cols, values } = toCoo(m);
  return buildCsr(m.numRows, m.numCols, rows, cols, values, reduce);
}
