/**
 * Whether a CSR matrix is stored exactly as its own transpose, so that a kernel may run Lᵀ u as L u (row by
 * row, split over threads) with the same bits.
 */
import type { CsrParts } from './csr-memory.js';

/** Verdicts of {@link storedSymmetric}, by the matrix's values array (CSR arrays are never mutated in place). */
const verdicts = new WeakMap<Float32Array, { indptr: Int32Array; indices: Int32Array; symmetric: boolean }>();

/**
 * True when the CSR arrays of the square matrix `a` equal those of Aᵀ built by a stable transpose (entry
 * (i, j) of A at row j of Aᵀ, rows i in ascending order), value bits included:
 * $$ \mathrm{CSR}(A) = \mathrm{CSR}(A^\top) $$
 * Then a product Aᵀ u summed entry by entry in A's row order (a scatter over rows i, each row j of the
 * result from zero in ascending i) adds the same terms in the same order as A u summed row by row: the same
 * bits. One pass over the entries with a cursor per row (O(nnz) time, numRows int32 of memory), cached per
 * matrix.
 */
export function storedSymmetric(a: CsrParts): boolean {
  const known = verdicts.get(a.values);
  if (known !== undefined && known.indptr === a.indptr && known.indices === a.indices) return known.symmetric;
  const symmetric = checkSymmetric(a);
  verdicts.set(a.values, { indptr: a.indptr, indices: a.indices, symmetric });
  return symmetric;
}

/** The check of {@link storedSymmetric}: entry (i, j) must be the next unmatched entry of row j, (j, i). */
function checkSymmetric({ indptr, indices, values, numRows }: CsrParts): boolean {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const cursor = indptr.slice(0, numRows);
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      if (j < 0 || j >= numRows) return false;
      const q = cursor[j]++;
      if (q >= indptr[j + 1] || indices[q] !== i || bits[q] !== bits[p]) return false;
    }
  }
  return true;
}
