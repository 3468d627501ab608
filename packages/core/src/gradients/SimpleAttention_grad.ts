import * as tf from '@tensorflow/tfjs-core';
import { SimpleAttention, SimpleAttentionGrad, type SimpleAttentionGradInputs } from '../kernel-names.js';

/**
 * Gradient of `CoinSimpleAttention`: one `CoinSimpleAttentionGrad` kernel gives dQ, dK and dV (formulas at
 * `simpleAttention`).
 */
export const simpleAttentionGradConfig: tf.GradConfig = {
  kernelName: SimpleAttention,
  inputsToSave: ['q', 'k', 'v'],
  gradFunc: (dy, saved) => {
    const [q, k, v] = saved;
    const inputs: SimpleAttentionGradInputs = { dy: dy as tf.Tensor, q, k, v };
    const [dq, dk, dv] = tf
      .engine()
      .runKernel(SimpleAttentionGrad, inputs as unknown as tf.NamedTensorMap) as tf.Tensor[];
    return { q: () => dq, k: () => dk, v: () => dv };
  },
};
