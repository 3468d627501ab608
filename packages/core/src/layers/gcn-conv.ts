import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { GraphLayer, type NamedWeight } from './graph-layer.js';
import { uniformTensor } from './uniform-tensor.js';

/** Options of {@link GcnConv}. */
export interface GcnConvConfig {
  /** Prefix of the weights' names. */
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Whether weight decay applies (Kipf & Welling decay only the first layer; default true). */
  readonly decay?: boolean;
}

/**
 * Graph convolution (Kipf & Welling, "Semi-Supervised Classification with Graph Convolutional Networks",
 * arXiv:1609.02907, eq. 2):
 * $$ H' = \hat A\, H W + b,\quad \hat A = \tilde D^{-1/2}(A + I)\tilde D^{-1/2} $$
 * with W Glorot-uniform (bound √(6/(F_in + F_out))) and b = 0, as PyG's `GCNConv`. H may be sparse.
 * Shapes: H (numNodes, F_in), Â (numNodes, numNodes) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if a feature count is not a positive integer
 */
export class GcnConv extends GraphLayer<GcnConvConfig> {
  readonly className = 'GcnConv';
  private weight!: tf.Variable<tf.Rank.R2>;
  private bias!: tf.Variable<tf.Rank.R1>;

  /**
   * @param config - see {@link GcnConvConfig}
   * @param rng - draws the initial weights
   */
  constructor(
    private readonly config: GcnConvConfig,
    rng: Rng,
  ) {
    super();
    for (const key of ['inFeatures', 'outFeatures'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) {
        throw new InvalidArgumentError('GcnConv', key, config[key], 'a positive integer');
      }
    }
    this.resetParameters(rng);
  }

  getConfig(): GcnConvConfig {
    return { ...this.config };
  }

  override weights(): NamedWeight[] {
    const decay = this.config.decay ?? true;
    return [
      { name: `${this.config.name}.weight`, variable: this.weight, decay },
      { name: `${this.config.name}.bias`, variable: this.bias, decay },
    ];
  }

  override resetParameters(rng: Rng): void {
    const { inFeatures, outFeatures } = this.config;
    this.weight?.dispose();
    this.bias?.dispose();
    const bound = Math.sqrt(6 / (inFeatures + outFeatures));
    this.weight = tf.tidy(() =>
      tf.variable(uniformTensor([inFeatures, outFeatures], bound, rng) as tf.Tensor2D),
    );
    this.bias = tf.variable(tf.zeros([outFeatures]));
  }

  /**
   * @param h - node features (numNodes, F_in), dense or sparse
   * @param adjacency - the normalised operator Â as a constant sparse tensor
   */
  call(h: tf.Tensor2D | CsrTensor, adjacency: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const hw = h instanceof CsrTensor ? csrMatMul(h, this.weight) : matMul2d(h, this.weight);
      return tf.add(csrMatMul(adjacency, hw as tf.Tensor2D), this.bias) as tf.Tensor2D;
    });
  }
}
