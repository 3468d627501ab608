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
 * `C_i += A_ip B_p` does: the result is the same bit for bit.
 */

import { addScaledRow } from './rows';

/** Columns of a register tile of {@link csrTiled}: eight f32x4. */
const TILE = 32;

/**
 * C = A B (overwritten) for CSR A (numRows rows) and dense B (cols floats per row), stored zeros of A
 * skipped; then, when `bias` ≠ 0, the epilogue C ← max(C + b, 0) row by row (b: cols floats at `bias`).
 * $$ C_{ik} = \sum_{p} A_{i j_p} B_{j_p k}\quad\text{then}\quad C_{ik} \leftarrow \max(0,\ C_{ik} + b_k) $$
 * Columns in tiles of 32 (registers), the last cols mod 32 in one strip accumulated in memory.
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
): void {
  const rowBytes = (cols as usize) << 2;
  const zero = f32x4.splat(0);
  const tiled = cols - (cols % TILE);
  for (let c0 = 0; c0 < tiled; c0 += TILE) {
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
  if (tiled === cols) return;
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
 * The relu gradient of H = X + relu(Z) for CSR X, in place: dH (at `dh`) becomes dZ, and db (cols floats,
 * overwritten) its column sums, rows added in order:
 * $$ dZ_{ik} = dH_{ik}\,[H_{ik} - X_{ik} > 0],\qquad db = \mathbf 1^\top dZ $$
 * (X_{ik} = 0 off X's pattern).
 */
export function reluResidualGrad(
  indptr: usize,
  indices: usize,
  values: usize,
  numRows: i32,
  h: usize,
  dh: usize,
  db: usize,
  cols: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const vecBytes = ((cols as usize) >> 2) << 4;
  const tailBytes = rowBytes - vecBytes;
  const zero = f32x4.splat(0);
  memory.fill(db, 0, rowBytes);
  for (let i = 0; i < numRows; i++) {
    const hRow = h + (i as usize) * rowBytes;
    const gRow = dh + (i as usize) * rowBytes;
    let hp = hRow;
    let gp = gRow;
    const vecEnd = gRow + vecBytes;
    while (gp < vecEnd) {
      v128.store(gp, v128.and(v128.load(gp), f32x4.gt(v128.load(hp), zero)));
      hp += 16;
      gp += 16;
    }
    const end = vecEnd + tailBytes;
    while (gp < end) {
      if (!(load<f32>(hp) > 0)) store<f32>(gp, 0);
      hp += 4;
      gp += 4;
    }
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    for (let q = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const k = (load<i32>(indices + q) as usize) << 2;
      if (load<f32>(hRow + k) - load<f32>(values + q) <= 0) store<f32>(gRow + k, 0);
    }
    addScaledRow(db, gRow, 1, vecBytes, tailBytes);
  }
}
