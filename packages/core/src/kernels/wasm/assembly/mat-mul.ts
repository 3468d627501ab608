/**
 * AssemblyScript source of the sparse × dense and dense × dense products of `../mat-mul.ts`, compiled with
 * the other kernels of this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). All pointers and
 * sizes are byte offsets into the linear memory the module imports as `env.memory`; nothing is checked.
 *
 * `spmm` and `dense` share one loop nest, `(indptr, indices, values, numRows, b, out, cols, transpose, inner,
 * start, end)`:
 * for each stored entry x = values[p] ≠ 0 of row i, with j its column, `dst[0..cols) += x · src[0..cols)`
 * (f32x4 steps, then a scalar tail of cols mod 4 floats), where (src, dst) are rows (j, i) of (b, out), or
 * (i, j) when `transpose` ≠ 0:
 * $$ C_{i,:} \mathrel{+}= \sum_{p} \mathrm{values}_p\, B_{j_p,:} \quad\text{or, transposed,}\quad
 *    C_{j_p,:} \mathrel{+}= \mathrm{values}_p\, B_{i,:} \quad (p \text{ over the entries of row } i) $$
 * B and C are row-major with `cols` floats per row; rows start 16-byte aligned when cols is a multiple of 4.
 * `start` and `end` restrict a call to the rows [start, end) of C (of A for a transposed `spmm`), so that
 * calls on disjoint ranges may run at the same time on the shared memory (`../kernel-threads.ts`); each
 * entry of C is summed in the same order whatever the ranges.
 */

import { addScaledRow } from './rows';

/**
 * CSR A (numRows rows) times B: entry p of row i has column j = indices[p], for indptr[i] ≤ p < indptr[i+1]
 * (int32 arrays). `_inner` is unused (the signature is `dense`'s). Only the rows start ≤ i < end of A are
 * read (`numRows` is unused: the range says which).
 * $$ C = A B,\ C_{i,:} \mathrel{+}= \sum_{p} \mathrm{values}_p B_{\mathrm{indices}_p,:} \quad\text{or}\quad
 *    C = A^\top B,\ C_{\mathrm{indices}_p,:} \mathrel{+}= \mathrm{values}_p B_{i,:} $$
 */
export function spmm(
  indptr: usize,
  indices: usize,
  values: usize,
  _numRows: i32,
  b: usize,
  out: usize,
  cols: i32,
  transpose: i32,
  _inner: i32,
  start: i32,
  end: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const vecBytes = ((cols as usize) >> 2) << 4;
  const tailBytes = rowBytes - vecBytes;
  const indptrEnd = indptr + ((end as usize) << 2);
  indptr += (start as usize) << 2;
  let iRow: usize = (start as usize) * rowBytes;
  // q: byte offset of entry p in indices and values; jRow, iRow: byte offsets of rows j and i.
  if (transpose) {
    while (indptr < indptrEnd) {
      let q = (load<i32>(indptr) as usize) << 2;
      const qEnd = (load<i32>(indptr, 4) as usize) << 2;
      while (q < qEnd) {
        const x = load<f32>(values + q);
        if (x !== 0) {
          const jRow = (load<i32>(indices + q) as usize) * rowBytes;
          addScaledRow(out + jRow, b + iRow, x, vecBytes, tailBytes);
        }
        q += 4;
      }
      indptr += 4;
      iRow += rowBytes;
    }
  } else {
    while (indptr < indptrEnd) {
      let q = (load<i32>(indptr) as usize) << 2;
      const qEnd = (load<i32>(indptr, 4) as usize) << 2;
      while (q < qEnd) {
        const x = load<f32>(values + q);
        if (x !== 0) {
          const jRow = (load<i32>(indices + q) as usize) * rowBytes;
          addScaledRow(out + iRow, b + jRow, x, vecBytes, tailBytes);
        }
        q += 4;
      }
      indptr += 4;
      iRow += rowBytes;
    }
  }
}

/**
 * Dense row-major A (numRows × inner, float32 at `values`) times B, skipping zero entries of A: the loop
 * nest of {@link spmm} with p = i·inner + j. `_indptr` and `_indices` are unused. Only the rows
 * start ≤ i < end of C are written (i < numRows for A B, j < inner for Aᵀ B), and overwritten: zeroed
 * first, by the thread that sums them.
 * $$ C = A B,\ C_{i,:} = \sum_{j:\,A_{ij} \ne 0} A_{ij} B_{j,:} \quad\text{or}\quad
 *    C = A^\top B,\ C_{j,:} = \sum_{i:\,A_{ij} \ne 0} A_{ij} B_{i,:} $$
 */
export function dense(
  _indptr: usize,
  _indices: usize,
  values: usize,
  numRows: i32,
  b: usize,
  out: usize,
  cols: i32,
  transpose: i32,
  inner: i32,
  start: i32,
  end: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const vecBytes = ((cols as usize) >> 2) << 4;
  const tailBytes = rowBytes - vecBytes;
  const innerBytes = (inner as usize) << 2;
  memory.fill(out + (start as usize) * rowBytes, 0, ((end - start) as usize) * rowBytes);
  // a: A_ij's address; jRow, iRow: byte offsets of rows j and i.
  if (transpose) {
    // Columns start ≤ j < end of each row of A.
    const spanBytes = ((end - start) as usize) << 2;
    const jStart = (start as usize) * rowBytes;
    let aRow = values + ((start as usize) << 2);
    const aRowEnd = aRow + (numRows as usize) * innerBytes;
    let iRow: usize = 0;
    while (aRow < aRowEnd) {
      let a = aRow;
      const rowEnd = a + spanBytes;
      let jRow = jStart;
      while (a < rowEnd) {
        const x = load<f32>(a);
        if (x !== 0) addScaledRow(out + jRow, b + iRow, x, vecBytes, tailBytes);
        a += 4;
        jRow += rowBytes;
      }
      aRow += innerBytes;
      iRow += rowBytes;
    }
  } else {
    let iRow = (start as usize) * rowBytes;
    let a = values + (start as usize) * innerBytes;
    const aEnd = values + (end as usize) * innerBytes;
    while (a < aEnd) {
      const rowEnd = a + innerBytes;
      let jRow: usize = 0;
      while (a < rowEnd) {
        const x = load<f32>(a);
        if (x !== 0) addScaledRow(out + iRow, b + jRow, x, vecBytes, tailBytes);
        a += 4;
        jRow += rowBytes;
      }
      iRow += rowBytes;
    }
  }
}

/**
 * Dense A (numRows × inner, row-major) times a B of exactly 8 columns, C = A B: each row of C is kept in two
 * f32x4 accumulators over j = 0, 1, … in order (zeros of A included) and stored once. The loop takes two
 * entries of A per step (one branch per two; the sums keep their order, so the result is the same).
 * $$ C_{i,0..8} = \sum_{j=0}^{\mathrm{inner}-1} A_{ij}\, B_{j,0..8} $$
 */
export function thin(a: usize, numRows: i32, inner: i32, b: usize, out: usize): void {
  const aBytes = (inner as usize) << 2;
  const pairBytes = ((inner as usize) >> 1) << 3;
  for (let i = 0; i < numRows; i++) {
    let acc0 = f32x4.splat(0);
    let acc1 = f32x4.splat(0);
    let src = b;
    const aEnd = a + aBytes;
    const pairEnd = a + pairBytes;
    while (a < pairEnd) {
      const v = f32x4.splat(load<f32>(a));
      acc0 = f32x4.add(acc0, f32x4.mul(v, v128.load(src)));
      acc1 = f32x4.add(acc1, f32x4.mul(v, v128.load(src, 16)));
      const w = f32x4.splat(load<f32>(a, 4));
      acc0 = f32x4.add(acc0, f32x4.mul(w, v128.load(src, 32)));
      acc1 = f32x4.add(acc1, f32x4.mul(w, v128.load(src, 48)));
      a += 8;
      src += 64;
    }
    if (a < aEnd) {
      // The last entry of an odd-length row.
      const v = f32x4.splat(load<f32>(a));
      acc0 = f32x4.add(acc0, f32x4.mul(v, v128.load(src)));
      acc1 = f32x4.add(acc1, f32x4.mul(v, v128.load(src, 16)));
      a += 4;
    }
    v128.store(out, acc0);
    v128.store(out, acc1, 16);
    out += 32;
  }
}
