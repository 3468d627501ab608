import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { diagMinus } from './diag-minus.js';
import { gcnNorm } from './gcn-norm.js';

/**
 * The normalised Laplacian built on the renormalised adjacency (the GCN "renormalisation trick"):
 * $$ L = I - \hat A,\qquad \hat A = \tilde D^{-1/2} (A + I) \tilde D^{-1/2} $$
 * (see {@link gcnNorm}). For a symmetric A, L is symmetric positive semi-definite with spectrum in [0, 2).
 * Shape (numNodes × numNodes), coalesced, sorted indices.
 * @throws {@link ShapeMismatchError} if a is not square
 * @throws {@link InvalidArgumentError} on an empty graph or a negative / non-finite weight
 */
export function normalizedLaplacian(a: CsrMatrix): CsrMatrix {
  const aHat = gcnNorm(a);
  return diagMinus(aHat, new Float64Array(aHat.numRows).fill(1));
}
