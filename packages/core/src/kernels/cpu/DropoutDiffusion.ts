import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  DropoutDiffusion,
  type DropoutDiffusionAttrs,
  type DropoutDiffusionInputs,
} from '../../kernel-names.js';
import { simdDropoutDiffusion } from '../wasm/dropout-diffusion.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinDropoutDiffusion` on cpu: the K masked steps in the SIMD module ({@link simdDropoutDiffusion}), the
 * bool masks read as the bytes the cpu backend stores them in, the result in a reused output array
 * ({@link outputArray}).
 */
export function dropoutDiffusionCpu(args: {
  inputs: DropoutDiffusionInputs;
  attrs: DropoutDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, scale, adjoint } = attrs;
  const laplacian = {
    indptr: cpuData<Int32Array>(backend, inputs.indptr),
    indices: cpuData<Int32Array>(backend, inputs.indices),
    values: cpuData<Float32Array>(backend, inputs.values),
    numRows,
  };
  const u = cpuData<Float32Array>(backend, inputs.u);
  const keep = backend.data.get(inputs.keep.dataId).values as Uint8Array;
  const cols = inputs.u.shape[1];
  const out = outputArray(backend, u.length);
  simdDropoutDiffusion(laplacian, u, cols, keep, scale, stepSizes, adjoint, out);
  return outputTensorInfo(backend, [numRows, cols], out);
}

/** Registration of {@link dropoutDiffusionCpu}. */
export const dropoutDiffusionCpuConfig: KernelConfig = {
  kernelName: DropoutDiffusion,
  backendName: 'cpu',
  kernelFunc: dropoutDiffusionCpu as unknown as KernelFunc,
};
