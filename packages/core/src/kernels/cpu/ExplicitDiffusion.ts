import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ExplicitDiffusion,
  type ExplicitDiffusionAttrs,
  type ExplicitDiffusionInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { csrMatMulAny } from './csr-mat-mul-any.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinExplicitDiffusion` on cpu: all K steps u ← u − τ_k op(L) u in typed arrays with {@link csrMatMulAny},
 * no tensor per step: a step writes L u into one of two buffers and combines it with u there in place, the
 * buffers taking turns so that the last step lands in the output ({@link outputArray}).
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
  const u0 = cpuData<Float32Array>(backend, inputs.u);
  const out = outputArray(backend, u0.length);
  const other = stepSizes.length > 1 ? new Float32Array(u0.length) : out;
  let u = u0;
  stepSizes.forEach((tau, k) => {
    const next = (stepSizes.length - 1 - k) % 2 === 0 ? out : other;
    csrMatMulAny(indptr, indices, values, numRows, numRows, u, numCols, transposeL, next);
    for (let i = 0; i < next.length; i++) next[i] = u[i] - tau * next[i];
    u = next;
  });
  if (stepSizes.length === 0) out.set(u0);
  return outputTensorInfo(backend, [numRows, numCols], out);
}

/** Registration of {@link explicitDiffusionCpu}. */
export const explicitDiffusionCpuConfig: KernelConfig = {
  kernelName: ExplicitDiffusion,
  backendName: 'cpu',
  kernelFunc: explicitDiffusionCpu as unknown as KernelFunc,
};
