import { gdcHeat, InvalidArgumentError } from '@coin-gnn/graph';
import { FEATURE_KINDS, type FeatureKind, type GraphTensors } from '../graph/graph-tensors.js';
import type { CsrTensor } from '../ops/csr-tensor.js';
import { Gcn, type GcnOptions, gcnDefinition } from './gcn.js';
import type { ModelDefinition } from './registry.js';

/** Options of {@link Gdc}: the GCN's, and the heat kernel's. */
export interface GdcOptions extends GcnOptions {
  /** Diffusion time t of the heat kernel. */
  readonly diffusionTime: number;
  /** Sparsification threshold ε. */
  readonly epsilon: number;
  /** Features the first layer reads: `'binary'` (the reproduction's raw bag-of-words) or `'stored'`. */
  readonly features: FeatureKind;
}

/**
 * GDC with the heat kernel (Gasteiger, Weißenberger & Günnemann, "Diffusion Improves Graph Learning",
 * arXiv:1911.05485), as COIN's reproduction (graph/reproduce/gdc): a two-layer {@link Gcn} whose propagation
 * matrix is the sparsified heat-kernel diffusion
 * $$ Y = P\,\operatorname{drop}(\operatorname{relu}(P X W_1 + b_1)) W_2 + b_2,\quad
 *    P = D^{-1}\big[e^{-t(I - \hat A)}\big]_{\ge \varepsilon} $$
 * (`gdcHeat` of the graph package, computed once per graph and (t, ε) without a dense matrix). Dropout on
 * the hidden layer only, weight decay on the first layer, binary features X (the pattern of the stored ones:
 * the reproduction does not row-normalise them) (as the reproduction). Output: logits. Defaults: hidden 64,
 * dropout 0.5, t = 5, ε = 1e-4, binary features.
 */
export class Gdc extends Gcn {
  protected override readonly inputDropout = false;
  protected override readonly featureKind: FeatureKind;

  /**
   * @param numFeatures - F
   * @param numClasses - C
   * @param options - see {@link GdcOptions}
   */
  constructor(
    numFeatures: number,
    numClasses: number,
    readonly options: GdcOptions,
  ) {
    super(numFeatures, numClasses, options);
    this.featureKind = options.features;
  }

  protected override propagation(graph: GraphTensors): CsrTensor {
    const { diffusionTime: t, epsilon } = this.options;
    return graph.derivedOperator(`gdc-heat(t=${t},epsilon=${epsilon})`, (a) => gdcHeat(a, { t, epsilon }));
  }
}

/**
 * GDC (heat) in the model registry: hidden 64, dropout 0.5, t = 5, ε = 1e-4, weight decay on the first layer,
 * Adam lr 0.01 and the reproduction's Cora weight decay 0.0861; preset `official`: COIN's reproduction
 * (graph/reproduce/gdc), t = 5, ε = 1e-4, weight decay 0.0861 on Cora; t = 4, ε = 9e-4, weight decay 10 on
 * Citeseer (its tuned value).
 */
export const gdcDefinition: ModelDefinition<GdcOptions> = {
  description: 'GDC: a GCN on the sparsified heat-kernel diffusion matrix',
  factory: ({ numFeatures, numClasses, options }) => new Gdc(numFeatures, numClasses, options),
  defaults: {
    hidden: 64,
    dropout: 0.5,
    decayLayers: 'first',
    diffusionTime: 5,
    epsilon: 1e-4,
    features: 'binary',
  },
  options: {
    ...gcnDefinition.options,
    diffusionTime: {
      description: 'heat-kernel diffusion time t',
      min: 0,
      max: 100,
      maxReason:
        'the one-time heat kernel takes about t + 25 sparse products of numNodes columns (4 s on Cora at t = 5)',
      flag: 'time',
    },
    epsilon: { description: 'heat-kernel entries below it are dropped', min: 0, max: 1, maxExclusive: true },
    features: {
      description: "features of the first layer: 'binary' (their pattern, the reproduction's) or 'stored'",
      choices: FEATURE_KINDS,
      flag: 'input-features',
    },
  },
  validate: (options) => {
    if (options.diffusionTime <= 0) {
      throw new InvalidArgumentError('createModel', 'diffusionTime', options.diffusionTime, 'a number > 0');
    }
  },
  training: { lr: 0.01, weightDecay: 0.0861202357056583 },
  presets: {
    official: {
      cora: { options: { diffusionTime: 5, epsilon: 1e-4 }, weightDecay: 0.0861202357056583 },
      citeseer: { options: { diffusionTime: 4, epsilon: 9e-4 }, weightDecay: 10 },
    },
  },
};
