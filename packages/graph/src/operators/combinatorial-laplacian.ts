import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { checkAdjacency } from './check-adjacency.js';
import { diagMinus } from './diag-minus.js';

/**
 * The combinatorial (unnormalised) graph Laplacian:
 * $$ L = D - A,\qquad D_{ii} = \sum_j A_{ij} $$
 * Rows sum to 0 (a self loop cancels out of its own row); for a symmetric A, L is symmetric positive
 * semi-definite. Shape (numNodes × numNodes), coalesced, sorted indices.
 * @throws {@link ShapeMismatchError} if a is not square
 * @throws {@link InvalidArgumentError} on an empty graph or a negative / non-finite weight
 */
export function combinatorialLaplacian(a: CsrMatrix): CsrMatrix {
  checkAdjacency('combinatorialLaplacian', a);
  return diagMinus(a);
}
