import { InvalidArgumentError } from '../errors.js';
import { addSelfLoops } from '../sparse/add-self-loops.js';
import { CsrMatrix } from '../sparse/csr-matrix.js';
import { gcnNorm } from './gcn-norm.js';

/**
 * One forward-Euler step of the graph heat equation dX/dt = −(I − Â)X with step τ, as a matrix (DGC's
 * propagation, Wang, Wang, Yang & Lin, "Dissecting the Diffusion Process in Linear Graph Convolutional
 * Networks", arXiv:2102.10739, eq. 9):
 * $$ S_\tau = I - \tau (I - \hat A) = (1 - \tau) I + \tau \hat A $$
 * with Â the GCN renormalised adjacency ({@link gcnNorm}). K steps of τ = T/K approximate e^{−T(I − Â)}.
 *
 * @param a - the adjacency (non-negative weights)
 * @param tau - the step τ, finite and > 0
 * @returns S_τ (numNodes × numNodes), coalesced, sorted indices, a diagonal entry in every row
 * @throws {@link InvalidArgumentError} for a bad τ, an empty graph or a negative weight
 */
export function heatStep(a: CsrMatrix, tau: number): CsrMatrix {
  if (!Number.isFinite(tau) || tau <= 0)
    throw new InvalidArgumentError('heatStep', 'tau', tau, 'a finite number > 0');
  const aHat = gcnNorm(a);
  const scaled = CsrMatrix.trusted(
    aHat.shape,
    aHat.indptr,
    aHat.indices,
    aHat.values.map((v) => tau * v),
  );
  return addSelfLoops(scaled, 1 - tau);
}
