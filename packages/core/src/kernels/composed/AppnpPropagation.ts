import * as tf from '@tensorflow/tfjs-core';
import { type AppnpPropagationAttrs, type AppnpPropagationInputs, CsrMatMul } from '../../kernel-names.js';

/**
 * `CoinAppnpPropagation` composed from tfjs ops and the backend's `CoinCsrMatMul` (the tape is off inside
 * kernels): K times Z ← (1 − α) op(A) Z + α H.
 */
export function appnpPropagationComposed(args: {
  inputs: AppnpPropagationInputs;
  attrs: AppnpPropagationAttrs;
}): tf.Tensor2D {
  const { inputs, attrs } = args;
  const { h, ...csr } = inputs;
  const { numRows, numSteps, alpha, transposeA } = attrs;
  return tf.tidy(() => {
    const teleport = tf.mul(h as tf.Tensor2D, alpha);
    let z = h as tf.Tensor2D;
    for (let k = 0; k < numSteps; k++) {
      const az = tf.engine().runKernel(
        CsrMatMul,
        { ...csr, b: z } as unknown as tf.NamedTensorMap,
        {
          numRows,
          numCols: numRows,
          transposeA,
        } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor2D;
      z = tf.add(tf.mul(az, 1 - alpha), teleport);
    }
    return tf.clone(z);
  });
}
