import * as tf from '@tensorflow/tfjs-core';
import { checkDiffusionConfig, type DiffusionScheme } from '../diffusion/diffusion-config.js';
import { DIFFUSION_STEPS_COST, MAX_DIFFUSION_STEPS } from '../diffusion/diffusion-limits.js';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { GraphDiffusion } from '../layers/graph-diffusion.js';
import { Linear } from '../layers/linear.js';
import { ResidualBlock } from '../layers/residual-block.js';
import type { Parameter } from '../module/parameter.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { residualClassifier } from '../ops/residual-classifier.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Coin} (and of `'diff-resnet'`'s diffusion). */
export interface CoinOptions {
  /** Diffusion steps K. */
  readonly numSteps: number;
  /** Diffusion step σ². */
  readonly sigma2: number;
  /** Time-stepping scheme, same time T = K·σ² for each (see `GraphDiffusion`). */
  readonly scheme: DiffusionScheme;
  /** Split explicit steps into stable sub-steps of the same total time (explicit only). */
  readonly substeps: boolean;
}

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
 * No dropout, as in the official code. Defaults K = 20, σ² = 0.35. On sparse features the residual block and
 * the classifier run as one fused op (`residualClassifier`, no dense copy of X), and the softmax with explicit
 * diffusion steps as another (`softmaxDiffusion`, via `GraphDiffusion.forwardSoftmax`).
 */
export class Coin extends NodeModel {
  override readonly output = 'probabilities';
  readonly block: ResidualBlock;
  readonly classifier: Linear;
  readonly diffusion: GraphDiffusion;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link CoinOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: CoinOptions) {
    super();
    this.block = new ResidualBlock(numFeatures);
    this.classifier = new Linear(numFeatures, numClasses);
    this.diffusion = new GraphDiffusion(options);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => this.diffusion.forwardSoftmax(this.logits(graph.features()), graph));
  }

  /**
   * The classifier's logits Z = h W₂ + b₂ of the residual block's h: for sparse features one fused op
   * ({@link residualClassifier}: h is not differentiated through a tape entry of its own), else the block and
   * the classifier one after the other.
   */
  private logits(x: tf.Tensor2D | CsrTensor): tf.Tensor2D {
    const { block, classifier } = this;
    if (!(x instanceof CsrTensor) || block.activation !== 'relu' || classifier.bias === null) {
      return classifier.forward(block.forward(x));
    }
    const variable = (p: Parameter) => p.variable as tf.Tensor2D;
    return residualClassifier(
      x,
      variable(block.linear.weight),
      variable(block.linear.bias!),
      variable(classifier.weight),
      variable(classifier.bias),
    );
  }
}

/** Option metadata shared by the diffusion models (COIN, Diff-ResNet). */
export const DIFFUSION_OPTION_INFO = {
  numSteps: {
    description: 'diffusion steps K',
    integer: true,
    min: 0,
    max: MAX_DIFFUSION_STEPS,
    maxReason: DIFFUSION_STEPS_COST,
    flag: 'steps',
  },
  sigma2: { description: 'diffusion step σ²', min: 0 },
  scheme: { description: 'diffusion scheme, same time K·σ²', choices: GraphDiffusion.schemes },
  substeps: { description: 'split explicit steps into stable sub-steps of the same total time' },
} as const;

/**
 * COIN in the model registry: the official code's defaults (graph/train.py: K = 20, σ² = 0.35, explicit
 * steps, Adam lr 0.01, weight decay 5e-4), which are also its `official` preset.
 */
export const coinDefinition: ModelDefinition<CoinOptions> = {
  description: 'COIN: residual convection, softmax, K diffusion steps on the probabilities',
  factory: ({ numFeatures, numClasses, options }) => new Coin(numFeatures, numClasses, options),
  defaults: { numSteps: 20, sigma2: 0.35, scheme: 'explicit', substeps: false },
  options: DIFFUSION_OPTION_INFO,
  validate: (options) => checkDiffusionConfig('coin', options),
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: { official: { cora: {}, citeseer: {} } },
};
