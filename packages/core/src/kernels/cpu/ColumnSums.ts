import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { ColumnSums, type ColumnSumsInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * `CoinColumnSums` on cpu: s_k = Σ_i X_{ik}, rows added in order in float64 and rounded once to float32 (what
 * tfjs' `sum` over axis 0 computes, without its transpose), reading X row by row.
 */
export function columnSumsCpu(args: { inputs: ColumnSumsInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const [numRows, numCols] = inputs.x.shape;
  const sums = new Float64Array(numCols);
  for (let i = 0; i < numRows; i++) {
    const row = i * numCols;
    for (let k = 0; k < numCols; k++) sums[k] += x[row + k];
  }
  return backend.makeTensorInfo([numCols], 'float32', Float32Array.from(sums));
}

/** Registration of {@link columnSumsCpu}. */
export const columnSumsCpuConfig: KernelConfig = {
  kernelName: ColumnSums,
  backendName: 'cpu',
  kernelFunc: columnSumsCpu as unknown as KernelFunc,
};
