import type * as tf from '@tensorflow/tfjs-core';
import type { CsrInputs } from '../../kernel-names.js';
import { CsrTensor } from '../../ops/csr-tensor.js';

/**
 * The sparse operand of a kernel as a {@link CsrTensor} over its CSR inputs (indptr, indices, values,
 * rowIds; no copy), for the composed kernels that run tfjs ops on it.
 * @param shape - [rows, columns] of the matrix
 */
export function csrTensorOf(inputs: CsrInputs, shape: [number, number]): CsrTensor {
  return new CsrTensor(
    shape,
    inputs.indptr as tf.Tensor1D,
    inputs.indices as tf.Tensor1D,
    inputs.values as tf.Tensor1D,
    inputs.rowIds as tf.Tensor1D,
  );
}
