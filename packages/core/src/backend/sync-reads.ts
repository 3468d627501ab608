import * as tf from '@tensorflow/tfjs-core';

/**
 * Whether the active backend can read a tensor synchronously (`dataSync()`): all but 'webgpu' outside a
 * browser (tfjs-backend-webgpu reads synchronously through an `OffscreenCanvas`, which Node lacks; use
 * `await data()` there, as `trainAsync` does).
 */
export function readsSynchronously(): boolean {
  return !(
    tf.getBackend() === 'webgpu' &&
    typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas === 'undefined'
  );
}
