/**
 * K explicit diffusion steps with the SIMD module (`assembly/diffusion.ts`): L and both buffers of u are
 * written to its memory once, not once per step. With L untransposed, or transposed but stored as its own
 * transpose ({@link storedSymmetric}: COIN's L of an undirected graph, as the adjoint steps of the gradient
 * use it), each step is split by rows over the kernel threads (`explicitStepRows`, one split call per step);
 * otherwise Lᵀ u scatters into rows of other blocks, so the transposed steps run as one call
 * (`explicitSteps`) on the calling thread.
 */
import { type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { storedSymmetric } from './csr-symmetry.js';
import { runSplit } from './kernel-threads.js';
import { paddedCols } from './mat-mul.js';
import { align16, sharedInstance } from './runtime.js';

/** Rows per block of a step split over the kernel threads. */
const STEP_GRAIN = 64;

/**
 * Explicit diffusion (a pure typed-array kernel; it trusts its inputs):
 * $$ u^{(k+1)} = u^{(k)} - \tau_k\, \mathrm{op}(L)\, u^{(k)},\quad k = 0, \dots, K-1,\qquad
 *    \mathrm{op}(L) = L \text{ or } L^\top $$
 * with L numRows × numRows in CSR and u numRows × cols row-major. Each product is the module's float32 `spmm`
 * (the same bits on any number of threads: every row is summed whole by one thread);
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
  if (transposeL && !storedSymmetric(laplacian)) {
    // biome-ignore format: the module's argument order
    wasm.kernels.explicitSteps(l.indptr, l.indices, l.values, n, offU, offOther, stride, offTaus,
      stepSizes.length, 1);
  } else {
    const work = laplacian.indices.length * stride;
    stepSizes.forEach((tau, k) => {
      const [src, dst] = k % 2 === 0 ? [offU, offOther] : [offOther, offU];
      // biome-ignore format: the module's argument order
      runSplit(wasm, 'explicitStepRows', n, STEP_GRAIN, work, (start, end) => [l.indptr, l.indices, l.values,
        src, dst, stride, tau, start, end]);
    });
  }
  return wasm.readRows(stepSizes.length % 2 === 0 ? offU : offOther, n, cols, stride, out);
}
