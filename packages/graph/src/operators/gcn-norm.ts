import { InvalidArgumentError } from '../errors.js';
import { addSelfLoops } from '../sparse/add-self-loops.js';
import { coalesce } from '../sparse/coalesce.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { checkAdjacency } from './check-adjacency.js';

/** Options of {@link gcnNorm}. */
export interface GcnNormOptions {
  /** Add I before normalising (default true, the renormalisation trick); false gives D^{-1/2} A D^{-1/2}. */
  selfLoops?: boolean;
  /** Weight w of the self loops added, finite and ≥ 0 (default 1; CGNN's reproduction tunes it). */
  readonly selfLoopWeight?: number;
}

/**
 * The GCN renormalised adjacency (Kipf & Welling, "Semi-Supervised Classification with Graph Convolutional
 * Networks", arXiv:1609.02907, eq. 2), the Â of COIN (arXiv:2403.15726):
 * $$ \hat A = \tilde D^{-1/2} (A + I) \tilde D^{-1/2},\qquad \tilde D_{ii} = \sum_j (A + I)_{ij} $$
 * where A is the weighted adjacency matrix and I the identity (an existing self loop is increased by 1); with
 * `selfLoopWeight` w, A + wI and D̃ its row sums.
 * D̃ holds row sums, so for a non-symmetric A the result follows the same formula (not symmetric).
 * Shape (numNodes × numNodes), coalesced, sorted indices, a diagonal entry in every row (with self loops).
 * With `selfLoops: false` (PyG's `gcn_norm(add_self_loops=False)`): D^{-1/2} A D^{-1/2} with D the row sums
 * of A, a node without weight keeping a zero row (0^{-1/2} read as 0).
 * @throws {@link ShapeMismatchError} if a is not square
 * @param options - `selfLoops` (default true), `selfLoopWeight` (default 1)
 * @throws {@link InvalidArgumentError} on an empty graph, a negative / non-finite weight or self-loop weight
 * @example gcnNorm(fromEdgeList([[0, 1], [1, 0]], 2)) // [[1/2, 1/2], [1/2, 1/2]]
 */
export function gcnNorm(a: CsrMatrix, options: GcnNormOptions = {}): CsrMatrix {
  checkAdjacency('gcnNorm', a);
  const { selfLoops = true, selfLoopWeight = 1 } = options;
  if (!(selfLoopWeight >= 0) || !Number.isFinite(selfLoopWeight)) {
    throw new InvalidArgumentError('gcnNorm', 'selfLoopWeight', selfLoopWeight, 'a finite number ≥ 0');
  }
  const t = selfLoops ? addSelfLoops(a, selfLoopWeight) : coalesce(a);
  const { numRows, indptr, indices, values } = t;
  const invSqrt = new Float64Array(numRows);
  for (let i = 0; i < numRows; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p];
    invSqrt[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
  }
  const out = new Float32Array(values.length);
  for (let i = 0; i < numRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) out[p] = invSqrt[i] * values[p] * invSqrt[indices[p]];
  }
  return CsrMatrix.trusted(t.shape, indptr, indices, out);
}
