import * as tf from '@tensorflow/tfjs-core';
import {
  SoftmaxCrossEntropy,
  SoftmaxCrossEntropyGrad,
  type SoftmaxCrossEntropyGradInputs,
} from '../kernel-names.js';

/**
 * Gradient of `CoinSoftmaxCrossEntropy`, ℓ = −(1/m) Σ_r T_r · log softmax(Z_{rows_r}): one
 * `CoinSoftmaxCrossEntropyGrad` kernel gives
 * $$ \frac{\partial\ell}{\partial Z_{\mathrm{rows}_r,:}} \mathrel{+}= \frac{dy}{m}\Big(\big(\textstyle\sum_c T_{rc}\big)
 *    \operatorname{softmax}(Z_{\mathrm{rows}_r}) - T_r\Big) $$
 * and 0 on the other rows; the targets get none.
 */
export const softmaxCrossEntropyGradConfig: tf.GradConfig = {
  kernelName: SoftmaxCrossEntropy,
  inputsToSave: ['logits', 'rows', 'targets'],
  gradFunc: (dy, saved) => {
    const [logits, rows, targets] = saved;
    const inputs: SoftmaxCrossEntropyGradInputs = { logits, rows, targets, dy: dy as tf.Tensor };
    return {
      logits: () =>
        tf.engine().runKernel(SoftmaxCrossEntropyGrad, inputs as unknown as tf.NamedTensorMap) as tf.Tensor,
    };
  },
};
