import * as tf from '@tensorflow/tfjs-core';
import { nativeState } from './native-state.js';

/** What {@link describeBackend} reports. */
export interface BackendDescription {
  /** Active tfjs backend, e.g. 'cpu' or 'tensorflow'. */
  backend: string;
  /** The native package behind 'tensorflow' (tfjs-node-gpu or tfjs-node), null otherwise. */
  nativePackage: string | null;
  /** @tensorflow/tfjs-core version. */
  tfjsVersion: string;
  /** One line for reports, e.g. `cpu (pure JS, tfjs 4.22.0)`. */
  summary: string;
}

/** Describes the active backend for run reports and `coin doctor`. */
export function describeBackend(): BackendDescription {
  const backend = tf.getBackend();
  const nativePackage = backend === 'tensorflow' ? nativeState.packageName : null;
  const tfjsVersion = tf.version_core;
  const kind = backend === 'cpu' ? 'pure JS' : (nativePackage ?? 'native');
  return { backend, nativePackage, tfjsVersion, summary: `${backend} (${kind}, tfjs ${tfjsVersion})` };
}
