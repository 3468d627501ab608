import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';

/**
 * Gaussian noise injection, in training mode only:
 * $$ y = x + \sigma\,\varepsilon,\quad \varepsilon_{ij} \sim \mathcal N(0, 1) $$
 *
 * The COIN paper (Wang, Bao & Shi, arXiv:2403.15726, §4) reads such noise, like dropout, as diffusion in
 * feature space: averaging a network over x + σε solves the heat equation ∂ₜu = ½Δu in the input variable
 * for time σ², so noise injection is the feature-space counterpart of the graph diffusion u ← u − σ²Lu.
 * Samples come from the generator given to the model's `train(rng)`. Identity in evaluation mode.
 * Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} if stddev is negative or not finite
 */
export class GaussianNoise extends Module<[tf.Tensor], tf.Tensor> {
  /** @param stddev - standard deviation σ ≥ 0 */
  constructor(readonly stddev: number) {
    super();
    if (!(stddev >= 0) || !Number.isFinite(stddev)) {
      throw new InvalidArgumentError('GaussianNoise', 'stddev', stddev, 'a finite number ≥ 0');
    }
  }

  override get isStochastic(): boolean {
    return this.stddev > 0;
  }

  forward<T extends tf.Tensor>(x: T): T {
    const { stddev } = this;
    if (!this.training || stddev === 0) return x;
    const rng = this.rng;
    const noise = new Float32Array(x.size);
    for (let i = 0; i < noise.length; i++) noise[i] = stddev * rng.normal();
    return tf.tidy(() => tf.add(x, tf.tensor(noise, x.shape)) as T);
  }
}
