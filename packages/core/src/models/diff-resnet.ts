import * as tf from '@tensorflow/tfjs-core';
import { checkDiffusionConfig, type DiffusionScheme } from '../diffusion/diffusion-config.js';
import { checkDiffusionLimits } from '../diffusion/diffusion-limits.js';
import type { GraphTensors } from '../graph/graph-tensors.js';
import { Dropout } from '../layers/dropout.js';
import { GraphDiffusion } from '../layers/graph-diffusion.js';
import { Linear } from '../layers/linear.js';
import { ResidualBlock } from '../layers/residual-block.js';
import { addBias } from '../ops/add-bias.js';
import { dropoutDiffusion } from '../ops/dropout-diffusion.js';
import { matMul2d } from '../ops/mat-mul-2d.js';
import { type CoinOptions, DIFFUSION_OPTION_INFO } from './coin.js';
import { HIDDEN_OPTION_INFO } from './mlp.js';
import { NodeModel } from './node-model.js';
import type { ModelDefinition } from './registry.js';

/** The schemes whose K steps are a fixed linear map of the state (see `DiffResNet.classifiedThenDiffused`). */
const LINEAR_SCHEMES: readonly DiffusionScheme[] = ['explicit', 'fed', 'rk4'];

/** Options of {@link DiffResNet}: COIN's diffusion options and a dropout rate. */
export interface DiffResNetOptions extends CoinOptions {
  /** Dropout rate before every diffusion step. */
  readonly dropout: number;
}

/**
 * Diff-ResNet (Wang, Bao & Shi, "Diffusion Mechanism in Residual Neural Network", arXiv:2105.03155; the
 * graph version reproduced in shwangtangjun/COIN graph/reproduce/diff_resnet): diffusion with dropout on
 * the hidden features, before the classifier,
 * $$ h^{(0)} = X + \operatorname{relu}(X W_1 + b_1),\quad
 *    h^{(k+1)} = \tilde h^{(k)} - \sigma^2 L \tilde h^{(k)},\ \tilde h^{(k)} = \operatorname{dropout}(h^{(k)}),\quad
 *    y = h^{(K)} W_2 + b_2 $$
 * with L = diag(Â1) − Â. Output: logits (cross-entropy loss). Option `scheme` makes each of the K steps an
 * implicit step (I + σ²L)h^{(k+1)} = h̃^{(k)} or a FED cycle of time σ² (one explicit step while
 * σ² ≤ 2/λ_max), and `substeps` splits each explicit step into stable sub-steps ({@link GraphDiffusion}).
 * In training with plain explicit steps the K dropout + diffusion steps are one kernel ({@link dropoutDiffusion}),
 * which keeps only the masks (one byte per entry) for the backward pass, not the K iterates.
 */
export class DiffResNet extends NodeModel {
  readonly block: ResidualBlock;
  readonly dropout: Dropout;
  readonly step: GraphDiffusion;
  readonly classifier: Linear;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link DiffResNetOptions}
   */
  constructor(
    numFeatures: number,
    numClasses: number,
    readonly options: DiffResNetOptions,
  ) {
    super();
    const { sigma2, scheme, substeps } = options;
    this.block = new ResidualBlock(numFeatures);
    this.dropout = new Dropout(options.dropout);
    this.step = new GraphDiffusion({ sigma2, numSteps: 1, scheme, substeps });
    this.classifier = new Linear(numFeatures, numClasses);
  }

  forward(graph: GraphTensors): tf.Tensor2D {
    return tf.tidy(() => {
      const h = this.block.forward(graph.features());
      return (
        this.classifiedThenDiffused(h, graph) ??
        this.classifier.forward(this.fusedSteps(h, graph) ?? this.steps(h, graph))
      );
    });
  }

  /**
   * Without dropout (evaluation mode or p = 0) the K steps of a linear scheme (explicit, FED, RK4: fixed
   * polynomials P in L) commute with the classifier's weight, $$ P(h) W_2 + b_2 = P(h W_2) + b_2, $$ so they
   * diffuse C columns instead of F (1433 on Cora, 3703 on Citeseer); the same numbers up to float32
   * reordering. Null with dropout active or a scheme whose steps depend on the data (implicit's
   * conjugate-gradient stopping, dopri5's step control).
   */
  private classifiedThenDiffused(h: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D | null {
    const { scheme } = this.options;
    if ((this.training && this.dropout.rate > 0) || !LINEAR_SCHEMES.includes(scheme)) return null;
    const { weight, bias } = this.classifier;
    let logits = matMul2d(h, weight.variable as tf.Tensor2D);
    for (let k = 0; k < this.options.numSteps; k++) logits = this.step.forward(logits, graph);
    return bias ? addBias(logits, bias.variable) : logits;
  }

  /** The K steps one at a time: dropout, then the diffusion step of the configured scheme. */
  private steps(h0: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D {
    let h = h0;
    for (let k = 0; k < this.options.numSteps; k++) h = this.step.forward(this.dropout.forward(h), graph);
    return h;
  }

  /**
   * The K dropout + explicit steps in one kernel ({@link dropoutDiffusion}, the masks drawn as the loop of
   * {@link DiffResNet.steps} draws them, so the result is the same bit for bit); null unless training with
   * dropout and plain explicit steps (then the loop runs).
   */
  private fusedSteps(h: tf.Tensor2D, graph: GraphTensors): tf.Tensor2D | null {
    const { numSteps, sigma2, scheme, substeps } = this.options;
    if (scheme !== 'explicit' || substeps || numSteps === 0 || sigma2 === 0) return null;
    const keep = this.dropout.keepMasks(numSteps, h.shape);
    if (keep === null) return null;
    const { config, operator } = this.step;
    checkDiffusionLimits('GraphDiffusion', config, graph.operatorMatrix(operator));
    const taus = new Array<number>(numSteps).fill(sigma2);
    return dropoutDiffusion(h, graph.operator(operator), keep, this.dropout.scale, taus);
  }
}

/**
 * Diff-ResNet in the model registry, with COIN's reproduction's Cora values as defaults (K = 20, σ² = 0.25,
 * dropout 0.25, lr 0.01, weight decay 5e-4); preset `official`: the reproduction's per-dataset (σ², K, dropout),
 * (0.25, 20, 0.25) on Cora and (0.2, 20, 0.35) on Citeseer.
 */
export const diffResNetDefinition: ModelDefinition<DiffResNetOptions> = {
  description: 'Diff-ResNet: residual block, K dropout + diffusion steps on hidden features, classifier',
  factory: ({ numFeatures, numClasses, options }) => new DiffResNet(numFeatures, numClasses, options),
  defaults: { numSteps: 20, sigma2: 0.25, dropout: 0.25, scheme: 'explicit', substeps: false },
  options: {
    ...DIFFUSION_OPTION_INFO,
    numSteps: {
      ...DIFFUSION_OPTION_INFO.numSteps,
      max: 100,
      maxReason:
        'each step keeps numNodes × numFeatures activations for the backward pass: ' +
        'about 16 MB a step on Cora, 1.6 GB for 100',
    },
    dropout: HIDDEN_OPTION_INFO.dropout,
  },
  validate: (options) => checkDiffusionConfig('diff-resnet', options),
  training: { lr: 0.01, weightDecay: 5e-4 },
  presets: {
    official: {
      cora: { options: { sigma2: 0.25, numSteps: 20, dropout: 0.25 } },
      citeseer: { options: { sigma2: 0.2, numSteps: 20, dropout: 0.35 } },
    },
  },
};
