import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { ApplyMask, type ApplyMaskInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/** `CoinApplyMask` on cpu: y_i = m_i x_i in one loop, into {@link outputArray}. */
export function applyMaskCpu(args: { inputs: ApplyMaskInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const mask = cpuData<Float32Array>(backend, inputs.mask);
  const y = outputArray(backend, x.length);
  for (let i = 0; i < x.length; i++) y[i] = mask[i] * x[i];
  return outputTensorInfo(backend, inputs.x.shape, y);
}

/** Registration of {@link applyMaskCpu}. */
export const applyMaskCpuConfig: KernelConfig = {
  kernelName: ApplyMask,
  backendName: 'cpu',
  kernelFunc: applyMaskCpu as unknown as KernelFunc,
};
