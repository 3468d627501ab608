import type * as tf from '@tensorflow/tfjs-core';
import { ApplyMask } from '../kernel-names.js';
import { applyMask } from '../ops/apply-mask.js';

/** Gradient of `CoinApplyMask`, y = m ⊙ x: $$ \partial\ell/\partial x = m \odot dy $$ (none for the mask). */
export const applyMaskGradConfig: tf.GradConfig = {
  kernelName: ApplyMask,
  inputsToSave: ['mask'],
  gradFunc: (dy, saved) => {
    const [mask] = saved;
    return { x: () => applyMask(dy as tf.Tensor, mask) };
  },
};
