import { CsrMatrix, InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { applyMask } from '../ops/apply-mask.js';
import { type CallOptions, GraphLayer } from './graph-layer.js';

/** Options of {@link Dropout}. */
export interface DropoutConfig {
  /** Probability p of zeroing an entry, in [0, 1). */
  readonly rate: number;
}

const TWO_POW_32 = 4294967296;

/**
 * Inverted dropout (Srivastava et al. 2014), as PyTorch's `F.dropout`: in training,
 * $$ y = \frac{m \odot x}{1 - p},\quad m_{ij} \sim \text{Bernoulli}(1 - p) $$
 * and the identity in evaluation. Masks come from the call's seeded {@link Rng}, one 32-bit draw per
 * entry, so training is reproducible. In the COIN reading (arXiv:2403.15726, §4) dropout is a random
 * perturbation of the features, i.e. a diffusion in feature space.
 * Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} if rate is not in [0, 1)
 */
export class Dropout extends GraphLayer<DropoutConfig> {
  readonly className = 'Dropout';

  /** @param config - `rate` p in [0, 1) */
  constructor(private readonly config: DropoutConfig) {
    super();
    if (!(config.rate >= 0 && config.rate < 1)) {
      throw new InvalidArgumentError('Dropout', 'rate', config.rate, 'a number in [0, 1)');
    }
  }

  getConfig(): DropoutConfig {
    return { ...this.config };
  }

  /**
   * @throws {@link InvalidArgumentError} if training with a positive rate and no `rng`
   */
  call<T extends tf.Tensor>(x: T, options: CallOptions): T {
    const { rate } = this.config;
    if (!options.training || rate === 0) return x;
    const rng = options.rng;
    if (!rng) throw new InvalidArgumentError('Dropout.call', 'rng', rng, 'an Rng when training');
    const mask = new Float32Array(x.size).fill(1);
    this.dropInPlace(mask, rng);
    return tf.tidy(() => applyMask(x, tf.tensor(mask, x.shape)));
  }

  /**
   * Dropout on the stored entries of a sparse matrix (bag-of-words features), as Kipf & Welling's sparse
   * dropout: the same rule applied to `values`, the pattern kept. Returns `x` itself when not training.
   *
   * @throws {@link InvalidArgumentError} if training with a positive rate and no `rng`
   */
  callSparse(x: CsrMatrix, options: CallOptions): CsrMatrix {
    if (!options.training || this.config.rate === 0) return x;
    const rng = options.rng;
    if (!rng) throw new InvalidArgumentError('Dropout.callSparse', 'rng', rng, 'an Rng when training');
    const values = Float32Array.from(x.values);
    this.dropInPlace(values, rng);
    return CsrMatrix.trusted(x.shape, x.indptr, x.indices, values);
  }

  private dropInPlace(values: Float32Array, rng: Rng): void {
    const threshold = this.config.rate * TWO_POW_32;
    const scale = 1 / (1 - this.config.rate);
    for (let i = 0; i < values.length; i++) values[i] = rng.nextUint32() >= threshold ? values[i] * scale : 0;
  }
}
