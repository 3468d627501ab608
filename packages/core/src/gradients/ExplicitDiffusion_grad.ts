import type * as tf from '@tensorflow/tfjs-core';
import { ExplicitDiffusion, type ExplicitDiffusionAttrs } from '../kernel-names.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { explicitDiffusion } from '../ops/explicit-diffusion.js';

/**
 * Gradient of `CoinExplicitDiffusion` with respect to u: the adjoint steps in reverse order,
 * $$ \frac{\partial\ell}{\partial u^{(0)}} = (I - \tau_0 L^\top) \cdots (I - \tau_{K-1} L^\top)\, dU $$
 * one fused call with `transposeL` flipped, not K tape entries.
 */
export const explicitDiffusionGradConfig: tf.GradConfig = {
  kernelName: ExplicitDiffusion,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds'],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds] = saved as tf.Tensor1D[];
    const { numRows, stepSizes, transposeL } = attrs as unknown as ExplicitDiffusionAttrs;
    const laplacian = new CsrTensor([numRows, numRows], indptr, indices, values, rowIds);
    return {
      u: () => explicitDiffusion(dy as tf.Tensor2D, laplacian, [...stepSizes].reverse(), !transposeL),
    };
  },
};
