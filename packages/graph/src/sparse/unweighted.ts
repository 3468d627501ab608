import { CsrMatrix } from './csr-matrix.js';

/**
 * The sparsity pattern of `m` with every stored value set to one:
 * $$ A'_{ij} = 1 \text{ for each stored } (i, j) $$
 * A view: shares `indptr` and `indices` with `m` (treat both as read-only).
 */
export function unweighted(m: CsrMatrix): CsrMatrix {
  return CsrMatrix.trusted(m.shape, m.indptr, m.indices, new Float32Array(m.nnz).fill(1));
}
