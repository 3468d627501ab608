import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { diagMinus } from './diag-minus.js';
import { gcnNorm } from './gcn-norm.js';

/**
 * The diffusion operator of COIN (Wang, Bao & Shi, "Convection-Diffusion Equation: A Theoretically Certified
 * Framework for Neural Networks", arXiv:2403.15726; the operator of the official code):
 * $$ L = \operatorname{diag}(\hat A \mathbf 1) - \hat A,\qquad \hat A = \tilde D^{-1/2} (A + I) \tilde D^{-1/2} $$
 * (see {@link gcnNorm}). Every row of L sums to 0, so the explicit step u ← u − σ² L u conserves
 * constants; for a symmetric A, L is the combinatorial Laplacian of the weighted graph Â, hence symmetric
 * positive semi-definite. Shape (numNodes × numNodes), coalesced, sorted indices.
 * @throws {@link ShapeMismatchError} if a is not square
 * @throws {@link InvalidArgumentError} on an empty graph or a negative / non-finite weight
 */
export function coinLaplacian(a: CsrMatrix): CsrMatrix {
  return diagMinus(gcnNorm(a));
}
