import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  SoftmaxCrossEntropy,
  SoftmaxCrossEntropyGrad,
  type SoftmaxCrossEntropyGradInputs,
  type SoftmaxCrossEntropyInputs,
} from '../../kernel-names.js';
import { cpuData } from './cpu-data.js';

/**
 * log softmax of row `row` of z (numCols entries) into `out`, with tfjs' cpu roundings: the maximum (NaN
 * wins), s_c = fround(z_c − max), the sum of fround(e^{s_c}) accumulated in float64 and rounded, then
 * out_c = fround(s_c − fround(log sum)).
 */
function logSoftmaxRow(z: Float32Array, row: number, numCols: number, out: Float32Array): void {
  const offset = row * numCols;
  let max = z[offset];
  for (let c = 0; c < numCols; c++) {
    const v = z[offset + c];
    if (Number.isNaN(v) || v > max) max = v;
  }
  let sum = 0;
  for (let c = 0; c < numCols; c++) {
    out[c] = z[offset + c] - max;
    sum += Math.fround(Math.exp(out[c]));
  }
  const logSum = Math.fround(Math.log(Math.fround(sum)));
  for (let c = 0; c < numCols; c++) out[c] -= logSum;
}

/** The typed arrays of a {@link SoftmaxCrossEntropy} call and the sizes. */
function operands(backend: MathBackendCPU, inputs: SoftmaxCrossEntropyInputs) {
  return {
    z: cpuData<Float32Array>(backend, inputs.logits),
    rows: cpuData<Int32Array>(backend, inputs.rows),
    targets: cpuData<Float32Array>(backend, inputs.targets),
    numCols: inputs.logits.shape[1],
  };
}

/**
 * `CoinSoftmaxCrossEntropy` on cpu: per row r, log p = log softmax(Z_{rows_r}) ({@link logSoftmaxRow}); then
 * ℓ = −fround(fround(Σ fround(log p_{rc} T_{rc})) / m), the products summed row-major in float64, as
 * `neg(div(sum(mul(logSoftmax(gather(Z)), T)), m))` rounds.
 */
export function softmaxCrossEntropyCpu(args: {
  inputs: SoftmaxCrossEntropyInputs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { z, rows, targets, numCols } = operands(args.backend, args.inputs);
  const logP = new Float32Array(numCols);
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    logSoftmaxRow(z, rows[r], numCols, logP);
    for (let c = 0; c < numCols; c++) total += Math.fround(logP[c] * targets[r * numCols + c]);
  }
  const loss = -Math.fround(Math.fround(total) / rows.length);
  return args.backend.makeTensorInfo([], 'float32', Float32Array.of(loss));
}

/**
 * `CoinSoftmaxCrossEntropyGrad` on cpu: with g = fround(−dy/m) and per row d_c = fround(g T_{rc}),
 * s = fround(Σ_c d_c) (float64 sum), dZ_{rows_r,c} += fround(d_c − fround(s · fround(e^{log p_c}))): the
 * roundings of the gradients of `neg`, `div`, `sum`, `mul`, `logSoftmax` and the row scatter in tfjs.
 */
export function softmaxCrossEntropyGradCpu(args: {
  inputs: SoftmaxCrossEntropyGradInputs;
  backend: MathBackendCPU;
}): TensorInfo {
  const { inputs, backend } = args;
  const { z, rows, targets, numCols } = operands(backend, inputs);
  const dy = cpuData<Float32Array>(backend, inputs.dy)[0];
  const g = Math.fround(-dy / rows.length);
  const dz = new Float32Array(z.length);
  const logP = new Float32Array(numCols);
  const d = new Float32Array(numCols);
  for (let r = 0; r < rows.length; r++) {
    logSoftmaxRow(z, rows[r], numCols, logP);
    let s = 0;
    for (let c = 0; c < numCols; c++) {
      d[c] = g * targets[r * numCols + c];
      s += d[c];
    }
    const sum = Math.fround(s);
    const offset = rows[r] * numCols;
    for (let c = 0; c < numCols; c++) {
      dz[offset + c] += Math.fround(d[c] - Math.fround(sum * Math.fround(Math.exp(logP[c]))));
    }
  }
  return backend.makeTensorInfo(inputs.logits.shape, 'float32', dz);
}

/** Registration of {@link softmaxCrossEntropyCpu}. */
export const softmaxCrossEntropyCpuConfig: KernelConfig = {
  kernelName: SoftmaxCrossEntropy,
  backendName: 'cpu',
  kernelFunc: softmaxCrossEntropyCpu as unknown as KernelFunc,
};

/** Registration of {@link softmaxCrossEntropyGradCpu}. */
export const softmaxCrossEntropyGradCpuConfig: KernelConfig = {
  kernelName: SoftmaxCrossEntropyGrad,
  backendName: 'cpu',
  kernelFunc: softmaxCrossEntropyGradCpu as unknown as KernelFunc,
};
