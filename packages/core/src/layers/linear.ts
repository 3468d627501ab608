import { InvalidArgumentError, type Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { GraphLayer, type NamedWeight } from './graph-layer.js';
import { uniformTensor } from './uniform-tensor.js';

/** Options of {@link Linear}. */
export interface LinearConfig {
  /** Prefix of the weights' names (`"<name>.weight"`, `"<name>.bias"`). */
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Whether to add a bias (default true). */
  readonly bias?: boolean;
  /** Whether weight decay applies to this layer's weights (default true). */
  readonly decay?: boolean;
}

/**
 * Affine layer, PyTorch's `nn.Linear` with the weight stored transposed:
 * $$ y = x W + b,\quad W \in \mathbb R^{F_\text{in}\times F_\text{out}},\ b \in \mathbb R^{F_\text{out}} $$
 * initialised like `nn.Linear`: every entry of W and b uniform on [−1/√F_in, 1/√F_in]. A sparse input
 * (bag-of-words features as a {@link CsrTensor}) is multiplied with `csrMatMul`, never densified; a dense one
 * with `matMul2d`.
 * Shapes: x (numNodes, F_in) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if a feature count is not a positive integer
 */
export class Linear extends GraphLayer<LinearConfig> {
  readonly className = 'Linear';
  private weight!: tf.Variable<tf.Rank.R2>;
  private bias: tf.Variable<tf.Rank.R1> | null = null;

  /**
   * @param config - sizes and switches, see {@link LinearConfig}
   * @param rng - draws the initial weights
   */
  constructor(
    private readonly config: LinearConfig,
    rng: Rng,
  ) {
    super();
    for (const key of ['inFeatures', 'outFeatures'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) {
        throw new InvalidArgumentError('Linear', key, config[key], 'a positive integer');
      }
    }
    this.resetParameters(rng);
  }

  getConfig(): LinearConfig {
    return { ...this.config };
  }

  override weights(): NamedWeight[] {
    const decay = this.config.decay ?? true;
    const out: NamedWeight[] = [{ name: `${this.config.name}.weight`, variable: this.weight, decay }];
    if (this.bias) out.push({ name: `${this.config.name}.bias`, variable: this.bias, decay });
    return out;
  }

  override resetParameters(rng: Rng): void {
    const { inFeatures, outFeatures } = this.config;
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight?.dispose();
    this.bias?.dispose();
    this.weight = tf.tidy(() =>
      tf.variable(uniformTensor([inFeatures, outFeatures], bound, rng) as tf.Tensor2D),
    );
    this.bias =
      (this.config.bias ?? true)
        ? tf.tidy(() => tf.variable(uniformTensor([outFeatures], bound, rng) as tf.Tensor1D))
        : null;
  }

  /** W (F_in × F_out) and b (F_out, null without bias), for layers that fuse the affine map into their op. */
  parameters(): { weight: tf.Variable<tf.Rank.R2>; bias: tf.Variable<tf.Rank.R1> | null } {
    return { weight: this.weight, bias: this.bias };
  }

  /** $$ x W + b $$ for a dense or sparse x of shape (numNodes, F_in). */
  call(x: tf.Tensor2D | CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const xw: tf.Tensor2D = x instanceof CsrTensor ? csrMatMul(x, this.weight) : matMul2d(x, this.weight);
      return this.bias ? (tf.add(xw, this.bias) as tf.Tensor2D) : xw;
    });
  }
}
