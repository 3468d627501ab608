import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { SAGE_AGGREGATIONS, type SageAggregation, SageConv } from '../layers/sage-conv.js';
import { HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link GraphSage}. */
export interface GraphSageOptions {
  /** Hidden width. */
  readonly hidden: number;
  /** Dropout rate on the input and the hidden layer. */
  readonly dropout: number;
  /** Neighbour aggregation. */
  readonly aggregation: SageAggregation;
  /** Whether each layer adds the node's own features through a root weight. */
  readonly rootWeight: boolean;
}

/**
 * Two-layer GraphSAGE (Hamilton, Ying & Leskovec, arXiv:1706.02216), full-batch with the mean aggregator,
 * as COIN's reproduction (graph/reproduce/mlp_gcn_gat_graphsage, PyG's `SAGEConv`):
 * $$ H = \operatorname{relu}(\mathrm{SAGE}_1(\operatorname{drop}(X))),\quad Y = \mathrm{SAGE}_2(\operatorname{drop}(H)),\qquad
 *    \mathrm{SAGE}(x)_i = W_{\text{root}}^\top x_i + W^\top \operatorname{mean}_{j \in \mathcal N(i)} x_j + b $$
 * over the graph's own edges ({@link SageConv}). Output: logits. Defaults (the reproduction's): hidden 32,
 * dropout 0.4, mean aggregation, root weight, Adam lr 0.01, weight decay 5e-4.
 */
export class GraphSage extends NodeModel {
  readonly dropout: Dropout;
  readonly conv1: SageConv;
  readonly conv2: SageConv;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GraphSageOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: GraphSageOptions) {
    super();
    const { aggregation, rootWeight } = options;
    this.dropout = new Dropout(options.dropout);
    this.conv1 = new SageConv(numFeatures, options.hidden, { aggregation, rootWeight });
    this.conv2 = new SageConv(options.hidden, numClasses, { aggregation, rootWeight });
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.dropout.features(graph);
    return tf.tidy(() => {
      const edges = graph.edges('adjacency');
      const h = this.dropout.forwardRelu(this.conv1.forward(x, edges));
      return this.conv2.forward(h, edges);
    });
  }
}

/**
 * GraphSAGE-mean in the model registry: hidden 32, dropout 0.4, mean aggregation with root weight, Adam
 * lr 0.01, weight decay 5e-4 — the settings of COIN's reproduction, which are also its `official` preset
 * for Cora and Citeseer (the paper itself trains inductively with sampled neighbourhoods).
 */
export const graphSageDefinition: ModelDefinition<GraphSageOptions> = {
  description: 'GraphSAGE: two mean-aggregation layers with root weights',
  factory: ({ numFeatures, numClasses, options }) => new GraphSage(numFeatures, numClasses, options),
  defaults: { hidden: 32, dropout: 0.4, aggregation: 'mean', rootWeight: true },
  options: {
    hidden: HIDDEN_OPTION_INFO.hidden,
    dropout: HIDDEN_OPTION_INFO.dropout,
    aggregation: { description: 'neighbour aggregation', choices: SAGE_AGGREGATIONS },
    rootWeight: { description: "add each node's own features through a root weight" },
  },
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: { official: { cora: {}, citeseer: {} } },
};
