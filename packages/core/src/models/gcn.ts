import * as tf from '@tensorflow/tfjs-core';
import type { FeatureKind, GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { GcnConv } from '../layers/gcn-conv.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { type DecayLayers, HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Gcn}. */
export interface GcnOptions {
  /** Hidden width. */
  readonly hidden: number;
  /** Dropout rate on the input and the hidden layer. */
  readonly dropout: number;
  /** Layers under weight decay (the paper: the first only). */
  readonly decayLayers: DecayLayers;
}

/**
 * Two-layer GCN (Kipf & Welling, arXiv:1609.02907, eq. 9), as PyG's citation benchmark:
 * $$ Y = \hat A\,\operatorname{drop}(\operatorname{relu}(\hat A\,\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2 $$
 * with Â = D̃^{-1/2}(A + I)D̃^{-1/2}, dropout on the (sparse) input and on the hidden layer, weight decay on
 * the first layer only (the paper). Output: logits. Defaults: hidden 16, dropout 0.5.
 */
export class Gcn extends NodeModel {
  readonly dropout: Dropout;
  readonly conv1: GcnConv;
  readonly conv2: GcnConv;
  /** Whether dropout applies to the input features too (GCN: yes). */
  protected readonly inputDropout: boolean = true;
  /** Which features the first layer reads (`GraphTensors.features`): the stored ones. */
  protected readonly featureKind: FeatureKind = 'stored';

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GcnOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: GcnOptions) {
    super();
    this.dropout = new Dropout(options.dropout);
    this.conv1 = new GcnConv(numFeatures, options.hidden);
    this.conv2 = new GcnConv(options.hidden, numClasses, { decay: options.decayLayers === 'all' });
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const kind = this.featureKind;
    const x = this.inputDropout ? this.dropout.features(graph, kind) : graph.features(kind);
    return tf.tidy(() => {
      const adjacency = this.propagation(graph);
      const h = this.dropout.forwardRelu(this.conv1.forward(x, adjacency));
      return this.conv2.forward(h, adjacency);
    });
  }

  /** The propagation matrix of both layers: Â = D̃^{-1/2}(A + I)D̃^{-1/2}; a subclass may use another. */
  protected propagation(graph: GraphTensors): CsrTensor {
    return graph.operator('gcn-norm');
  }
}

/**
 * GCN in the model registry: the paper's defaults (hidden 16, dropout 0.5, weight decay 5e-4 on the first
 * layer, lr 0.01); preset `official`: COIN's reproduction (graph/reproduce), hidden 64, dropout 0.8, weight
 * decay on both layers.
 */
export const gcnDefinition: ModelDefinition<GcnOptions> = {
  description: 'two-layer graph convolutional network',
  factory: ({ numFeatures, numClasses, options }) => new Gcn(numFeatures, numClasses, options),
  defaults: { hidden: 16, dropout: 0.5, decayLayers: 'first' },
  options: {
    hidden: HIDDEN_OPTION_INFO.hidden,
    dropout: HIDDEN_OPTION_INFO.dropout,
    decayLayers: HIDDEN_OPTION_INFO.decayLayers,
  },
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: {
    official: Object.fromEntries(
      ['cora', 'citeseer'].map((d) => [d, { options: { hidden: 64, dropout: 0.8, decayLayers: 'all' } }]),
    ),
  },
};
