import { BackendError, InvalidArgumentError } from '@coin-gnn/graph';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { explainLoadFailure } from './explain-load-failure.js';
import { NATIVE_PACKAGES } from './native-packages.js';
import { nativeState } from './native-state.js';

/** A backend request: `auto` (native if it loads, else cpu), `cpu` (pure JS) or `tensorflow` (native). */
export type BackendName = 'auto' | 'cpu' | 'tensorflow';

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

const BACKEND_NAMES: readonly BackendName[] = ['auto', 'cpu', 'tensorflow'];

/**
 * Picks and initialises the tfjs backend. `tensorflow` imports the first native package that loads
 * (tfjs-node-gpu, then tfjs-node; optional peer dependencies, not installed by default); `auto` does the same
 * and falls back to the pure-JS `cpu` backend with a one-line notice; `cpu` never tries native code.
 *
 * @param name - the request (default `auto`)
 * @param options - `log` for the fallback notice; `nativePackages` to override the packages tried
 * @returns the active backend's name, `'tensorflow'` or `'cpu'`
 * @throws {@link BackendError} for `tensorflow` when no native package loads, saying for each package what is
 *   missing (not installed: the `pnpm add` line; CUDA 11.2 / cuDNN 8.1 libraries missing for the GPU build)
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
    (options.log ?? console.warn)(`coin-gnn: using the pure-JS cpu backend (${failures.join('; ')})`);
  }
  // tfjs-backend-cpu prints a banner on first use in Node ("Hi, looks like you are running TensorFlow.js in
  // Node.js…") unless PROD is set; the cpu backend is picked on purpose here (`auto` already said why).
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  nativeState.packageName = null;
  return tf.getBackend();
}
