/**
 * AssemblyScript source of the dropout mask of `../dropout-diffusion.ts`, compiled with the other kernels of
 * this folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). Pointers are byte offsets into the
 * imported linear memory; nothing is checked.
 */

/**
 * Dropout with a byte mask, in place, on the rows [rowStart, rowEnd) of a row-major matrix of `cols` floats
 * per row (rows are independent, so a caller may split them between workers):
 * $$ u_{ic} \leftarrow u_{ic} \cdot (\mathrm{keep}_{ic} \ne 0\ ?\ s : 0) $$
 * with s = `scale` (1/(1 − p)) and `keep` one byte per entry in u's layout; the product is rounded as the
 * float32 product of u with a float32 mask of 0 and s (so −0 where a negative entry is dropped).
 */
export function keepMaskRows(u: usize, keep: usize, cols: i32, scale: f32, rowStart: i32, rowEnd: i32): void {
  const start = (rowStart as usize) * (cols as usize);
  const end = (rowEnd as usize) * (cols as usize);
  const s = f32x4.splat(scale);
  let p = u + (start << 2);
  let k = keep + start;
  const kEnd = keep + end;
  // four entries a step: their bytes widened to i32 lanes, s where a byte is non-zero, else +0
  const vecEnd = kEnd - ((end - start) & 3);
  while (k < vecEnd) {
    const flags = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(k)));
    const m = v128.andnot(s, i32x4.eq(flags, i32x4.splat(0)));
    v128.store(p, f32x4.mul(v128.load(p), m));
    p += 16;
    k += 4;
  }
  while (k < kEnd) {
    store<f32>(p, load<f32>(p) * (load<u8>(k) !== 0 ? scale : 0));
    p += 4;
    k += 1;
  }
}
