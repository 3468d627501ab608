import { ShapeMismatchError } from '../errors.js';
import { checkInteger } from './check.js';
import type { CsrMatrix } from './csr-matrix.js';

/**
 * Sparse × dense product, the CPU hot path (a pure typed-array kernel; it trusts its inputs):
 * $$ C_{ik} = \sum_{p=\mathrm{indptr}_i}^{\mathrm{indptr}_{i+1}-1} \mathrm{values}_p\, B_{\mathrm{indices}_p, k} $$
 * Shapes: A (numRows × numCols) in CSR, B (numCols × bCols) row-major → C (numRows × bCols) row-major.
 * Row by row, each stored entry adds a scaled row of B into the output row (axpy, unrolled by four), so
 * B and C are read and written contiguously. Accumulation is in float32 except for bCols = 1, which sums in a double.
 *
 * @param out - overwritten with C when given (length ≥ numRows · bCols, not aliasing b); allocated otherwise
 * @returns C (the `out` array when given)
 */
export function csrMatMulImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numRows: number,
  b: Float32Array,
  bCols: number,
  out: Float32Array = new Float32Array(numRows * bCols),
): Float32Array {
  if (bCols === 1) {
    for (let i = 0; i < numRows; i++) {
      let s = 0;
      const end = indptr[i + 1];
      for (let p = indptr[i]; p < end; p++) s += values[p] * b[indices[p]];
      out[i] = s;
    }
    return out;
  }
  // Columns in blocks of four (unrolled: measurably faster for wide B), then the remainder.
  const blockEnd = bCols & ~3;
  for (let i = 0; i < numRows; i++) {
    const o = i * bCols;
    out.fill(0, o, o + bCols);
    const end = indptr[i + 1];
    for (let p = indptr[i]; p < end; p++) {
      const v = values[p];
      const bo = indices[p] * bCols;
      let c = 0;
      for (; c < blockEnd; c += 4) {
        out[o + c] += v * b[bo + c];
        out[o + c + 1] += v * b[bo + c + 1];
        out[o + c + 2] += v * b[bo + c + 2];
        out[o + c + 3] += v * b[bo + c + 3];
      }
      for (; c < bCols; c++) out[o + c] += v * b[bo + c];
    }
  }
  return out;
}

/**
 * Transposed sparse × dense product without forming Aᵀ (a pure typed-array kernel; it trusts its inputs):
 * $$ C_{jk} = \sum_{i} A_{ij} B_{ik} $$
 * Shapes: A (numRows × numCols) in CSR, B (numRows × bCols) row-major → C (numCols × bCols) row-major.
 * Each stored entry A_ij scatters a scaled row i of B into row j of C (float32 accumulation).
 *
 * @param out - overwritten with C when given (length ≥ numCols · bCols, not aliasing b); allocated otherwise
 * @returns C (the `out` array when given)
 */
export function csrTransposeMatMulImpl(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numRows: number,
  numCols: number,
  b: Float32Array,
  bCols: number,
  out: Float32Array = new Float32Array(numCols * bCols),
): Float32Array {
  out.fill(0, 0, numCols * bCols);
  if (bCols === 1) {
    for (let i = 0; i < numRows; i++) {
      const x = b[i];
      const end = indptr[i + 1];
      for (let p = indptr[i]; p < end; p++) out[indices[p]] += values[p] * x;
    }
    return out;
  }
  const blockEnd = bCols & ~3;
  for (let i = 0; i < numRows; i++) {
    const bo = i * bCols;
    const end = indptr[i + 1];
    for (let p = indptr[i]; p < end; p++) {
      const v = values[p];
      const o = indices[p] * bCols;
      let c = 0;
      for (; c < blockEnd; c += 4) {
        out[o + c] += v * b[bo + c];
        out[o + c + 1] += v * b[bo + c + 1];
        out[o + c + 2] += v * b[bo + c + 2];
        out[o + c + 3] += v * b[bo + c + 3];
      }
      for (; c < bCols; c++) out[o + c] += v * b[bo + c];
    }
  }
  return out;
}

/** Options of {@link spmm}. */
export interface SpmmOptions {
  /** Multiply by Aᵀ instead of A (default false). */
  transposeA?: boolean;
  /** Output buffer, overwritten (length ≥ rows of the result · bCols, not aliasing b). */
  out?: Float32Array;
}

/**
 * Sparse × dense matrix product with shape checks, over {@link csrMatMulImpl} and
 * {@link csrTransposeMatMulImpl}:
 * $$ C = A B \quad\text{or}\quad C = A^\top B \ (\texttt{transposeA}) $$
 * Shapes: B (numCols × bCols), or (numRows × bCols) when transposed, row-major; C (numRows × bCols), or
 * (numCols × bCols) when transposed.
 * @param bCols - number of columns of B, a non-negative integer
 * @throws {@link InvalidArgumentError} if bCols is not a non-negative integer
 * @throws {@link ShapeMismatchError} if b or out has the wrong length
 * @example spmm(a, features, numFeatures) // A·X
 */
export function spmm(a: CsrMatrix, b: Float32Array, bCols: number, options: SpmmOptions = {}): Float32Array {
  checkInteger('spmm', 'bCols', bCols);
  const transposeA = options.transposeA ?? false;
  const inner = transposeA ? a.numRows : a.numCols;
  const outer = transposeA ? a.numCols : a.numRows;
  if (b.length !== inner * bCols) {
    throw new ShapeMismatchError(
      'spmm',
      `b of ${inner} x ${bCols} = ${inner * bCols} values`,
      `${b.length} values`,
    );
  }
  const out = options.out ?? new Float32Array(outer * bCols);
  if (out.length < outer * bCols) {
    throw new ShapeMismatchError('spmm', `out of at least ${outer * bCols} values`, `${out.length} values`);
  }
  return transposeA
    ? csrTransposeMatMulImpl(a.indptr, a.indices, a.values, a.numRows, a.numCols, b, bCols, out)
    : csrMatMulImpl(a.indptr, a.indices, a.values, a.numRows, b, bCols, out);
}
