import { InvalidArgumentError } from '../errors.js';
import type { CsrMatrix } from '../sparse/csr-matrix.js';
import { heatKernel } from '../spectral/heat-kernel.js';
import { checkAdjacency } from './check-adjacency.js';
import { normalizedLaplacian } from './normalized-laplacian.js';
import { randomWalk } from './random-walk.js';

/** Options of {@link gdcHeat}. */
export interface GdcHeatOptions {
  /** Diffusion time t > 0 (GDC's default 5). */
  readonly t: number;
  /** Sparsification threshold ε ≥ 0: entries of the heat kernel below it are dropped (GDC's default 1e-4). */
  readonly epsilon: number;
}

/**
 * Graph diffusion convolution's heat-kernel operator (Gasteiger, Weißenberger & Günnemann, "Diffusion Improves
 * Graph Learning", arXiv:1911.05485, §3–4, as COIN's reproduction graph/reproduce/gdc):
 * $$ S = e^{-t(I - \hat A)},\quad \tilde S_{ij} = S_{ij}\,[S_{ij} \ge \varepsilon],\quad
 *    T = \tilde S D_\text{col}^{-1},\quad P = T^\top = D^{-1} \tilde S $$
 * with Â the GCN renormalised adjacency ({@link gcnNorm}), D_col the column sums and D the row sums of S̃.
 * GDC column-normalises S̃ into T and hands T to a GCN as edge weights, messages flowing from source i to
 * target j; the GCN's own symmetric renormalisation is then the identity (every in-degree of T is 1), so the
 * propagation matrix is Tᵀ, which for the symmetric S̃ is the row normalisation D^{-1}S̃ returned here.
 * The heat kernel comes from {@link heatKernel} (Chebyshev, no dense numNodes² matrix).
 *
 * @param a - the adjacency (undirected, non-negative weights)
 * @param options - t and epsilon
 * @returns P (numNodes × numNodes), row-stochastic, sorted indices
 * @throws {@link InvalidArgumentError} for a bad t or epsilon, an empty graph or a negative weight
 */
export function gdcHeat(a: CsrMatrix, options: GdcHeatOptions): CsrMatrix {
  checkAdjacency('gdcHeat', a);
  const { t, epsilon } = options;
  if (!Number.isFinite(t) || t <= 0) throw new InvalidArgumentError('gdcHeat', 't', t, 'a finite number > 0');
  if (!Number.isFinite(epsilon) || epsilon < 0 || epsilon >= 1) {
    throw new InvalidArgumentError('gdcHeat', 'epsilon', epsilon, 'a number in [0, 1)');
  }
  return randomWalk(heatKernel(normalizedLaplacian(a), t, { threshold: epsilon, spectralBound: 2 }));
}
