/**
 * Side effect: registers every coin-gnn kernel, cpu and composed, and the cpu backend's training scope
 * (imported by `index.ts`).
 */
import { Add, getKernel, type KernelConfig, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { registerTrainingScope } from './backend/training-scope.js';
import { COMPOSED_BACKENDS } from './kernels/composed/composed-backends.js';
import { composedKernelConfigs } from './kernels/composed/composed-kernel-configs.js';
import { adamStepCpuConfig } from './kernels/cpu/AdamStep.js';
import { sameShapeAddCpuConfig } from './kernels/cpu/Add.js';
import { addBiasCpuConfig } from './kernels/cpu/AddBias.js';
import { applyMaskCpuConfig } from './kernels/cpu/ApplyMask.js';
import { appnpPropagationCpuConfig } from './kernels/cpu/AppnpPropagation.js';
import { columnSumsCpuConfig } from './kernels/cpu/ColumnSums.js';
import { csrMatMulCpuConfig } from './kernels/cpu/CsrMatMul.js';
import { dropoutDiffusionCpuConfig } from './kernels/cpu/DropoutDiffusion.js';
import { edgeSoftmaxCpuConfig } from './kernels/cpu/EdgeSoftmax.js';
import { edgeSpmmCpuConfig } from './kernels/cpu/EdgeSpmm.js';
import { explicitDiffusionCpuConfig } from './kernels/cpu/ExplicitDiffusion.js';
import { gatherRowsCpuConfig } from './kernels/cpu/GatherRows.js';
import { implicitDiffusionCpuConfig } from './kernels/cpu/ImplicitDiffusion.js';
import { layerNormCpuConfig, layerNormGradCpuConfig } from './kernels/cpu/LayerNorm.js';
import {
  maskedReluCpuConfig,
  maskedReluGradCpuConfig,
  unmaskedReluCpuConfig,
} from './kernels/cpu/MaskedRelu.js';
import { matMul2dCpuConfig } from './kernels/cpu/MatMul2d.js';
import { odeErrorNormCpuConfig } from './kernels/cpu/OdeErrorNorm.js';
import { withReusedOutputs } from './kernels/cpu/output-reuse.js';
import {
  residualClassifierCpuConfig,
  residualClassifierGradCpuConfig,
} from './kernels/cpu/ResidualClassifier.js';
import { scaledSumCpuConfig } from './kernels/cpu/ScaledSum.js';
import { scatterRowsCpuConfig } from './kernels/cpu/ScatterRows.js';
import { sddmmCpuConfig } from './kernels/cpu/Sddmm.js';
import { segmentMaxCpuConfig } from './kernels/cpu/SegmentMax.js';
import { segmentMeanCpuConfig } from './kernels/cpu/SegmentMean.js';
import { simpleAttentionCpuConfig, simpleAttentionGradCpuConfig } from './kernels/cpu/SimpleAttention.js';
import {
  softmaxCrossEntropyCpuConfig,
  softmaxCrossEntropyGradCpuConfig,
} from './kernels/cpu/SoftmaxCrossEntropy.js';
import { softmaxDiffusionCpuConfig, softmaxDiffusionGradCpuConfig } from './kernels/cpu/SoftmaxDiffusion.js';
import { sparseResidualLinearCpuConfig } from './kernels/cpu/SparseResidualLinear.js';
import { sparseResidualLinearGradCpuConfig } from './kernels/cpu/SparseResidualLinearGrad.js';
import { csrMatMulWasmConfig } from './kernels/tfjs-wasm/CsrMatMul.js';
import { explicitDiffusionWasmConfig } from './kernels/tfjs-wasm/ExplicitDiffusion.js';
import { implicitDiffusionWasmConfig } from './kernels/tfjs-wasm/ImplicitDiffusion.js';
import {
  sparseResidualLinearGradWasmConfig,
  sparseResidualLinearWasmConfig,
} from './kernels/tfjs-wasm/SparseResidualLinear.js';
import { unsortedSegmentSumWasmConfig } from './kernels/tfjs-wasm/UnsortedSegmentSum.js';
import { csrMatMulWebglConfig } from './kernels/webgl/CsrMatMul.js';
import {
  sparseResidualLinearGradWebglConfig,
  sparseResidualLinearWebglConfig,
} from './kernels/webgl/SparseResidualLinear.js';
import { csrMatMulWebgpuConfig } from './kernels/webgpu/CsrMatMul.js';

/**
 * Kernels written for one backend: they replace the composed kernel of the same name there (webgl, webgpu: shaders;
 * wasm: the cpu kernels' typed-array code on the backend's heap, Node only, as the cpu kernels' module).
 */
const backendKernelConfigs: KernelConfig[] = [
  csrMatMulWebglConfig,
  sparseResidualLinearWebglConfig,
  sparseResidualLinearGradWebglConfig,
  csrMatMulWebgpuConfig,
  csrMatMulWasmConfig,
  sparseResidualLinearWasmConfig,
  sparseResidualLinearGradWasmConfig,
  explicitDiffusionWasmConfig,
  implicitDiffusionWasmConfig,
];
const hasBackendKernel = ({ kernelName, backendName }: KernelConfig) =>
  backendKernelConfigs.some((c) => c.kernelName === kernelName && c.backendName === backendName);

const kernelConfigs: KernelConfig[] = [
  csrMatMulCpuConfig,
  gatherRowsCpuConfig,
  scatterRowsCpuConfig,
  explicitDiffusionCpuConfig,
  sparseResidualLinearCpuConfig,
  sparseResidualLinearGradCpuConfig,
  matMul2dCpuConfig,
  implicitDiffusionCpuConfig,
  applyMaskCpuConfig,
  scaledSumCpuConfig,
  odeErrorNormCpuConfig,
  layerNormCpuConfig,
  layerNormGradCpuConfig,
  simpleAttentionCpuConfig,
  simpleAttentionGradCpuConfig,
  adamStepCpuConfig,
  sddmmCpuConfig,
  edgeSoftmaxCpuConfig,
  edgeSpmmCpuConfig,
  segmentMeanCpuConfig,
  segmentMaxCpuConfig,
  addBiasCpuConfig,
  columnSumsCpuConfig,
  residualClassifierCpuConfig,
  residualClassifierGradCpuConfig,
  softmaxDiffusionCpuConfig,
  softmaxDiffusionGradCpuConfig,
  softmaxCrossEntropyCpuConfig,
  softmaxCrossEntropyGradCpuConfig,
  appnpPropagationCpuConfig,
  maskedReluCpuConfig,
  unmaskedReluCpuConfig,
  maskedReluGradCpuConfig,
  dropoutDiffusionCpuConfig,
  ...COMPOSED_BACKENDS.flatMap(composedKernelConfigs).filter((config) => !hasBackendKernel(config)),
  ...backendKernelConfigs,
  // what tfjs's own backends lack
  unsortedSegmentSumWasmConfig,
];

for (const kernelConfig of kernelConfigs) registerKernel(kernelConfig);

// tfjs-backend-cpu's Add (registered by its import in browser.ts) behind a loop of ours for same-shape
// float32 operands, the gradient tape's sums (see kernels/cpu/Add.ts).
const tfjsAdd = getKernel(Add, 'cpu');
if (tfjsAdd !== undefined) {
  unregisterKernel(Add, 'cpu');
  registerKernel(sameShapeAddCpuConfig(tfjsAdd.kernelFunc));
}

// Inside a training loop the cpu kernels reuse the arrays of disposed large outputs (see output-reuse.ts).
registerTrainingScope('cpu', withReusedOutputs);
