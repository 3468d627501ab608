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
    const tau = f64x2.splat(load<f64>(taus + ((k as usize) << 3)));
    const end = dst + bytes;
    let s = src;
    let d = dst;
    while (d < end) {
      const a = v128.load(s);
      const b = v128.load(d);
      const lo = f64x2.sub(f64x2.promote_low_f32x4(a), f64x2.mul(tau, f64x2.promote_low_f32x4(b)));
      const hi = f64x2.sub(
        f64x2.promote_low_f32x4(v128.shuffle<f32>(a, a, 2, 3, 0, 1)),
        f64x2.mul(tau, f64x2.promote_low_f32x4(v128.shuffle<f32>(b, b, 2, 3, 0, 1))),
      );
      const lo4 = f32x4.demote_f64x2_zero(lo);
      const hi4 = f32x4.demote_f64x2_zero(hi);
      v128.store(d, v128.shuffle<f32>(lo4, hi4, 0, 1, 4, 5));
      s += 16;
      d += 16;
    }
    const t = src;
    src = dst;
    dst = t;
  }
}
