import * as tf from '@tensorflow/tfjs-core';
import { identityWasmConfig } from '../kernels/tfjs-wasm/Identity.js';
import { explainLoadFailure } from './explain-load-failure.js';

/** The tfjs WebAssembly backend (XNNPACK), an optional dependency of @coin-gnn/core. */
export const TFJS_WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';

/**
 * Imports `@tensorflow/tfjs-backend-wasm` and activates its backend `'wasm'` (its .wasm binaries are read
 * from the package folder in Node), with our `Identity` kernel ({@link identityWasmConfig}) in place of its own.
 * @returns null on success, else what is missing and the fix
 */
export async function activateWasm(): Promise<string | null> {
  try {
    await import(TFJS_WASM_PACKAGE);
  } catch (error) {
    return explainLoadFailure(TFJS_WASM_PACKAGE, error);
  }
  // the package registered its kernels on import: replace its copying Identity by one sharing memory
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel(identityWasmConfig);
  try {
    if (!(await tf.setBackend('wasm'))) return `tfjs backend 'wasm' failed to initialise`;
  } catch (error) {
    return `tfjs backend 'wasm' failed to initialise: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}
