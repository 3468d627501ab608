import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import type { CsrInputs } from '../../kernel-names.js';
import type { CsrParts } from '../wasm/csr-memory.js';

/**
 * The typed array behind a tensor on the cpu backend, read in place (no copy), as tfjs-backend-cpu kernels
 * do with `backend.data.get(dataId).values`.
 */
export function cpuData<T extends Float32Array | Int32Array>(backend: KernelBackend, t: TensorInfo): T {
  return (backend as MathBackendCPU).data.get(t.dataId).values as T;
}

/** The CSR arrays of a kernel's matrix input (`indptr`, `indices`, `values`) on the cpu backend, no copy. */
export function cpuCsr(backend: KernelBackend, inputs: CsrInputs, numRows: number): CsrParts {
  return {
    indptr: cpuData<Int32Array>(backend, inputs.indptr),
    indices: cpuData<Int32Array>(backend, inputs.indices),
    values: cpuData<Float32Array>(backend, inputs.values),
    numRows,
  };
}
