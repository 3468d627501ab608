import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Dropout } from '../layers/dropout.js';
import type { Logger } from '../layers/graph-diffusion.js';
import type { CallOptions, GraphLayer } from '../layers/graph-layer.js';
import { Linear } from '../layers/linear.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * Two-layer perceptron on the node features alone (the graph-free baseline):
 * $$ Y = \operatorname{drop}(\operatorname{relu}(\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2 $$
 * Output: logits. Defaults: hidden 64, dropout 0.5.
 */
export class Mlp extends BaseModel {
  readonly output = 'logits';
  protected readonly layers: GraphLayer[];
  private readonly dropout: Dropout;
  private readonly lin1: Linear;
  private readonly lin2: Linear;

  /**
   * @param config - sizes and resolved options (`hidden`, `dropout`)
   * @param rng - draws the initial weights
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.dropout = new Dropout({ rate: options.dropout! });
    this.lin1 = new Linear({ name: 'lin1', inFeatures: numFeatures, outFeatures: options.hidden! }, rng);
    this.lin2 = new Linear({ name: 'lin2', inFeatures: options.hidden!, outFeatures: numClasses }, rng);
    this.layers = [this.dropout, this.lin1, this.lin2];
  }

  override prepare(graph: GraphTensors, _logger?: Logger): void {
    graph.features();
  }

  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    const x = this.inputFeatures(graph, this.dropout, options);
    return tf.tidy(() => this.lin2.call(this.dropout.call(tf.relu(this.lin1.call(x)), options)));
  }
}
