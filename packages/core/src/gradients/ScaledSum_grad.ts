import * as tf from '@tensorflow/tfjs-core';
import { ScaledSum, type ScaledSumAttrs } from '../kernel-names.js';
import { scaledSum } from '../ops/scaled-sum.js';

/** Gradient of `CoinScaledSum`, Y = Σ_j w_j X_j: $$ \partial\ell/\partial X_j = w_j\, dy $$ */
export const scaledSumGradConfig: tf.GradConfig = {
  kernelName: ScaledSum,
  gradFunc: (dy, _saved, attrs) => {
    const { weights } = attrs as unknown as ScaledSumAttrs;
    const grads: Record<string, () => tf.Tensor> = {};
    weights.forEach((w, j) => {
      grads[j] = () => (w === 1 ? tf.clone(dy as tf.Tensor) : scaledSum([dy as tf.Tensor], [w]));
    });
    return grads;
  },
};
