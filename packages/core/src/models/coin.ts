import type { Rng } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { GraphDiffusion, type Logger } from '../layers/graph-diffusion.js';
import type { CallOptions } from '../layers/graph-layer.js';
import { Linear } from '../layers/linear.js';
import { ResidualBlock } from '../layers/residual-block.js';
import { BaseModel } from './base-model.js';
import type { GraphTensors } from './graph-tensors.js';
import type { ModelConfig } from './node-classifier.js';

/**
 * COIN on graphs (Wang, Bao & Shi, "Convection-Diffusion Equation: A Theoretically Certified Framework for
 * Neural Networks", arXiv:2403.15726), as the official code (shwangtangjun/COIN, graph/coin.py):
 * a residual convection step, a softmax classifier, then K explicit diffusion steps on the probabilities,
 * $$ h = X + \operatorname{relu}(X W_1 + b_1),\quad u^{(0)} = \operatorname{softmax}(h W_2 + b_2),\quad
 *    u^{(k+1)} = u^{(k)} - \sigma^2 L u^{(k)} $$
 * where X (numNodes × F) are the row-normalised features, W₁ is F × F, W₂ is F × C,
 * L = diag(Â1) − Â with Â = D̃^{-1/2}(A + I)D̃^{-1/2}. Output u^{(K)} (numNodes × C): probabilities,
 * diffused, which a step past the positivity bound can push below 0 (training clamps them before the log).
 * Option `scheme` swaps the explicit steps for implicit ones or FED cycles of the same time T = K·σ²,
 * `substeps` splits them into stable sub-steps ({@link GraphDiffusion}). Implicit steps and sub-steps keep
 * probabilities ≥ 0 for any σ²; FED is ℓ2-stable, but its long inner steps may still leave [0, 1].
 * No dropout, as in the official code. Defaults K = 20, σ² = 0.35. The residual block reads the sparse
 * features (fused, no dense copy of X).
 */
export class Coin extends BaseModel {
  readonly output = 'probabilities';
  protected readonly layers;
  private readonly block: ResidualBlock;
  private readonly classifier: Linear;
  private readonly diffusion: GraphDiffusion;

  /**
   * @param config - sizes and resolved options (`numSteps`, `sigma2`, `scheme`, `substeps`)
   * @param rng - draws the initial weights (W₁, b₁, then W₂, b₂)
   */
  constructor(config: ModelConfig, rng: Rng) {
    super(config);
    const { numFeatures, numClasses, options } = config;
    this.block = new ResidualBlock({ name: 'linear', numFeatures }, rng);
    this.classifier = new Linear(
      { name: 'classifier', inFeatures: numFeatures, outFeatures: numClasses },
      rng,
    );
    this.diffusion = new GraphDiffusion({
      sigma2: options.sigma2!,
      numSteps: options.numSteps!,
      scheme: options.scheme,
      substeps: options.substeps,
    });
    this.layers = [this.block, this.classifier, this.diffusion];
  }

  override prepare(graph: GraphTensors, logger: Logger = () => {}): void {
    graph.features();
    graph.operator(this.diffusion.operator);
    this.diffusion.checkStep(graph.operatorMatrix(this.diffusion.operator), logger);
  }

  cgIterationsPerStep(): number | null {
    return this.diffusion.cgIterationsPerStep;
  }

  forward(graph: GraphTensors, options: CallOptions): tf.Tensor2D {
    return tf.tidy(() => {
      const h = this.block.call(graph.features());
      const p = tf.softmax(this.classifier.call(h));
      return this.diffusion.call(p, graph.operator(this.diffusion.operator), options);
    });
  }
}
