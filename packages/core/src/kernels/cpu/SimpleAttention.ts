import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SimpleAttention,
  SimpleAttentionGrad,
  type SimpleAttentionGradInputs,
  type SimpleAttentionInputs,
} from '../../kernel-names.js';
import { simdDenseMatMul } from '../wasm/mat-mul.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/** 1/‖x‖_F, the sum of squares in float64. */
function inverseNorm(x: Float32Array): number {
  let squares = 0;
  for (let i = 0; i < x.length; i++) squares += x[i] * x[i];
  return 1 / Math.sqrt(squares);
}

/** `scale` times the column sums 1ᵀX of a rows × cols row-major matrix, summed in float64. */
function columnSums(x: Float32Array, rows: number, cols: number, scale = 1): Float64Array {
  const sums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sums[j] += x[i * cols + j];
  for (let j = 0; j < cols; j++) sums[j] *= scale;
  return sums;
}

/** The transpose of a rows × cols row-major matrix. */
function transposed(x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j];
  return out;
}

/** The parts of the forward pass that the gradient reuses (names as at `simpleAttention`). */
interface AttentionParts {
  /** 1/‖Q‖_F and 1/‖K‖_F. */
  readonly qScale: number;
  readonly kScale: number;
  /** S = K̃ᵀV, M × D. */
  readonly keyValues: Float32Array;
  /** s = K̃ᵀ1, M entries. */
  readonly keySums: Float64Array;
  /** Y, N × D. */
  readonly y: Float32Array;
  /** The denominators N + q̃_i·s, N entries. */
  readonly denominators: Float64Array;
}

/** Y = (1ᵀV + Q̃S)/(N + Q̃s) row by row, with the two products in the SIMD module; Y into `target`. */
function attentionParts(
  q: Float32Array,
  k: Float32Array,
  v: Float32Array,
  [n, m, d]: [number, number, number],
  target: Float32Array,
): AttentionParts {
  const qScale = inverseNorm(q);
  const kScale = inverseNorm(k);
  const keyValues = simdDenseMatMul(k, n, m, v, d, true);
  for (let j = 0; j < keyValues.length; j++) keyValues[j] *= kScale;
  const keySums = columnSums(k, n, m, kScale);
  const valueSums = columnSums(v, n, d);
  const y = simdDenseMatMul(q, n, m, keyValues, d, false, target);
  const denominators = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < m; j++) dot += q[i * m + j] * keySums[j];
    const denominator = n + qScale * dot;
    denominators[i] = denominator;
    for (let j = 0; j < d; j++) y[i * d + j] = (valueSums[j] + qScale * y[i * d + j]) / denominator;
  }
  return { qScale, kScale, keyValues, keySums, y, denominators };
}

/** dX = (dX̃ − X̃⟨X̃, dX̃⟩_F)/‖X‖_F with X̃ = X·scale, scale = 1/‖X‖_F, in place on dX̃. */
function throughNormalisation(x: Float32Array, dxTilde: Float32Array, scale: number): Float32Array {
  let dot = 0;
  for (let i = 0; i < x.length; i++) dot += x[i] * dxTilde[i];
  const along = scale * scale * dot;
  for (let i = 0; i < x.length; i++) dxTilde[i] = scale * (dxTilde[i] - along * x[i]);
  return dxTilde;
}

/** `CoinSimpleAttention` on cpu: two N × M × D products in the SIMD module, the rest row by row. */
export function simpleAttentionCpu(args: {
  inputs: SimpleAttentionInputs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, backend } = args;
  const [n, m] = inputs.q.shape;
  const d = inputs.v.shape[1];
  const q = cpuData<Float32Array>(backend, inputs.q);
  const k = cpuData<Float32Array>(backend, inputs.k);
  const v = cpuData<Float32Array>(backend, inputs.v);
  const { y } = attentionParts(q, k, v, [n, m, d], outputArray(backend, n * d));
  return outputTensorInfo(backend, [n, d], y);
}

/**
 * `CoinSimpleAttentionGrad` on cpu: the forward pass again (Y, S, s, the denominators), then the formulas of
 * `simpleAttention` with four N × M × D products in the SIMD module.
 */
export function simpleAttentionGradCpu(args: {
  inputs: SimpleAttentionGradInputs;
  backend: MathBackendCPU;
}): TensorInfo[] {
  const { inputs, backend } = args;
  const [n, m] = inputs.q.shape;
  const d = inputs.v.shape[1];
  const dy = cpuData<Float32Array>(backend, inputs.dy);
  const q = cpuData<Float32Array>(backend, inputs.q);
  const k = cpuData<Float32Array>(backend, inputs.k);
  const v = cpuData<Float32Array>(backend, inputs.v);
  const parts = attentionParts(q, k, v, [n, m, d], new Float32Array(n * d));
  const { qScale, kScale, keyValues, keySums, y, denominators } = parts;
  // Ĝ_i = G_i/d_i and e_i = −(G_i·Y_i)/d_i.
  const gHat = new Float32Array(n * d);
  const e = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < d; j++) {
      dot += dy[i * d + j] * y[i * d + j];
      gHat[i * d + j] = dy[i * d + j] / denominators[i];
    }
    e[i] = -dot / denominators[i];
  }
  // dQ̃ = Ĝ Sᵀ + e sᵀ.
  const dq = simdDenseMatMul(gHat, n, d, transposed(keyValues, m, d), m, false, outputArray(backend, n * m));
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) dq[i * m + j] += e[i] * keySums[j];
  // T = Q̃ᵀĜ (M × D) and u = Q̃ᵀe (M).
  const t = simdDenseMatMul(q, n, m, gHat, d, true);
  for (let j = 0; j < t.length; j++) t[j] *= qScale;
  const u = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) u[j] += q[i * m + j] * e[i];
  // dK̃ = V Tᵀ + 1 uᵀ.
  const dk = simdDenseMatMul(v, n, d, transposed(t, m, d), m, false, outputArray(backend, n * m));
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) dk[i * m + j] += qScale * u[j];
  // dV = K̃ T + 1 (1ᵀĜ).
  const dv = simdDenseMatMul(k, n, m, t, d, false, outputArray(backend, n * d));
  const gHatSums = columnSums(gHat, n, d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) dv[i * d + j] = kScale * dv[i * d + j] + gHatSums[j];
  return [
    outputTensorInfo(backend, [n, m], throughNormalisation(q, dq, qScale)),
    outputTensorInfo(backend, [n, m], throughNormalisation(k, dk, kScale)),
    outputTensorInfo(backend, [n, d], dv),
  ];
}

/** Registration of {@link simpleAttentionCpu}. */
export const simpleAttentionCpuConfig: KernelConfig = {
  kernelName: SimpleAttention,
  backendName: 'cpu',
  kernelFunc: simpleAttentionCpu as unknown as KernelFunc,
};

/** Registration of {@link simpleAttentionGradCpu}. */
export const simpleAttentionGradCpuConfig: KernelConfig = {
  kernelName: SimpleAttentionGrad,
  backendName: 'cpu',
  kernelFunc: simpleAttentionGradCpu as unknown as KernelFunc,
};
