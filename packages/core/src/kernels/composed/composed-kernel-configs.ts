import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs-core';
import {
  AdamStep,
  AddBias,
  ApplyMask,
  AppnpPropagation,
  ColumnSums,
  CsrMatMul,
  DropoutDiffusion,
  EdgeSoftmax,
  EdgeSpmm,
  ExplicitDiffusion,
  GatherRows,
  ImplicitDiffusion,
  LayerNorm,
  LayerNormGrad,
  MaskedRelu,
  MaskedReluGrad,
  MatMul2d,
  OdeErrorNorm,
  ResidualClassifier,
  ResidualClassifierGrad,
  ScaledSum,
  ScatterRows,
  Sddmm,
  SegmentMax,
  SegmentMean,
  SimpleAttention,
  SimpleAttentionGrad,
  SoftmaxCrossEntropy,
  SoftmaxCrossEntropyGrad,
  SoftmaxDiffusion,
  SoftmaxDiffusionGrad,
  SparseResidualLinear,
  SparseResidualLinearGrad,
  UnmaskedRelu,
} from '../../kernel-names.js';
import { adamStepComposed } from './AdamStep.js';
import { addBiasComposed, columnSumsComposed } from './AddBias.js';
import { applyMaskComposed } from './ApplyMask.js';
import { appnpPropagationComposed } from './AppnpPropagation.js';
import { csrMatMulComposed } from './CsrMatMul.js';
import { dropoutDiffusionComposed } from './DropoutDiffusion.js';
import { edgeSoftmaxComposed } from './EdgeSoftmax.js';
import { edgeSpmmComposed } from './EdgeSpmm.js';
import { explicitDiffusionComposed } from './ExplicitDiffusion.js';
import { gatherRowsComposed } from './GatherRows.js';
import { implicitDiffusionComposed } from './ImplicitDiffusion.js';
import { layerNormComposed, layerNormGradComposed } from './LayerNorm.js';
import { maskedReluComposed, maskedReluGradComposed } from './MaskedRelu.js';
import { matMul2dComposed, matMul2dTransposeFirst } from './MatMul2d.js';
import { odeErrorNormComposed } from './OdeErrorNorm.js';
import { residualClassifierComposed, residualClassifierGradComposed } from './ResidualClassifier.js';
import { scaledSumComposed } from './ScaledSum.js';
import { scatterRowsComposed } from './ScatterRows.js';
import { sddmmComposed } from './Sddmm.js';
import { segmentMaxComposed } from './SegmentMax.js';
import { segmentMeanComposed } from './SegmentMean.js';
import { simpleAttentionComposed, simpleAttentionGradComposed } from './SimpleAttention.js';
import { softmaxCrossEntropyComposed, softmaxCrossEntropyGradComposed } from './SoftmaxCrossEntropy.js';
import { softmaxDiffusionComposed, softmaxDiffusionGradComposed } from './SoftmaxDiffusion.js';
import { sparseResidualLinearComposed, sparseResidualLinearGradComposed } from './SparseResidualLinear.js';

/**
 * Our kernels composed from tfjs ops, as registrations for one backend (any backend that has the stock
 * tfjs kernels: 'tensorflow', 'webgl', 'webgpu', 'wasm', or a test backend); on 'wasm', `MatMul2d` transposes
 * its operands before the product.
 * @param backendName - the backend to register them for
 */
export function composedKernelConfigs(backendName: string): KernelConfig[] {
  const funcs: [string, unknown][] = [
    [CsrMatMul, csrMatMulComposed],
    [GatherRows, gatherRowsComposed],
    [ScatterRows, scatterRowsComposed],
    [ExplicitDiffusion, explicitDiffusionComposed],
    [MatMul2d, backendName === 'wasm' ? matMul2dTransposeFirst : matMul2dComposed],
    [SparseResidualLinear, sparseResidualLinearComposed],
    [SparseResidualLinearGrad, sparseResidualLinearGradComposed],
    [ImplicitDiffusion, implicitDiffusionComposed],
    [ApplyMask, applyMaskComposed],
    [ScaledSum, scaledSumComposed],
    [LayerNorm, layerNormComposed],
    [LayerNormGrad, layerNormGradComposed],
    [SimpleAttention, simpleAttentionComposed],
    [SimpleAttentionGrad, simpleAttentionGradComposed],
    [AdamStep, adamStepComposed],
    [Sddmm, sddmmComposed],
    [EdgeSoftmax, edgeSoftmaxComposed],
    [EdgeSpmm, edgeSpmmComposed],
    [SegmentMean, segmentMeanComposed],
    [SegmentMax, segmentMaxComposed],
    [AddBias, addBiasComposed],
    [ColumnSums, columnSumsComposed],
    [ResidualClassifier, residualClassifierComposed],
    [ResidualClassifierGrad, residualClassifierGradComposed],
    [SoftmaxDiffusion, softmaxDiffusionComposed],
    [SoftmaxDiffusionGrad, softmaxDiffusionGradComposed],
    [SoftmaxCrossEntropy, softmaxCrossEntropyComposed],
    [SoftmaxCrossEntropyGrad, softmaxCrossEntropyGradComposed],
    [AppnpPropagation, appnpPropagationComposed],
    [MaskedRelu, maskedReluComposed],
    [UnmaskedRelu, maskedReluComposed],
    [MaskedReluGrad, maskedReluGradComposed],
    [DropoutDiffusion, dropoutDiffusionComposed],
    [OdeErrorNorm, odeErrorNormComposed],
  ];
  return funcs.map(([kernelName, kernelFunc]) => ({
    kernelName,
    backendName,
    kernelFunc: kernelFunc as KernelFunc,
  }));
}
