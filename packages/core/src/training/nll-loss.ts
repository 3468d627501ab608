import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean negative log-likelihood (PyTorch's `NLLLoss`), with the targets given one-hot:
 * $$ \ell = -\frac1n \sum_{i=1}^n \sum_{c} Y_{ic} \log p_{ic} $$
 * A product with a constant one-hot matrix instead of a gather keeps the gradient dense and cheap.
 *
 * @param logProbs - (n, C) log-probabilities
 * @param oneHot - (n, C) targets, one 1 per row
 */
export function nllLoss(logProbs: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.div(tf.sum(tf.mul(logProbs, oneHot)), logProbs.shape[0]))) as tf.Scalar;
}
