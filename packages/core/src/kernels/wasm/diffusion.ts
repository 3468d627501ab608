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
import { align16, sharedInstance } from './runtime.js';

/** Rows per block of a step split over the kernel threads. */
const STEP_GRAIN = 64;

/**
 * Bytes of one padded buffer of u (or of C, in `simdCsrMatMul`) from which a width that is not a multiple of
 * 4 runs in two parts (see {@link simdExplicitDiffusion}): about where it stops fitting the caches. On an SBM graph of 10⁶ nodes
 * (5 columns), steps on rows of 4 floats took half the time of steps on rows padded to 8.
 */
export const NARROW_TAIL_MIN_BYTES = 1 << 22;

/** Columns [start, start + width) of u, in the memory as rows of `stride` floats (zero padding past width). */
interface Part {
  readonly start: number;
  readonly width: number;
  readonly stride: number;
}

/**
 * Explicit diffusion (a pure typed-array kernel; it trusts its inputs):
 * $$ u^{(k+1)} = u^{(k)} - \tau_k\, \mathrm{op}(L)\, u^{(k)},\quad k = 0, \dots, K-1,\qquad
 *    \mathrm{op}(L) = L \text{ or } L^\top $$
 * with L numRows × numRows in CSR and u numRows × cols row-major. Each product is the module's float32 `spmm`
 * (the same bits on any number of threads: every row is summed whole by one thread);
 * each update is computed in float64 and rounded once to float32, as the loop
 * `next[i] = u[i] − τ · next[i]` over float32 arrays does. Columns are independent, so on a large u whose
 * width is not a multiple of 4 (COIN's 5 classes), the steps run first on the first 4·⌊cols/4⌋ columns and
 * then on the last cols mod 4, unpadded (`explicitStepRowsNarrow`): the rows gathered at random take
 * 16 + 4 bytes instead of 32, the same bits.
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
  const stride = Math.ceil(cols / 4) * 4; // whole f32x4 per row, as the kernels step
  const rowSplit = !transposeL || storedSymmetric(laplacian);
  const tail = cols % 4;
  const parts: Part[] =
    rowSplit && cols > 4 && tail !== 0 && n * stride * 4 >= NARROW_TAIL_MIN_BYTES
      ? [
          { start: 0, width: cols - tail, stride: cols - tail },
          { start: cols - tail, width: tail, stride: tail },
        ]
      : [{ start: 0, width: cols, stride }];
  // each part in turn: u and its step buffer as wide as the widest part (4 floats for COIN's 5 classes, not 8)
  const bufferBytes = align16(n * Math.max(...parts.map((p) => p.stride)) * 4);
  const offU = csrBytes(laplacian);
  const offOther = offU + bufferBytes;
  const offTaus = offOther + bufferBytes;
  const wasm = sharedInstance(offTaus + 8 * stepSizes.length);
  const l = writeCsr(wasm, laplacian, 0);
  wasm.write(offTaus, Float64Array.from(stepSizes));
  const last = stepSizes.length % 2 === 0 ? offU : offOther;
  for (const part of parts) {
    wasm.writeColumns(offU, u, n, cols, part.start, part.width, part.stride);
    if (!rowSplit) {
      // biome-ignore format: the module's argument order
      wasm.kernels.explicitSteps(l.indptr, l.indices, l.values, n, offU, offOther, stride, offTaus,
        stepSizes.length, 1);
    } else {
      const kernel = part.stride % 4 === 0 ? 'explicitStepRows' : 'explicitStepRowsNarrow';
      const work = laplacian.indices.length * part.stride;
      stepSizes.forEach((tau, k) => {
        const [src, dst] = k % 2 === 0 ? [offU, offOther] : [offOther, offU];
        // biome-ignore format: the module's argument order
        runSplit(wasm, kernel, n, STEP_GRAIN, work, (start, end) => [l.indptr, l.indices, l.values, src, dst,
          part.stride, tau, start, end]);
      });
    }
    wasm.readColumns(last, n, cols, part.start, part.width, part.stride, out);
  }
  return out;
}
