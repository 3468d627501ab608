import { coalesce } from './coalesce.js';
import type { CsrMatrix } from './csr-matrix.js';
import { transpose } from './transpose.js';

/**
 * True when `m` is square and equal to its transpose within a relative tolerance (duplicates summed):
 * $$ |A_{ij} - A_{ji}| \le \mathrm{tol} \cdot \max(|A_{ij}|, |A_{ji}|) \quad \forall i, j $$
 * An entry stored on one side only must be 0 on that side. O(nnz + n): a transpose, and a sort only for a
 * matrix whose column indices are not sorted.
 * @param tol - relative tolerance, default 0 (exact)
 */
export function isSymmetric(m: CsrMatrix, tol = 0): boolean {
  if (m.numRows !== m.numCols) return false;
  const a = m.hasSortedIndices() ? m : coalesce(m);
  const t = transpose(a);
  const n = a.numRows;
  for (let i = 0; i < n; i++) {
    let p = a.indptr[i];
    let q = t.indptr[i];
    const pEnd = a.indptr[i + 1];
    const qEnd = t.indptr[i + 1];
    while (p < pEnd || q < qEnd) {
      const jp = p < pEnd ? a.indices[p] : n;
      const jq = q < qEnd ? t.indices[q] : n;
      const x = jp <= jq ? a.values[p] : 0;
      const y = jq <= jp ? t.values[q] : 0;
      if (Math.abs(x - y) > tol * Math.max(Math.abs(x), Math.abs(y))) return false;
      if (jp <= jq) p++;
      if (jq <= jp) q++;
    }
  }
  return true;
}
