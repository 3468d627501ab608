import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { AddBias, type AddBiasInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinAddBias` on cpu: Y_{ik} = X_{ik} + b_k row by row into a reused output array ({@link outputArray});
 * each sum rounded to float32 as tfjs' broadcasting add rounds it.
 */
export function addBiasCpu(args: { inputs: AddBiasInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const bias = cpuData<Float32Array>(backend, inputs.bias);
  const [numRows, numCols] = inputs.x.shape;
  const y = outputArray(backend, x.length);
  for (let i = 0; i < numRows; i++) {
    const row = i * numCols;
    for (let k = 0; k < numCols; k++) y[row + k] = x[row + k] + bias[k];
  }
  return outputTensorInfo(backend, inputs.x.shape, y);
}

/** Registration of {@link addBiasCpu}. */
export const addBiasCpuConfig: KernelConfig = {
  kernelName: AddBias,
  backendName: 'cpu',
  kernelFunc: addBiasCpu as unknown as KernelFunc,
};
