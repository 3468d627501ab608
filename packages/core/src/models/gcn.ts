import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Dropout } from '../layers/dropout.js';
import { GcnConv } from '../layers/gcn-conv.js';
import type { CallOptions } from '../layers/graph-layer.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * Two-layer GCN (Kipf & Welling, arXiv:1609.02907, eq. 9), as PyG's citation benchmark:
 * $$ Y = \hat A\,\operatorname{drop}(\operatorname{relu}(\hat A\,\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2 $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2}, dropout on the (sparse) input and on the hidden layer, weight decay on
 * the first layer only (the paper). Output: logits. Defaults: hidden 16, dropout 0.5.
 */
export class Gcn extends BaseModel {
  readonly output = 'logits';
  protected readonly layers;
  private readonly dropout: Dropout;
  private readonly conv1: GcnConv;
  private readonly conv2: GcnConv;

  /**
   * @param config - sizes and resolved options (`hidden`, `dropout`)
   * @param rng - draws the initial weights
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.dropout = new Dropout({ rate: options.dropout! });
    this.conv1 = new GcnConv({ name: 'conv1', inFeatures: numFeatures, outFeatures: options.hidden! }, rng);
    this.conv2 = new GcnConv(
      { name: 'conv2', inFeatures: options.hidden!, outFeatures: numClasses, decay: false },
      rng,
    );
    this.layers = [this.dropout, this.conv1, this.conv2];
  }

  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    const x = this.inputFeatures(graph, this.dropout, options);
    return tf.tidy(() => {
      const adjacency = graph.operator('gcn-norm');
      const h = this.dropout.call(tf.relu(this.conv1.call(x, adjacency)), options);
      return this.conv2.call(h, adjacency);
    });
  }
}
