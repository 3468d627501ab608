/**
 * K explicit diffusion steps in one call of the SIMD module (`explicitSteps` of `assembly/diffusion.ts`):
 * L and both buffers of u are written to its memory once, not once per step.
 */
import { type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { paddedCols } from './mat-mul.js';
import { align16, sharedInstance } from './runtime.js';

/**
 * Explicit diffusion (a pure typed-array kernel; it trusts its inputs):
 * $$ u^{(k+1)} = u^{(k)} - \tau_k\, \mathrm{op}(L)\, u^{(k)},\quad k = 0, \dots, K-1,\qquad
 *    \mathrm{op}(L) = L \text{ or } L^\top $$
 * with L numRows × numRows in CSR and u numRows × cols row-major. Each product is the module's float32 `spmm`;
 * each update is computed in float64 and rounded once to float32, as the loop
 * `next[i] = u[i] − τ · next[i]` over float32 arrays does.
 * @param stepSizes - τ_0, …, τ_{K−1}, applied in order
 * @param target - receives u^{(K)} instead of a new array
 * @returns u^{(K)} (numRows · cols entries)
 */
export function simdExplicitDiffusion(
  laplacian: CsrParts,
  u: Float32Array,
  cols: number,
  stepSizes: readonly number[],
  transposeL: boolean,
  target?: Float32Array,
): Float32Array {
  const n = laplacian.numRows;
  const out = target ?? new Float32Array(n * cols);
  const stride = paddedCols(cols);
  const bufferBytes = align16(n * stride * 4);
  const offU = csrBytes(laplacian);
  const offOther = offU + bufferBytes;
  const offTaus = offOther + bufferBytes;
  const wasm = sharedInstance(offTaus + 8 * stepSizes.length);
  const l = writeCsr(wasm, laplacian, 0);
  wasm.writeRows(offU, u, n, cols, stride);
  wasm.write(offTaus, Float64Array.from(stepSizes));
  // biome-ignore format: the module's argument order
  wasm.kernels.explicitSteps(l.indptr, l.indices, l.values, n, offU, offOther, stride, offTaus, stepSizes.length,
    transposeL ? 1 : 0);
  return wasm.readRows(stepSizes.length % 2 === 0 ? offU : offOther, n, cols, stride, out);
}
