import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { uniform } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { addBias } from '../ops/add-bias.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { Linear } from './linear.js';

/**
 * Simplified graph convolution (Wu et al., "Simplifying Graph Convolutional Networks", arXiv:1902.07153,
 * eq. 8): a linear map of K-hop smoothed features,
 * $$ Y = \hat A^K X W + b $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2} and W, b initialised like `nn.Linear` (child `linear`, parameter
 * `bias`). The paper precomputes Â^K X; since the map is linear we evaluate Â^K (X W) instead: the same
 * numbers, with X kept sparse and K sparse products of width F_out instead of a dense (numNodes × F_in)
 * matrix (for Cora 2708 × 1433).
 * Shapes: X (numNodes, F_in) → (numNodes, F_out).
 *
 * @throws {@link InvalidArgumentError} if numSteps is not a non-negative integer
 */
export class SgConv extends Module<[tf.Tensor2D | CsrTensor, CsrTensor], tf.Tensor2D> {
  readonly linear: Linear;
  readonly bias: Parameter;

  /**
   * @param inFeatures - F_in
   * @param outFeatures - F_out
   * @param numSteps - propagation hops K (default 2)
   */
  constructor(
    inFeatures: number,
    outFeatures: number,
    readonly numSteps = 2,
  ) {
    super();
    if (!Number.isInteger(numSteps) || numSteps < 0) {
      throw new InvalidArgumentError('SgConv', 'numSteps', numSteps, 'a non-negative integer');
    }
    this.linear = new Linear(inFeatures, outFeatures, { bias: false });
    this.bias = new Parameter([outFeatures], uniform(1 / Math.sqrt(inFeatures)));
  }

  /**
   * Computes $$ Y = \hat A^K (X W) + b $$ (numNodes, F_out).
   * @param x - features (numNodes, F_in), dense or sparse
   * @param adjacency - Â as a constant sparse tensor
   */
  forward(x: tf.Tensor2D | CsrTensor, adjacency: CsrTensor): tf.Tensor2D {
    return tf.tidy(() => {
      let z = this.linear.forward(x);
      for (let k = 0; k < this.numSteps; k++) z = csrMatMul(adjacency, z);
      return addBias(z, this.bias.variable);
    });
  }
}
