/**
 * AssemblyScript source of the fused explicit diffusion of `../diffusion.ts`, compiled with the other
 * kernels of this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). Pointers are byte offsets into
 * the imported linear memory; nothing is checked.
 */

import { spmm } from './mat-mul';

/**
 * K explicit steps in one call, L (CSR, numRows × numRows) and both buffers staying in the memory:
 * $$ u \leftarrow u - \tau_k\, \mathrm{op}(L)\, u \qquad (k = 0, \dots, K-1) $$
 * `u` and `other` hold numRows × cols floats, each rounded up to whole f32x4 (the update runs over 16-byte
 * steps; lanes past the matrix are padding); `taus` holds K float64 step sizes. Step k
 * reads one buffer and writes the other (starting from `u`), so the result is in `u` when K is even and in
 * `other` when K is odd. op(L) u is `spmm`'s float32 product; the update is computed in float64 and rounded
 * once to float32, as JavaScript's `next[i] = u[i] − τ · next[i]` on float32 arrays does (bit-identical).
 */
export function explicitSteps(
  indptr: usize,
  indices: usize,
  values: usize,
  numRows: i32,
  u: usize,
  other: usize,
  cols: i32,
  taus: usize,
  numSteps: i32,
  transpose: i32,
): void {
  const bytes = (numRows as usize) * ((cols as usize) << 2);
  let src = u;
  let dst = other;
  for (let k = 0; k < numSteps; k++) {
    memory.fill(dst, 0, bytes);
    spmm(indptr, indices, values, numRows, src, dst, cols, transpose, 0, 0, numRows);
    update(src, dst, bytes, load<f64>(taus + ((k as usize) << 3)));
    const t = src;
    src = dst;
    dst = t;
  }
}

/**
 * Rows [start, end) of one explicit step with L untransposed, fused into one pass over those rows (each row
 * of L u reads only row i of L, so blocks of rows are independent):
 * $$ \mathrm{dst}_{i,:} = \mathrm{src}_{i,:} - \tau\,(L\,\mathrm{src})_{i,:} \qquad (start \le i < end) $$
 * Each f32x4 of (L src)_{i,:} is summed in a register over the row's nonzero entries in stored order, as
 * `spmm` sums it into memory from zero, then updated as in {@link explicitSteps}: the same bits, without
 * zeroing `dst` or reading it back. Two f32x4 (32 bytes) of a row are summed in one pass over its entries,
 * so that each gathered row src_{j,:} of up to 8 floats is read from memory once. `src` and `dst` hold
 * numRows × cols floats, cols a multiple of 4 (padded as in {@link explicitSteps}).
 */
export function explicitStepRows(
  indptr: usize,
  indices: usize,
  values: usize,
  src: usize,
  dst: usize,
  cols: i32,
  tau: f64,
  start: i32,
  end: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const t = f64x2.splat(tau);
  for (let i = start; i < end; i++) {
    const qStart = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2;
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    const iRow = (i as usize) * rowBytes;
    for (let c: usize = 0; c < rowBytes; c += 32) {
      const pair = c + 16 < rowBytes;
      let acc0 = f32x4.splat(0);
      let acc1 = f32x4.splat(0);
      for (let q = qStart; q < qEnd; q += 4) {
        const x = load<f32>(values + q);
        if (x !== 0) {
          const jRow = src + (load<i32>(indices + q) as usize) * rowBytes + c;
          const xs = f32x4.splat(x);
          acc0 = f32x4.add(acc0, f32x4.mul(xs, v128.load(jRow)));
          if (pair) acc1 = f32x4.add(acc1, f32x4.mul(xs, v128.load(jRow, 16)));
        }
      }
      v128.store(dst + iRow + c, updated(v128.load(src + iRow + c), acc0, t));
      if (pair) v128.store(dst + iRow + c, updated(v128.load(src + iRow + c, 16), acc1, t), 16);
    }
  }
}

/** dst ← src − τ · dst over `bytes` (a multiple of 16). */
function update(src: usize, dst: usize, bytes: usize, tau: f64): void {
  const t = f64x2.splat(tau);
  const end = dst + bytes;
  let s = src;
  let d = dst;
  while (d < end) {
    v128.store(d, updated(v128.load(s), v128.load(d), t));
    s += 16;
    d += 16;
  }
}

/** a − τ b for four floats, computed in float64 and rounded once to float32 (τ splat in both lanes of t). */
function updated(a: v128, b: v128, t: v128): v128 {
  const lo = f64x2.sub(f64x2.promote_low_f32x4(a), f64x2.mul(t, f64x2.promote_low_f32x4(b)));
  const hi = f64x2.sub(
    f64x2.promote_low_f32x4(v128.shuffle<f32>(a, a, 2, 3, 0, 1)),
    f64x2.mul(t, f64x2.promote_low_f32x4(v128.shuffle<f32>(b, b, 2, 3, 0, 1))),
  );
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5);
}

/**
 * {@link explicitStepRows} for rows of `width` = 1 to 3 floats, unpadded (the last cols mod 4 columns of u,
 * kept apart from the others so that their rows take 4 to 12 bytes of the cache instead of 16): each
 * float summed in a scalar register in the order and arithmetic of one lane of the f32x4 sums, and
 * updated as one lane of {@link updated}, so the bits are those of the padded kernel.
 */
export function explicitStepRowsNarrow(
  indptr: usize,
  indices: usize,
  values: usize,
  src: usize,
  dst: usize,
  width: i32,
  tau: f64,
  start: i32,
  end: i32,
): void {
  const rowBytes = (width as usize) << 2;
  for (let i = start; i < end; i++) {
    const qStart = (load<i32>(indptr + ((i as usize) << 2)) as usize) << 2;
    const qEnd = (load<i32>(indptr + ((i as usize) << 2), 4) as usize) << 2;
    let a0: f32 = 0;
    let a1: f32 = 0;
    let a2: f32 = 0;
    for (let q = qStart; q < qEnd; q += 4) {
      const x = load<f32>(values + q);
      if (x !== 0) {
        const s = src + (load<i32>(indices + q) as usize) * rowBytes;
        a0 += x * load<f32>(s);
        if (width > 1) a1 += x * load<f32>(s, 4);
        if (width > 2) a2 += x * load<f32>(s, 8);
      }
    }
    const s = src + (i as usize) * rowBytes;
    const d = dst + (i as usize) * rowBytes;
    store<f32>(d, ((load<f32>(s) as f64) - tau * (a0 as f64)) as f32);
    if (width > 1) store<f32>(d, ((load<f32>(s, 4) as f64) - tau * (a1 as f64)) as f32, 4);
    if (width > 2) store<f32>(d, ((load<f32>(s, 8) as f64) - tau * (a2 as f64)) as f32, 8);
  }
}
