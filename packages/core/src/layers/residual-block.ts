import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { GraphLayer, type NamedWeight } from './graph-layer.js';
import { Linear } from './linear.js';

/** Options of {@link ResidualBlock}. */
export interface ResidualBlockConfig {
  /** Prefix of the weights' names (`"<name>.weight"`, `"<name>.bias"`). */
  readonly name: string;
  /** Width F of the block: the linear map is F × F. */
  readonly numFeatures: number;
  /** Activation (default `'relu'`). */
  readonly activation?: 'relu' | 'tanh' | 'identity';
}

/**
 * Residual convection block (COIN, arXiv:2403.15726, the ResNet reading of the convection step):
 * $$ h = x + \phi(x W + b) $$
 * with φ the activation and W F × F initialised like PyTorch's `nn.Linear`. The linear map may read a
 * sparse copy of x (`linearInput`, bag-of-words features) while the skip adds the dense x.
 * Shapes: x (numNodes, F) → (numNodes, F).
 */
export class ResidualBlock extends GraphLayer<ResidualBlockConfig> {
  readonly className = 'ResidualBlock';
  private readonly linear: Linear;

  /**
   * @param config - see {@link ResidualBlockConfig}
   * @param rng - draws the initial weights
   */
  constructor(
    private readonly config: ResidualBlockConfig,
    rng: Rng,
  ) {
    super();
    this.linear = new Linear(
      { name: config.name, inFeatures: config.numFeatures, outFeatures: config.numFeatures },
      rng,
    );
  }

  getConfig(): ResidualBlockConfig {
    return { ...this.config };
  }

  override weights(): NamedWeight[] {
    return this.linear.weights();
  }

  override resetParameters(rng: Rng): void {
    this.linear.resetParameters(rng);
  }

  /**
   * @param x - dense input (numNodes, F), the skip connection
   * @param linearInput - the same matrix as the linear map reads it (default x; pass the sparse copy)
   */
  call(x: tf.Tensor2D, linearInput: tf.Tensor2D | CsrTensor = x): tf.Tensor2D {
    return tf.tidy(() => {
      const z = this.linear.call(linearInput);
      const activation = this.config.activation ?? 'relu';
      const a = activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z;
      return tf.add(x, a);
    });
  }
}
