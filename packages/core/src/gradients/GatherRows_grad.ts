import type * as tf from '@tensorflow/tfjs-core';
import { GatherRows } from '../kernel-names.js';
import { hostValues } from '../ops/host-copies.js';
import { scatterRows } from '../ops/scatter-rows.js';

/** Gradient of `CoinGatherRows`, Y = S X: $$ \partial\ell/\partial X = S^\top dY $$ via {@link scatterRows}. */
export const gatherRowsGradConfig: tf.GradConfig = {
  kernelName: GatherRows,
  inputsToSave: ['x', 'rows'],
  gradFunc: (dy, saved) => {
    const [x, rows] = saved;
    return { x: () => scatterRows(dy as tf.Tensor2D, hostValues(rows) as Int32Array, x.shape[0]) };
  },
};
