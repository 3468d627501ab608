import { BackendError, InvalidArgumentError } from '@coin-gnn/graph';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { explainLoadFailure } from './explain-load-failure.js';
import { NATIVE_PACKAGES } from './native-packages.js';
import { nativeState } from './native-state.js';
import { activateWasm } from './wasm-node.js';
import { activateWebGpu } from './webgpu-node.js';

/**
 * A backend request: `auto` (native, else WebGPU on a real GPU, else cpu), `cpu` (pure JS), `wasm`
 * (WebAssembly, XNNPACK), `webgpu` (Dawn in Node, any adapter, SwiftShader included), `webgl` (browser only)
 * or `tensorflow` (native libtensorflow).
 */
export type BackendName = 'auto' | 'cpu' | 'wasm' | 'webgpu' | 'webgl' | 'tensorflow';

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /** Receives the one-line notice when `auto` falls back to cpu (default: `console.warn`). */
  log?: (line: string) => void;
  /**
   * Native packages to try, in order (default `@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`);
   * each must register the backend 'tensorflow' when imported.
   */
  nativePackages?: readonly string[];
}

/** Every name {@link selectBackend} accepts, in the order `--backend` lists them. */
export const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'wasm', 'webgpu', 'webgl', 'tensorflow'];

/**
 * Picks and initialises the tfjs backend.
 * - `tensorflow` imports the first native package that loads (tfjs-node-gpu, then tfjs-node; optional peer
 *   dependencies, not installed by default);
 * - `webgpu` runs on WebGPU through the optional `webgpu` package (Dawn) and
 *   `@tensorflow/tfjs-backend-webgpu`, on any adapter Vulkan offers, a software one (SwiftShader, see
 *   `COIN_SWIFTSHADER_DIR`) included;
 * - `wasm` imports the optional `@tensorflow/tfjs-backend-wasm`;
 * - `webgl` needs a browser's WebGL and always throws in Node;
 * - `auto` tries native, then WebGPU on a real (hardware) adapter, then falls back to `cpu` with a one-line
 *   notice; `cpu` never tries native code.
 *
 * @param name - the request (default `auto`)
 * @param options - `log` for the fallback notice; `nativePackages` to override the packages tried
 * @returns the active backend's name
 * @throws {@link BackendError} when the backend asked for by name is unavailable, saying what is missing
 *   (the package and its `pnpm add` line; the Vulkan driver and how to install it; CUDA 11.2 / cuDNN 8.1
 *   libraries for the GPU build of tfjs-node)
 * @throws {@link InvalidArgumentError} for an unknown name
 * @example await selectBackend('auto', { log: (line) => process.stderr.write(`${line}\n`) })
 */
export async function selectBackend(
  name: BackendName = 'auto',
  options: SelectBackendOptions = {},
): Promise<string> {
  if (!BACKEND_NAMES.includes(name)) {
    throw new InvalidArgumentError('selectBackend', 'name', name, `one of ${BACKEND_NAMES.join(', ')}`);
  }
  nativeState.packageName = null;
  if (name === 'webgl') {
    throw new BackendError(
      "selectBackend: 'webgl' runs in a browser (WebGL needs a canvas); in Node use 'webgpu', 'wasm' or 'cpu'",
    );
  }
  if (name === 'wasm') {
    const problem = await activateWasm();
    if (problem !== null)
      throw new BackendError(`selectBackend: the 'wasm' backend is unavailable: ${problem}`);
    return tf.getBackend();
  }
  if (name === 'webgpu') {
    const gpu = await activateWebGpu(true);
    if (!gpu.ok) throw new BackendError(`selectBackend: the 'webgpu' backend is unavailable: ${gpu.reason}`);
    return tf.getBackend();
  }
  if (name !== 'cpu') {
    const failures: string[] = [];
    for (const packageName of options.nativePackages ?? NATIVE_PACKAGES) {
      try {
        await import(packageName);
        if (!(await tf.setBackend('tensorflow')))
          throw new Error("backend 'tensorflow' failed to initialise");
        nativeState.packageName = packageName;
        return tf.getBackend();
      } catch (error) {
        failures.push(explainLoadFailure(packageName, error));
      }
    }
    if (name === 'tensorflow') {
      throw new BackendError(
        `selectBackend: the native 'tensorflow' backend is unavailable: ${failures.join('; ')}`,
      );
    }
    const gpu = await activateWebGpu(false);
    if (gpu.ok) return tf.getBackend();
    failures.push(`webgpu: ${gpu.reason}`);
    (options.log ?? console.warn)(`coin-gnn: using the pure-JS cpu backend (${failures.join('; ')})`);
  }
  // tfjs-backend-cpu prints a banner on first use in Node ("Hi, looks like you are running TensorFlow.js in
  // Node.js…") unless PROD is set; the cpu backend is picked on purpose here (`auto` already said why).
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  return tf.getBackend();
}
