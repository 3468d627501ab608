import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
} from '../../kernel-names.js';
import { simdResidualBackward } from '../wasm/residual.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinSparseResidualLinearGrad` on cpu: dW = Xᵀ dZ and db = 1ᵀ dZ with dZ = dH ⊙ [H − X > 0] by the SIMD
 * module ({@link simdResidualBackward}); dZ is formed a block of a row at a time, never a tensor of its own.
 * dW goes to a reused output array ({@link outputArray}).
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
  const { dw, db } = simdResidualBackward(
    { indptr, indices, values, numRows },
    h,
    dh,
    numCols,
    outputArray(backend, numCols * numCols),
  );
  return [
    outputTensorInfo(backend, [numCols, numCols], dw),
    backend.makeTensorInfo([numCols], 'float32', db),
  ];
}

/** Registration of {@link sparseResidualLinearGradCpu}. */
export const sparseResidualLinearGradCpuConfig: KernelConfig = {
  kernelName: SparseResidualLinearGrad,
  backendName: 'cpu',
  kernelFunc: sparseResidualLinearGradCpu as unknown as KernelFunc,
};
