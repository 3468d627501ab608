import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ExplicitDiffusion,
  type ExplicitDiffusionAttrs,
  type ExplicitDiffusionInputs,
} from '../../kernel-names.js';
import { simdExplicitDiffusion } from '../wasm/diffusion.js';
import { heapArray } from './heap-arrays.js';

/**
 * `CoinExplicitDiffusion` on 'wasm': all K steps u ← u − τ_k op(L) u in one call of the cpu kernel's SIMD
 * module ({@link simdExplicitDiffusion}) on the heap's arrays, into the output's (the composed kernel runs
 * three tfjs kernels per step).
 */
export function explicitDiffusionWasm(args: {
  inputs: ExplicitDiffusionInputs;
  attrs: ExplicitDiffusionAttrs;
  backend: BackendWasm;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { numRows, stepSizes, transposeL } = attrs;
  const numCols = inputs.u.shape[1];
  const out = backend.makeOutput([numRows, numCols], 'float32');
  simdExplicitDiffusion(
    {
      indptr: heapArray<Int32Array>(backend, inputs.indptr),
      indices: heapArray<Int32Array>(backend, inputs.indices),
      values: heapArray<Float32Array>(backend, inputs.values),
      numRows,
    },
    heapArray<Float32Array>(backend, inputs.u),
    numCols,
    stepSizes,
    transposeL,
    heapArray<Float32Array>(backend, out),
  );
  return out;
}

/** Registration of {@link explicitDiffusionWasm}. */
export const explicitDiffusionWasmConfig: KernelConfig = {
  kernelName: ExplicitDiffusion,
  backendName: 'wasm',
  kernelFunc: explicitDiffusionWasm as unknown as KernelFunc,
};
