import * as tf from '@tensorflow/tfjs-core';
import type { NamedWeight } from '../module/module.js';
import { type Optimizer, type OptimizerOptions, resolveOptimizerOptions } from './optimizer.js';

/**
 * Adamax (Kingma & Ba, arXiv:1412.6980, §7.1: Adam with the infinity norm) exactly as PyTorch's
 * `torch.optim.Adamax` with `weight_decay` (L2 inside the gradient): at step t = 1, 2, …
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    u \leftarrow \max(\beta_2 u,\ |g| + \varepsilon),\quad
 *    \theta \leftarrow \theta - \frac{\eta}{1-\beta_1^t}\,\frac{m}{u} $$
 * with m, u starting at 0 (ε sits inside the max, as in PyTorch, so u ≥ ε). Weights with `decay: false` skip
 * the λθ term. The update is composed from tfjs ops (any backend; float32 like PyTorch), in PyTorch's order
 * of operations: θ + ((−η/(1−β₁ᵗ))·m)/u as `addcdiv_`.
 *
 * @throws {@link InvalidArgumentError} if an option is out of range
 */
export class Adamax implements Optimizer {
  private readonly options: Required<OptimizerOptions>;
  /** The first moment m and the infinity norm u of each weight. */
  private readonly moments: { m: tf.Tensor; u: tf.Tensor }[];
  private t = 0;

  /**
   * @param weights - the weights to update, in the order `step` receives their gradients
   * @param options - see {@link OptimizerOptions}
   */
  constructor(
    private readonly weights: readonly NamedWeight[],
    options: OptimizerOptions = {},
  ) {
    this.options = resolveOptimizerOptions('Adamax', options);
    this.moments = weights.map((w) => ({ m: tf.zerosLike(w.variable), u: tf.zerosLike(w.variable) }));
  }

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /**
   * One update of every weight by the formula above.
   * @param grads - gradient of each weight, same order as the constructor's `weights`
   */
  step(grads: readonly tf.Tensor[]): void {
    this.t += 1;
    const { lr, beta1, beta2, eps } = this.options;
    const stepSize = lr / (1 - beta1 ** this.t);
    this.weights.forEach(({ variable, decay }, i) => {
      const weightDecay = decay ? this.options.weightDecay : 0;
      const state = this.moments[i];
      const [theta, m, u] = tf.tidy(() => {
        const g = weightDecay > 0 ? tf.add(grads[i], tf.mul(variable, weightDecay)) : grads[i];
        const mNew = tf.add(tf.mul(state.m, beta1), tf.mul(g, 1 - beta1));
        const uNew = tf.maximum(tf.mul(state.u, beta2), tf.add(tf.abs(g), eps));
        return [tf.sub(variable, tf.div(tf.mul(mNew, stepSize), uNew)), mNew, uNew];
      });
      variable.assign(theta);
      tf.dispose([theta, state.m, state.u]);
      state.m = m;
      state.u = u;
    });
  }

  /** Frees the moments. */
  dispose(): void {
    for (const { m, u } of this.moments) tf.dispose([m, u]);
  }
}
