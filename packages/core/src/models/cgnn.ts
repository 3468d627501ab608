import { CgnnOdeFunc } from '../layers/cgnn-ode-func.js';
import { ODE_GNN_OPTION_INFO, OdeGnn, type OdeGnnOptions } from './ode-gnn.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Cgnn}. */
export interface CgnnOptions extends OdeGnnOptions {
  /** Starting value of the learned α (before the sigmoid). */
  readonly alphaInit: number;
  /** Weight w of the self loops of Â = D̃^{-1/2}(A + wI)D̃^{-1/2}. */
  readonly selfLoopWeight: number;
}

/**
 * CGNN (Xhonneux, Qu & Tang, "Continuous Graph Neural Networks", ICML 2020, arXiv:1912.00967), as COIN's
 * reproduction (graph/reproduce/cgnn): {@link OdeGnn} with the vector field {@link CgnnOdeFunc},
 * $$ \frac{dx}{dt} = \frac{\sigma(\alpha)}{2}(\hat A x - x) + x_0 $$
 * solved over [0, T]. Output: logits.
 */
export class Cgnn extends OdeGnn {
  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link CgnnOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: CgnnOptions) {
    super(numFeatures, numClasses, options, new CgnnOdeFunc(options.alphaInit, options.selfLoopWeight));
  }
}

/**
 * CGNN in the model registry, with the reproduction's Cora settings as defaults (graph/reproduce/cgnn,
 * `get_best_params`: hidden 16, input dropout 0.5, dropout 0, α = 0.885, w = 0.595, T = 23.9, lr 0.00147,
 * weight decay 5e-4; the solver is dopri5, with rtol 1e-5 and atol 1e-7 where torchdiffeq's defaults
 * 1e-7 / 1e-9 are below float32 resolution). Preset `official`: the reproduction's Cora and Citeseer
 * settings (Citeseer: α = 0.936, w = 0.459, T = 17.1, lr 0.00298). The reproduction trains with RMSprop;
 * `train` uses Adam with its learning rate and weight decay.
 */
export const cgnnDefinition: ModelDefinition<CgnnOptions> = {
  description: 'CGNN: encoder, ODE dx/dt = σ(α)/2·(Âx − x) + x₀ (restart), decoder',
  factory: ({ numFeatures, numClasses, options }) => new Cgnn(numFeatures, numClasses, options),
  defaults: {
    hidden: 16,
    inputDropout: 0.5,
    dropout: 0,
    features: 'stored',
    alphaInit: 0.885,
    selfLoopWeight: 0.595,
    time: 23.9,
    method: 'dopri5',
    stepSize: 1,
    rtol: 1e-5,
    atol: 1e-7,
    maxSteps: 1000,
    adjoint: false,
  },
  options: {
    ...ODE_GNN_OPTION_INFO,
    alphaInit: { description: 'starting value of the learned α of CGNN, before the sigmoid' },
    selfLoopWeight: { description: 'self-loop weight w of the normalised adjacency', min: 0 },
  },
  training: { lr: 0.00147, weightDecay: 5e-4 },
  presets: {
    official: {
      cora: {},
      citeseer: {
        options: { alphaInit: 0.936, selfLoopWeight: 0.459, time: 17.1 },
        lr: 0.00298,
        weightDecay: 5e-4,
      },
    },
  },
};
