import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { MatMul2d, type MatMul2dAttrs, type MatMul2dInputs } from '../../kernel-names.js';
import { simdDenseMatMul } from '../wasm/mat-mul.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/**
 * `CoinMatMul2d` on cpu: {@link simdDenseMatMul}, C = A·op(B) or Aᵀ·op(B), which streams rows of op(B)
 * and skips zero entries of A (relu outputs are about half zeros); op(B) = Bᵀ is transposed first (an
 * O(size of B) copy). C goes to {@link outputArray}.
 */
export function matMul2dCpu(args: {
  inputs: MatMul2dInputs;
  attrs: MatMul2dAttrs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, attrs, backend } = args;
  const { transposeA, transposeB } = attrs;
  const a = cpuData<Float32Array>(backend, inputs.a);
  const b = cpuData<Float32Array>(backend, inputs.b);
  const [aRows, aCols] = inputs.a.shape;
  const [bRows, bCols] = inputs.b.shape;
  const rowMajorB = transposeB ? transpose(b, bRows, bCols) : b;
  const n = transposeB ? bRows : bCols;
  const cRows = transposeA ? aCols : aRows;
  const c = simdDenseMatMul(a, aRows, aCols, rowMajorB, n, transposeA, outputArray(backend, cRows * n));
  return outputTensorInfo(backend, [cRows, n], c);
}

function transpose(x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j];
  return out;
}

/** Registration of {@link matMul2dCpu}. */
export const matMul2dCpuConfig: KernelConfig = {
  kernelName: MatMul2d,
  backendName: 'cpu',
  kernelFunc: matMul2dCpu as unknown as KernelFunc,
};
