import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ExplicitDiffusion,
  type ExplicitDiffusionAttrs,
  type ExplicitDiffusionInputs,
} from '../../kernel-names.js';
import type { CsrParts } from '../wasm/csr-memory.js';
import { simdExplicitDiffusion } from '../wasm/diffusion.js';
import { cpuData } from './cpu-data.js';
import { csrMatMulAny, SIMD_MIN_COLS } from './csr-mat-mul-any.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinExplicitDiffusion` on cpu: all K steps u ← u − τ_k op(L) u by {@link explicitSteps}, in one call of the
 * SIMD module ({@link simdExplicitDiffusion}), or for u of fewer than 4 columns in typed arrays with the graph
 * package's products ({@link scalarSteps}, as {@link csrMatMulAny} chooses); no tensor per step, the result in
 * a reused output array ({@link outputArray}).
 */
export function explicitDiffusionCpu(args: {
  inputs: ExplicitDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, transposeL } = attrs;
  const indptr = cpuData<Int32Array>(backend, inputs.indptr);
  const indices = cpuData<Int32Array>(backend, inputs.indices);
  const values = cpuData<Float32Array>(backend, inputs.values);
  const numCols = inputs.u.shape[1];
  const u0 = cpuData<Float32Array>(backend, inputs.u);
  const csr = { indptr, indices, values, numRows };
  const out = explicitSteps(csr, u0, numCols, stepSizes, transposeL, outputArray(backend, u0.length));
  return outputTensorInfo(backend, [numRows, numCols], out);
}

/**
 * The K steps u ← u − τ_k op(L) u on typed arrays (the work of {@link explicitDiffusionCpu}): the SIMD module
 * ({@link simdExplicitDiffusion}) for u of at least 4 columns, else {@link scalarSteps}.
 * @param l - L, numRows × numRows in CSR
 * @param u0 - u⁽⁰⁾, numRows × numCols row-major (not written)
 * @param out - receives u⁽ᴷ⁾ (numRows · numCols entries)
 * @returns `out`
 */
export function explicitSteps(
  l: CsrParts,
  u0: Float32Array,
  numCols: number,
  stepSizes: readonly number[],
  transposeL: boolean,
  out: Float32Array,
): Float32Array {
  return numCols >= SIMD_MIN_COLS
    ? simdExplicitDiffusion(l, u0, numCols, stepSizes, transposeL, out)
    : scalarSteps(l, u0, numCols, stepSizes, transposeL, out);
}

/**
 * The K steps with {@link csrMatMulAny} per step: a step writes L u into one of two buffers and combines it
 * with u there in place, the buffers taking turns so that the last step lands in `out`.
 */
function scalarSteps(
  l: CsrParts,
  u0: Float32Array,
  numCols: number,
  stepSizes: readonly number[],
  transposeL: boolean,
  out: Float32Array,
): Float32Array {
  const other = stepSizes.length > 1 ? new Float32Array(u0.length) : out;
  let u = u0;
  stepSizes.forEach((tau, k) => {
    const next = (stepSizes.length - 1 - k) % 2 === 0 ? out : other;
    csrMatMulAny(l.indptr, l.indices, l.values, l.numRows, l.numRows, u, numCols, transposeL, next);
    for (let i = 0; i < next.length; i++) next[i] = u[i] - tau * next[i];
    u = next;
  });
  if (stepSizes.length === 0) out.set(u0);
  return out;
}

/** Registration of {@link explicitDiffusionCpu}. */
export const explicitDiffusionCpuConfig: KernelConfig = {
  kernelName: ExplicitDiffusion,
  backendName: 'cpu',
  kernelFunc: explicitDiffusionCpu as unknown as KernelFunc,
};
