import * as tf from '@tensorflow/tfjs-core';

/** Host↔device transfers counted on the active backend since it was first observed. */
export interface HostTransfers {
  /** Reads of a tensor's values to the host (`dataSync`, `data`, `array`…: the backend's `read` / `readSync`). */
  readonly reads: number;
  /** Tensors made from host values (`tf.tensor`…: the backend's `write`). */
  readonly writes: number;
}

type Counted = { reads: number; writes: number };
const counters = new WeakMap<tf.KernelBackend, Counted>();

/**
 * The transfer counts of the active backend: tfjs has no counter of its own, so on first call for a
 * backend instance its `read`, `readSync` and `write` methods are wrapped to count calls (the wrapped
 * methods behave as before). Take two snapshots and subtract to count the transfers of a piece of work.
 * On the cpu backend a "transfer" is a copy within host memory; on 'webgpu' or 'wasm' it crosses to the
 * device or the WebAssembly heap.
 */
export function hostTransfers(): HostTransfers {
  const backend = tf.backend();
  let counted = counters.get(backend);
  if (counted === undefined) {
    const c: Counted = { reads: 0, writes: 0 };
    counted = c;
    counters.set(backend, c);
    const b = backend as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const [method, key] of [
      ['read', 'reads'],
      ['readSync', 'reads'],
      ['write', 'writes'],
    ] as const) {
      const original = b[method];
      if (typeof original !== 'function') continue;
      b[method] = function (this: unknown, ...args: unknown[]) {
        c[key] += 1;
        return original.apply(this, args);
      };
    }
  }
  return { reads: counted.reads, writes: counted.writes };
}
