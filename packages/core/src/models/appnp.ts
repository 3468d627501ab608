import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { AppnpPropagation } from '../layers/appnp-propagation.js';
import type { CallOptions } from '../layers/graph-layer.js';
import type { GraphTensors } from './graph-tensors.js';
import { Mlp } from './mlp.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * APPNP (Gasteiger, Bojchevski & Günnemann, "Predict then Propagate", arXiv:1810.05997), as PyG's
 * citation benchmark: the two-layer {@link Mlp}, then K personalised-PageRank steps,
 * $$ H = \operatorname{drop}(\operatorname{relu}(\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2,\quad
 *    Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H $$
 * Output Z^{(K)}: logits. Defaults: hidden 64, dropout 0.5, K = 10, α = 0.1.
 */
export class Appnp extends Mlp {
  private readonly propagation: AppnpPropagation;

  /**
   * @param config - sizes and resolved options (`hidden`, `dropout`, `numSteps`, `alpha`)
   * @param rng - draws the initial weights (those of the MLP)
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config, rng);
    const { numSteps, alpha } = config.options;
    this.propagation = new AppnpPropagation({ numSteps: numSteps!, alpha: alpha! });
    this.layers.push(this.propagation);
  }

  override forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    return tf.tidy(() => this.propagation.call(super.forward(graph, options), graph.operator('gcn-norm')));
  }
}
