import * as tf from '@tensorflow/tfjs-core';
import type { CsrTensor } from './csr-tensor.js';
import { EdgeIndex } from './edge-index.js';
import { sddmm } from './sddmm.js';

/**
 * The gradient of C = op(A)·B with respect to A's stored values, op(A) = A or Aᵀ:
 * $$ \frac{\partial \ell}{\partial \mathrm{values}_p} = \sum_k dC_{r_p k} B_{c_p k} $$
 * with (r_p, c_p) = (rowIds_p, indices_p) for A and (indices_p, rowIds_p) for Aᵀ: for a square A one
 * {@link sddmm} on the edges c_p → r_p (one pass over the entries), otherwise the gathered rows' products.
 * @param a - A (only its index tensors are read)
 * @param dC - ∂ℓ/∂C
 * @param b - B
 * @param transposeA - C = AᵀB
 */
export function csrValuesGradient(
  a: CsrTensor,
  dC: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA: boolean,
): tf.Tensor1D {
  const [dyRows, bRows] = transposeA ? [a.indices, a.rowIds] : [a.rowIds, a.indices];
  if (a.numRows !== a.numCols) return tf.sum(tf.mul(tf.gather(dC, dyRows), tf.gather(b, bRows)), 1);
  return tf.reshape(sddmm(b, dC, new EdgeIndex(a.numRows, bRows, dyRows)), [-1]);
}
