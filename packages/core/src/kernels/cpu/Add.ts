import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { Add, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { cpuData } from './cpu-data.js';
import { outputArray, outputTensorInfo } from './output-reuse.js';

/** Whether two shapes are equal. */
const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * tfjs's `Add` on cpu with a loop of its own for two float32 tensors of one shape, Y = A + B entry by entry
 * (the same float32 sums), where tfjs-backend-cpu's generic binary kernel takes some 30 ns an entry: the
 * gradient tape sums the gradients of a tensor with several consumers with `Add` (a quarter of a DIFFormer
 * epoch, whose layer input feeds five ops). Every other case (broadcasting, int32, complex) runs `fallback`,
 * the backend's own kernel, which this one replaces in the registry.
 * @param fallback - tfjs-backend-cpu's `Add` kernel
 */
export function sameShapeAddCpuConfig(fallback: KernelFunc): KernelConfig {
  const kernelFunc = (args: {
    inputs: { a: TensorInfo; b: TensorInfo };
    backend: MathBackendCPU;
  }): TensorInfo | TensorInfo[] => {
    const { inputs, backend } = args;
    const { a, b } = inputs;
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || !sameShape(a.shape, b.shape)) {
      return fallback(args as unknown as Parameters<KernelFunc>[0]);
    }
    const x = cpuData<Float32Array>(backend, a);
    const y = cpuData<Float32Array>(backend, b);
    const out = outputArray(backend, x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i] + y[i];
    return outputTensorInfo(backend, a.shape, out);
  };
  return { kernelName: Add, backendName: 'cpu', kernelFunc: kernelFunc as unknown as KernelFunc };
}
