import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { Linear } from '../layers/linear.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition, OptionInfo } from './registry.js';

/** Which layers the optimiser's weight decay applies to: all, or the first only (Kipf & Welling's GCN). */
export type DecayLayers = 'all' | 'first';

/** Options of {@link Mlp}. */
export interface MlpOptions {
  /** Hidden width. */
  readonly hidden: number;
  /** Dropout rate on the input and the hidden layer. */
  readonly dropout: number;
  /** Whether the linear layers have biases. */
  readonly bias: boolean;
  /** Layers under weight decay. */
  readonly decayLayers: DecayLayers;
}

/**
 * Two-layer perceptron on the node features alone (the graph-free baseline):
 * $$ Y = \operatorname{drop}(\operatorname{relu}(\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2 $$
 * Output: logits. Defaults: hidden 64, dropout 0.5, biases, weight decay on both layers.
 */
export class Mlp extends NodeModel {
  readonly dropout: Dropout;
  readonly lin1: Linear;
  readonly lin2: Linear;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link MlpOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: MlpOptions) {
    super();
    const { hidden, bias, decayLayers } = options;
    this.dropout = new Dropout(options.dropout);
    this.lin1 = new Linear(numFeatures, hidden, { bias });
    this.lin2 = new Linear(hidden, numClasses, { bias, decay: decayLayers === 'all' });
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const x = this.dropout.features(graph);
    return tf.tidy(() => this.lin2.forward(this.dropout.forwardRelu(this.lin1.forward(x))));
  }
}

/** Option metadata shared by the MLP-based models (MLP, APPNP) and GCN. */
export const HIDDEN_OPTION_INFO = {
  hidden: { description: 'hidden width', integer: true, min: 1 },
  dropout: { description: 'dropout rate', min: 0, max: 1, maxExclusive: true },
  bias: { description: 'biases in the linear layers' },
  decayLayers: { description: 'layers under weight decay', choices: ['all', 'first'] },
} as const satisfies Record<string, OptionInfo>;

/**
 * MLP in the model registry: hidden 64, dropout 0.5, Adam lr 0.01, weight decay 5e-4 on both layers, which
 * are also the settings of COIN's reproduction (its `official` preset).
 */
export const mlpDefinition: ModelDefinition<MlpOptions> = {
  description: 'two-layer perceptron on the features alone',
  factory: ({ numFeatures, numClasses, options }) => new Mlp(numFeatures, numClasses, options),
  defaults: { hidden: 64, dropout: 0.5, bias: true, decayLayers: 'all' },
  options: HIDDEN_OPTION_INFO,
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: { official: { cora: {}, citeseer: {} } },
};
