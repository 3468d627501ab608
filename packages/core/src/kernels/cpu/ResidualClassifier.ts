import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  ResidualClassifier,
  ResidualClassifierGrad,
  type ResidualClassifierGradInputs,
  type ResidualClassifierInputs,
  type SparseResidualLinearAttrs,
} from '../../kernel-names.js';
import {
  holdResident,
  simdResidualClassifierBackward,
  simdResidualClassifierForward,
} from '../wasm/residual-classifier.js';
import { cpuCsr, cpuData } from './cpu-data.js';
import { outputArray, outputsReused, outputTensorInfo } from './output-reuse.js';

/**
 * A tensor of `values` on the cpu backend: inside a scope of reused outputs a view into the block's
 * WebAssembly memory, held there while the tensor lives ({@link holdResident}) and never handed out by
 * `outputArray`; outside it an array of its own.
 */
function blockOutput(backend: MathBackendCPU, shape: number[], values: Float32Array): TensorInfo {
  const info = backend.makeTensorInfo(shape, 'float32', values);
  if (outputsReused()) holdResident(values, () => backend.data.has(info.dataId));
  return info;
}

/**
 * `CoinResidualClassifier` on cpu: H = X + max(X W₁ + b₁, 0), then Z = H W₂ + b₂
 * ({@link simdResidualClassifierForward}); outputs [Z, H], Z in a reused output array, H where the kernel
 * left it in its memory when outputs are reused ({@link outputsReused}), else in an array of its own.
 */
export function residualClassifierCpu(args: {
  inputs: ResidualClassifierInputs;
  attrs: SparseResidualLinearAttrs;
  backend: MathBackendCPU;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const x = cpuCsr(backend, inputs, numRows);
  const w1 = cpuData<Float32Array>(backend, inputs.w1);
  const b1 = cpuData<Float32Array>(backend, inputs.b1);
  const w2 = cpuData<Float32Array>(backend, inputs.w2);
  const b2 = cpuData<Float32Array>(backend, inputs.b2);
  const classes = inputs.w2.shape[1];
  const z = outputArray(backend, numRows * classes);
  const hTarget = outputsReused() ? undefined : new Float32Array(numRows * numCols);
  const h = simdResidualClassifierForward(x, w1, b1, w2, b2, numCols, classes, z, hTarget);
  return [outputTensorInfo(backend, [numRows, classes], z), blockOutput(backend, [numRows, numCols], h)];
}

/**
 * `CoinResidualClassifierGrad` on cpu: dW₁, db₁ and dW₂ by {@link simdResidualClassifierBackward} (dR formed
 * in the module's memory, never a tensor); dW₁ where the kernel left it when outputs are reused (as H in
 * {@link residualClassifierCpu}), else in an array of its own.
 */
export function residualClassifierGradCpu(args: {
  inputs: ResidualClassifierGradInputs;
  attrs: SparseResidualLinearAttrs;
  backend: MathBackendCPU;
}): TensorInfo[] {
  const { inputs, attrs, backend } = args;
  const { numRows, numCols } = attrs;
  const x = cpuCsr(backend, inputs, numRows);
  const classes = inputs.w2.shape[1];
  const { dw1, db1, dw2 } = simdResidualClassifierBackward(
    x,
    cpuData<Float32Array>(backend, inputs.h),
    cpuData<Float32Array>(backend, inputs.w2),
    cpuData<Float32Array>(backend, inputs.dz),
    numCols,
    classes,
    outputsReused() ? undefined : new Float32Array(numCols * numCols),
  );
  return [
    blockOutput(backend, [numCols, numCols], dw1),
    backend.makeTensorInfo([numCols], 'float32', db1),
    backend.makeTensorInfo([numCols, classes], 'float32', dw2),
  ];
}

/** Registration of {@link residualClassifierCpu}. */
export const residualClassifierCpuConfig: KernelConfig = {
  kernelName: ResidualClassifier,
  backendName: 'cpu',
  kernelFunc: residualClassifierCpu as unknown as KernelFunc,
};

/** Registration of {@link residualClassifierGradCpu}. */
export const residualClassifierGradCpuConfig: KernelConfig = {
  kernelName: ResidualClassifierGrad,
  backendName: 'cpu',
  kernelFunc: residualClassifierGradCpu as unknown as KernelFunc,
};
