import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { AppnpPropagation } from '../layers/appnp-propagation.js';
import { HIDDEN_OPTION_INFO, Mlp, type MlpOptions } from './mlp.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Appnp}: the MLP's, and the propagation's. */
export interface AppnpOptions extends MlpOptions {
  /** Power-iteration steps K. */
  readonly numSteps: number;
  /** Teleport probability α. */
  readonly alpha: number;
}

/**
 * APPNP (Gasteiger, Bojchevski & Günnemann, "Predict then Propagate", arXiv:1810.05997), as PyG's
 * citation benchmark: the two-layer {@link Mlp}, then K personalised-PageRank steps,
 * $$ H = \operatorname{drop}(\operatorname{relu}(\operatorname{drop}(X) W_1 + b_1)) W_2 + b_2,\quad
 *    Z^{(k+1)} = (1 - \alpha)\hat A Z^{(k)} + \alpha H $$
 * Output Z^{(K)}: logits. Defaults: hidden 64, dropout 0.5, K = 10, α = 0.1.
 */
export class Appnp extends Mlp {
  readonly propagation: AppnpPropagation;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link AppnpOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: AppnpOptions) {
    super(numFeatures, numClasses, options);
    this.propagation = new AppnpPropagation(options.numSteps, options.alpha);
  }

  override forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => this.propagation.forward(super.forward(graph), graph.operator('gcn-norm')));
  }
}

/**
 * APPNP in the model registry: the paper's defaults (hidden 64, dropout 0.5, K = 10, α = 0.1, lr 0.01,
 * weight decay 5e-4); preset `official`: COIN's reproduction (graph/reproduce), no biases, weight decay
 * 5e-3 on the first layer only.
 */
export const appnpDefinition: ModelDefinition<AppnpOptions> = {
  description: 'APPNP: MLP, then K personalised-PageRank steps',
  factory: ({ numFeatures, numClasses, options }) => new Appnp(numFeatures, numClasses, options),
  defaults: { hidden: 64, dropout: 0.5, bias: true, decayLayers: 'all', numSteps: 10, alpha: 0.1 },
  options: {
    ...HIDDEN_OPTION_INFO,
    numSteps: {
      description: 'propagation steps K',
      integer: true,
      min: 0,
      max: 1000,
      maxReason:
        'each step keeps a few numNodes × numClasses tensors for the backward pass: ' +
        'about 0.5 MB a step on Cora, 450 MB for 1000',
      flag: 'steps',
    },
    alpha: { description: 'teleport probability α', min: 0, max: 1 },
  },
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: {
    official: Object.fromEntries(
      ['cora', 'citeseer'].map((d) => [
        d,
        { options: { bias: false, decayLayers: 'first' }, weightDecay: 5e-3 },
      ]),
    ),
  },
};
