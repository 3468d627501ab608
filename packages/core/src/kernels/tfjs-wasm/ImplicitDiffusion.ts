import { implicitDiffusionImpl } from '@coin-gnn/graph';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ImplicitDiffusion,
  type ImplicitDiffusionAttrs,
  type ImplicitDiffusionInputs,
} from '../../kernel-names.js';
import { heapArray } from './heap-arrays.js';

/**
 * `CoinImplicitDiffusion` on 'wasm': the cpu kernel's block conjugate-gradient solver (the graph package's
 * `implicitDiffusionImpl`, stopping at convergence) on the heap's arrays; u⁽ᴷ⁾ and the (2, K) statistics
 * (iterations, relative residuals) are copied into the outputs. The composed kernel runs about fifteen tfjs
 * kernels per iteration, each a call into the module, for the iteration budget.
 */
export function implicitDiffusionWasm(args: {
  inputs: ImplicitDiffusionInputs;
  attrs: ImplicitDiffusionAttrs;
  backend: BackendWasm;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, sigma2, numSteps, tol, maxIter, transposeL } = attrs;
  const numCols = inputs.u.shape[1];
  const u = backend.makeOutput([numRows, numCols], 'float32');
  const stats = backend.makeOutput([2, numSteps], 'float32');
  const result = implicitDiffusionImpl(
    heapArray<Int32Array>(backend, inputs.indptr),
    heapArray<Int32Array>(backend, inputs.indices),
    heapArray<Float32Array>(backend, inputs.values),
    numRows,
    heapArray<Float32Array>(backend, inputs.u),
    numCols,
    sigma2,
    numSteps,
    { tol, maxIter, transpose: transposeL },
  );
  heapArray<Float32Array>(backend, u).set(result.u);
  const statsArray = heapArray<Float32Array>(backend, stats);
  statsArray.set(result.iterations, 0);
  statsArray.set(result.relativeResiduals, numSteps);
  return [u, stats];
}

/** Registration of {@link implicitDiffusionWasm}. */
export const implicitDiffusionWasmConfig: KernelConfig = {
  kernelName: ImplicitDiffusion,
  backendName: 'wasm',
  kernelFunc: implicitDiffusionWasm as unknown as KernelFunc,
};
