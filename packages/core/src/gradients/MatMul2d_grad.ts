import * as tf from '@tensorflow/tfjs-core';
import { MatMul2d, type MatMul2dAttrs } from '../kernel-names.js';
import { matMul2d } from '../ops/mat-mul-2d.js';

/**
 * Gradient of `CoinMatMul2d`, C = op(A)·op(B):
 * $$ \partial\ell/\partial\operatorname{op}(A) = dC\,\operatorname{op}(B)^\top,\qquad
 *    \partial\ell/\partial\operatorname{op}(B) = \operatorname{op}(A)^\top dC $$
 * transposed back when op is a transpose (the four cases of tfjs's BatchMatMul gradient); for a thin dC,
 * ∂/∂B = (dCᵀA)ᵀ.
 */
export const matMul2dGradConfig: tf.GradConfig = {
  kernelName: MatMul2d,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [a, b] = saved as tf.Tensor2D[];
    const dc = dy as tf.Tensor2D;
    const { transposeA, transposeB } = attrs as unknown as MatMul2dAttrs;
    if (!transposeA && !transposeB) {
      return {
        a: () => matMul2d(dc, b, false, true),
        // A thin dC (a classifier's few columns) streams the wide rows of A better as (dCᵀ A)ᵀ.
        b: () =>
          dc.shape[1] < a.shape[1]
            ? tf.transpose(matMul2d(dc, a, true, false))
            : matMul2d(a, dc, true, false),
      };
    }
    if (!transposeA) return { a: () => matMul2d(dc, b, false, false), b: () => matMul2d(dc, a, true, false) };
    if (!transposeB) return { a: () => matMul2d(b, dc, false, true), b: () => matMul2d(a, dc, false, false) };
    return { a: () => matMul2d(b, dc, true, true), b: () => matMul2d(dc, a, true, true) };
  },
};
