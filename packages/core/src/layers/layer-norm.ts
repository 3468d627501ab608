import type * as tf from '@tensorflow/tfjs-core';
import { ones, zeros } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { layerNorm } from '../ops/layer-norm.js';
import { checkFeatureCounts } from './linear.js';

/**
 * Layer normalisation (Ba, Kiros & Hinton, arXiv:1607.06450), PyTorch's `nn.LayerNorm(F)`: each row
 * normalised over its features, then scaled and shifted,
 * $$ y_{ij} = \frac{x_{ij} - \mu_i}{\sqrt{\sigma_i^2 + \epsilon}}\,\gamma_j + \beta_j,\quad
 *    \mu_i = \tfrac1F \textstyle\sum_j x_{ij},\ \sigma_i^2 = \tfrac1F \sum_j (x_{ij} - \mu_i)^2 $$
 * with ε = 1e-5, γ = 1 (`weight`) and β = 0 (`bias`) at initialisation, computed by the {@link layerNorm} op.
 * Shapes: x (numNodes, F) → (numNodes, F).
 *
 * @throws {@link InvalidArgumentError} if the feature count is not a positive integer
 */
export class LayerNorm extends Module<[tf.Tensor2D], tf.Tensor2D> {
  readonly weight: Parameter;
  readonly bias: Parameter;

  /**
   * @param features - F
   * @param epsilon - ε added to the variance (default 1e-5)
   */
  constructor(
    readonly features: number,
    readonly epsilon = 1e-5,
  ) {
    super();
    checkFeatureCounts('LayerNorm', { features });
    this.weight = new Parameter([features], ones);
    this.bias = new Parameter([features], zeros);
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return layerNorm(x, this.weight.variable, this.bias.variable, this.epsilon);
  }
}
