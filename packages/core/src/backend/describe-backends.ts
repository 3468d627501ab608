import * as tf from '@tensorflow/tfjs-core';
import { nativeState } from './native-state.js';
import { packageVersion } from './package-version.js';
import { type BackendName, selectBackend } from './select-backend.js';
import { SWIFTSHADER_ENV } from './vulkan-driver.js';
import { type GpuAdapterDescription, probeWebGpu } from './webgpu-node.js';

/** One backend as `coin doctor` reports it. */
export interface BackendAvailability {
  /** The name `--backend` takes. */
  readonly name: Exclude<BackendName, 'auto'>;
  /** Whether it loaded here. */
  readonly available: boolean;
  /** What it runs on (package and version, adapter), or why it does not load and the fix. */
  readonly detail: string;
  /** For `webgpu`: the adapter found, whether or not it is software. */
  readonly adapter?: GpuAdapterDescription;
}

/** What {@link describeBackends} reports. */
export interface BackendsReport {
  /** Every backend, in `--backend` order. */
  readonly backends: readonly BackendAvailability[];
  /** The backend `auto` picks here. */
  readonly auto: string;
  /** Why `auto` fell back to cpu (its one-line notice), or null. */
  readonly autoNote: string | null;
  readonly versions: { readonly node: string; readonly tfjs: string };
  /** The SwiftShader folder named by `COIN_SWIFTSHADER_DIR`, or null. */
  readonly swiftshaderDir: string | null;
}

/**
 * Tries every backend in turn (`tensorflow`, `webgpu`, `wasm`, `cpu`; `webgl` is browser-only) and reports
 * which load here and why the others do not, then leaves the backend `auto` picks active. For `coin doctor`.
 */
export async function describeBackends(): Promise<BackendsReport> {
  const backends: BackendAvailability[] = [
    { name: 'cpu', available: true, detail: packageVersion('@tensorflow/tfjs-backend-cpu') },
  ];
  for (const name of ['wasm', 'webgpu', 'webgl', 'tensorflow'] as const) {
    try {
      await selectBackend(name);
      backends.push({
        name,
        available: true,
        detail: await loadedDetail(name as 'wasm' | 'webgpu' | 'tensorflow'),
      });
    } catch (error) {
      backends.push({
        name,
        available: false,
        detail: error instanceof Error ? error.message.replace(/^selectBackend: /, '') : String(error),
      });
    }
    if (name === 'webgpu') {
      const probe = await probeWebGpu();
      if (probe.ok)
        backends[backends.length - 1] = { ...backends[backends.length - 1], adapter: probe.adapter };
    }
  }
  let autoNote: string | null = null;
  const auto = await selectBackend('auto', {
    log: (line) => {
      autoNote = line;
    },
  });
  return {
    backends,
    auto,
    autoNote,
    versions: { node: process.versions.node, tfjs: tf.version_core },
    swiftshaderDir: process.env[SWIFTSHADER_ENV] || null,
  };
}

/** The packages (and adapter) behind a backend that loaded. */
async function loadedDetail(name: 'wasm' | 'webgpu' | 'tensorflow'): Promise<string> {
  if (name === 'wasm') return packageVersion('@tensorflow/tfjs-backend-wasm');
  if (name === 'tensorflow') return packageVersion(nativeState.packageName ?? '@tensorflow/tfjs-node');
  const probe = await probeWebGpu();
  const adapter = probe.ok ? `${probe.adapter.name}${probe.adapter.software ? ', software' : ''}` : '?';
  return `${packageVersion('webgpu')} (Dawn) + ${packageVersion('@tensorflow/tfjs-backend-webgpu')} on ${adapter}`;
}
