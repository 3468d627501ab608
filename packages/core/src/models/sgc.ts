import type * as tf from '@tensorflow/tfjs-core';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { SgConv } from '../layers/sg-conv.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Sgc}. */
export interface SgcOptions {
  /** Propagation hops K. */
  readonly numSteps: number;
}

/**
 * SGC (Wu et al., "Simplifying Graph Convolutional Networks", arXiv:1902.07153): logistic regression on
 * K-hop smoothed features,
 * $$ Y = \hat A^K X W + b $$
 * Output: logits. Default K = 2 (the paper's training defaults lr 0.2, weight decay 5e-6, see the registry).
 */
export class Sgc extends NodeModel {
  readonly conv: SgConv;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link SgcOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: SgcOptions) {
    super();
    this.conv = new SgConv(numFeatures, numClasses, options.numSteps);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return this.conv.forward(graph.features(), graph.operator('gcn-norm'));
  }
}

/**
 * SGC in the model registry: the paper's defaults (K = 2, lr 0.2, weight decay 5e-6); preset `official`:
 * COIN's reproduction's tuned weight decay (1.3027e-5 on Cora, 2.3546e-5 on Citeseer).
 */
export const sgcDefinition: ModelDefinition<SgcOptions> = {
  description: 'SGC: logistic regression on K-hop smoothed features',
  factory: ({ numFeatures, numClasses, options }) => new Sgc(numFeatures, numClasses, options),
  defaults: { numSteps: 2 },
  options: {
    numSteps: {
      description: 'propagation hops K',
      integer: true,
      min: 0,
      max: 1000,
      maxReason:
        'each hop keeps its sparse product for the backward pass: about 0.25 MB a hop on Cora, 250 MB for 1000',
      flag: 'steps',
    },
  },
  training: { lr: 0.2, weightDecay: 5e-6 },
  presets: { official: { cora: { weightDecay: 1.3027e-5 }, citeseer: { weightDecay: 2.3546e-5 } } },
};
