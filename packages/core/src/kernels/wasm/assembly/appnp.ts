/**
 * AssemblyScript source of APPNP's propagation step (`../appnp.ts`), compiled with the other kernels of this
 * folder into `dist/wasm/kernels.wasm` (see `../runtime.ts`). Pointers are byte offsets into the imported
 * linear memory; nothing is checked.
 */

import { addScaledRow } from './rows';

/**
 * One personalised-PageRank step on the rows [rowStart, rowEnd) of the output (rows are independent, so a
 * caller may split a step's rows between workers):
 * $$ Z'_{i,:} = \kappa \sum_{p} \mathrm{values}_p\, Z_{\mathrm{indices}_p,:} + \alpha H_{i,:} \qquad
 *    (\mathrm{indptr}_i \le p < \mathrm{indptr}_{i+1}) $$
 * with κ = `keep` (1 − α) and α = `teleport`. Z, H and Z' are row-major with `cols` floats per row (f32x4
 * steps, then a scalar tail of cols mod 4); the sum runs over p in order in float32, skipping stored zeros
 * (the order of `spmm` of `mat-mul.ts`), then each entry is rounded as fround(fround(κ s) + fround(α h)).
 */
export function pprStep(
  indptr: usize,
  indices: usize,
  values: usize,
  z: usize,
  h: usize,
  out: usize,
  cols: i32,
  keep: f32,
  teleport: f32,
  rowStart: i32,
  rowEnd: i32,
): void {
  const rowBytes = (cols as usize) << 2;
  const vecBytes = ((cols as usize) >> 2) << 4;
  const tailBytes = rowBytes - vecBytes;
  const k = f32x4.splat(keep);
  const a = f32x4.splat(teleport);
  let ptr = indptr + ((rowStart as usize) << 2);
  const ptrEnd = indptr + ((rowEnd as usize) << 2);
  let iRow = (rowStart as usize) * rowBytes;
  while (ptr < ptrEnd) {
    const dst = out + iRow;
    memory.fill(dst, 0, rowBytes);
    let q = (load<i32>(ptr) as usize) << 2;
    const qEnd = (load<i32>(ptr, 4) as usize) << 2;
    while (q < qEnd) {
      const x = load<f32>(values + q);
      if (x !== 0)
        addScaledRow(dst, z + (load<i32>(indices + q) as usize) * rowBytes, x, vecBytes, tailBytes);
      q += 4;
    }
    let d = dst;
    let s = h + iRow;
    const vecEnd = dst + vecBytes;
    while (d < vecEnd) {
      v128.store(d, f32x4.add(f32x4.mul(k, v128.load(d)), f32x4.mul(a, v128.load(s))));
      d += 16;
      s += 16;
    }
    const end = dst + rowBytes;
    while (d < end) {
      store<f32>(d, keep * load<f32>(d) + teleport * load<f32>(s));
      d += 4;
      s += 4;
    }
    ptr += 4;
    iRow += rowBytes;
  }
}
