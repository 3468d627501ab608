import { implicitDiffusionImpl } from '@coin-gnn/graph';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ImplicitDiffusion,
  type ImplicitDiffusionAttrs,
  type ImplicitDiffusionInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * `CoinImplicitDiffusion` on cpu: the graph package's block conjugate-gradient solver
 * (`implicitDiffusionImpl`) on the tensors' own arrays. Returns u⁽ᴷ⁾ and the (2, K) statistics
 * (iterations, relative residuals).
 */
export function implicitDiffusionCpu(args: {
  inputs: ImplicitDiffusionInputs;
  attrs: ImplicitDiffusionAttrs;
  backend: MathBackendCPU;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, sigma2, numSteps, tol, maxIter, transposeL } = attrs;
  const numCols = inputs.u.shape[1];
  const result = implicitDiffusionImpl(
    cpuData<Int32Array>(backend, inputs.indptr),
    cpuData<Int32Array>(backend, inputs.indices),
    cpuData<Float32Array>(backend, inputs.values),
    numRows,
    cpuData<Float32Array>(backend, inputs.u),
    numCols,
    sigma2,
    numSteps,
    { tol, maxIter, transpose: transposeL },
  );
  const stats = new Float32Array(2 * numSteps);
  stats.set(result.iterations, 0);
  stats.set(result.relativeResiduals, numSteps);
  return [
    backend.makeTensorInfo([numRows, numCols], 'float32', result.u),
    backend.makeTensorInfo([2, numSteps], 'float32', stats),
  ];
}

/** Registration of {@link implicitDiffusionCpu}. */
export const implicitDiffusionCpuConfig: KernelConfig = {
  kernelName: ImplicitDiffusion,
  backendName: 'cpu',
  kernelFunc: implicitDiffusionCpu as unknown as KernelFunc,
};
