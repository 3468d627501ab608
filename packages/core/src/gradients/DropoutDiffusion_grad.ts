import type * as tf from '@tensorflow/tfjs-core';
import { DropoutDiffusion, type DropoutDiffusionAttrs } from '../kernel-names.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { dropoutDiffusion } from '../ops/dropout-diffusion.js';

/**
 * Gradient of `CoinDropoutDiffusion` with respect to u: the adjoint map, one kernel with `adjoint` flipped
 * (the masks saved, no iterate),
 * $$ \frac{\partial\ell}{\partial u^{(0)}} = D_0 (I - \tau_0 L^\top) \cdots D_{K-1} (I - \tau_{K-1} L^\top)\, dU $$
 * (and the forward map for the adjoint's gradient). The masks get none.
 */
export const dropoutDiffusionGradConfig: tf.GradConfig = {
  kernelName: DropoutDiffusion,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'keep'],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, keep] = saved as tf.Tensor[];
    const { numRows, stepSizes, scale, adjoint } = attrs as unknown as DropoutDiffusionAttrs;
    const laplacian = new CsrTensor(
      [numRows, numRows],
      indptr as tf.Tensor1D,
      indices as tf.Tensor1D,
      values as tf.Tensor1D,
      rowIds as tf.Tensor1D,
    );
    return { u: () => dropoutDiffusion(dy as tf.Tensor2D, laplacian, keep, scale, stepSizes, !adjoint) };
  },
};
