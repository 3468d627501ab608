import * as tf from '@tensorflow/tfjs-core';
import { AddBias } from '../kernel-names.js';
import { columnSums } from '../ops/column-sums.js';

/** Gradient of `CoinAddBias`: dX = dY, db = 1ᵀ dY (in b's shape). */
export const addBiasGradConfig: tf.GradConfig = {
  kernelName: AddBias,
  inputsToSave: ['bias'],
  gradFunc: (dy, saved) => {
    const [bias] = saved;
    return {
      x: () => tf.clone(dy as tf.Tensor),
      bias: () => tf.reshape(columnSums(dy as tf.Tensor2D), bias.shape),
    };
  },
};
