import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../../kernel-names.js';
import { csrMatMulAny } from '../cpu/csr-mat-mul-any.js';
import { heapArray } from './heap-arrays.js';

/**
 * `CoinCsrMatMul` on 'wasm': the cpu kernel's typed-array product ({@link csrMatMulAny}: our SIMD module, or the
 * graph package's loops) on the tensors' arrays in the backend's heap, into the output's. The composed kernel
 * (gather of nnz rows, then `unsortedSegmentSum`) makes an nnz × bCols intermediate: 280 MB for Cora's
 * features times a 1433-column matrix.
 * $$ C = A B \quad\text{or}\quad C = A^\top B $$
 */
export function csrMatMulWasm(args: {
  inputs: CsrMatMulInputs;
  attrs: CsrMatMulAttrs;
  backend: BackendWasm;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols, transposeA } = attrs;
  const bCols = inputs.b.shape[1];
  const out = backend.makeOutput([transposeA ? numCols : numRows, bCols], 'float32');
  csrMatMulAny(
    heapArray<Int32Array>(backend, inputs.indptr),
    heapArray<Int32Array>(backend, inputs.indices),
    heapArray<Float32Array>(backend, inputs.values),
    numRows,
    numCols,
    heapArray<Float32Array>(backend, inputs.b),
    bCols,
    transposeA,
    heapArray<Float32Array>(backend, out),
  );
  return out;
}

/** Registration of {@link csrMatMulWasm}. */
export const csrMatMulWasmConfig: KernelConfig = {
  kernelName: CsrMatMul,
  backendName: 'wasm',
  kernelFunc: csrMatMulWasm as unknown as KernelFunc,
};
