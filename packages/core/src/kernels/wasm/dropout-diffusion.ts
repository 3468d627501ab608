/**
 * K dropout-then-diffusion steps in the SIMD module: the Laplacian, both buffers of u and the K byte masks
 * are written to its memory once, and each step is two calls (`keepMaskRows` of `assembly/keep-mask.ts`,
 * then one step of `explicitSteps` of `assembly/diffusion.ts`), so u never leaves the module between steps.
 */
import { type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { paddedCols } from './mat-mul.js';
import { align16, sharedInstance } from './runtime.js';

/**
 * Dropout before each explicit diffusion step, or the adjoint (a pure typed-array kernel; it trusts its
 * inputs). With D_k u = u ⊙ (keep_k ? s : 0) and S_k = I − τ_k L:
 * $$ \text{forward: } u \leftarrow S_k D_k u\ (k = 0, \dots, K-1),\qquad
 *    \text{adjoint: } u \leftarrow D_k S_k^\top u\ (k = K-1, \dots, 0) $$
 * L numRows × numRows in CSR, u numRows × cols row-major, keep K·numRows·cols bytes (mask k, row-major, at
 * k·numRows·cols). Each step rounds as `explicitDiffusion` (float32 product, float64 update rounded once)
 * and each mask as a float32 product with a mask of 0 and s.
 * @param scale - s, the factor of kept entries (1/(1 − p))
 * @param stepSizes - τ_0, …, τ_{K−1}
 * @param adjoint - run the adjoint (the gradient) instead
 * @param target - receives the result instead of a new array
 * @returns u after the K steps (numRows · cols entries)
 */
export function simdDropoutDiffusion(
  laplacian: CsrParts,
  u: Float32Array,
  cols: number,
  keep: Uint8Array,
  scale: number,
  stepSizes: readonly number[],
  adjoint: boolean,
  target?: Float32Array,
): Float32Array {
  const n = laplacian.numRows;
  const numSteps = stepSizes.length;
  const stride = paddedCols(cols);
  const bufferBytes = align16(n * stride * 4);
  const maskBytes = n * stride;
  const offU = csrBytes(laplacian);
  const offOther = offU + bufferBytes;
  const offTaus = offOther + bufferBytes;
  const offKeep = offTaus + 8 * numSteps;
  const wasm = sharedInstance(offKeep + numSteps * maskBytes);
  const l = writeCsr(wasm, laplacian, 0);
  wasm.writeRows(offU, u, n, cols, stride);
  wasm.write(offTaus, Float64Array.from(stepSizes));
  const bytes = new Uint8Array(wasm.f32(offKeep, 0).buffer, offKeep, numSteps * maskBytes);
  if (stride === cols) bytes.set(keep.subarray(0, numSteps * maskBytes));
  else {
    bytes.fill(0);
    for (let r = 0; r < numSteps * n; r++) bytes.set(keep.subarray(r * cols, (r + 1) * cols), r * stride);
  }
  let src = offU;
  let dst = offOther;
  for (let s = 0; s < numSteps; s++) {
    const k = adjoint ? numSteps - 1 - s : s;
    const mask = offKeep + k * maskBytes;
    if (!adjoint) wasm.kernels.keepMaskRows(src, mask, stride, scale, 0, n);
    // biome-ignore format: the module's argument order
    wasm.kernels.explicitSteps(l.indptr, l.indices, l.values, n, src, dst, stride, offTaus + 8 * k, 1,
      adjoint ? 1 : 0);
    if (adjoint) wasm.kernels.keepMaskRows(dst, mask, stride, scale, 0, n);
    [src, dst] = [dst, src];
  }
  return wasm.readRows(src, n, cols, stride, target);
}
