import * as tf from '@tensorflow/tfjs-core';

/**
 * Floor applied to diffused probabilities before the log. Explicit diffusion with σ² past the positivity
 * bound can make u ≤ 0, where the official code's `torch.log` gives NaN (or −∞) and poisons the weights;
 * clamping at 1e-10 caps such a term at −ln(1e-10) ≈ 23 (far above any realistic loss), passes no gradient
 * through the clamped entries and keeps every other entry exact, since real probabilities of float32
 * softmax outputs are never that small after diffusion. The clamped entries are counted and reported.
 */
export const PROBABILITY_FLOOR = 1e-10;

/**
 * Log-probabilities of a model's output rows:
 * $$ \log p = \begin{cases} \operatorname{logSoftmax}(z) & \text{logits} \\
 *    \log \max(u, \varepsilon) & \text{probabilities} \end{cases} $$
 * with ε = {@link PROBABILITY_FLOOR}. Shapes: (n, C) → (n, C).
 *
 * @param output - model output rows
 * @param kind - what the rows are (`NodeModel.output`)
 */
export function logProbabilities(output: tf.Tensor2D, kind: 'logits' | 'probabilities'): tf.Tensor2D {
  return tf.tidy(() =>
    kind === 'logits' ? tf.logSoftmax(output) : tf.log(tf.maximum(output, PROBABILITY_FLOOR)),
  ) as tf.Tensor2D;
}
