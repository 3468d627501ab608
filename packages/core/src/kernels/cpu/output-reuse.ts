import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { DataId, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * Reuse of large kernel outputs on the cpu backend while a training loop runs. Each epoch of COIN on Cora
 * makes about 36 MB of short-lived outputs (H, ∂ℓ/∂H, ∂ℓ/∂W₁) that V8 frees only at a full collection,
 * which it starts once some 64 MB of them wait: the resident set would swing by that much. Inside
 * {@link withReusedOutputs}, a kernel asking {@link outputArray} for n floats instead gets the array of an
 * earlier output of n floats whose tensor has been disposed since (its data left the backend), so a steady
 * loop allocates nothing large after its first epoch.
 *
 * Outside the scope every output is a new array: the cpu backend's `dataSync()` returns the tensor's own
 * array, which a caller may keep past `dispose()`, and reuse would overwrite it. The training loop reads
 * no tensor's data after disposing it.
 */

/** Smallest output (entries) worth reusing; smaller ones are cheap to allocate and to collect. */
const MIN_REUSED = 1 << 16;

/** Outputs of at least {@link MIN_REUSED} entries made in the scope, by size. */
const issued = new Map<number, { values: Float32Array; dataId: DataId; backend: MathBackendCPU }[]>();
let depth = 0;

/**
 * Runs `fn` with kernel outputs reused (see above); scopes nest, and the outermost one forgets the arrays
 * when it ends.
 * @param fn - code that reads no tensor's data after disposing the tensor
 */
export function withReusedOutputs<T>(fn: () => T): T {
  depth += 1;
  try {
    return fn();
  } finally {
    depth -= 1;
    if (depth === 0) issued.clear();
  }
}

/**
 * Whether kernel outputs are reused now (inside {@link withReusedOutputs}): then a kernel may also hand out
 * a view into a WebAssembly memory of its own as an output, overwritten once the tensor is disposed.
 */
export function outputsReused(): boolean {
  return depth > 0;
}

/**
 * A float32 array of `size` entries for a kernel's output, to be overwritten entirely: in a
 * {@link withReusedOutputs} scope one of an earlier, since disposed output of that size if any, else new.
 */
export function outputArray(backend: MathBackendCPU, size: number): Float32Array {
  const candidates = issued.get(size);
  const k = candidates?.findIndex((e) => e.backend === backend && !backend.data.has(e.dataId)) ?? -1;
  return k < 0 ? new Float32Array(size) : candidates!.splice(k, 1)[0].values;
}

/** `backend.makeTensorInfo` for a float32 output, which {@link outputArray} may hand out again once disposed. */
export function outputTensorInfo(backend: MathBackendCPU, shape: number[], values: Float32Array): TensorInfo {
  const info = backend.makeTensorInfo(shape, 'float32', values);
  if (depth > 0 && values.length >= MIN_REUSED) {
    const entry = { values, dataId: info.dataId, backend };
    const list = issued.get(values.length);
    if (list) list.push(entry);
    else issued.set(values.length, [entry]);
  }
  return info;
}
