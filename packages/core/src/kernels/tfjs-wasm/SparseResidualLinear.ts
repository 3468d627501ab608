import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SparseResidualLinear,
  type SparseResidualLinearAttrs,
  SparseResidualLinearGrad,
  type SparseResidualLinearGradInputs,
  type SparseResidualLinearInputs,
} from '../../kernel-names.js';
import type { CsrParts } from '../wasm/csr-memory.js';
import { simdResidualBackward, simdResidualForward } from '../wasm/residual.js';
import { heapArray } from './heap-arrays.js';

/** X in CSR: views of its arrays in the heap. */
function csrOf(
  backend: BackendWasm,
  inputs: SparseResidualLinearInputs | SparseResidualLinearGradInputs,
  numRows: number,
): CsrParts {
  return {
    indptr: heapArray<Int32Array>(backend, inputs.indptr),
    indices: heapArray<Int32Array>(backend, inputs.indices),
    values: heapArray<Float32Array>(backend, inputs.values),
    numRows,
  };
}

/**
 * `CoinSparseResidualLinear` on 'wasm': H = X + max(X W + b, 0) by the cpu kernel's SIMD module
 * ({@link simdResidualForward}) on the heap's arrays, into the output's. The composed kernel densifies X
 * (scatterND) and forms X W through an nnz × cols gather: seconds per call on Cora.
 */
export function sparseResidualLinearWasm(args: {
  inputs: SparseResidualLinearInputs;
  attrs: SparseResidualLinearAttrs;
  backend: BackendWasm;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const out = backend.makeOutput([numRows, numCols], 'float32');
  simdResidualForward(
    csrOf(backend, inputs, numRows),
    heapArray<Float32Array>(backend, inputs.weight),
    heapArray<Float32Array>(backend, inputs.bias),
    numCols,
    heapArray<Float32Array>(backend, out),
  );
  return out;
}

/**
 * `CoinSparseResidualLinearGrad` on 'wasm': dW = Xᵀ dZ and db = 1ᵀ dZ with dZ = dH ⊙ [H − X > 0] by
 * {@link simdResidualBackward}, dW into the output's heap array.
 */
export function sparseResidualLinearGradWasm(args: {
  inputs: SparseResidualLinearGradInputs;
  attrs: SparseResidualLinearAttrs;
  backend: BackendWasm;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const dw = backend.makeOutput([numCols, numCols], 'float32');
  const dbOut = backend.makeOutput([numCols], 'float32');
  const { db } = simdResidualBackward(
    csrOf(backend, inputs, numRows),
    heapArray<Float32Array>(backend, inputs.h),
    heapArray<Float32Array>(backend, inputs.dh),
    numCols,
    heapArray<Float32Array>(backend, dw),
  );
  heapArray<Float32Array>(backend, dbOut).set(db);
  return [dw, dbOut];
}

/** Registration of {@link sparseResidualLinearWasm}. */
export const sparseResidualLinearWasmConfig: KernelConfig = {
  kernelName: SparseResidualLinear,
  backendName: 'wasm',
  kernelFunc: sparseResidualLinearWasm as unknown as KernelFunc,
};

/** Registration of {@link sparseResidualLinearGradWasm}. */
export const sparseResidualLinearGradWasmConfig: KernelConfig = {
  kernelName: SparseResidualLinearGrad,
  backendName: 'wasm',
  kernelFunc: sparseResidualLinearGradWasm as unknown as KernelFunc,
};
