import { heatWavelet, InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { HeatConv } from '../layers/heat-conv.js';
import { HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link GraphHeat}. */
export interface GraphHeatOptions {
  /** Hidden width. */
  readonly hidden: number;
  /** Dropout rate on the input and the hidden layer. */
  readonly dropout: number;
  /** Heat-kernel scale s. */
  readonly scale: number;
  /** Entries of e^{−sL} below it are dropped. */
  readonly threshold: number;
}

/**
 * GraphHeat (Xu et al., "Graph Convolutional Networks using Heat Kernel for Semi-supervised Learning",
 * arXiv:2007.16002), two {@link HeatConv} layers as COIN's reproduction (graph/reproduce/graphheat):
 * $$ Y = \operatorname{conv}_2(\operatorname{drop}(\operatorname{relu}(\operatorname{conv}_1(\operatorname{drop}(X))))),
 *    \quad \operatorname{conv}(H) = \Psi_s H W_1 + H W_2 $$
 * with Ψ_s = e^{−s(I − D^{-1/2}AD^{-1/2})}, entries below the threshold and the diagonal dropped
 * (`heatWavelet`, cached per (s, threshold)). Output: logits. Defaults: hidden 16, dropout 0.5, s = 3.5,
 * threshold 1e-4.
 */
export class GraphHeat extends NodeModel {
  readonly dropout: Dropout;
  readonly conv1: HeatConv;
  readonly conv2: HeatConv;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GraphHeatOptions}
   */
  constructor(
    numFeatures: number,
    numClasses: number,
    readonly options: GraphHeatOptions,
  ) {
    super();
    this.dropout = new Dropout(options.dropout);
    this.conv1 = new HeatConv(numFeatures, options.hidden);
    this.conv2 = new HeatConv(options.hidden, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const { scale: s, threshold } = this.options;
    const wavelet = graph.derivedOperator(`heat-wavelet(s=${s},threshold=${threshold})`, (a) =>
      heatWavelet(a, { s, threshold }),
    );
    const x = this.dropout.features(graph);
    return tf.tidy(() => {
      const h = this.dropout.forwardRelu(this.conv1.forward(x, wavelet));
      return this.conv2.forward(h, wavelet);
    });
  }
}

/**
 * GraphHeat in the model registry: hidden 16, dropout 0.5, s = 3.5, threshold 1e-4, Adam lr 0.01, weight
 * decay 5e-4 (the reproduction's); preset `official`: s = 3.5, threshold 1e-4 on Cora, s = 4.5, threshold
 * 1e-5 on Citeseer.
 */
export const graphHeatDefinition: ModelDefinition<GraphHeatOptions> = {
  description: 'GraphHeat: two heat-kernel wavelet convolutions e^{-sL}',
  factory: ({ numFeatures, numClasses, options }) => new GraphHeat(numFeatures, numClasses, options),
  defaults: { hidden: 16, dropout: 0.5, scale: 3.5, threshold: 1e-4 },
  options: {
    hidden: HIDDEN_OPTION_INFO.hidden,
    dropout: HIDDEN_OPTION_INFO.dropout,
    scale: {
      description: 'heat-kernel scale s (time of e^{-sL})',
      min: 0,
      max: 100,
      maxReason:
        'the one-time heat kernel takes about s + 25 sparse products of numNodes columns (4 s on Cora at s = 3.5)',
    },
    threshold: {
      description: 'heat-kernel entries below it are dropped',
      min: 0,
      max: 1,
      maxExclusive: true,
    },
  },
  validate: ({ scale }) => {
    if (scale <= 0) throw new InvalidArgumentError('createModel', 'scale', scale, 'a number > 0');
  },
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: {
    official: {
      cora: { options: { scale: 3.5, threshold: 1e-4 } },
      citeseer: { options: { scale: 4.5, threshold: 1e-5 } },
    },
  },
};
