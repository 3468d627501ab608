import * as tf from '@tensorflow/tfjs-core';
import { MaskedRelu, MaskedReluGrad, type MaskedReluGradInputs } from '../kernel-names.js';

/**
 * Gradient of `CoinMaskedRelu`, y = m ⊙ max(x, 0): one `CoinMaskedReluGrad` kernel,
 * $$ \partial\ell/\partial x = (m \odot dy) \odot [x > 0] $$ (none for the mask).
 */
export const maskedReluGradConfig: tf.GradConfig = {
  kernelName: MaskedRelu,
  inputsToSave: ['x', 'mask'],
  gradFunc: (dy, saved) => {
    const [x, mask] = saved;
    const inputs: MaskedReluGradInputs = { x, mask, dy: dy as tf.Tensor };
    return {
      x: () => tf.engine().runKernel(MaskedReluGrad, inputs as unknown as tf.NamedTensorMap) as tf.Tensor,
    };
  },
};
