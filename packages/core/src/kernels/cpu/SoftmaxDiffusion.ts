import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  type ExplicitDiffusionAttrs,
  SoftmaxDiffusion,
  SoftmaxDiffusionGrad,
  type SoftmaxDiffusionGradInputs,
  type SoftmaxDiffusionInputs,
} from '../../kernel-names.js';
import { cpuCsr, cpuData } from './cpu-data.js';
import { explicitSteps } from './ExplicitDiffusion.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';
import { softmaxRows, softmaxRowsGrad } from './softmax-rows.js';

/**
 * `CoinSoftmaxDiffusion` on cpu: P = softmax(Z) row by row ({@link softmaxRows}), then the K steps
 * u ← u − τ_k op(L) u ({@link explicitSteps}, the SIMD module), into a reused output array.
 */
export function softmaxDiffusionCpu(args: {
  inputs: SoftmaxDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, transposeL } = attrs;
  const z = cpuData<Float32Array>(backend, inputs.logits);
  const cols = inputs.logits.shape[1];
  const p = softmaxRows(z, cols, new Float32Array(z.length));
  const l = cpuCsr(backend, inputs, numRows);
  const u = explicitSteps(l, p, cols, stepSizes, transposeL, outputArray(backend, z.length));
  return outputTensorInfo(backend, [numRows, cols], u);
}

/**
 * `CoinSoftmaxDiffusionGrad` on cpu: dP = the adjoint steps (reversed τ, op(L) transposed) applied to dU
 * ({@link explicitSteps}), then dZ from P = softmax(Z) recomputed ({@link softmaxRowsGrad}, in place).
 */
export function softmaxDiffusionGradCpu(args: {
  inputs: SoftmaxDiffusionGradInputs;
  attrs: ExplicitDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, transposeL } = attrs;
  const z = cpuData<Float32Array>(backend, inputs.logits);
  const du = cpuData<Float32Array>(backend, inputs.du);
  const cols = inputs.logits.shape[1];
  const l = cpuCsr(backend, inputs, numRows);
  const dp = explicitSteps(
    l,
    du,
    cols,
    [...stepSizes].reverse(),
    !transposeL,
    outputArray(backend, z.length),
  );
  const p = softmaxRows(z, cols, new Float32Array(z.length));
  return outputTensorInfo(backend, [numRows, cols], softmaxRowsGrad(p, dp, cols, dp));
}

/** Registration of {@link softmaxDiffusionCpu}. */
export const softmaxDiffusionCpuConfig: KernelConfig = {
  kernelName: SoftmaxDiffusion,
  backendName: 'cpu',
  kernelFunc: softmaxDiffusionCpu as unknown as KernelFunc,
};

/** Registration of {@link softmaxDiffusionGradCpu}. */
export const softmaxDiffusionGradCpuConfig: KernelConfig = {
  kernelName: SoftmaxDiffusionGrad,
  backendName: 'cpu',
  kernelFunc: softmaxDiffusionGradCpu as unknown as KernelFunc,
};
