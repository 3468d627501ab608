import { type FedScheduleOptions, fedSchedule } from '@coin-gnn/graph';
import { op, type Tensor2D } from '@tensorflow/tfjs-core';
import type { CsrTensor } from './csr-tensor.js';
import { explicitDiffusion } from './explicit-diffusion.js';

/**
 * Fast explicit diffusion (FED; Grewenig, Weickert & Bruhn 2010, "From Box Filtering to Fast Explicit
 * Diffusion", DAGM, LNCS 6376): explicit steps u ← u − τ_i L u whose sizes vary within cycles,
 * $$ \tau_i = \frac{\tau_{\max}}{2\cos^2\!\left(\pi\,\frac{2i+1}{4n+2}\right)},\quad i = 0,\dots,n-1,
 *    \qquad \sum_i \tau_i = \tau_{\max}\frac{n^2+n}{3}, $$
 * scaled so that the cycles reach the diffusion time T exactly (`fedSchedule` of `@coin-gnn/graph`).
 * A cycle of n steps covers O(n²)·τ_max, against n·τ_max for plain explicit steps, and is stable at its end
 * for λ_max(L) ≤ 2/τ_max. In the reading of Alt, Peter, Weickert & Schrader (2021, arXiv:2103.15419) it
 * is a residual network with step sizes that vary per block. Runs on {@link explicitDiffusion} (one fused
 * kernel; its gradient is the same steps with Lᵀ in reverse order). For a COIN layer, T = K·σ² keeps
 * results comparable with K explicit steps.
 * Shapes: u (numNodes, C) → (numNodes, C).
 *
 * @param u - initial values, float32 (numNodes, C)
 * @param laplacian - L (numNodes × numNodes), symmetric positive semidefinite
 * @param totalTime - diffusion time T ≥ 0 (T = 0 returns a copy of u)
 * @param tauMax - stable explicit step τ_max > 0, e.g. `stableStep(L).l2` = 2/λ_max(L)
 * @param options - `maxCycleLength` (default 8; see `fedSchedule`)
 * @throws {@link InvalidArgumentError} for a negative totalTime, a non-positive tauMax, a bad
 *   maxCycleLength, a non-float32 u or a disposed laplacian
 * @throws {@link ShapeMismatchError} if L is not square or u has not numNodes rows
 * @example
 * ```ts
 * const { l2 } = stableStep(coinLaplacian(adjacency));
 * const uT = fedDiffusion(p, L, 20 * 0.35, l2); // same time as COIN's 20 steps of 0.35, in 8 steps
 * ```
 */
function fedDiffusion_(
  u: Tensor2D,
  laplacian: CsrTensor,
  totalTime: number,
  tauMax: number,
  options: FedScheduleOptions = {},
): Tensor2D {
  return explicitDiffusion(u, laplacian, fedSchedule(totalTime, tauMax, options).stepSizes);
}

/** Fast explicit diffusion, cycles of steps $$ u \leftarrow u - \tau_i L u $$ reaching time T (details above). */
export const fedDiffusion = /* @__PURE__ */ op({ fedDiffusion_ });
