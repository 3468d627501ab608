import { csrMatMulImpl, csrTransposeMatMulImpl } from '@coin-gnn/graph';
import { type DenseOperand, simdCsrMatMul } from '../wasm/mat-mul.js';

/** Narrowest B for which the SIMD product is used (below, its scalar tail does all the work). */
export const SIMD_MIN_COLS = 4;

/**
 * C = A·B or Aᵀ·B on typed arrays for the cpu kernels: {@link simdCsrMatMul} when B has at least
 * {@link SIMD_MIN_COLS} columns, else the graph package's scalar `csrMatMulImpl` / `csrTransposeMatMulImpl`.
 * Shapes as those: A numRows × numCols (CSR), B (numCols or numRows) × bCols → C (numRows or numCols) × bCols;
 * B may be given by a function that writes it ({@link DenseOperand}).
 * @param target - receives C instead of a new array (all its entries overwritten)
 * @returns C: `target` when given
 */
export function csrMatMulAny(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numRows: number,
  numCols: number,
  b: DenseOperand,
  bCols: number,
  transposeA: boolean,
  target?: Float32Array,
): Float32Array {
  if (bCols >= SIMD_MIN_COLS) {
    return simdCsrMatMul(indptr, indices, values, numRows, numCols, b, bCols, transposeA, target);
  }
  let array: Float32Array;
  if (b instanceof Float32Array) array = b;
  else {
    array = new Float32Array(b.length);
    b.write(array);
    const sums = b.columnSums;
    if (sums !== undefined) {
      sums.fill(0);
      for (let k = 0; k < array.length; k++) sums[k % bCols] += array[k];
    }
  }
  const c = transposeA
    ? csrTransposeMatMulImpl(indptr, indices, values, numRows, numCols, array, bCols)
    : csrMatMulImpl(indptr, indices, values, numRows, array, bCols);
  if (target === undefined) return c;
  target.set(c);
  return target;
}
