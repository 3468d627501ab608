import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  type SparseResidualLinearInputs,
} from '../../kernel-names.js';
import { simdResidualForward } from '../wasm/residual.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinSparseResidualLinear` on cpu: H = X + max(X W + b, 0) by the SIMD module ({@link simdResidualForward}),
 * into a reused output array ({@link outputArray}).
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
  const h = simdResidualForward(
    { indptr, indices, values, numRows },
    w,
    bias,
    numCols,
    outputArray(backend, numRows * numCols),
  );
  return outputTensorInfo(backend, [numRows, numCols], h);
}

/** Registration of {@link sparseResidualLinearCpu}. */
export const sparseResidualLinearCpuConfig: KernelConfig = {
  kernelName: SparseResidualLinear,
  backendName: 'cpu',
  kernelFunc: sparseResidualLinearCpu as unknown as KernelFunc,
};
