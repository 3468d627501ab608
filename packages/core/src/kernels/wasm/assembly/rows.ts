/**
 * Row operations shared by the kernels of this folder (not an entry of the module: nothing here is exported
 * from `kernels.wasm`).
 */

/**
 * `dst[0..cols) += x · src[0..cols)`: `vecBytes` (16·⌊cols/4⌋) in f32x4 steps, then `tailBytes` (4·(cols mod 4))
 * one float at a time.
 * $$ d_k \leftarrow d_k + x\, s_k \quad (0 \le k < \mathrm{cols}) $$
 * The optimiser inlines it. The loop nests that call it are written for V8's code generator, each variant
 * measured against the hand-assembled module it replaced: pointers stepped by constant increments (not
 * index arithmetic per entry), one loop nest per orientation (not a select per entry), and the scalar tail
 * skipped as a whole when there is none.
 */
export function addScaledRow(dst: usize, src: usize, x: f32, vecBytes: usize, tailBytes: usize): void {
  const v = f32x4.splat(x);
  let end = dst + vecBytes;
  while (dst < end) {
    v128.store(dst, f32x4.add(v128.load(dst), f32x4.mul(v, v128.load(src))));
    dst += 16;
    src += 16;
  }
  if (tailBytes !== 0) {
    end += tailBytes;
    while (dst < end) {
      store<f32>(dst, load<f32>(dst) + x * load<f32>(src));
      dst += 4;
      src += 4;
    }
  }
}
