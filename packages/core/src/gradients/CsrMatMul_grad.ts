import type * as tf from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs } from '../kernel-names.js';
import { csrMatMul } from '../ops/csr-mat-mul.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { csrValuesGradient } from '../ops/csr-values-gradient.js';

/**
 * Gradient of `CoinCsrMatMul`, C = op(A)·B with op(A) = A or Aᵀ:
 * $$ \frac{\partial \ell}{\partial B} = \operatorname{op}(A)^\top\, dC,\qquad
 *    \frac{\partial \ell}{\partial \mathrm{values}_p} = \sum_k dC_{r_p k} B_{c_p k} $$
 * where (r_p, c_p) = (rowIds_p, indices_p) for A and (indices_p, rowIds_p) for Aᵀ. The values gradient
 * is only evaluated when values are differentiated (the tape calls one thunk per input on the path); for a
 * square A (GRAND's attention, the ODE fields' σ(α)(M − I)) it is one sddmm ({@link csrValuesGradient}).
 */
export const csrMatMulGradConfig: tf.GradConfig = {
  kernelName: CsrMatMul,
  inputsToSave: ['indptr', 'indices', 'values', 'rowIds', 'b'],
  gradFunc: (dy, saved, attrs) => {
    const [indptr, indices, values, rowIds, b] = saved as [
      tf.Tensor1D,
      tf.Tensor1D,
      tf.Tensor1D,
      tf.Tensor1D,
      tf.Tensor2D,
    ];
    const { numRows, numCols, transposeA } = attrs as unknown as CsrMatMulAttrs;
    const a = new CsrTensor([numRows, numCols], indptr, indices, values, rowIds);
    const dC = dy as tf.Tensor2D;
    return {
      b: () => csrMatMul(a, dC, !transposeA),
      values: () => csrValuesGradient(a, dC, b, transposeA),
    };
  },
};
