import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { GatConv } from '../layers/gat-conv.js';
import { HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Gat}. */
export interface GatOptions {
  /** Hidden width per head F'. */
  readonly hidden: number;
  /** Attention heads K of the hidden layer (concatenated). */
  readonly heads: number;
  /** Attention heads of the output layer (averaged). */
  readonly outputHeads: number;
  /** Dropout rate on the input features and on the hidden layer. */
  readonly dropout: number;
  /** Dropout rate on the attention coefficients of both layers. */
  readonly attentionDropout: number;
  /** Slope of the attention's LeakyReLU for negative scores. */
  readonly negativeSlope: number;
}

/**
 * Two-layer GAT (Veličković et al., "Graph Attention Networks", arXiv:1710.10903, §3.3), as COIN's
 * reproduction (graph/reproduce/mlp_gcn_gat_graphsage, PyG's `GATConv`), on the graph with one self loop
 * per node:
 * $$ H = \operatorname{ELU}\Big(\big\Vert_{k=1}^{K} \mathrm{GAT}_k(\operatorname{drop}(X))\Big),\qquad
 *    Y = \frac{1}{K_{\text{out}}}\sum_{k=1}^{K_{\text{out}}} \mathrm{GAT}_k(\operatorname{drop}(H)) $$
 * each GAT_k a {@link GatConv} head with attention dropout. Output: logits. Defaults (the paper, Cora):
 * K = 8 heads of F' = 8, one output head, dropout 0.6 on inputs and attention, LeakyReLU slope 0.2,
 * Adam lr 0.005, weight decay 5e-4.
 */
export class Gat extends NodeModel {
  readonly dropout: Dropout;
  readonly conv1: GatConv;
  readonly conv2: GatConv;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GatOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: GatOptions) {
    super();
    const { hidden, heads, negativeSlope, attentionDropout } = options;
    this.dropout = new Dropout(options.dropout);
    this.conv1 = new GatConv(numFeatures, hidden, { heads, negativeSlope, attentionDropout });
    this.conv2 = new GatConv(heads * hidden, numClasses, {
      heads: options.outputHeads,
      concat: false,
      negativeSlope,
      attentionDropout,
    });
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.dropout.features(graph);
    return tf.tidy(() => {
      const edges = graph.edges('adjacency-self-loops');
      const h = this.dropout.forward(tf.elu(this.conv1.forward(x, edges)) as tf.Tensor2D);
      return this.conv2.forward(h, edges);
    });
  }
}

const headsInfo = (description: string) => ({
  description,
  integer: true,
  min: 1,
  max: 64,
  maxReason: 'each head keeps a numEdges-long attention vector and a numNodes × hidden block per layer',
});

/**
 * GAT in the model registry: the paper's defaults (8 heads × 8, one output head, dropout 0.6 on inputs and
 * attention, lr 0.005, weight decay 5e-4); preset `official`: COIN's reproduction on Cora and Citeseer,
 * 8 heads × 64, input dropout 0.6, attention dropout 0.3, lr 0.01, weight decay 5e-4.
 */
export const gatDefinition: ModelDefinition<GatOptions> = {
  description: 'graph attention network: two GAT layers, ELU, self loops',
  factory: ({ numFeatures, numClasses, options }) => new Gat(numFeatures, numClasses, options),
  defaults: {
    hidden: 8,
    heads: 8,
    outputHeads: 1,
    dropout: 0.6,
    attentionDropout: 0.6,
    negativeSlope: 0.2,
  },
  options: {
    hidden: { ...HIDDEN_OPTION_INFO.hidden, description: 'hidden width per head' },
    heads: headsInfo('attention heads of the hidden layer (concatenated)'),
    outputHeads: headsInfo('attention heads of the output layer (averaged)'),
    dropout: { ...HIDDEN_OPTION_INFO.dropout, description: 'dropout rate on the input and hidden features' },
    attentionDropout: {
      ...HIDDEN_OPTION_INFO.dropout,
      description: 'dropout rate on the attention coefficients',
    },
    negativeSlope: { description: "slope of the attention's LeakyReLU for negative scores", min: 0 },
  },
  training: { lr: 0.005, weightDecay: 5e-4 },
  presets: {
    official: Object.fromEntries(
      ['cora', 'citeseer'].map((d) => [
        d,
        {
          options: { hidden: 64, heads: 8, dropout: 0.6, attentionDropout: 0.3 },
          lr: 0.01,
          weightDecay: 5e-4,
        },
      ]),
    ),
  },
};
