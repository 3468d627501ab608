import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * The typed array behind a tensor on the cpu backend, read in place (no copy), as tfjs-backend-cpu kernels
 * do with `backend.data.get(dataId).values`.
 */
export function cpuData<T extends Float32Array | Int32Array>(backend: KernelBackend, t: TensorInfo): T {
  return (backend as MathBackendCPU).data.get(t.dataId).values as T;
}
