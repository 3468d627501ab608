import { InvalidArgumentError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { removeSelfLoops } from '../sparse/remove-self-loops.js';
import { heatKernel } from '../spectral/heat-kernel.js';
import { checkAdjacency } from './check-adjacency.js';
import { diagMinus } from './diag-minus.js';
import { gcnNorm } from './gcn-norm.js';

/** Options of {@link heatWavelet}. */
export interface HeatWaveletOptions {
  /** Scale s > 0 of the wavelet (GraphHeat's 3.5 on Cora, 4.5 on Citeseer). */
  readonly s: number;
  /** Entries below it are dropped (COIN's reproduction: 1e-4 on Cora, 1e-5 on Citeseer). */
  readonly threshold: number;
}

/**
 * GraphHeat's heat-kernel wavelet basis (Xu, Shen, Cao, Cen & Cheng, "Graph Convolutional Networks using Heat
 * Kernel for Semi-supervised Learning", arXiv:2007.16002, as COIN's reproduction graph/reproduce/graphheat):
 * $$ \psi_s = e^{-sL},\quad L = I - D^{-1/2} A D^{-1/2},\qquad
 *    \Psi_{ij} = (\psi_s)_{ij}\,[(\psi_s)_{ij} \ge \text{threshold}]\,[i \ne j] $$
 * the Laplacian without self loops (spectrum in [0, 2]), small entries and the diagonal dropped (the layer
 * adds the node's own features with a separate weight). From {@link heatKernel}.
 *
 * @param a - the adjacency (undirected, non-negative weights)
 * @param options - s and threshold
 * @returns Ψ (numNodes × numNodes), sorted indices
 * @throws {@link InvalidArgumentError} for a bad s or threshold, an empty graph or a negative weight
 */
export function heatWavelet(a: CsrMatrix, options: HeatWaveletOptions): CsrMatrix {
  checkAdjacency('heatWavelet', a);
  const { s, threshold } = options;
  if (!Number.isFinite(s) || s <= 0)
    throw new InvalidArgumentError('heatWavelet', 's', s, 'a finite number > 0');
  if (!Number.isFinite(threshold) || threshold < 0 || threshold >= 1) {
    throw new InvalidArgumentError('heatWavelet', 'threshold', threshold, 'a number in [0, 1)');
  }
  const n = a.numRows;
  const laplacian = diagMinus(gcnNorm(a, { selfLoops: false }), new Float64Array(n).fill(1));
  return removeSelfLoops(heatKernel(laplacian, s, { threshold, spectralBound: 2 }));
}
