/**
 * AssemblyScript source of the fused classifier-into-residual gradient of `../residual-classifier.ts`,
 * compiled with the other kernels of this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`).
 * Pointers are byte offsets into the imported linear memory; nothing is checked.
 *
 * COIN's logits are Z = H W₂ + b₂ with H = X + relu(X W₁ + b₁). From dZ (numRows × classes) one pass over the
 * rows of H gives the classifier's weight gradient and the residual block's together; the masked gradient
 * dR of a row lives only while its row is processed (dH = dZ W₂ᵀ and dR are never stored as matrices):
 * $$ dW_2^\top \mathrel{+}= dZ_{i,:}^\top H_{i,:},\qquad
 *    dR_{i,:} = (dZ_{i,:} W_2^\top) \odot [H_{i,:} - X_{i,:} > 0],\qquad db_1 \mathrel{+}= dR_{i,:},\qquad
 *    dW_{1\,j,:} \mathrel{+}= X_{ij}\, dR_{i,:} \ (X_{ij} \ne 0) $$
 * Each sum keeps the order of the unfused kernels (classes c ascending in dZ W₂ᵀ; rows ascending in dW₂ᵀ,
 * db₁ and dW₁ = Xᵀ dR, as a product over Xᵀ's rows sums them), so the results are the same numbers (zero
 * terms, which those skip, are added here to dW₂ᵀ and db₁: at most the sign of a zero can differ).
 */

import { addScaledRow } from './rows';

/** Classes per register group: W₂ᵀ, dW₂ᵀ and each row of dZ are padded with zeros to a multiple of 8. */
const GROUP = 8;

/**
 * The pass above over all `numRows` rows, for the columns [colStart, colEnd) of H, dR, W₂ᵀ, dW₂ᵀ and db₁
 * only: a block of columns reads and writes nothing of another block's columns, and each of its sums runs
 * in the same order as over all columns (classes ascending for dR, rows ascending for dW₂ᵀ and db₁), so a
 * split of the columns into blocks, on any threads, gives the numbers of one call over all of them. The
 * column sums dW₂ᵀ, db₁ and dW₁ are added to what the buffers hold.
 * X: CSR (`indptr`, `indices`, `values`); H: `cols` floats per row; dR: row i at `dr + i·drStride` bytes
 * (stride 0: one row of scratch rewritten for every row; `cols`·4: the whole dR, which may lie one row
 * behind H, over the rows of H already read); W₂ᵀ and dW₂ᵀ: `classes` rows of `cols` floats; dZ: `classes`
 * floats per row; db₁: `cols` floats; dW₁: `cols` rows of `cols` floats, or 0 to leave dW₁ = Xᵀ dR to the
 * caller (a product over Xᵀ by column tiles, from the stored dR). `classes` is a multiple of 8 (the rows
 * past the real classes hold zeros, which add nothing): each group of 8 classes is splat into registers
 * once per row, and each 4-column step of a row runs the group without a branch.
 */
export function residualClassifierGradCols(
  indptr: usize,
  indices: usize,
  values: usize,
  h: usize,
  w2t: usize,
  dz: usize,
  dr: usize,
  drStride: usize,
  dw2t: usize,
  db: usize,
  dw1: usize,
  cols: i32,
  classes: i32,
  numRows: i32,
  colStart: i32,
  colEnd: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const startBytes = (colStart as usize) << 2;
  const blockBytes = ((colEnd - colStart) as usize) << 2;
  const vecBytes = ((blockBytes >> 4) << 4) as usize;
  const tailBytes = blockBytes - vecBytes;
  const classBytes = (classes as usize) << 2;
  const zero = f32x4.splat(0);
  for (let i = 0; i < numRows; i++) {
    const hRow = h + (i as usize) * rowBytes + startBytes;
    const rRow = dr + (i as usize) * drStride + startBytes;
    const zRow = dz + (i as usize) * classBytes;
    for (let c0: usize = 0; c0 < (classes as usize); c0 += GROUP) {
      // dR_k += Σ_c dZ_ic W₂ᵀ_ck (c ascending) and dW₂ᵀ_ck += dZ_ic H_ik, 4 columns k at a time.
      const g = zRow + (c0 << 2);
      const g0 = f32x4.splat(load<f32>(g));
      const g1 = f32x4.splat(load<f32>(g, 4));
      const g2 = f32x4.splat(load<f32>(g, 8));
      const g3 = f32x4.splat(load<f32>(g, 12));
      const g4 = f32x4.splat(load<f32>(g, 16));
      const g5 = f32x4.splat(load<f32>(g, 20));
      const g6 = f32x4.splat(load<f32>(g, 24));
      const g7 = f32x4.splat(load<f32>(g, 28));
      const first = c0 === 0;
      let w = w2t + c0 * rowBytes + startBytes;
      let d = dw2t + c0 * rowBytes + startBytes;
      let hp = hRow;
      let rp = rRow;
      const end = hRow + vecBytes;
      while (hp < end) {
        const hv = v128.load(hp);
        let acc = first ? zero : v128.load(rp);
        let wk = w;
        let dk = d;
        acc = f32x4.add(acc, f32x4.mul(g0, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g0, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g1, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g1, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g2, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g2, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g3, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g3, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g4, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g4, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g5, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g5, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g6, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g6, hv)));
        wk += rowBytes;
        dk += rowBytes;
        acc = f32x4.add(acc, f32x4.mul(g7, v128.load(wk)));
        v128.store(dk, f32x4.add(v128.load(dk), f32x4.mul(g7, hv)));
        v128.store(rp, acc);
        hp += 16;
        rp += 16;
        w += 16;
        d += 16;
      }
      for (let k = vecBytes; k < blockBytes; k += 4) {
        const hk = load<f32>(hRow + k);
        let acc: f32 = first ? 0 : load<f32>(rRow + k);
        for (let c: usize = c0; c < c0 + GROUP; c++) {
          const gc = load<f32>(zRow + (c << 2));
          const at = c * rowBytes + startBytes + k;
          acc += gc * load<f32>(w2t + at);
          store<f32>(dw2t + at, load<f32>(dw2t + at) + gc * hk);
        }
        store<f32>(rRow + k, acc);
      }
    }
    // The relu's mask: H > 0, and where X has a stored entry in the block H − X > 0 (H > 0 alone does not
    // say it).
    let hp = hRow;
    let rp = rRow;
    const vecEnd = rRow + vecBytes;
    while (rp < vecEnd) {
      v128.store(rp, v128.and(v128.load(rp), f32x4.gt(v128.load(hp), zero)));
      hp += 16;
      rp += 16;
    }
    const end = rRow + blockBytes;
    while (rp < end) {
      if (!(load<f32>(hp) > 0)) store<f32>(rp, 0);
      hp += 4;
      rp += 4;
    }
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    for (let q = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const col = load<i32>(indices + q);
      if (col < colStart || col >= colEnd) continue;
      const k = ((col - colStart) as usize) << 2;
      if (load<f32>(hRow + k) - load<f32>(values + q) <= 0) store<f32>(rRow + k, 0);
    }
    addScaledRow(db + startBytes, rRow, 1, vecBytes, tailBytes);
    if (dw1 === 0) continue;
    for (let q = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2; q < qEnd; q += 4) {
      const x = load<f32>(values + q);
      if (x === 0) continue;
      const dwRow = dw1 + (load<i32>(indices + q) as usize) * rowBytes + startBytes;
      addScaledRow(dwRow, rRow, x, vecBytes, tailBytes);
    }
  }
}
