import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * `CoinSparseResidualLinearGrad` on cpu, one pass over the rows: dZ = dH where H > 0 (summed into db as it
 * goes), then corrected at X's entries, where the relu output is H − X (float32 accumulation).
 */
export function sparseResidualLinearGradCpu(args: {
  inputs: SparseResidualLinearGradInputs;
  attrs: SparseResidualLinearAttrs;
  backend: MathBackendCPU;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const h = cpuData<Float32Array>(backend, inputs.h);
  const dh = cpuData<Float32Array>(backend, inputs.dh);
  const dz = new Float32Array(numRows * numCols);
  const db = new Float32Array(numCols);
  for (let i = 0; i < numRows; i++) {
    const row = i * numCols;
    for (let j = 0; j < numCols; j++) {
      const g = h[row + j] > 0 ? dh[row + j] : 0;
      dz[row + j] = g;
      db[j] += g;
    }
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const c = row + indices[p];
      if (h[c] - values[p] <= 0 && dz[c] !== 0) {
        db[indices[p]] -= dz[c];
        dz[c] = 0;
      }
    }
  }
  return [
    backend.makeTensorInfo([numRows, numCols], 'float32', dz),
    backend.makeTensorInfo([numCols], 'float32', db),
  ];
}

/** Registration of {@link sparseResidualLinearGradCpu}. */
export const sparseResidualLinearGradCpuConfig: KernelConfig = {
  kernelName: SparseResidualLinearGrad,
  backendName: 'cpu',
  kernelFunc: sparseResidualLinearGradCpu as unknown as KernelFunc,
};
