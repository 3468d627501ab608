import * as tf from '@tensorflow/tfjs-core';

/** Host↔device transfers counted since the process started observing them (first {@link hostTransfers} call). */
export interface HostTransfers {
  /** Reads of a tensor's values by the caller (`dataSync`, `data`, `array`…: the engine's `read` / `readSync`). */
  readonly reads: number;
  /** Tensors made from host values (`tf.tensor`…: the active backend's `write` with values). */
  readonly writes: number;
}

const counted = { reads: 0, writes: 0 };
const observed = new WeakSet<object>();

/**
 * Counts of host↔device transfers: tfjs has no counter of its own, so the engine's `read` and `readSync`
 * (what `dataSync()` / `data()` call; a backend's own internal reads, such as the wasm `gather` reading its
 * indices inside its heap, are not counted) and the active backend's `write` are wrapped, once, to count
 * calls; the wrapped methods behave as before. Take two snapshots and subtract to count a piece of work. On
 * the cpu backend a "transfer" is a copy within host memory; on 'webgpu' it crosses to the GPU; on 'wasm',
 * into or out of the WebAssembly heap.
 */
export function hostTransfers(): HostTransfers {
  countCalls(tf.engine(), ['read', 'readSync'], 'reads');
  countCalls(tf.backend(), ['write'], 'writes');
  return { ...counted };
}

/** Wraps `methods` of `target` (once per object) to add 1 to `counted[key]` per call. */
function countCalls(target: object, methods: readonly string[], key: keyof typeof counted): void {
  if (observed.has(target)) return;
  observed.add(target);
  const t = target as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = t[method];
    t[method] = function (this: unknown, ...args: unknown[]) {
      // a backend's `write(null, …)` allocates an output (wasm's makeOutput): no values cross
      if (key === 'reads' || args[0] != null) counted[key] += 1;
      return original.apply(this, args);
    };
  }
}
