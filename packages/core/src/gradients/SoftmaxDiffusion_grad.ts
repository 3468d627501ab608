import * as tf from '@tensorflow/tfjs-core';
import { SoftmaxDiffusion, SoftmaxDiffusionGrad, type SoftmaxDiffusionGradInputs } from '../kernel-names.js';

/**
 * Gradient of `CoinSoftmaxDiffusion` with respect to the logits Z: one `CoinSoftmaxDiffusionGrad` kernel,
 * the adjoint diffusion steps in reverse order, then the softmax's Jacobian with P = softmax(Z),
 * $$ dP = (I - \tau_0 L^\top) \cdots (I - \tau_{K-1} L^\top)\, dU,\qquad dZ = P \odot dP - P \odot ((P \odot dP)\mathbf 1) $$
 */
export const softmaxDiffusionGradConfig: tf.GradConfig = {
  kernelName: SoftmaxDiffusion,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'logits'],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, logits] = saved;
    const inputs: SoftmaxDiffusionGradInputs = {
      indptr,
      indices,
      values,
      rowIds,
      logits,
      du: dy as tf.Tensor,
    };
    return {
      logits: () =>
        tf
          .engine()
          .runKernel(SoftmaxDiffusionGrad, inputs as unknown as tf.NamedTensorMap, attrs) as tf.Tensor,
    };
  },
};
