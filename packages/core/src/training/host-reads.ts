import type * as tf from '@tensorflow/tfjs-core';

/**
 * A computation that reads tensors back to the host, written once for both ways of reading: it yields each
 * tensor whose values it needs and receives them. {@link readSync} drives it with `dataSync()` (cpu, wasm,
 * tfjs-node), {@link readAsync} with `await data()` (WebGPU, where a synchronous read is unavailable in Node
 * and stalls the GPU queue in a browser). The computation owns the yielded tensors (it frees them).
 */
export type HostReads<T> = Generator<tf.Tensor, T, tf.backend_util.TypedArray>;

/** Runs `reads`, reading each tensor it yields with `dataSync()`; returns its result. */
export function readSync<T>(reads: HostReads<T>): T {
  let step = reads.next();
  while (!step.done) step = reads.next(step.value.dataSync());
  return step.value;
}

/** Runs `reads`, reading each tensor it yields with `await data()`; resolves to its result. */
export async function readAsync<T>(reads: HostReads<T>): Promise<T> {
  let step = reads.next();
  while (!step.done) step = reads.next(await step.value.data());
  return step.value;
}
