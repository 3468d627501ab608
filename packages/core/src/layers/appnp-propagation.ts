import { InvalidArgumentError } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';
import { Module } from '../module/module.js';
import { appnpPropagation } from '../ops/appnp-propagation.js';
import type { CsrTensor } from '../ops/csr-tensor.js';

/**
 * Personalised-PageRank propagation of APPNP (Gasteiger, Bojchevski & Günnemann, "Predict then Propagate",
 * arXiv:1810.05997, eq. 4):
 * $$ Z^{(0)} = H,\quad Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H,\quad k = 0, \dots, K-1 $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2}, the K steps in one kernel ({@link appnpPropagation}). No weights. Shapes: H (numNodes, C) → (numNodes, C).
 *
 * @throws {@link InvalidArgumentError} if numSteps is not a non-negative integer or alpha not in [0, 1]
 */
export class AppnpPropagation extends Module<[tf.Tensor2D, CsrTensor], tf.Tensor2D> {
  /**
   * @param numSteps - power-iteration steps K (default 10)
   * @param alpha - teleport probability α (default 0.1)
   */
  constructor(
    readonly numSteps = 10,
    readonly alpha = 0.1,
  ) {
    super();
    if (!Number.isInteger(numSteps) || numSteps < 0) {
      throw new InvalidArgumentError('AppnpPropagation', 'numSteps', numSteps, 'a non-negative integer');
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new InvalidArgumentError('AppnpPropagation', 'alpha', alpha, 'a number in [0, 1]');
    }
  }

  /**
   * Runs the K steps $$ Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H $$ from Z⁽⁰⁾ = H; returns Z⁽ᴷ⁾.
   * @param h - predictions H (numNodes, C)
   * @param adjacency - Â as a constant sparse tensor
   */
  forward(h: tf.Tensor2D, adjacency: CsrTensor): tf.Tensor2D {
    return appnpPropagation(h, adjacency, this.numSteps, this.alpha);
  }
}
