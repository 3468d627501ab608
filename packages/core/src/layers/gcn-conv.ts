import * as tf from '@tensorflow/tfjs-core';
import { glorotUniform, zeros } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { addBias } from '../ops/add-bias.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { checkFeatureCounts, denseOrSparseMatMul } from './linear.js';

/** Options of {@link GcnConv}. */
export interface GcnConvOptions {
  /** Whether to add the bias b (default true). */
  readonly bias?: boolean;
  /** Whether weight decay applies (Kipf & Welling decay only the first layer; default true). */
  readonly decay?: boolean;
}

/**
 * Graph convolution (Kipf & Welling, "Semi-Supervised Classification with Graph Convolutional Networks",
 * arXiv:1609.02907, eq. 2):
 * $$ H' = \hat A\, H W + b,\quad \hat A = \tilde D^{-1/2}(A + I)\tilde D^{-1/2} $$
 * with W Glorot-uniform (bound √(6/(F_in + F_out))) and b = 0, as PyG's `GCNConv`. H may be sparse.
 * Parameters `weight`, `bias`.
 * Shapes: H (numNodes, F_in), Â (numNodes, numNodes) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if a feature count is not a positive integer
 */
export class GcnConv extends Module<[tf.Tensor2D | CsrTensor, CsrTensor], tf.Tensor2D> {
  readonly weight: Parameter;
  readonly bias: Parameter | null;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out
   * @param options - see {@link GcnConvOptions}
   */
  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: GcnConvOptions = {},
  ) {
    super();
    checkFeatureCounts('GcnConv', { inFeatures, outFeatures });
    const decay = options.decay ?? true;
    this.weight = new Parameter([inFeatures, outFeatures], glorotUniform, { decay });
    this.bias = (options.bias ?? true) ? new Parameter([outFeatures], zeros, { decay }) : null;
  }

  /**
   * Computes $$ H' = \hat A\, H W + b $$ (numNodes, F_out).
   * @param h - node features (numNodes, F_in), dense or sparse
   * @param adjacency - the normalised operator Â as a constant sparse tensor (`graph.operator('gcn-norm')`)
   */
  forward(h: tf.Tensor2D | CsrTensor, adjacency: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      const out = csrMatMul(adjacency, denseOrSparseMatMul(h, this.weight.variable as tf.Tensor2D));
      return this.bias ? addBias(out, this.bias.variable) : out;
    });
  }
}
