import * as tf from '@tensorflow/tfjs-core';
import { LayerNorm, type LayerNormAttrs, LayerNormGrad, type LayerNormGradInputs } from '../kernel-names.js';

/**
 * Gradient of `CoinLayerNorm`: one `CoinLayerNormGrad` kernel gives dX, dγ and dβ (formulas at
 * `LayerNormGrad`).
 */
export const layerNormGradConfig: tf.GradConfig = {
  kernelName: LayerNorm,
  inputsToSave: ['x', 'gamma'],
  gradFunc: (dy, saved, attrs) => {
    const [x, gamma] = saved;
    const inputs: LayerNormGradInputs = { dy: dy as tf.Tensor, x, gamma };
    const [dx, dGamma, dBeta] = tf
      .engine()
      .runKernel(
        LayerNormGrad,
        inputs as unknown as tf.NamedTensorMap,
        attrs as unknown as LayerNormAttrs as unknown as tf.NamedAttrMap,
      ) as tf.Tensor[];
    return { x: () => dx, gamma: () => dGamma, beta: () => dBeta };
  },
};
