import * as tf from '@tensorflow/tfjs-core';

/**
 * Copies the current values of float32 variables into plain arrays, one per variable, in order. A
 * `tf.clone` would share the variables' storage, which the fused Adam then could not update in place; plain
 * copies do not, and `into` lets a loop reuse one set of arrays for every new best.
 *
 * @param variables - the weights (float32)
 * @param into - arrays of a previous snapshot of the same variables, overwritten and returned; default new ones
 * @returns the snapshot (`into` when given)
 */
export function snapshotWeights(variables: readonly tf.Variable[], into?: Float32Array[]): Float32Array[] {
  const snapshot = into ?? variables.map((v) => new Float32Array(v.size));
  for (const [i, v] of variables.entries()) snapshot[i].set(v.dataSync() as Float32Array);
  return snapshot;
}

/**
 * Assigns a {@link snapshotWeights} snapshot back to its variables. The snapshot's arrays become the
 * variables' storage without a further copy (on the cpu backend): do not modify or reuse them afterwards.
 *
 * @param variables - the variables the snapshot was taken of, in the same order
 * @param snapshot - one array per variable, of its size
 */
export function restoreWeights(variables: readonly tf.Variable[], snapshot: readonly Float32Array[]): void {
  variables.forEach((v, i) => {
    tf.tidy(() => v.assign(tf.tensor(snapshot[i], v.shape)));
  });
}
