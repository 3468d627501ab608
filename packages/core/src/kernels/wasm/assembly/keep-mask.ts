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
  let p = u + (start << 2);
  let k = keep + start;
  const kEnd = keep + end;
  while (k < kEnd) {
    store<f32>(p, load<f32>(p) * (load<u8>(k) !== 0 ? scale : 0));
    p += 4;
    k += 1;
  }
}
