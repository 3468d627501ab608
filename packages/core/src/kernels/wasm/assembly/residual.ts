/**
 * AssemblyScript source of the sparse residual block of `../residual.ts` (forward and gradient), compiled with
 * the other kernels of this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). Pointers and sizes
 * are byte offsets into the imported linear memory; nothing is checked.
 *
 * A CSR matrix is (`indptr`, `indices` int32, `values` float32, numRows); dense matrices are row-major with
 * `cols` floats per row (rows need not be 16-byte aligned). The product {@link csrTiled} keeps a tile of 32
 * columns of a row of C in eight f32x4 registers while it sums the rows of B, so B is read once per stored
 * entry and C written once, and B's 32-column strip (rows × 128 bytes) stays in the core's cache across all
 * rows. Per output entry the sum runs over the entries p of the row in order, from 0, as the scalar loop
 * `C_i += A_ip B_p` does: the result is the same bit for bit. Both functions work on a range of columns
 * [colStart, colEnd) of their outputs (colStart a multiple of 32), so that calls on disjoint ranges may run
 * at the same time on the shared memory (`../kernel-threads.ts`) with the same results.
 */

import { addScaledRow } from './rows';

/** Columns of a register tile of {@link csrTiled}: eight f32x4. */
const TILE = 32;

/**
 * C = A B (overwritten) for CSR A (numRows rows) and dense B (cols floats per row), stored zeros of A
 * skipped; then, when `bias` ≠ 0, the epilogue C ← max(C + b, 0) row by row (b: cols floats at `bias`).
 * $$ C_{ik} = \sum_{p} A_{i j_p} B_{j_p k}\quad\text{then}\quad C_{ik} \leftarrow \max(0,\ C_{ik} + b_k) $$
 * Columns in tiles of 32 (registers), the last cols mod 32 in one strip accumulated in memory; only the
 * columns colStart ≤ k < colEnd (colStart a multiple of 32) are computed.
 */
export function csrTiled(
  indptr: usize,
  indices: usize,
  values: usize,
  numRows: i32,
  b: usize,
  out: usize,
  cols: i32,
  bias: usize,
  colStart: i32,
  colEnd: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const zero = f32x4.splat(0);
  const tiled = cols - (cols % TILE);
  const tiledEnd = min(colEnd, tiled);
  for (let c0 = colStart; c0 < tiledEnd; c0 += TILE) {
    const colBytes = (c0 as usize) << 2;
    let dst = out + colBytes;
    let ip = indptr;
    let q = (load<i32>(ip) as usize) << 2;
    for (let i = 0; i < numRows; i++) {
      let a0 = zero;
      let a1 = zero;
      let a2 = zero;
      let a3 = zero;
      let a4 = zero;
      let a5 = zero;
      let a6 = zero;
      let a7 = zero;
      const qEnd = (load<i32>(ip, 4) as usize) << 2;
      while (q < qEnd) {
        const x = load<f32>(values + q);
        if (x !== 0) {
          const v = f32x4.splat(x);
          const s = b + (load<i32>(indices + q) as usize) * rowBytes + colBytes;
          a0 = f32x4.add(a0, f32x4.mul(v, v128.load(s)));
          a1 = f32x4.add(a1, f32x4.mul(v, v128.load(s, 16)));
          a2 = f32x4.add(a2, f32x4.mul(v, v128.load(s, 32)));
          a3 = f32x4.add(a3, f32x4.mul(v, v128.load(s, 48)));
          a4 = f32x4.add(a4, f32x4.mul(v, v128.load(s, 64)));
          a5 = f32x4.add(a5, f32x4.mul(v, v128.load(s, 80)));
          a6 = f32x4.add(a6, f32x4.mul(v, v128.load(s, 96)));
          a7 = f32x4.add(a7, f32x4.mul(v, v128.load(s, 112)));
        }
        q += 4;
      }
      if (bias !== 0) {
        const bb = bias + colBytes;
        a0 = f32x4.max(f32x4.add(a0, v128.load(bb)), zero);
        a1 = f32x4.max(f32x4.add(a1, v128.load(bb, 16)), zero);
        a2 = f32x4.max(f32x4.add(a2, v128.load(bb, 32)), zero);
        a3 = f32x4.max(f32x4.add(a3, v128.load(bb, 48)), zero);
        a4 = f32x4.max(f32x4.add(a4, v128.load(bb, 64)), zero);
        a5 = f32x4.max(f32x4.add(a5, v128.load(bb, 80)), zero);
        a6 = f32x4.max(f32x4.add(a6, v128.load(bb, 96)), zero);
        a7 = f32x4.max(f32x4.add(a7, v128.load(bb, 112)), zero);
      }
      v128.store(dst, a0);
      v128.store(dst, a1, 16);
      v128.store(dst, a2, 32);
      v128.store(dst, a3, 48);
      v128.store(dst, a4, 64);
      v128.store(dst, a5, 80);
      v128.store(dst, a6, 96);
      v128.store(dst, a7, 112);
      dst += rowBytes;
      ip += 4;
    }
  }
  if (colEnd <= tiled) return;
  const width = (cols - tiled) as usize;
  const colBytes = (tiled as usize) << 2;
  const vecBytes = (width >> 2) << 4;
  const tailBytes = (width << 2) - vecBytes;
  let dst = out + colBytes;
  for (let i = 0; i < numRows; i++) {
    memory.fill(dst, 0, width << 2);
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    for (let q = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const x = load<f32>(values + q);
      if (x !== 0) {
        addScaledRow(
          dst,
          b + (load<i32>(indices + q) as usize) * rowBytes + colBytes,
          x,
          vecBytes,
          tailBytes,
        );
      }
    }
    if (bias !== 0) {
      for (let k: usize = 0; k < width; k++) {
        const at = dst + (k << 2);
        store<f32>(at, max<f32>(load<f32>(at) + load<f32>(bias + colBytes + (k << 2)), 0));
      }
    }
    dst += rowBytes;
  }
}

/**
 * C ← C + A at A's stored entries (CSR A, numRows rows; C dense, cols floats per row):
 * $$ C_{i j_p} \leftarrow C_{i j_p} + A_{i j_p} $$
 */
export function addCsr(
  indptr: usize,
  indices: usize,
  values: usize,
  numRows: i32,
  out: usize,
  cols: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  for (let i = 0; i < numRows; i++) {
    const row = out + (i as usize) * rowBytes;
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    for (let q = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const at = row + ((load<i32>(indices + q) as usize) << 2);
      store<f32>(at, load<f32>(at) + load<f32>(values + q));
    }
  }
}

/**
 * The gradient of H = X + relu(Z), Z = X W + b, for CSR X (numRows × cols) given by its transpose Xᵀ (cols
 * rows, CSR), restricted to the columns colStart ≤ k < colEnd (colStart a multiple of 32): dH (at `dh`)
 * becomes dZ there in place, db (cols floats at `db`) receives those columns' sums, rows added in order, and
 * dW (cols × cols at `dw`) those columns of Xᵀ dZ ({@link csrTiled}):
 * $$ dZ_{ik} = dH_{ik}\,[H_{ik} - X_{ik} > 0],\qquad db_k = \sum_i dZ_{ik},\qquad
 *    dW_{jk} = \sum_{i} X_{ij}\, dZ_{ik} $$
 * (X_{ik} = 0 off X's pattern). Column k of dW needs only column k of dZ, so the range is computed one
 * 32-column block after the other ({@link residualGradBlock}), each block's dZ staying in cache for its
 * product.
 */
export function residualGrad(
  indptrT: usize,
  indicesT: usize,
  valuesT: usize,
  numRows: i32,
  h: usize,
  dh: usize,
  db: usize,
  dw: usize,
  cols: i32,
  colStart: i32,
  colEnd: i32,
): void {
  for (let c0 = colStart; c0 < colEnd; c0 += TILE) {
    const c1 = min(c0 + TILE, colEnd);
    residualGradBlock(indptrT, indicesT, valuesT, numRows, h, dh, db, dw, cols, c0, c1);
  }
}

/**
 * {@link residualGrad} for the columns [colStart, colEnd) of one block: first dZ_ik ← 0 where X_ik is stored
 * and H_ik − X_ik ≤ 0 (through Xᵀ), then one pass over the rows in order masks by H_ik > 0 and adds each row
 * into db (the zeros commute, so dZ and db are those of masking first).
 */
function residualGradBlock(
  indptrT: usize,
  indicesT: usize,
  valuesT: usize,
  numRows: i32,
  h: usize,
  dh: usize,
  db: usize,
  dw: usize,
  cols: i32,
  colStart: i32,
  colEnd: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const colBytes = (colStart as usize) << 2;
  const spanBytes = ((colEnd - colStart) as usize) << 2;
  const vecBytes = (spanBytes >> 4) << 4;
  const zero = f32x4.splat(0);
  // Stored entries X_ik of the columns k in range: entry p of row k of Xᵀ has row i = indicesT[p].
  for (let k = colStart; k < colEnd; k++) {
    const qEnd = (load<i32>(indptrT + ((k as usize) << 2), 4) as usize) << 2;
    for (let q = (load<i32>(indptrT + ((k as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const at = (load<i32>(indicesT + q) as usize) * rowBytes + ((k as usize) << 2);
      if (load<f32>(h + at) - load<f32>(valuesT + q) <= 0) store<f32>(dh + at, 0);
    }
  }
  const dbStart = db + colBytes;
  memory.fill(dbStart, 0, spanBytes);
  const hEnd = h + (numRows as usize) * rowBytes;
  let hRow = h + colBytes;
  let gRow = dh + colBytes;
  while (hRow < hEnd) {
    let hp = hRow;
    let gp = gRow;
    let dp = dbStart;
    const vecEnd = gRow + vecBytes;
    while (gp < vecEnd) {
      const g = v128.and(v128.load(gp), f32x4.gt(v128.load(hp), zero));
      v128.store(gp, g);
      v128.store(dp, f32x4.add(v128.load(dp), g));
      hp += 16;
      gp += 16;
      dp += 16;
    }
    const end = gRow + spanBytes;
    while (gp < end) {
      const g = load<f32>(hp) > 0 ? load<f32>(gp) : 0;
      store<f32>(gp, g);
      store<f32>(dp, load<f32>(dp) + g);
      hp += 4;
      gp += 4;
      dp += 4;
    }
    hRow += rowBytes;
    gRow += rowBytes;
  }
  csrTiled(indptrT, indicesT, valuesT, cols, dh, dw, cols, 0, colStart, colEnd);
}
