import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  type SparseResidualLinearInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { csrMatMulAny } from './csr-mat-mul-any.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinSparseResidualLinear` on cpu: Z = X W into the output ({@link outputArray}), then H = max(Z + b, 0) in
 * place, then H += X at its entries.
 */
export function sparseResidualLinearCpu(args: {
  inputs: SparseResidualLinearInputs;
  attrs: SparseResidualLinearAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const bias = cpuData<Float32Array>(backend, inputs.bias);
  const w = cpuData<Float32Array>(backend, inputs.weight);
  const h = outputArray(backend, numRows * numCols);
  csrMatMulAny(indptr, indices, values, numRows, numCols, w, numCols, false, h);
  for (let i = 0; i < numRows; i++) {
    const row = i * numCols;
    // Branch-free relu (about half the entries are negative, at random: a branch would mispredict).
    for (let j = 0; j < numCols; j++) {
      const z = h[row + j] + bias[j];
      h[row + j] = z * Number(z > 0);
    }
    for (let p = indptr[i]; p < indptr[i + 1]; p++) h[row + indices[p]] += values[p];
  }
  return outputTensorInfo(backend, [numRows, numCols], h);
}

/** Registration of {@link sparseResidualLinearCpu}. */
export const sparseResidualLinearCpuConfig: KernelConfig = {
  kernelName: SparseResidualLinear,
  backendName: 'cpu',
  kernelFunc: sparseResidualLinearCpu as unknown as KernelFunc,
};
