import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { ScatterRows, type ScatterRowsAttrs, type ScatterRowsInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/** `CoinScatterRows` on cpu: zeros, then Y_{rows_r} += X_r row by row. */
export function scatterRowsCpu(args: {
  inputs: ScatterRowsInputs;
  attrs: ScatterRowsAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const rows = cpuData<Int32Array>(backend, inputs.rows);
  const numCols = inputs.x.shape[1];
  const out = new Float32Array(attrs.numRows * numCols);
  for (let r = 0; r < rows.length; r++) {
    const src = r * numCols - rows[r] * numCols;
    const end = (rows[r] + 1) * numCols;
    for (let c = rows[r] * numCols; c < end; c++) out[c] += x[src + c];
  }
  return backend.makeTensorInfo([attrs.numRows, numCols], 'float32', out);
}

/** Registration of {@link scatterRowsCpu}. */
export const scatterRowsCpuConfig: KernelConfig = {
  kernelName: ScatterRows,
  backendName: 'cpu',
  kernelFunc: scatterRowsCpu as unknown as KernelFunc,
};
