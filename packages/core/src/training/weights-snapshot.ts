import * as tf from '@tensorflow/tfjs-core';

/**
 * A copy of some variables' values, one entry per variable, in order: plain arrays on the cpu backend,
 * tensors on the device elsewhere (so that taking it needs no read back to the host).
 */
export type WeightsSnapshot = Float32Array[] | tf.Tensor[];

/**
 * Copies the current values of float32 variables. On cpu, into plain arrays: a `tf.clone` would share the
 * variables' storage, which the fused Adam then could not update in place; `into` lets a loop reuse one set
 * of arrays for every new best. On other backends, into new device tensors (`v · 1`, computed there; the
 * tensors of `into` are freed).
 *
 * @param variables - the weights (float32)
 * @param into - a previous snapshot of the same variables, overwritten (cpu) or freed; default none
 * @returns the snapshot
 */
export function snapshotWeights(variables: readonly tf.Variable[], into?: WeightsSnapshot): WeightsSnapshot {
  if (tf.getBackend() !== 'cpu') {
    if (into !== undefined) tf.dispose(into.filter((x): x is tf.Tensor => x instanceof tf.Tensor));
    return variables.map((v) => tf.keep(tf.mul(v, 1)));
  }
  const arrays = into?.every((x) => x instanceof Float32Array) ? into : undefined;
  const snapshot = arrays ?? variables.map((v) => new Float32Array(v.size));
  for (const [i, v] of variables.entries()) snapshot[i].set(v.dataSync() as Float32Array);
  return snapshot;
}

/**
 * Assigns a {@link snapshotWeights} snapshot back to its variables. A snapshot's arrays become the
 * variables' storage without a further copy (on the cpu backend), its tensors are freed: do not use the
 * snapshot afterwards.
 *
 * @param variables - the variables the snapshot was taken of, in the same order
 * @param snapshot - one entry per variable, of its size
 */
export function restoreWeights(variables: readonly tf.Variable[], snapshot: WeightsSnapshot): void {
  variables.forEach((v, i) => {
    const saved = snapshot[i];
    if (saved instanceof tf.Tensor) {
      v.assign(saved);
      saved.dispose();
    } else tf.tidy(() => v.assign(tf.tensor(saved, v.shape)));
  });
}
