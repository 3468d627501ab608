/**
 * Side effect: registers the gradients of tfjs-core's own kernels and of every coin-gnn kernel (imported by
 * `index.ts` and `browser.ts`). tfjs-core ships its gradients only as extensionless ESM
 * (`dist/register_all_gradients`) that Node cannot load, and its Node bundle has none; the package's
 * `build:gradients` step bundles that module with esbuild into `dist/tfjs/core-gradients.js` (one file,
 * 0.3 MB, its own copies of the ops the gradients call). It registers into the global gradient registry and
 * computes on the global engine (tfjs-core 4.22 keeps both in `globalThis`), which tfjs-core, imported first
 * here, has made. The path resolves to the package's `dist` from `src` and from `dist` alike.
 */
import { type GradConfig, registerGradient } from '@tensorflow/tfjs-core';
import '../dist/tfjs/core-gradients.js';
import { addBiasGradConfig } from './gradients/AddBias_grad.js';
import { applyMaskGradConfig } from './gradients/ApplyMask_grad.js';
import { appnpPropagationGradConfig } from './gradients/AppnpPropagation_grad.js';
import { csrMatMulGradConfig } from './gradients/CsrMatMul_grad.js';
import { dropoutDiffusionGradConfig } from './gradients/DropoutDiffusion_grad.js';
import { edgeSoftmaxGradConfig } from './gradients/EdgeSoftmax_grad.js';
import { edgeSpmmGradConfig } from './gradients/EdgeSpmm_grad.js';
import { explicitDiffusionGradConfig } from './gradients/ExplicitDiffusion_grad.js';
import { gatherRowsGradConfig } from './gradients/GatherRows_grad.js';
import { implicitDiffusionGradConfig } from './gradients/ImplicitDiffusion_grad.js';
import { layerNormGradConfig } from './gradients/LayerNorm_grad.js';
import { maskedReluGradConfig, unmaskedReluGradConfig } from './gradients/MaskedRelu_grad.js';
import { matMul2dGradConfig } from './gradients/MatMul2d_grad.js';
import { scaledSumGradConfig } from './gradients/ScaledSum_grad.js';
import { scatterRowsGradConfig } from './gradients/ScatterRows_grad.js';
import { sddmmGradConfig } from './gradients/Sddmm_grad.js';
import { segmentMaxGradConfig } from './gradients/SegmentMax_grad.js';
import { segmentMeanGradConfig } from './gradients/SegmentMean_grad.js';
import { simpleAttentionGradConfig } from './gradients/SimpleAttention_grad.js';
import { softmaxCrossEntropyGradConfig } from './gradients/SoftmaxCrossEntropy_grad.js';
import { softmaxDiffusionGradConfig } from './gradients/SoftmaxDiffusion_grad.js';
import { sparseResidualLinearGradConfig } from './gradients/SparseResidualLinear_grad.js';

const gradConfigs: GradConfig[] = [
  csrMatMulGradConfig,
  gatherRowsGradConfig,
  scatterRowsGradConfig,
  explicitDiffusionGradConfig,
  sparseResidualLinearGradConfig,
  matMul2dGradConfig,
  implicitDiffusionGradConfig,
  addBiasGradConfig,
  applyMaskGradConfig,
  scaledSumGradConfig,
  layerNormGradConfig,
  simpleAttentionGradConfig,
  sddmmGradConfig,
  edgeSoftmaxGradConfig,
  edgeSpmmGradConfig,
  segmentMeanGradConfig,
  segmentMaxGradConfig,
  softmaxDiffusionGradConfig,
  softmaxCrossEntropyGradConfig,
  appnpPropagationGradConfig,
  maskedReluGradConfig,
  unmaskedReluGradConfig,
  dropoutDiffusionGradConfig,
];

for (const gradConfig of gradConfigs) registerGradient(gradConfig);
