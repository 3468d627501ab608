import { CsrMatrix, InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { FeatureKind, GraphTensors } from '../graph/graph-tensors.js';
import { Module } from '../module/module.js';
import { applyMask } from '../ops/apply-mask.js';
import { CsrTensor } from '../ops/csr-tensor.js';

const TWO_POW_32 = 4294967296;

/**
 * Inverted dropout (Srivastava et al. 2014), as PyTorch's `F.dropout`: in training mode,
 * $$ y = \frac{m \odot x}{1 - p},\quad m_{ij} \sim \text{Bernoulli}(1 - p) $$
 * and the identity in evaluation mode. Masks come from the generator given to the model's `train(rng)`,
 * one 32-bit draw per entry, so training is reproducible. In the COIN reading (arXiv:2403.15726, §4)
 * dropout is a random perturbation of the features, i.e. a diffusion in feature space.
 * Shapes: x → same shape.
 *
 * @throws {@link InvalidArgumentError} if rate is not in [0, 1)
 */
export class Dropout extends Module<[tf.Tensor], tf.Tensor> {
  /** @param rate - probability p of zeroing an entry, in [0, 1) */
  constructor(readonly rate: number) {
    super();
    if (!(rate >= 0 && rate < 1)) {
      throw new InvalidArgumentError('Dropout', 'rate', rate, 'a number in [0, 1)');
    }
  }

  override get isStochastic(): boolean {
    return this.rate > 0;
  }

  /** Whether this call masks anything (training mode and p > 0). */
  private get active(): boolean {
    return this.training && this.rate > 0;
  }

  forward<T extends tf.Tensor>(x: T): T {
    if (!this.active) return x;
    const mask = new Float32Array(x.size).fill(1);
    this.dropInPlace(mask, this.rng);
    return tf.tidy(() => applyMask(x, tf.tensor(mask, x.shape)));
  }

  /**
   * Dropout on the stored entries of a sparse matrix (bag-of-words features), as Kipf & Welling's sparse
   * dropout: the same rule applied to `values`, the pattern kept. Returns `x` itself when inactive.
   */
  forwardSparse(x: CsrMatrix): CsrMatrix {
    if (!this.active) return x;
    const values = Float32Array.from(x.values);
    this.dropInPlace(values, this.rng);
    return CsrMatrix.trusted(x.shape, x.indptr, x.indices, values);
  }

  /**
   * The graph's sparse features of kind `kind` (default `'stored'`, see `GraphTensors.features`) with dropout
   * on their stored entries in training mode (a fresh sparse tensor each call, kept in `graph` until the next
   * one, since the backward pass reads it), the cached features otherwise.
   */
  features(graph: GraphTensors, kind: FeatureKind = 'stored'): CsrTensor {
    if (!this.active) return graph.features(kind);
    return graph.scratch(
      'features.dropout',
      CsrTensor.fromCsr(this.forwardSparse(graph.featureMatrix(kind))),
    );
  }

  private dropInPlace(values: Float32Array, rng: Rng): void {
    const threshold = this.rate * TWO_POW_32;
    const scale = 1 / (1 - this.rate);
    for (let i = 0; i < values.length; i++) values[i] = rng.nextUint32() >= threshold ? values[i] * scale : 0;
  }
}
