import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { Identity, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';

/**
 * tfjs's `Identity` (what `tf.clone` and the gradient tape's saved copies run) for the 'wasm' backend,
 * sharing the input's memory as the cpu and webgpu backends do (one more reference, no copy), where
 * tfjs-backend-wasm's own kernel copies it into a new buffer. Besides the copy saved, a saved index tensor
 * keeps its identity, so the gradients find its host values (`hostValues`) without reading the heap.
 * Replaces the package's kernel when the backend is activated (`activateWasm`).
 */
export const identityWasmConfig: KernelConfig = {
  kernelName: Identity,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const x = inputs.x as TensorInfo;
    if (x.dtype === 'string') throw new Error('coin-gnn: the wasm Identity kernel takes no string tensor');
    (backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  },
};
