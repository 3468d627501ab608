import { CsrMatrix, transpose } from '@coin-gnn/graph';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  AppnpPropagation,
  type AppnpPropagationAttrs,
  type AppnpPropagationInputs,
} from '../../kernel-names.js';
import { simdAppnpPropagation } from '../wasm/appnp.js';
import type { CsrParts } from '../wasm/csr-memory.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/** Aᵀ in CSR, by A's values array (a constant tensor's data, which lives as long as the tensor). */
const transposes = new WeakMap<Float32Array, CsrParts>();

/** Aᵀ of the CSR arrays of A (n × n), made once per matrix and remembered. */
function transposed(indptr: Int32Array, indices: Int32Array, values: Float32Array, n: number): CsrParts {
  let t = transposes.get(values);
  if (t === undefined) {
    const m = transpose(CsrMatrix.trusted([n, n], indptr, indices, values));
    t = { indptr: m.indptr, indices: m.indices, values: m.values, numRows: n };
    transposes.set(values, t);
  }
  return t;
}

/**
 * `CoinAppnpPropagation` on cpu: the K steps in the SIMD module ({@link simdAppnpPropagation}) into a reused
 * output array ({@link outputArray}); with `transposeA`, the same steps on Aᵀ in CSR form (made once per
 * matrix), so that every step reads rows.
 */
export function appnpPropagationCpu(args: {
  inputs: AppnpPropagationInputs;
  attrs: AppnpPropagationAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, numSteps, alpha, transposeA } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const a = transposeA ? transposed(indptr, indices, values, numRows) : { indptr, indices, values, numRows };
  const h = cpuData<Float32Array>(backend, inputs.h);
  const cols = inputs.h.shape[1];
  const out = outputArray(backend, h.length);
  simdAppnpPropagation(a, h, cols, numSteps, alpha, out);
  return outputTensorInfo(backend, [numRows, cols], out);
}

/** Registration of {@link appnpPropagationCpu}. */
export const appnpPropagationCpuConfig: KernelConfig = {
  kernelName: AppnpPropagation,
  backendName: 'cpu',
  kernelFunc: appnpPropagationCpu as unknown as KernelFunc,
};
