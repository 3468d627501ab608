import { GrandAttentionOdeFunc } from '../layers/grand-attention-ode-func.js';
import { grandLinearDefinition } from './grand-linear.js';
import { ODE_GNN_OPTION_INFO, OdeGnn, type OdeGnnOptions } from './ode-gnn.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Grand}. */
export interface GrandOptions extends OdeGnnOptions {
  /** Width of the queries and keys, a multiple of `heads`. */
  readonly attentionDim: number;
  /** Attention heads H. */
  readonly heads: number;
}

/**
 * GRAND-l with attention (Chamberlain et al., "GRAND: Graph Neural Diffusion", ICML 2021,
 * arXiv:2106.10934): {@link OdeGnn} with the vector field {@link GrandAttentionOdeFunc},
 * $$ \frac{dx}{dt} = \sigma(\alpha)(\bar A(x_0)\, x - x) + \beta x_0 $$
 * Ā(x₀) the multi-head scaled dot-product attention of the encoded features, squareplus-normalised and fixed
 * during the solve. Output: logits.
 */
export class Grand extends OdeGnn {
  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GrandOptions}
   */
  constructor(numFeatures: number, numClasses: number, options: GrandOptions) {
    super(
      numFeatures,
      numClasses,
      options,
      new GrandAttentionOdeFunc(options.hidden, options.attentionDim, options.heads),
    );
  }
}

/**
 * GRAND (attention) in the model registry: GRAND-l's settings from COIN's reproduction
 * (`grandLinearDefinition`: Cora's as defaults, `official` preset for Cora and Citeseer, with the
 * reproduction's optimisers: Adamax on Cora, Adam on Citeseer) with the
 * reproduction's attention, 8 heads of total width 128 on Cora and 32 on Citeseer (where the reproduction
 * scores with an exponential kernel; this model always uses the scaled dot product). The reproduction starts
 * W_Q and W_K at 1e-5 (uniform attention); here they start like `nn.Linear`.
 */
export const grandDefinition: ModelDefinition<GrandOptions> = {
  description: 'GRAND: encoder, ODE dx/dt = σ(α)(Ā(x₀)x − x) + βx₀ with attention fixed at t = 0, decoder',
  factory: ({ numFeatures, numClasses, options }) => new Grand(numFeatures, numClasses, options),
  defaults: { ...grandLinearDefinition.defaults, attentionDim: 128, heads: 8 },
  options: {
    ...ODE_GNN_OPTION_INFO,
    attentionDim: { description: 'width of the attention queries and keys', integer: true, min: 1 },
    heads: { description: 'attention heads', integer: true, min: 1 },
  },
  training: grandLinearDefinition.training,
  presets: {
    official: {
      cora: {},
      citeseer: {
        ...grandLinearDefinition.presets?.official?.citeseer,
        options: { ...grandLinearDefinition.presets?.official?.citeseer?.options, attentionDim: 32 },
      },
    },
  },
};
