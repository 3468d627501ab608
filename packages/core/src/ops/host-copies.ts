import * as tf from '@tensorflow/tfjs-core';

/** The host arrays that tensors were made from, by the tensor's data id (shared by its clones). */
const copies = new WeakMap<object, tf.TypedArray>();

/**
 * A 1-D tensor made from host values, which remembers them: {@link hostValues} then returns the array
 * without reading the device (an index list's gradient, the CSR arrays of a host-side preparation). The
 * array must not be modified afterwards.
 */
export function tensorWithHostCopy<A extends Int32Array | Float32Array>(
  values: A,
  dtype: A extends Int32Array ? 'int32' : 'float32',
): tf.Tensor1D {
  const t = tf.tensor1d(values, dtype);
  copies.set(t.dataId, values);
  return t;
}

/**
 * The values of `t`: the host array it was made from by {@link tensorWithHostCopy}, else read back once with
 * `dataSync()` (a host transfer) and remembered for the tensor and its clones (tensor data never changes under
 * one data id). Treat the array as read-only.
 */
export function hostValues(t: tf.TensorInfo | tf.Tensor): tf.TypedArray {
  let values = copies.get(t.dataId);
  if (values === undefined) {
    values = (t as tf.Tensor).dataSync();
    copies.set(t.dataId, values);
  }
  return values;
}
