import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  LayerNorm,
  type LayerNormAttrs,
  LayerNormGrad,
  type LayerNormGradInputs,
  type LayerNormInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/** Mean and 1/√(σ² + ε) of row `row` (offset) of width f, in float64. */
function rowStats(x: Float32Array, row: number, f: number, epsilon: number): [number, number] {
  let sum = 0;
  for (let j = 0; j < f; j++) sum += x[row + j];
  const mean = sum / f;
  let squares = 0;
  for (let j = 0; j < f; j++) {
    const d = x[row + j] - mean;
    squares += d * d;
  }
  return [mean, 1 / Math.sqrt(squares / f + epsilon)];
}

/** `CoinLayerNorm` on cpu: two passes over each row (mean, variance) and one to write y, in float64. */
export function layerNormCpu(args: {
  inputs: LayerNormInputs;
  backend: MathBackendCPU;
  attrs: LayerNormAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = cpuData<Float32Array>(backend, inputs.x);
  const gamma = cpuData<Float32Array>(backend, inputs.gamma);
  const beta = cpuData<Float32Array>(backend, inputs.beta);
  const [numRows, f] = inputs.x.shape;
  const y = outputArray(backend, x.length);
  for (let i = 0; i < numRows; i++) {
    const row = i * f;
    const [mean, rstd] = rowStats(x, row, f, attrs.epsilon);
    for (let j = 0; j < f; j++) y[row + j] = (x[row + j] - mean) * rstd * gamma[j] + beta[j];
  }
  return outputTensorInfo(backend, inputs.x.shape, y);
}

/** `CoinLayerNormGrad` on cpu: per row, its statistics again, the two means of the formula, then dX. */
export function layerNormGradCpu(args: {
  inputs: LayerNormGradInputs;
  backend: MathBackendCPU;
  attrs: LayerNormAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const dy = cpuData<Float32Array>(backend, inputs.dy);
  const x = cpuData<Float32Array>(backend, inputs.x);
  const gamma = cpuData<Float32Array>(backend, inputs.gamma);
  const [numRows, f] = inputs.x.shape;
  const dx = outputArray(backend, x.length);
  const dGamma = new Float64Array(f);
  const dBeta = new Float64Array(f);
  for (let i = 0; i < numRows; i++) {
    const row = i * f;
    const [mean, rstd] = rowStats(x, row, f, attrs.epsilon);
    let gMean = 0;
    let gxMean = 0;
    for (let j = 0; j < f; j++) {
      const xHat = (x[row + j] - mean) * rstd;
      const g = dy[row + j] * gamma[j];
      gMean += g;
      gxMean += g * xHat;
      dGamma[j] += dy[row + j] * xHat;
      dBeta[j] += dy[row + j];
    }
    gMean /= f;
    gxMean /= f;
    for (let j = 0; j < f; j++) {
      const xHat = (x[row + j] - mean) * rstd;
      dx[row + j] = (dy[row + j] * gamma[j] - gMean - xHat * gxMean) * rstd;
    }
  }
  return [
    outputTensorInfo(backend, inputs.x.shape, dx),
    backend.makeTensorInfo([f], 'float32', Float32Array.from(dGamma)),
    backend.makeTensorInfo([f], 'float32', Float32Array.from(dBeta)),
  ];
}

/** Registration of {@link layerNormCpu}. */
export const layerNormCpuConfig: KernelConfig = {
  kernelName: LayerNorm,
  backendName: 'cpu',
  kernelFunc: layerNormCpu as unknown as KernelFunc,
};

/** Registration of {@link layerNormGradCpu}. */
export const layerNormGradCpuConfig: KernelConfig = {
  kernelName: LayerNormGrad,
  backendName: 'cpu',
  kernelFunc: layerNormGradCpu as unknown as KernelFunc,
};
