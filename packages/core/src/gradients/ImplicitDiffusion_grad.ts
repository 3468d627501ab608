import type { GradConfig, NamedAttrMap, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { ImplicitDiffusion, type ImplicitDiffusionAttrs } from '../kernel-names.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { implicitDiffusion } from '../ops/implicit-diffusion.js';

/**
 * Gradient of `CoinImplicitDiffusion`. With R = (I + σ²L)⁻¹ the forward map is u⁽ᴷ⁾ = Rᴷ u⁽⁰⁾, so
 * $$ \frac{\partial \ell}{\partial u^{(0)}} = (R^\top)^K\, \frac{\partial \ell}{\partial u^{(K)}}
 *    = (I + \sigma^2 L^\top)^{-K}\, dy, $$
 * K solves with the transposed system by the same kernel (`transposeL` flipped), never the unrolled CG
 * iterations. L is constant: no gradient for its values.
 */
export const implicitDiffusionGradConfig: GradConfig = {
  kernelName: ImplicitDiffusion,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const [indptr, indices, values, rowIds] = saved as Tensor1D[];
    const { numRows, sigma2, numSteps, tol, maxIter, transposeL } =
      attrs as unknown as ImplicitDiffusionAttrs;
    const dyU = (Array.isArray(dy) ? dy[0] : dy) as Tensor2D;
    const laplacian = new CsrTensor([numRows, numRows], indptr, indices, values, rowIds);
    return {
      u: () => implicitDiffusion(dyU, laplacian, sigma2, numSteps, { tol, maxIter, transposeL: !transposeL }),
    };
  },
};
