import type { Rng } from '@coin-gnn/graph';
import type * as tf from '@tensorflow/tfjs-core';
import type { CallOptions } from '../layers/graph-layer.js';
import { SgConv } from '../layers/sg-conv.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * SGC (Wu et al., "Simplifying Graph Convolutional Networks", arXiv:1902.07153): logistic regression on
 * K-hop smoothed features,
 * $$ Y = \hat A^K X W + b $$
 * Output: logits. Default K = 2 (the paper's training defaults lr 0.2, weight decay 5e-6, see the registry).
 */
export class Sgc extends BaseModel {
  readonly output = 'logits';
  protected readonly layers;
  private readonly conv: SgConv;

  /**
   * @param config - sizes and resolved options (`numSteps`)
   * @param rng - draws the initial weights
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.conv = new SgConv(
      { name: 'linear', inFeatures: numFeatures, outFeatures: numClasses, numSteps: options.numSteps! },
      rng,
    );
    this.layers = [this.conv];
  }

  forward(graph: GraphTensors, _options: CallOptions): tf.Tensor2D {
    return this.conv.call(graph.features(), graph.operator('gcn-norm'));
  }
}
