import * as tf from '@tensorflow/tfjs-core';
import { nativeState } from './native-state.js';
import { type GpuAdapterDescription, webGpuAdapter } from './webgpu-node.js';

/** What {@link describeBackend} reports. */
export interface BackendDescription {
  /** Active tfjs backend, e.g. 'cpu' or 'tensorflow'. */
  backend: string;
  /** The native package behind 'tensorflow' (tfjs-node-gpu or tfjs-node), null otherwise. */
  nativePackage: string | null;
  /** The WebGPU adapter behind 'webgpu' (name, whether software), null otherwise. */
  adapter: GpuAdapterDescription | null;
  /** @tensorflow/tfjs-core version. */
  tfjsVersion: string;
  /** One line for reports, e.g. `cpu (pure JS, tfjs 4.22.0)`. */
  summary: string;
}

/** How reports name the non-native backends. */
const KINDS: Record<string, string> = { cpu: 'pure JS', wasm: 'WebAssembly' };

/** Describes the active backend for run reports and `coin doctor`. */
export function describeBackend(): BackendDescription {
  const backend = tf.getBackend();
  const nativePackage = backend === 'tensorflow' ? nativeState.packageName : null;
  const tfjsVersion = tf.version_core;
  const adapter = backend === 'webgpu' ? webGpuAdapter() : null;
  const kind =
    adapter !== null
      ? `${adapter.software ? 'software GPU ' : ''}${adapter.name}`
      : (KINDS[backend] ?? nativePackage ?? 'native');
  return {
    backend,
    nativePackage,
    adapter,
    tfjsVersion,
    summary: `${backend} (${kind}, tfjs ${tfjsVersion})`,
  };
}
