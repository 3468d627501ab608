/**
 * AssemblyScript source of the per-head edge operations of `../edge-ops.ts` (GAT's weighted aggregation and
 * the dot-product SDDMM), compiled with the other kernels of this folder into `dist/wasm/kernels.wasm` (see
 * `../runtime.ts`). Pointers are byte offsets into the imported linear memory; `src`, `dst` are int32 node
 * ids per edge, the dense matrices row-major with `width` floats per row, split into `heads` column blocks
 * of d = width / heads; nothing is checked.
 */

import { addScaledRow } from './rows';

/**
 * Edge-weighted aggregation per head, accumulated into `out` (numNodes × width, zeroed by the caller), edges
 * in order:
 * $$ Y_{\mathrm{dst}_e,\, hd + c} \mathrel{+}= w_{e,h}\, X_{\mathrm{src}_e,\, hd + c}\quad (0 \le c < d) $$
 * with w numEdges × heads row-major; zero weights (dropped attention) are skipped.
 */
export function edgeSpmm(
  src: usize,
  dst: usize,
  weights: usize,
  numEdges: i32,
  heads: i32,
  x: usize,
  out: usize,
  width: i32,
): void {
  const d = width / heads;
  const vecBytes = ((d >> 2) << 4) as usize;
  const tailBytes = ((d & 3) << 2) as usize;
  const rowBytes = (width << 2) as usize;
  const blockBytes = (d << 2) as usize;
  let w = weights;
  for (let e = 0; e < numEdges; e++) {
    const from = x + (load<i32>(src + ((e as usize) << 2)) as usize) * rowBytes;
    const to = out + (load<i32>(dst + ((e as usize) << 2)) as usize) * rowBytes;
    for (let h = 0; h < heads; h++) {
      const weight = load<f32>(w);
      w += 4;
      if (weight === 0) continue;
      const offset = (h as usize) * blockBytes;
      addScaledRow(to + offset, from + offset, weight, vecBytes, tailBytes);
    }
  }
}

/**
 * Dot-product SDDMM per head:
 * $$ s_{e,h} = \sum_{c < d} A_{\mathrm{src}_e,\, hd + c}\, B_{\mathrm{dst}_e,\, hd + c} $$
 * into `out` (numEdges × heads row-major), summed in four f32x4 lanes, then the lanes and the scalar tail.
 */
export function sddmmDot(
  src: usize,
  dst: usize,
  a: usize,
  b: usize,
  numEdges: i32,
  heads: i32,
  width: i32,
  out: usize,
): void {
  const d = width / heads;
  const vecBytes = ((d >> 2) << 4) as usize;
  const tailBytes = ((d & 3) << 2) as usize;
  const rowBytes = (width << 2) as usize;
  let o = out;
  for (let e = 0; e < numEdges; e++) {
    let pa = a + (load<i32>(src + ((e as usize) << 2)) as usize) * rowBytes;
    let pb = b + (load<i32>(dst + ((e as usize) << 2)) as usize) * rowBytes;
    for (let h = 0; h < heads; h++) {
      let acc = f32x4.splat(0);
      const vecEnd = pa + vecBytes;
      while (pa < vecEnd) {
        acc = f32x4.add(acc, f32x4.mul(v128.load(pa), v128.load(pb)));
        pa += 16;
        pb += 16;
      }
      let s =
        f32x4.extract_lane(acc, 0) +
        f32x4.extract_lane(acc, 1) +
        f32x4.extract_lane(acc, 2) +
        f32x4.extract_lane(acc, 3);
      const end = pa + tailBytes;
      while (pa < end) {
        s += load<f32>(pa) * load<f32>(pb);
        pa += 4;
        pb += 4;
      }
      store<f32>(o, s);
      o += 4;
    }
  }
}
