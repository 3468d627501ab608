import { InvalidArgumentError } from '@coin-gnn/graph';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { cpuData } from '../kernels/cpu/cpu-data.js';
import { SimdAdam } from '../kernels/cpu/simd-adam.js';
import type { NamedWeight } from '../module/module.js';

/** Options of {@link Adam}, PyTorch's names and defaults. */
export interface AdamOptions {
  /** Learning rate η (default 0.01, COIN's value; PyTorch's is 1e-3). */
  readonly lr?: number;
  /** β₁ (default 0.9). */
  readonly beta1?: number;
  /** β₂ (default 0.999). */
  readonly beta2?: number;
  /** ε (default 1e-8). */
  readonly eps?: number;
  /** L2 weight decay λ added to the gradient (default 5e-4); applies to weights with `decay: true`. */
  readonly weightDecay?: number;
  /** Use the fused typed-array update (default: when the backend active at construction is `cpu`). */
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
export class Adam {
  private readonly lr: number;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  private readonly weightDecay: number;
  private readonly fused: boolean;
  /** The fused update (m and v in its memory as plain arrays), or null for the composed one. */
  private readonly kernel: SimdAdam | null;
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
    this.lr = options.lr ?? 0.01;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 5e-4;
    this.fused = options.fused ?? tf.getBackend() === 'cpu';
    const checks: [string, number, boolean][] = [
      ['lr', this.lr, this.lr > 0 && Number.isFinite(this.lr)],
      ['beta1', this.beta1, this.beta1 >= 0 && this.beta1 < 1],
      ['beta2', this.beta2, this.beta2 >= 0 && this.beta2 < 1],
      ['eps', this.eps, this.eps >= 0 && Number.isFinite(this.eps)],
      ['weightDecay', this.weightDecay, this.weightDecay >= 0 && Number.isFinite(this.weightDecay)],
    ];
    for (const [name, value, ok] of checks) {
      if (!ok) throw new InvalidArgumentError('Adam', name, value, 'in range (see AdamOptions)');
    }
    this.kernel = this.fused ? new SimdAdam(weights.map((w) => w.variable.size)) : null;
    this.moments = this.fused
      ? []
      : weights.map((w) => ({ m: tf.zerosLike(w.variable), v: tf.zerosLike(w.variable) }));
  }

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /**
   * One update of every weight. The fused update (cpu backend) is one WebAssembly SIMD loop
   * ({@link SimdAdam}, float32 like PyTorch) that updates m and v in place and writes θ once (a dozen tfjs element-wise ops on COIN's 1433 × 1433 W₁ cost more than
   * the rest of the step); on other backends it is composed from tfjs ops. Both compute the formula above.
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
   * θ is overwritten in its own storage when no other tensor shares it (a `tf.clone` of the variable, e.g.
   * a saved best state, shares it until disposed); otherwise the new θ goes to a fresh array and is assigned.
   */
  private stepFused(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps } = this;
    const weightDecay = decay ? this.weightDecay : 0;
    const backend = tf.backend() as MathBackendCPU;
    const theta = cpuData<Float32Array>(backend, variable);
    const inPlace = backend.refCount(variable.dataId) === 1;
    const out = inPlace ? theta : new Float32Array(theta.length);
    const g = cpuData<Float32Array>(backend, grad);
    this.kernel!.step(i, theta, g, out, { beta1, beta2, weightDecay, stepSize, sqrtBias2, eps });
    if (!inPlace) tf.tidy(() => variable.assign(tf.tensor(out, variable.shape)));
  }

  private stepComposed(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps, weightDecay } = this;
    const state = this.moments[i];
    const [m, v] = tf.tidy(() => {
      const g = decay && weightDecay > 0 ? tf.add(grad, tf.mul(variable, weightDecay)) : grad;
      const mNew = tf.add(tf.mul(state.m, beta1), tf.mul(g, 1 - beta1));
      const vNew = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const denom = tf.add(tf.div(tf.sqrt(vNew), sqrtBias2), eps);
      variable.assign(tf.sub(variable, tf.mul(tf.div(mNew, denom), stepSize)));
      return [mNew, vNew];
    });
    tf.dispose([state.m, state.v]);
    state.m = m;
    state.v = v;
  }

  /** Frees the moment estimates. */
  dispose(): void {
    for (const { m, v } of this.moments) tf.dispose([m, v]);
  }
}
