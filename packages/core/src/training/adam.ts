import * as tf from '@tensorflow/tfjs-core';
import { disposeAdamState, newAdamStateId } from '../kernels/adam-states.js';
import { adamUpdateComposed } from '../kernels/composed/AdamStep.js';
import type { NamedWeight } from '../module/module.js';
import { adamStep } from '../ops/adam-step.js';
import { type Optimizer, type OptimizerOptions, resolveOptimizerOptions } from './optimizer.js';

/** Options of {@link Adam}: the shared ones ({@link OptimizerOptions}) and the choice of update. */
export interface AdamOptions extends OptimizerOptions {
  /** Use the fused update, kernel `CoinAdamStep` (default: when the backend active at construction is `cpu`). */
  readonly fused?: boolean;
}

/**
 * Adam (Kingma & Ba, arXiv:1412.6980) exactly as PyTorch's `torch.optim.Adam` with `weight_decay`
 * (L2 inside the gradient, not AdamW): at step t = 1, 2, …
 * $$ g \leftarrow g + \lambda\theta,\quad m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
 *    v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
 *    \theta \leftarrow \theta - \frac{\eta}{1-\beta_1^t}\,\frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \varepsilon} $$
 * with m, v starting at 0. Weights with `decay: false` skip the λθ term.
 *
 * @throws {@link InvalidArgumentError} if an option is out of range
 */
export class Adam implements Optimizer {
  private readonly lr: number;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  private readonly weightDecay: number;
  private readonly fused: boolean;
  /** State ids of the fused update's moments, one per weight (kept by the `CoinAdamStep` kernel), or none. */
  private readonly stateIds: number[];
  /** Moment estimates m and v of the composed update (tensors). */
  private readonly moments: { m: tf.Tensor; v: tf.Tensor }[];
  private t = 0;

  /**
   * @param weights - the weights to update, in the order `step` receives their gradients
   * @param options - see {@link AdamOptions}
   */
  constructor(
    private readonly weights: readonly NamedWeight[],
    options: AdamOptions = {},
  ) {
    ({
      lr: this.lr,
      beta1: this.beta1,
      beta2: this.beta2,
      eps: this.eps,
      weightDecay: this.weightDecay,
    } = resolveOptimizerOptions('Adam', options));
    this.fused = options.fused ?? tf.getBackend() === 'cpu';
    this.stateIds = this.fused ? weights.map(() => newAdamStateId()) : [];
    this.moments = this.fused
      ? []
      : weights.map((w) => ({ m: tf.zerosLike(w.variable), v: tf.zerosLike(w.variable) }));
  }

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /**
   * One update of every weight. The fused update is the `CoinAdamStep` kernel ({@link adamStep}): on cpu one
   * WebAssembly SIMD loop (float32 like PyTorch) that updates m and v in place and writes θ once (a dozen tfjs
   * element-wise ops on COIN's 1433 × 1433 W₁ cost more than the rest of the step); otherwise, as the unfused
   * update, composed from tfjs ops. Both compute the formula above.
   * @param grads - gradient of each weight, same order as the constructor's `weights`
   */
  step(grads: readonly tf.Tensor[]): void {
    this.t += 1;
    const stepSize = this.lr / (1 - this.beta1 ** this.t);
    const sqrtBias2 = Math.sqrt(1 - this.beta2 ** this.t);
    this.weights.forEach((_, i) => {
      if (this.fused) this.stepFused(i, grads[i], stepSize, sqrtBias2);
      else this.stepComposed(i, grads[i], stepSize, sqrtBias2);
    });
  }

  /**
   * The `CoinAdamStep` kernel ({@link adamStep}); on cpu θ is overwritten in its own storage when no other
   * tensor shares it (a `tf.clone` of the variable, e.g. a saved best state, shares it until disposed),
   * otherwise the new θ is a fresh tensor; either way it is assigned.
   */
  private stepFused(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps } = this;
    const weightDecay = decay ? this.weightDecay : 0;
    const attrs = { stateId: this.stateIds[i], beta1, beta2, weightDecay, stepSize, sqrtBias2, eps };
    tf.tidy(() => variable.assign(adamStep(variable, grad, attrs)));
  }

  private stepComposed(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps } = this;
    const weightDecay = decay ? this.weightDecay : 0;
    const state = this.moments[i];
    const h = { beta1, beta2, weightDecay, stepSize, sqrtBias2, eps };
    const [theta, m, v] = adamUpdateComposed(variable, grad, state.m, state.v, h);
    variable.assign(theta);
    tf.dispose([theta, state.m, state.v]);
    state.m = m;
    state.v = v;
  }

  /** Frees the moment estimates. */
  dispose(): void {
    for (const { m, v } of this.moments) tf.dispose([m, v]);
    for (const id of this.stateIds) disposeAdamState(id);
  }
}
