/**
 * The per-head edge operations of GAT in the SIMD module (`edgeSpmm`, `sddmmDot` of `assembly/edge-ops.ts`):
 * the edge lists, the edge weights and the node matrices are written to its memory, one call runs over all
 * edges, the result is read back. Edges in any order.
 */
import { align16, sharedInstance, type WasmInstance } from './runtime.js';

/** Writes `src` at byte 0 and `dst` after it (both take 2·align16(4·numEdges) bytes); returns dst's offset. */
function writeEdges(wasm: WasmInstance, src: Int32Array, dst: Int32Array): number {
  const offDst = align16(src.length * 4);
  wasm.write(0, src);
  wasm.write(offDst, dst);
  return offDst;
}

/**
 * Edge-weighted product per head (a pure typed-array kernel; it trusts its inputs):
 * $$ Y_{i,\, hd + c} = \sum_{e:\, \mathrm{dst}_e = i} w_{e,h}\, X_{\mathrm{src}_e,\, hd + c},\quad d = \mathrm{width}/H $$
 * summed in edge order in float32.
 * @param weights - w, numEdges × H row-major
 * @param x - X, numNodes × width row-major
 * @returns Y, numNodes × width row-major
 */
export function simdEdgeSpmm(
  weights: Float32Array,
  numHeads: number,
  x: Float32Array,
  width: number,
  src: Int32Array,
  dst: Int32Array,
  numNodes: number,
): Float32Array {
  const offWeights = 2 * align16(src.length * 4);
  const offX = offWeights + align16(weights.length * 4);
  const offOut = offX + align16(x.length * 4);
  const wasm = sharedInstance(offOut + numNodes * width * 4);
  const offDst = writeEdges(wasm, src, dst);
  wasm.write(offWeights, weights);
  wasm.write(offX, x);
  wasm.f32(offOut, numNodes * width).fill(0);
  // biome-ignore format: the module's argument order
  wasm.kernels.edgeSpmm(0, offDst, offWeights, src.length, numHeads, offX, offOut, width);
  return wasm.f32(offOut, numNodes * width).slice();
}

/**
 * Dot-product SDDMM per head (a pure typed-array kernel; it trusts its inputs):
 * $$ s_{e,h} = \sum_{c < d} A_{\mathrm{src}_e,\, hd + c}\, B_{\mathrm{dst}_e,\, hd + c},\quad d = \mathrm{width}/H $$
 * summed in four float32 lanes.
 * @param a - A, numNodes × width row-major
 * @param b - B, numNodes × width row-major
 * @returns s, numEdges × H row-major
 */
export function simdSddmmDot(
  a: Float32Array,
  b: Float32Array,
  width: number,
  src: Int32Array,
  dst: Int32Array,
  numHeads: number,
): Float32Array {
  const offA = 2 * align16(src.length * 4);
  const offB = offA + align16(a.length * 4);
  const offOut = offB + align16(b.length * 4);
  const wasm = sharedInstance(offOut + src.length * numHeads * 4);
  const offDst = writeEdges(wasm, src, dst);
  wasm.write(offA, a);
  wasm.write(offB, b);
  // biome-ignore format: the module's argument order
  wasm.kernels.sddmmDot(0, offDst, offA, offB, src.length, numHeads, width, offOut);
  return wasm.f32(offOut, src.length * numHeads).slice();
}
