import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { AppnpPropagation } from '../layers/appnp-propagation.js';
import { Dropout } from '../layers/dropout.js';
import type { CallOptions } from '../layers/graph-layer.js';
import { Linear } from '../layers/linear.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * APPNP (Gasteiger, Bojchevski & Günnemann, "Predict then Propagate", arXiv:1810.05997), as PyG's
 * citation benchmark: a two-layer MLP, then K personalised-PageRank steps,
 * $$ H = \operatorname{drop}(\operatorname{relu}(\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2,\quad
 *    Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H $$
 * Output Z^{(K)}: logits. Defaults: hidden 64, dropout 0.5, K = 10, α = 0.1.
 */
export class Appnp extends BaseModel {
  readonly output = 'logits';
  protected readonly layers;
  private readonly dropout: Dropout;
  private readonly lin1: Linear;
  private readonly lin2: Linear;
  private readonly propagation: AppnpPropagation;

  /**
   * @param config - sizes and resolved options (`hidden`, `dropout`, `numSteps`, `alpha`)
   * @param rng - draws the initial weights
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.dropout = new Dropout({ rate: options.dropout! });
    this.lin1 = new Linear({ name: 'lin1', inFeatures: numFeatures, outFeatures: options.hidden! }, rng);
    this.lin2 = new Linear({ name: 'lin2', inFeatures: options.hidden!, outFeatures: numClasses }, rng);
    this.propagation = new AppnpPropagation({ numSteps: options.numSteps!, alpha: options.alpha! });
    this.layers = [this.dropout, this.lin1, this.lin2, this.propagation];
  }

  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    const x = this.inputFeatures(graph, this.dropout, options);
    return tf.tidy(() => {
      const h = this.lin2.call(this.dropout.call(tf.relu(this.lin1.call(x)), options));
      return this.propagation.call(h, graph.operator('gcn-norm'));
    });
  }
}
