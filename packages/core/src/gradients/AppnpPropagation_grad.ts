import type * as tf from '@tensorflow/tfjs-core';
import { AppnpPropagation, type AppnpPropagationAttrs } from '../kernel-names.js';
import { appnpPropagation } from '../ops/appnp-propagation.js';
import { CsrTensor } from '../ops/csr-tensor.js';

/**
 * Gradient of `CoinAppnpPropagation`, Z⁽ᴷ⁾ = P(op(A)) H with P(x) = (1 − α)ᴷxᴷ + α Σ_{k<K} (1 − α)ᵏxᵏ: the
 * same K-step recursion with the transposed matrix,
 * $$ \frac{\partial\ell}{\partial H} = P(\operatorname{op}(A)^\top)\, dZ $$
 * (A is a constant: no gradient to its values).
 */
export const appnpPropagationGradConfig: tf.GradConfig = {
  kernelName: AppnpPropagation,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds'],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds] = saved as tf.Tensor1D[];
    const { numRows, numSteps, alpha, transposeA } = attrs as unknown as AppnpPropagationAttrs;
    const a = new CsrTensor([numRows, numRows], indptr, indices, values, rowIds);
    return { h: () => appnpPropagation(dy as tf.Tensor2D, a, numSteps, alpha, !transposeA) };
  },
};
