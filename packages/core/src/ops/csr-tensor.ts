import { type CsrMatrix, InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { tensorWithHostCopy } from './host-copies.js';

/**
 * A constant sparse matrix A (numRows × numCols) held as tfjs tensors, the sparse operand of
 * {@link csrMatMul} and {@link explicitDiffusion}:
 * $$ A_{i,\,\mathrm{indices}_p} = \mathrm{values}_p \quad\text{for}\quad \mathrm{indptr}_i \le p < \mathrm{indptr}_{i+1} $$
 * Parts: `indptr` (int32, numRows + 1), `indices` (int32, nnz, column of each entry), `values`
 * (float32, nnz) and `rowIds` (int32, nnz, row of each entry: the COO form that the kernels composed from
 * tfjs ops gather and segment-sum over, so every backend runs the same ops). On the cpu backend the
 * kernels read the typed arrays in place, without copies.
 *
 * The tensors are kept (`tf.keep`): a `CsrTensor` made inside `tf.tidy` survives it; free it with
 * {@link CsrTensor.dispose}. Gradients flow to `values` only when they are differentiated explicitly.
 *
 * @example
 * ```ts
 * const a = CsrTensor.fromCsr(gcnNorm(adjacency));
 * const y = csrMatMul(a, x); // Â X
 * a.dispose();
 * ```
 */
export class CsrTensor {
  readonly numRows: number;
  readonly numCols: number;
  readonly indptr: tf.Tensor1D;
  readonly indices: tf.Tensor1D;
  readonly values: tf.Tensor1D;
  readonly rowIds: tf.Tensor1D;

  /**
   * Wraps existing tensors, trusting them (the gradients rebuild a `CsrTensor` from saved inputs this way);
   * use {@link CsrTensor.fromCsr} to build one from a matrix.
   * @param shape - `[numRows, numCols]`
   */
  constructor(
    shape: readonly [number, number],
    indptr: tf.Tensor1D,
    indices: tf.Tensor1D,
    values: tf.Tensor1D,
    rowIds: tf.Tensor1D,
  ) {
    [this.numRows, this.numCols] = shape;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
    this.rowIds = rowIds;
  }

  /**
   * Uploads a CSR matrix. On the cpu backend `indptr`, `indices` and `values` share the matrix's arrays
   * (a `CsrMatrix` is never mutated in place).
   * @param m - the matrix, numRows × numCols
   * @returns a `CsrTensor` with 4 kept tensors
   */
  static fromCsr(m: CsrMatrix): CsrTensor {
    const rowIds = new Int32Array(m.nnz);
    for (let i = 0; i < m.numRows; i++) rowIds.fill(i, m.indptr[i], m.indptr[i + 1]);
    return new CsrTensor(
      [m.numRows, m.numCols],
      tf.keep(tensorWithHostCopy(m.indptr, 'int32')),
      tf.keep(tensorWithHostCopy(m.indices, 'int32')),
      tf.keep(tensorWithHostCopy(m.values, 'float32')),
      tf.keep(tf.tensor1d(rowIds, 'int32')),
    );
  }

  /**
   * The same sparsity pattern with other stored values, $$ A'_{i,\,\mathrm{indices}_p} = v_p $$ (sparse
   * dropout of features): `indptr`, `indices` and `rowIds` are clones (the same data, reference-counted, so
   * each matrix may be disposed on its own), only the values are new.
   * @param values - v, one per stored entry (not copied; must not be modified afterwards)
   * @throws {@link InvalidArgumentError} if `values` does not have nnz entries
   */
  withValues(values: Float32Array): CsrTensor {
    if (values.length !== this.nnz) {
      throw new InvalidArgumentError('CsrTensor.withValues', 'values', values.length, `${this.nnz} values`);
    }
    return new CsrTensor(
      this.shape,
      tf.keep(tf.clone(this.indptr)),
      tf.keep(tf.clone(this.indices)),
      tf.keep(tensorWithHostCopy(values, 'float32')),
      tf.keep(tf.clone(this.rowIds)),
    );
  }

  /** `[numRows, numCols]`. */
  get shape(): [number, number] {
    return [this.numRows, this.numCols];
  }

  /** Number of stored entries. */
  get nnz(): number {
    return this.values.size;
  }

  /** True once {@link CsrTensor.dispose} ran. */
  get isDisposed(): boolean {
    return this.values.isDisposed;
  }

  /** The four tensors as the named kernel inputs every sparse op passes (`indptr`, `indices`, `values`, `rowIds`). */
  kernelInputs(): { indptr: tf.Tensor1D; indices: tf.Tensor1D; values: tf.Tensor1D; rowIds: tf.Tensor1D } {
    return { indptr: this.indptr, indices: this.indices, values: this.values, rowIds: this.rowIds };
  }

  /** Frees the four tensors; calling it twice is harmless. */
  dispose(): void {
    tf.dispose([this.indptr, this.indices, this.values, this.rowIds]);
  }

  /**
   * Checks that this matrix is usable by op `fn`.
   * @throws {@link InvalidArgumentError} if it was disposed
   */
  assertUsable(fn: string, argument: string): void {
    if (this.isDisposed)
      throw new InvalidArgumentError(fn, argument, 'a disposed CsrTensor', 'a live CsrTensor');
  }
}
