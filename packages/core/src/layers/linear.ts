import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { uniform } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { addBias } from '../ops/add-bias.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { matMul2d } from '../ops/mat-mul-2d.js';

/** Options of {@link Linear}. */
export interface LinearOptions {
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
 * with `matMul2d`. Parameters `weight`, `bias`.
 * Shapes: x (numNodes, F_in) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if a feature count is not a positive integer
 */
export class Linear extends Module<[tf.Tensor2D | CsrTensor], tf.Tensor2D> {
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out
   * @param options - see {@link LinearOptions}
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    checkFeatureCounts('Linear', { inFeatures, outFeatures });
    const init = uniform(1 / Math.sqrt(inFeatures));
    const decay = options.decay ?? true;
    this.weight = new Parameter([inFeatures, outFeatures], init, { decay });
    this.bias = (options.bias ?? true) ? new Parameter([outFeatures], init, { decay }) : null;
  }

  /** $$ x W + b $$ for a dense or sparse x of shape (numNodes, F_in). */
  forward(x: tf.Tensor2D | CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const xw = denseOrSparseMatMul(x, this.weight.variable as tf.Tensor2D);
      return this.bias ? addBias(xw, this.bias.variable) : xw;
    });
  }
}

/**
 * Checks that each of `counts` is a positive integer.
 * @throws {@link InvalidArgumentError} naming the layer and the count
 */
export function checkFeatureCounts(layer: string, counts: Record<string, number>): void {
  for (const [key, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new InvalidArgumentError(layer, key, value, 'a positive integer');
    }
  }
}

/**
 * $$ x W $$ for a dense x (`matMul2d`) or a sparse one (`csrMatMul`, never densified): the first product of
 * every layer that takes bag-of-words features. Shapes: x (numNodes × F_in), W (F_in × F_out) → (numNodes × F_out).
 */
export function denseOrSparseMatMul(x: tf.Tensor2D | CsrTensor, w: tf.Tensor2D): tf.Tensor2D {
  return x instanceof CsrTensor ? csrMatMul(x, w) : matMul2d(x, w);
}
