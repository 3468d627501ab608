import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { GraphLayer, type NamedWeight } from './graph-layer.js';
import { Linear } from './linear.js';
import { uniformTensor } from './uniform-tensor.js';

/** Options of {@link SgConv}. */
export interface SgConvConfig {
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Number of propagation hops K (default 2). */
  readonly numSteps?: number;
}

/**
 * Simplified graph convolution (Wu et al., "Simplifying Graph Convolutional Networks", arXiv:1902.07153,
 * eq. 8): a linear map of K-hop smoothed features,
 * $$ Y = \hat A^K X W + b $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2} and W, b initialised like `nn.Linear`. The paper precomputes Â^K X;
 * since the map is linear we evaluate Â^K (X W) instead: the same numbers, with X kept sparse and K sparse
 * products of width F_out instead of a dense (numNodes × F_in) matrix (for Cora 2708 × 1433).
 * Shapes: X (numNodes, F_in) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if numSteps is not a non-negative integer
 */
export class SgConv extends GraphLayer<SgConvConfig> {
  readonly className = 'SgConv';
  private readonly linear: Linear;
  private readonly numSteps: number;
  private bias!: tf.Variable<tf.Rank.R1>;

  /**
   * @param config - see {@link SgConvConfig}
   * @param rng - draws the initial weights
   */
  constructor(
    private readonly config: SgConvConfig,
    rng: Rng,
  ) {
    super();
    this.numSteps = config.numSteps ?? 2;
    if (!Number.isInteger(this.numSteps) || this.numSteps < 0) {
      throw new InvalidArgumentError('SgConv', 'numSteps', this.numSteps, 'a non-negative integer');
    }
    this.linear = new Linear(
      { name: config.name, inFeatures: config.inFeatures, outFeatures: config.outFeatures, bias: false },
      rng,
    );
    this.resetBias(rng);
  }

  getConfig(): SgConvConfig {
    return { ...this.config, numSteps: this.numSteps };
  }

  override weights(): NamedWeight[] {
    return [...this.linear.weights(), { name: `${this.config.name}.bias`, variable: this.bias, decay: true }];
  }

  override resetParameters(rng: Rng): void {
    this.linear.resetParameters(rng);
    this.resetBias(rng);
  }

  private resetBias(rng: Rng): void {
    this.bias?.dispose();
    const bound = 1 / Math.sqrt(this.config.inFeatures);
    this.bias = tf.tidy(() =>
      tf.variable(uniformTensor([this.config.outFeatures], bound, rng) as tf.Tensor1D),
    );
  }

  /**
   * @param x - features (numNodes, F_in), dense or sparse
   * @param adjacency - Â as a constant sparse tensor
   */
  call(x: tf.Tensor2D | CsrTensor, adjacency: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      let z = this.linear.call(x);
      for (let k = 0; k < this.numSteps; k++) z = csrMatMul(adjacency, z);
      return tf.add(z, this.bias);
    });
  }
}
