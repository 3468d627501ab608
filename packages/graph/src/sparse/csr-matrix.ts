import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';

/**
 * A sparse matrix in compressed sparse row (CSR) form.
 *
 * Row `i` holds the entries `values[p]` at columns `indices[p]` for `indptr[i] <= p < indptr[i + 1]`.
 * Shapes: `indptr` (numRows + 1), `indices` and `values` (nnz). Within a row, column indices need not be
 * sorted unless a function says so; {@link CsrMatrix.hasSortedIndices} tells.
 *
 * The constructor validates its arrays (monotone `indptr`, column indices in range, finite values) and
 * throws {@link InvalidArgumentError} naming the bad value, so every `CsrMatrix` in the program is well formed.
 * It copies them, so that editing the caller's arrays afterwards cannot reach a kernel (an index pushed out
 * of range there would read outside the tensors: `memory access out of bounds` in the WebAssembly kernels).
 * The copy is cheap next to the checks it follows: 0.2 ms for Cora's features and adjacency (0.45 MB),
 * about a quarter of the validation time, and 0.1 s for 2·10⁷ entries; memory doubles only while the caller
 * keeps its own arrays. The matrix owns its arrays: treat `indptr`, `indices` and
 * `values` as read-only (every function of the library does). Use {@link CsrMatrix.trusted} inside the
 * library when the arrays are known good and owned.
 */
export class CsrMatrix {
  readonly numRows: number;
  readonly numCols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;

  /**
   * @param shape - `[numRows, numCols]`, non-negative integers
   * @param indptr - row pointers, length numRows + 1, starting at 0, non-decreasing, ending at nnz
   * @param indices - column index of each stored entry, each in `[0, numCols)`
   * @param values - value of each stored entry, finite; defaults to all ones (an unweighted pattern)
   * (the three arrays are copied: later edits of them do not change the matrix)
   * @throws {@link InvalidArgumentError} for a bad shape, pointer, index or value
   * @throws {@link ShapeMismatchError} when the array lengths disagree with the shape
   */
  constructor(
    shape: readonly [number, number],
    indptr: Int32Array,
    indices: Int32Array,
    values?: Float32Array,
  ) {
    const [numRows, numCols] = shape;
    checkDim('CsrMatrix', 'numRows', numRows);
    checkDim('CsrMatrix', 'numCols', numCols);
    if (indptr.length !== numRows + 1) {
      throw new ShapeMismatchError('CsrMatrix', `indptr of length ${numRows + 1}`, `length ${indptr.length}`);
    }
    const vals = values ?? new Float32Array(indices.length).fill(1);
    if (vals.length !== indices.length) {
      throw new ShapeMismatchError(
        'CsrMatrix',
        `values of length ${indices.length}`,
        `length ${vals.length}`,
      );
    }
    if (indptr[0] !== 0) throw new InvalidArgumentError('CsrMatrix', 'indptr[0]', indptr[0], '0');
    for (let i = 0; i < numRows; i++) {
      if (indptr[i + 1] < indptr[i]) {
        throw new InvalidArgumentError(
          'CsrMatrix',
          `indptr[${i + 1}]`,
          indptr[i + 1],
          `>= indptr[${i}] = ${indptr[i]}`,
        );
      }
    }
    if (indptr[numRows] !== indices.length) {
      throw new InvalidArgumentError(
        'CsrMatrix',
        `indptr[${numRows}]`,
        indptr[numRows],
        `nnz = ${indices.length}`,
      );
    }
    for (let p = 0; p < indices.length; p++) {
      const j = indices[p];
      if (j < 0 || j >= numCols) {
        throw new InvalidArgumentError('CsrMatrix', `indices[${p}]`, j, `a column index in [0, ${numCols})`);
      }
      if (!Number.isFinite(vals[p])) {
        throw new InvalidArgumentError('CsrMatrix', `values[${p}]`, vals[p], 'a finite number');
      }
    }
    this.numRows = numRows;
    this.numCols = numCols;
    this.indptr = indptr.slice();
    this.indices = indices.slice();
    this.values = values === undefined ? vals : vals.slice();
  }

  /**
   * Builds a matrix from arrays known to be valid, skipping the O(nnz) checks and the copy (library-internal
   * use): the matrix takes the arrays as they are, and the caller must not edit them afterwards.
   */
  static trusted(
    shape: readonly [number, number],
    indptr: Int32Array,
    indices: Int32Array,
    values: Float32Array,
  ): CsrMatrix {
    const m = Object.create(CsrMatrix.prototype) as { -readonly [K in keyof CsrMatrix]: CsrMatrix[K] };
    m.numRows = shape[0];
    m.numCols = shape[1];
    m.indptr = indptr;
    m.indices = indices;
    m.values = values;
    return m as CsrMatrix;
  }

  /** `[numRows, numCols]`. */
  get shape(): [number, number] {
    return [this.numRows, this.numCols];
  }

  /** Number of stored entries. */
  get nnz(): number {
    return this.indices.length;
  }

  /** True when the column indices of every row are strictly increasing (no duplicates). */
  hasSortedIndices(): boolean {
    for (let i = 0; i < this.numRows; i++) {
      for (let p = this.indptr[i] + 1; p < this.indptr[i + 1]; p++) {
        if (this.indices[p] <= this.indices[p - 1]) return false;
      }
    }
    return true;
  }
}

function checkDim(fn: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(fn, name, n, 'a non-negative integer');
}
