import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { csrMatMulAny } from './csr-mat-mul-any.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinCsrMatMul` on cpu: {@link csrMatMulAny} (SIMD, or the graph package's kernels) on the tensors' arrays,
 * into {@link outputArray}.
 */
export function csrMatMulCpu(args: {
  inputs: CsrMatMulInputs;
  attrs: CsrMatMulAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols, transposeA } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const b = cpuData<Float32Array>(backend, inputs.b);
  const bCols = inputs.b.shape[1];
  const outRows = transposeA ? numCols : numRows;
  const out = outputArray(backend, outRows * bCols);
  csrMatMulAny(indptr, indices, values, numRows, numCols, b, bCols, transposeA, out);
  return outputTensorInfo(backend, [outRows, bCols], out);
}

/** Registration of {@link csrMatMulCpu}. */
export const csrMatMulCpuConfig: KernelConfig = {
  kernelName: CsrMatMul,
  backendName: 'cpu',
  kernelFunc: csrMatMulCpu as unknown as KernelFunc,
};
