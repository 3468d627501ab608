import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';

/**
 * The typed array of a tensor in the 'wasm' backend's heap, read in place (a view, no copy). A view dies when
 * the heap grows, which making an output may do: a kernel takes its views after `makeOutput`.
 */
export function heapArray<T extends Float32Array | Int32Array>(backend: BackendWasm, t: TensorInfo): T {
  return backend.typedArrayFromHeap(t) as T;
}
