import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { engine, type NamedAttrMap, type NamedTensorMap, op, type Tensor2D } from '@tensorflow/tfjs-core';
import { CsrMatMul, type CsrMatMulAttrs, type CsrMatMulInputs } from '../kernel-names.js';
import type { CsrTensor } from './csr-tensor.js';

/**
 * Sparse × dense product with a constant sparse matrix (graph operators, sparse bag-of-words features
 * times dense weights):
 * $$ C = A B \quad\text{or}\quad C = A^\top B \ (\texttt{transposeA}),\qquad
 *    C_{ik} = \sum_{j} A_{ij} B_{jk} $$
 * Shapes: A (numRows × numCols); B (numCols × k), or (numRows × k) when transposed → C (numRows × k), or
 * (numCols × k). Kernel `CoinCsrMatMul`: typed arrays on cpu, gather + unsortedSegmentSum elsewhere.
 * Gradients: ∂/∂B = op(A)ᵀ dY, never assuming symmetry; ∂/∂values (only when differentiated) is dY·Bᵀ
 * sampled at the stored entries.
 *
 * @param a - the sparse matrix
 * @param b - the dense matrix, float32
 * @param transposeA - multiply by Aᵀ (default false)
 * @throws {@link ShapeMismatchError} if b is not rank 2 or its rows differ from A's inner size
 * @throws {@link InvalidArgumentError} if b is not float32 or a was disposed
 * @example csrMatMul(CsrTensor.fromCsr(features), weight) // X W with sparse X
 */
function csrMatMul_(a: CsrTensor, b: Tensor2D, transposeA = false): Tensor2D {
  const fn = 'csrMatMul';
  a.assertUsable(fn, 'a');
  if (b.dtype !== 'float32') throw new InvalidArgumentError(fn, 'b.dtype', b.dtype, "'float32'");
  const inner = transposeA ? a.numRows : a.numCols;
  if (b.rank !== 2 || b.shape[0] !== inner) {
    throw new ShapeMismatchError(
      fn,
      `b of shape [${inner}, k] for ${transposeA ? 'Aᵀ' : 'A'} of shape [${a.numRows}, ${a.numCols}]`,
      `b of shape [${b.shape.join(', ')}]`,
    );
  }
  const inputs: CsrMatMulInputs = {
    ...a.kernelInputs(),
    b,
  };
  const attrs: CsrMatMulAttrs = { numRows: a.numRows, numCols: a.numCols, transposeA };
  return engine().runKernel(
    CsrMatMul,
    inputs as unknown as NamedTensorMap,
    attrs as unknown as NamedAttrMap,
  ) as Tensor2D;
}

/** Sparse × dense product $$ C = \operatorname{op}(A) B $$ with a constant `CsrTensor` A (details on `csrMatMul_` above). */
export const csrMatMul = /* @__PURE__ */ op({ csrMatMul_ });
