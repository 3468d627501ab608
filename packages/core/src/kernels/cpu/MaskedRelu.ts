import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  MaskedRelu,
  MaskedReluGrad,
  type MaskedReluGradInputs,
  type MaskedReluInputs,
  UnmaskedRelu,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinMaskedRelu` on cpu: y_i = m_i · max(0, x_i) in one loop (NaN stays NaN), or max(0, x_i) (tfjs' `relu`)
 * without a mask, into {@link outputArray}.
 */
export function maskedReluCpu(args: { inputs: MaskedReluInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const y = outputArray(backend, x.length);
  if (inputs.mask === undefined) for (let i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]);
  else {
    const mask = cpuData<Float32Array>(backend, inputs.mask);
    for (let i = 0; i < x.length; i++) y[i] = mask[i] * Math.max(0, x[i]);
  }
  return outputTensorInfo(backend, inputs.x.shape, y);
}

/**
 * `CoinMaskedReluGrad` on cpu: dx_i = fround(m_i dy_i) · step(x_i), step = 1 for x > 0, 0 below, NaN for NaN
 * (tfjs' `step`), or dy_i · step(x_i) without a mask, into {@link outputArray}: the roundings of the gradients
 * of `applyMask` and `relu`.
 */
export function maskedReluGradCpu(args: {
  inputs: MaskedReluGradInputs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const mask = inputs.mask === undefined ? null : cpuData<Float32Array>(backend, inputs.mask);
  const dy = cpuData<Float32Array>(backend, inputs.dy);
  const dx = outputArray(backend, x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const g = mask === null ? dy[i] : Math.fround(mask[i] * dy[i]);
    dx[i] = g * (xi > 0 ? 1 : Number.isNaN(xi) ? Number.NaN : 0);
  }
  return outputTensorInfo(backend, inputs.x.shape, dx);
}

/** Registration of {@link maskedReluCpu}. */
export const maskedReluCpuConfig: KernelConfig = {
  kernelName: MaskedRelu,
  backendName: 'cpu',
  kernelFunc: maskedReluCpu as unknown as KernelFunc,
};

/** Registration of {@link maskedReluCpu} without a mask (`CoinRelu`). */
export const unmaskedReluCpuConfig: KernelConfig = {
  kernelName: UnmaskedRelu,
  backendName: 'cpu',
  kernelFunc: maskedReluCpu as unknown as KernelFunc,
};

/** Registration of {@link maskedReluGradCpu}. */
export const maskedReluGradCpuConfig: KernelConfig = {
  kernelName: MaskedReluGrad,
  backendName: 'cpu',
  kernelFunc: maskedReluGradCpu as unknown as KernelFunc,
};
