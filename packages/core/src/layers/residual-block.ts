import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { CsrTensor } from '../ops/csr-tensor.js';
import { sparseResidualLinear } from '../ops/sparse-residual-linear.js';
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
 * with φ the activation and W F × F initialised like PyTorch's `nn.Linear`. A sparse x (bag-of-words
 * features as a {@link CsrTensor}) with φ = relu runs the fused {@link sparseResidualLinear}: no dense copy
 * of x is made.
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
   * @param x - input (numNodes, F), dense or sparse
   * @throws {@link InvalidArgumentError} for a sparse x with an activation other than relu
   */
  call(x: tf.Tensor2D | CsrTensor): tf.Tensor2D {
    const activation = this.config.activation ?? 'relu';
    if (x instanceof CsrTensor) {
      if (activation !== 'relu') {
        throw new InvalidArgumentError(
          'ResidualBlock.call',
          'activation',
          activation,
          "'relu' for a sparse x",
        );
      }
      const { weight, bias } = this.linear.parameters();
      return sparseResidualLinear(x, weight, bias!);
    }
    return tf.tidy(() => {
      const z = this.linear.call(x);
      const a = activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z;
      return tf.add(x, a);
    });
  }
}
