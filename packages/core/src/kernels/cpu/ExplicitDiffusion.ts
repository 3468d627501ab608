import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ExplicitDiffusion,
  type ExplicitDiffusionAttrs,
  type ExplicitDiffusionInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { csrMatMulAny } from './csr-mat-mul-any.js';

/**
 * `CoinExplicitDiffusion` on cpu: all K steps u ← u − τ_k op(L) u in typed arrays with {@link csrMatMulAny}
 * (L u is computed into a fresh buffer, then combined in place), no tensor per step.
 */
export function explicitDiffusionCpu(args: {
  inputs: ExplicitDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, transposeL } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const numCols = inputs.u.shape[1];
  let u: Float32Array = cpuData<Float32Array>(backend, inputs.u).slice();
  for (const tau of stepSizes) {
    const lu = csrMatMulAny(indptr, indices, values, numRows, numRows, u, numCols, transposeL);
    for (let i = 0; i < u.length; i++) lu[i] = u[i] - tau * lu[i];
    u = lu;
  }
  return backend.makeTensorInfo([numRows, numCols], 'float32', u);
}

/** Registration of {@link explicitDiffusionCpu}. */
export const explicitDiffusionCpuConfig: KernelConfig = {
  kernelName: ExplicitDiffusion,
  backendName: 'cpu',
  kernelFunc: explicitDiffusionCpu as unknown as KernelFunc,
};
