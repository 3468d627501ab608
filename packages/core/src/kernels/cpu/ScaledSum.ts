import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { ScaledSum, type ScaledSumAttrs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinScaledSum` on cpu: Y = Σ_j w_j X_j, one loop per term into a reused output array
 * ({@link outputArray}); each partial sum rounded to float32.
 */
export function scaledSumCpu(args: {
  inputs: TensorInfo[];
  backend: MathBackendCPU;
  attrs: ScaledSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { weights } = attrs;
  const first = cpuData<Float32Array>(backend, inputs[0]);
  const y = outputArray(backend, first.length);
  const w0 = weights[0];
  for (let i = 0; i < y.length; i++) y[i] = w0 * first[i];
  for (let j = 1; j < inputs.length; j++) {
    const x = cpuData<Float32Array>(backend, inputs[j]);
    const w = weights[j];
    for (let i = 0; i < y.length; i++) y[i] += w * x[i];
  }
  return outputTensorInfo(backend, inputs[0].shape, y);
}

/** Registration of {@link scaledSumCpu}. */
export const scaledSumCpuConfig: KernelConfig = {
  kernelName: ScaledSum,
  backendName: 'cpu',
  kernelFunc: scaledSumCpu as unknown as KernelFunc,
};
