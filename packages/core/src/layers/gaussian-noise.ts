import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { type CallOptions, GraphLayer } from './graph-layer.js';

/** Options of {@link GaussianNoise}. */
export interface GaussianNoiseConfig {
  /** Standard deviation σ of the noise, ≥ 0. */
  readonly stddev: number;
}

/**
 * Gaussian noise injection, in training only:
 * $$ y = x + \sigma\,\varepsilon,\quad \varepsilon_{ij} \sim \mathcal N(0, 1) $$
 *
 * The COIN paper (Wang, Bao & Shi, arXiv:2403.15726, §4) reads such noise, like dropout, as diffusion in
 * feature space: averaging a network over x + σε solves the heat equation ∂ₜu = ½Δu in the input variable
 * for time σ², so noise injection is the feature-space counterpart of the graph diffusion u ← u − σ²Lu.
 * Samples come from the call's seeded {@link Rng}. Identity in evaluation. Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} if stddev is negative or not finite
 */
export class GaussianNoise extends GraphLayer<GaussianNoiseConfig> {
  readonly className = 'GaussianNoise';

  /** @param config - `stddev` σ ≥ 0 */
  constructor(private readonly config: GaussianNoiseConfig) {
    super();
    if (!(config.stddev >= 0) || !Number.isFinite(config.stddev)) {
      throw new InvalidArgumentError('GaussianNoise', 'stddev', config.stddev, 'a finite number ≥ 0');
    }
  }

  getConfig(): GaussianNoiseConfig {
    return { ...this.config };
  }

  /**
   * @throws {@link InvalidArgumentError} if training with a positive stddev and no `rng`
   */
  call<T extends tf.Tensor>(x: T, options: CallOptions): T {
    const { stddev } = this.config;
    if (!options.training || stddev === 0) return x;
    const rng = options.rng;
    if (!rng) throw new InvalidArgumentError('GaussianNoise.call', 'rng', rng, 'an Rng when training');
    const noise = new Float32Array(x.size);
    for (let i = 0; i < noise.length; i++) noise[i] = stddev * rng.normal();
    return tf.tidy(() => tf.add(x, tf.tensor(noise, x.shape)) as T);
  }
}
