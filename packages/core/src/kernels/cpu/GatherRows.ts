import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { GatherRows, type GatherRowsInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/** `CoinGatherRows` on cpu: one contiguous row copy per index, Y_r = X_{rows_r}. */
export function gatherRowsCpu(args: { inputs: GatherRowsInputs; backend: MathBackendCPU }): TensorInfo {
  const { inputs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const rows = cpuData<Int32Array>(backend, inputs.rows);
  const numCols = inputs.x.shape[1];
  const out = new Float32Array(rows.length * numCols);
  for (let r = 0; r < rows.length; r++) {
    out.set(x.subarray(rows[r] * numCols, (rows[r] + 1) * numCols), r * numCols);
  }
  return backend.makeTensorInfo([rows.length, numCols], 'float32', out);
}

/** Registration of {@link gatherRowsCpu}. */
export const gatherRowsCpuConfig: KernelConfig = {
  kernelName: GatherRows,
  backendName: 'cpu',
  kernelFunc: gatherRowsCpu as unknown as KernelFunc,
};
