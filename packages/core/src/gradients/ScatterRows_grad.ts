import type * as tf from '@tensorflow/tfjs-core';
import { ScatterRows } from '../kernel-names.js';
import { gatherRows } from '../ops/gather-rows.js';
import { hostValues } from '../ops/host-copies.js';

/** Gradient of `CoinScatterRows`, Y = Sᵀ X: $$ \partial\ell/\partial X = S\, dY $$ via {@link gatherRows}. */
export const scatterRowsGradConfig: tf.GradConfig = {
  kernelName: ScatterRows,
  inputsToSave: ['rows'],
  gradFunc: (dy, saved) => {
    const [rows] = saved;
    return { x: () => gatherRows(dy as tf.Tensor2D, hostValues(rows) as Int32Array) };
  },
};
