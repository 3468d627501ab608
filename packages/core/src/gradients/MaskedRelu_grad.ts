import * as tf from '@tensorflow/tfjs-core';
import { MaskedRelu, MaskedReluGrad, type MaskedReluGradInputs, UnmaskedRelu } from '../kernel-names.js';

/** The `CoinMaskedReluGrad` kernel on x, dy and, if given, the mask. */
function maskedReluGrad(x: tf.Tensor, dy: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  const inputs: MaskedReluGradInputs = mask ? { x, mask, dy } : { x, dy };
  return tf.engine().runKernel(MaskedReluGrad, inputs as unknown as tf.NamedTensorMap) as tf.Tensor;
}

/**
 * Gradient of `CoinMaskedRelu`, y = m ⊙ max(x, 0): one `CoinMaskedReluGrad` kernel,
 * $$ \partial\ell/\partial x = (m \odot dy) \odot [x > 0] $$ (none for the mask).
 */
export const maskedReluGradConfig: tf.GradConfig = {
  kernelName: MaskedRelu,
  inputsToSave: ['x', 'mask'],
  gradFunc: (dy, saved) => {
    const [x, mask] = saved;
    return { x: () => maskedReluGrad(x, dy as tf.Tensor, mask) };
  },
};

/** Gradient of `CoinRelu`, y = max(x, 0): `CoinMaskedReluGrad` without a mask, $$ dy \odot [x > 0] $$. */
export const unmaskedReluGradConfig: tf.GradConfig = {
  kernelName: UnmaskedRelu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved;
    return { x: () => maskedReluGrad(x, dy as tf.Tensor) };
  },
};
