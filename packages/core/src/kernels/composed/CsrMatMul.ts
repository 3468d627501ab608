import * as tf from '@tensorflow/tfjs-core';
import type { CsrMatMulAttrs, CsrMatMulInputs } from '../../kernel-names.js';

/**
 * `CoinCsrMatMul` composed from tfjs ops, for any backend (the tape is off inside kernels):
 * $$ (AB)_{i} = \sum_{p:\ \mathrm{rowIds}_p = i} \mathrm{values}_p\, B_{\mathrm{indices}_p},\qquad
 *    (A^\top B)_{j} = \sum_{p:\ \mathrm{indices}_p = j} \mathrm{values}_p\, B_{\mathrm{rowIds}_p} $$
 * one gather of nnz rows and one `unsortedSegmentSum`.
 */
export function csrMatMulComposed(args: { inputs: CsrMatMulInputs; attrs: CsrMatMulAttrs }): tf.Tensor2D {
  const { inputs, attrs } = args;
  const indices = inputs.indices as tf.Tensor1D;
  const rowIds = inputs.rowIds as tf.Tensor1D;
  const values = inputs.values as tf.Tensor1D;
  const b = inputs.b as tf.Tensor2D;
  const [from, to, numOut] = attrs.transposeA
    ? [rowIds, indices, attrs.numCols]
    : [indices, rowIds, attrs.numRows];
  return tf.tidy(
    () =>
      tf.unsortedSegmentSum(tf.mul(tf.gather(b, from), tf.expandDims(values, 1)), to, numOut) as tf.Tensor2D,
  );
}
