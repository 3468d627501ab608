import * as tf from '@tensorflow/tfjs-core';

/**
 * A backend's wrapper around a training loop: runs `fn` and returns its value, with whatever the backend sets
 * up for the loop's duration (the cpu kernels reuse the arrays of disposed outputs, see
 * `kernels/cpu/output-reuse.ts`). Wrappers must nest.
 */
export type TrainingScope = <T>(fn: () => T) => T;

/** The registered wrappers, by tfjs backend name. */
const scopes = new Map<string, TrainingScope>();

/**
 * Registers the wrapper {@link withTrainingScope} runs a training loop in while `backendName` is the active
 * tfjs backend; a later registration for the same name replaces it. Backends register theirs with their
 * kernels (`register-all-kernels.ts` registers the cpu kernels' output reuse for `'cpu'`), so training code
 * imports only this hook and no backend.
 *
 * @param backendName - a tfjs backend name (`'cpu'`, `'tensorflow'`, …)
 * @param wrap - runs a loop in the backend's training scope
 */
export function registerTrainingScope(backendName: string, wrap: TrainingScope): void {
  scopes.set(backendName, wrap);
}

/**
 * Runs `fn` (a training loop) in the scope the active backend registered with {@link registerTrainingScope},
 * or as is when it registered none. Initialises the default backend first if none is active yet, so the
 * scope is the one of the backend the loop will run on.
 *
 * @param fn - code that reads no tensor's data after disposing the tensor (a backend may reuse the memory)
 */
export function withTrainingScope<T>(fn: () => T): T {
  tf.backend(); // initialises the default backend if none is active, so that getBackend() names it
  const wrap = scopes.get(tf.getBackend());
  return wrap ? wrap(fn) : fn();
}
