import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { Dropout } from '../layers/dropout.js';
import { GraphDiffusion, type Logger } from '../layers/graph-diffusion.js';
import type { CallOptions } from '../layers/graph-layer.js';
import { Linear } from '../layers/linear.js';
import { ResidualBlock } from '../layers/residual-block.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * Diff-ResNet (Wang, Bao & Shi, "Diffusion Mechanism in Residual Neural Network", arXiv:2105.03155; the
 * graph version reproduced in shwangtangjun/COIN graph/reproduce/diff_resnet): diffusion with dropout on
 * the hidden features, before the classifier,
 * $$ h^{(0)} = X + \operatorname{relu}(X W_1 + b_1),\quad
 *    h^{(k+1)} = \tilde h^{(k)} - \sigma^2 L \tilde h^{(k)},\ \tilde h^{(k)} = \operatorname{dropout}(h^{(k)}),\quad
 *    y = h^{(K)} W_2 + b_2 $$
 * with L = diag(Â1) − Â. Output: logits (cross-entropy loss). Defaults (the reproduction's Cora
 * values): K = 20, σ² = 0.25, dropout 0.25. Option `scheme` makes each of the K steps an implicit step
 * (I + σ²L)h^{(k+1)} = h̃^{(k)} or a FED cycle of time σ² (one explicit step while σ² ≤ 2/λ_max), and
 * `substeps` splits each explicit step into stable sub-steps ({@link GraphDiffusion}).
 */
export class DiffResNet extends BaseModel {
  readonly output = 'logits';
  protected readonly layers;
  private readonly block: ResidualBlock;
  private readonly dropout: Dropout;
  private readonly step: GraphDiffusion;
  private readonly classifier: Linear;

  /**
   * @param config - sizes and resolved options (`numSteps`, `sigma2`, `dropout`, `scheme`, `substeps`)
   * @param rng - draws the initial weights
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.block = new ResidualBlock({ name: 'linear', numFeatures }, rng);
    this.dropout = new Dropout({ rate: options.dropout! });
    this.step = new GraphDiffusion({
      sigma2: options.sigma2!,
      numSteps: 1,
      scheme: options.scheme,
      substeps: options.substeps,
    });
    this.classifier = new Linear(
      { name: 'classifier', inFeatures: numFeatures, outFeatures: numClasses },
      rng,
    );
    this.layers = [this.block, this.dropout, this.step, this.classifier];
  }

  override prepare(graph: GraphTensors, logger: Logger = () => {}): void {
    graph.features();
    graph.operator(this.step.operator);
    this.step.checkStep(graph.operatorMatrix(this.step.operator), logger);
  }

  cgIterationsPerStep(): number | null {
    return this.step.cgIterationsPerStep;
  }

  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    return tf.tidy(() => {
      const laplacian = graph.operator(this.step.operator);
      let h = this.block.call(graph.features());
      for (let k = 0; k < this.config.options.numSteps!; k++) {
        h = this.step.call(this.dropout.call(h, options), laplacian, options);
      }
      return this.classifier.call(h);
    });
  }
}
