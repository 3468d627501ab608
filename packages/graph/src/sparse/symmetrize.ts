import { buildCsr } from './build-csr.js';
import { checkSquare } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';

/** Options of {@link symmetrize}. */
export interface SymmetrizeOptions {
  /** How A and Aᵀ combine where both store an entry: `'max'` (default) or `'sum'`. */
  reduce?: 'max' | 'sum';
}

/**
 * The undirected version of a directed graph, A ∪ Aᵀ:
 * $$ S_{ij} = \max(A_{ij}, A_{ji}) \ (\texttt{'max'}) \quad\text{or}\quad S = A + A^\top \ (\texttt{'sum'}) $$
 * where an entry stored on one side only is taken as it is. With `'sum'` a stored diagonal entry doubles.
 * Duplicates inside A combine by the same rule. Sorted column indices.
 * @param options - `reduce` (default `'max'`)
 * @throws {@link ShapeMismatchError} if m is not square
 */
export function symmetrize(m: CsrMatrix, options: SymmetrizeOptions = {}): CsrMatrix {
  checkSquare('symmetrize', m);
  const { numRows, indptr, indices, values } = m;
  const nnz = indices.length;
  const rows = new Int32Array(2 * nnz);
  const cols = new Int32Array(2 * nnz);
  const vals = new Float32Array(2 * nnz);
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      rows[p] = i;
      cols[p] = indices[p];
      rows[nnz + p] = indices[p];
      cols[nnz + p] = i;
      vals[p] = values[p];
      vals[nnz + p] = values[p];
    }
  }
  return buildCsr(numRows, numRows, rows, cols, vals, options.reduce ?? 'max');
}
