import * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { DifformerConv } from '../layers/difformer-conv.js';
import { Dropout } from '../layers/dropout.js';
import { LayerNorm } from '../layers/layer-norm.js';
import { Linear } from '../layers/linear.js';
import { scaledSum } from '../ops/scaled-sum.js';
import { HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Difformer}. */
export interface DifformerOptions {
  /** Hidden width. */
  readonly hidden: number;
  /** Diffusion layers L. */
  readonly numLayers: number;
  /** Dropout rate after the input layer and after each diffusion layer. */
  readonly dropout: number;
  /** Weight α of the new state in the residual step. */
  readonly alpha: number;
  /** Whether each layer adds the graph's propagation Â H to the attention. */
  readonly useGraph: boolean;
}

/**
 * DIFFormer with the simple kernel (Wu et al., "DIFFormer: Scalable (Graph) Transformers Induced by Energy
 * Constrained Diffusion", arXiv:2301.09474), as COIN's reproduction (graph/reproduce/difformer): an input
 * layer, L stacked diffusion layers ({@link DifformerConv}) with residual steps and layer norms, an output layer,
 * $$ H^{(0)} = \operatorname{drop}(\operatorname{relu}(\operatorname{LN}_0(X W_\text{in} + b_\text{in}))),\quad
 *    H^{(l+1)} = \operatorname{drop}(\operatorname{LN}_{l+1}(\alpha\,\operatorname{conv}_l(H^{(l)}) + (1 - \alpha) H^{(l)})),\quad
 *    Y = H^{(L)} W_\text{out} + b_\text{out} $$
 * Each layer is one explicit step of size α of the diffusion whose diffusivity is all-pair attention
 * (plus the graph). Output: logits. Defaults: hidden 64, 2 layers, dropout 0.5, α = 0.5, with the graph.
 */
export class Difformer extends NodeModel {
  readonly input: Linear;
  readonly inputNorm: LayerNorm;
  readonly convs: DifformerConv[];
  readonly norms: LayerNorm[];
  readonly classifier: Linear;
  readonly dropout: Dropout;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link DifformerOptions}
   */
  constructor(
    numFeatures: number,
    numClasses: number,
    readonly options: DifformerOptions,
  ) {
    super();
    const { hidden, numLayers } = options;
    this.input = new Linear(numFeatures, hidden);
    this.inputNorm = new LayerNorm(hidden);
    this.convs = Array.from({ length: numLayers }, () => new DifformerConv(hidden));
    this.norms = Array.from({ length: numLayers }, () => new LayerNorm(hidden));
    this.classifier = new Linear(hidden, numClasses);
    this.dropout = new Dropout(options.dropout);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    const { alpha, useGraph } = this.options;
    const adjacency = useGraph ? graph.operator('gcn-norm') : null;
    return tf.tidy(() => {
      let h = this.dropout.forward(tf.relu(this.inputNorm.forward(this.input.forward(graph.features()))));
      this.convs.forEach((conv, l) => {
        const terms = conv.terms(h, adjacency);
        const step = scaledSum([...terms, h], [...terms.map(() => alpha), 1 - alpha]);
        h = this.dropout.forward(this.norms[l].forward(step));
      });
      return this.classifier.forward(h);
    });
  }
}

/**
 * DIFFormer (simple) in the model registry: hidden 64, 2 layers, dropout 0.5, α = 0.5, the graph on (the
 * reproduction's constructor defaults), Adam lr 0.001, weight decay 5e-4; preset `official`: COIN's
 * reproduction, dropout 0.2 and 8 layers, weight decay 0.01 on Cora; 4 layers, weight decay 0.1 on Citeseer.
 */
export const difformerDefinition: ModelDefinition<DifformerOptions> = {
  description: 'DIFFormer (simple kernel): stacked linear-time all-pair attention diffusion layers',
  factory: ({ numFeatures, numClasses, options }) => new Difformer(numFeatures, numClasses, options),
  defaults: { hidden: 64, numLayers: 2, dropout: 0.5, alpha: 0.5, useGraph: true },
  options: {
    hidden: HIDDEN_OPTION_INFO.hidden,
    numLayers: {
      description: 'diffusion layers',
      integer: true,
      min: 1,
      max: 64,
      maxReason: 'each layer keeps a few numNodes × hidden tensors for the backward pass',
      flag: 'layers',
    },
    dropout: HIDDEN_OPTION_INFO.dropout,
    alpha: { description: 'residual step size α of a diffusion layer', min: 0, max: 1 },
    useGraph: { description: 'add the graph propagation Â H to the attention', flag: 'use-graph' },
  },
  training: { lr: 0.001, weightDecay: 5e-4 },
  presets: {
    official: {
      cora: { options: { numLayers: 8, dropout: 0.2 }, weightDecay: 0.01 },
      citeseer: { options: { numLayers: 4, dropout: 0.2 }, weightDecay: 0.1 },
    },
  },
};
