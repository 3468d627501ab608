import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { NamedWeight } from '../layers/graph-layer.js';

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
  /** Use the fused typed-array update (default: when the active backend is `cpu`). */
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
  private readonly fused: boolean | undefined;
  private readonly m: tf.Tensor[];
  private readonly v: tf.Tensor[];
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
    this.fused = options.fused;
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
    this.m = weights.map((w) => tf.zerosLike(w.variable));
    this.v = weights.map((w) => tf.zerosLike(w.variable));
  }

  /** Number of steps taken. */
  get iterations(): number {
    return this.t;
  }

  /**
   * One update of every weight. On the cpu backend the update is one fused loop over the typed arrays
   * (a dozen tfjs element-wise ops on COIN's 1433 × 1433 W₁ cost more than the rest of the step); on other
   * backends it is composed from tfjs ops. Both compute the formula above.
   * @param grads - gradient of each weight, same order as the constructor's `weights`
   */
  step(grads: readonly tf.Tensor[]): void {
    this.t += 1;
    const stepSize = this.lr / (1 - this.beta1 ** this.t);
    const sqrtBias2 = Math.sqrt(1 - this.beta2 ** this.t);
    const fused = this.fused ?? tf.getBackend() === 'cpu';
    this.weights.forEach((_, i) => {
      if (fused) this.stepFused(i, grads[i], stepSize, sqrtBias2);
      else this.stepComposed(i, grads[i], stepSize, sqrtBias2);
    });
  }

  private stepFused(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps } = this;
    const weightDecay = decay ? this.weightDecay : 0;
    const theta = variable.dataSync() as Float32Array;
    const g = grad.dataSync() as Float32Array;
    const m = this.m[i].dataSync() as Float32Array;
    const v = this.v[i].dataSync() as Float32Array;
    const thetaNew = new Float32Array(theta.length);
    const mNew = new Float32Array(theta.length);
    const vNew = new Float32Array(theta.length);
    for (let j = 0; j < theta.length; j++) {
      const gj = g[j] + weightDecay * theta[j];
      const mj = beta1 * m[j] + (1 - beta1) * gj;
      const vj = beta2 * v[j] + (1 - beta2) * gj * gj;
      mNew[j] = mj;
      vNew[j] = vj;
      thetaNew[j] = theta[j] - (stepSize * mj) / (Math.sqrt(vj) / sqrtBias2 + eps);
    }
    this.replaceMoments(i, tf.tensor(mNew, variable.shape), tf.tensor(vNew, variable.shape));
    tf.tidy(() => variable.assign(tf.tensor(thetaNew, variable.shape)));
  }

  private stepComposed(i: number, grad: tf.Tensor, stepSize: number, sqrtBias2: number): void {
    const { variable, decay } = this.weights[i];
    const { beta1, beta2, eps, weightDecay } = this;
    const [m, v] = tf.tidy(() => {
      const g = decay && weightDecay > 0 ? tf.add(grad, tf.mul(variable, weightDecay)) : grad;
      const mNew = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
      const vNew = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
      const denom = tf.add(tf.div(tf.sqrt(vNew), sqrtBias2), eps);
      variable.assign(tf.sub(variable, tf.mul(tf.div(mNew, denom), stepSize)));
      return [mNew, vNew];
    });
    this.replaceMoments(i, m, v);
  }

  private replaceMoments(i: number, m: tf.Tensor, v: tf.Tensor): void {
    this.m[i].dispose();
    this.v[i].dispose();
    this.m[i] = m;
    this.v[i] = v;
  }

  /** Frees the moment estimates. */
  dispose(): void {
    for (const t of [...this.m, ...this.v]) t.dispose();
  }
}
