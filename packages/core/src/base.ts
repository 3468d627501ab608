/**
 * Everything of the engine part of @coin-gnn/core, without side effects (no kernel or gradient
 * registration; `index.ts` adds those, as tfjs-backend-cpu's `base.ts` / `index.ts`).
 */
export { type BackendDescription, describeBackend } from './backend/describe-backend.js';
export {
  type BackendAvailability,
  type BackendsReport,
  describeBackends,
} from './backend/describe-backends.js';
export { type HostTransfers, hostTransfers } from './backend/host-transfers.js';
export {
  BACKEND_NAMES,
  type BackendName,
  type SelectBackendOptions,
  selectBackend,
} from './backend/select-backend.js';
export {
  registerTrainingScope,
  type TrainingScope,
  withTrainingScope,
} from './backend/training-scope.js';
export { NO_GPU_STACK_ENV, SWIFTSHADER_ENV } from './backend/vulkan-driver.js';
export { type GpuAdapterDescription, noGpuStack } from './backend/webgpu-node.js';
export * from './kernel-names.js';
export { disposeAdamState, newAdamStateId } from './kernels/adam-states.js';
export { COMPOSED_BACKENDS } from './kernels/composed/composed-backends.js';
export { composedKernelConfigs } from './kernels/composed/composed-kernel-configs.js';
export { type DenseOperand, simdCsrMatMul, simdDenseMatMul } from './kernels/wasm/mat-mul.js';
export { adamStep } from './ops/adam-step.js';
export { addBias } from './ops/add-bias.js';
export { applyMask } from './ops/apply-mask.js';
export { appnpPropagation } from './ops/appnp-propagation.js';
export { columnSums } from './ops/column-sums.js';
export { csrMatMul } from './ops/csr-mat-mul.js';
export { CsrTensor } from './ops/csr-tensor.js';
export { dropoutDiffusion } from './ops/dropout-diffusion.js';
export { EdgeIndex } from './ops/edge-index.js';
export { edgeSoftmax } from './ops/edge-softmax.js';
export { edgeSpmm } from './ops/edge-spmm.js';
export { explicitDiffusion } from './ops/explicit-diffusion.js';
export { gatherRows } from './ops/gather-rows.js';
export { layerNorm } from './ops/layer-norm.js';
export { maskedRelu } from './ops/masked-relu.js';
export { matMul2d } from './ops/mat-mul-2d.js';
export { odeErrorNorm } from './ops/ode-error-norm.js';
export { residualClassifier } from './ops/residual-classifier.js';
export { scaledSum } from './ops/scaled-sum.js';
export { scatterRows } from './ops/scatter-rows.js';
export { type SddmmOptions, sddmm } from './ops/sddmm.js';
export { segmentMax } from './ops/segment-max.js';
export { segmentMean } from './ops/segment-mean.js';
export { simpleAttention } from './ops/simple-attention.js';
export { softmaxCrossEntropy } from './ops/softmax-cross-entropy.js';
export { softmaxDiffusion } from './ops/softmax-diffusion.js';
export { sparseResidualLinear } from './ops/sparse-residual-linear.js';
