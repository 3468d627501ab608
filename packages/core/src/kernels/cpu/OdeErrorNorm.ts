import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { OdeErrorNorm, type OdeErrorNormAttrs, type OdeErrorNormInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * `CoinOdeErrorNorm` on cpu: ‖e‖ = √(mean_i (e_i / (atol + rtol·max(|y_i|, |ŷ_i|)))²) in one pass, the sum
 * in float64.
 */
export function odeErrorNormCpu(args: {
  inputs: OdeErrorNormInputs;
  backend: MathBackendCPU;
  attrs: OdeErrorNormAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { rtol, atol } = attrs;
  const e = cpuData<Float32Array>(backend, inputs.error);
  const y = cpuData<Float32Array>(backend, inputs.y);
  const yNext = cpuData<Float32Array>(backend, inputs.yNext);
  let sum = 0;
  for (let i = 0; i < e.length; i++) {
    const r = e[i] / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNext[i])));
    sum += r * r;
  }
  return backend.makeTensorInfo([], 'float32', Float32Array.of(Math.sqrt(sum / e.length)));
}

/** Registration of {@link odeErrorNormCpu}. */
export const odeErrorNormCpuConfig: KernelConfig = {
  kernelName: OdeErrorNorm,
  backendName: 'cpu',
  kernelFunc: odeErrorNormCpu as unknown as KernelFunc,
};
