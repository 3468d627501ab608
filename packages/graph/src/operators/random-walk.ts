import { addSelfLoops } from '../sparse/add-self-loops.js';
import { coalesce } from '../sparse/coalesce.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { checkAdjacency } from './check-adjacency.js';

/** Options of {@link randomWalk}. */
export interface RandomWalkOptions {
  /** Use A + I in place of A (default false). */
  selfLoops?: boolean;
}

/**
 * The random-walk (row-stochastic) normalisation:
 * $$ P = D^{-1} A,\quad D_{ii} = \sum_j A_{ij} \qquad\text{or, with self loops,}\qquad
 *    P = \tilde D^{-1} (A + I),\quad \tilde D_{ii} = \sum_j (A + I)_{ij} $$
 * Each row of P sums to 1, except a row of A with no weight, which stays zero (0⁻¹ read as 0).
 * Shape (numNodes × numNodes), coalesced, sorted indices.
 * @param options - `selfLoops` (default false)
 * @throws {@link ShapeMismatchError} if a is not square
 * @throws {@link InvalidArgumentError} on an empty graph or a negative / non-finite weight
 */
export function randomWalk(a: CsrMatrix, options: RandomWalkOptions = {}): CsrMatrix {
  checkAdjacency('randomWalk', a);
  const t = options.selfLoops ? addSelfLoops(a, 1) : coalesce(a);
  const { numRows, indptr, indices, values } = t;
  const out = new Float32Array(values.length);
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p];
    const inv = s > 0 ? 1 / s : 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) out[p] = values[p] * inv;
  }
  return CsrMatrix.trusted(t.shape, indptr, indices, out);
}
