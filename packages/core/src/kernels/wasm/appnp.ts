/**
 * APPNP's K propagation steps with the SIMD module (`pprStep` of `assembly/appnp.ts`): the matrix, H and
 * both buffers of Z are written to its memory once, not once per step, and each step is one call over all
 * rows.
 */
import { type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { paddedCols } from './mat-mul.js';
import { align16, sharedInstance } from './runtime.js';

/**
 * Personalised-PageRank propagation (a pure typed-array kernel; it trusts its inputs):
 * $$ Z^{(0)} = H,\qquad Z^{(k+1)} = (1 - \alpha) A Z^{(k)} + \alpha H,\quad k = 0, \dots, K-1 $$
 * with A numRows × numRows in CSR and H numRows × cols row-major. Each step sums A's row in float32 in
 * stored order (as `simdCsrMatMul`), then rounds fround(fround((1 − α) s) + fround(α h)), as
 * `add(mul(csrMatMul(A, Z), 1 − α), mul(H, α))` does on float32 tensors.
 * @param numSteps - K ≥ 0
 * @param alpha - α, the teleport probability
 * @param target - receives Z^{(K)} instead of a new array
 * @returns Z^{(K)} (numRows · cols entries)
 */
export function simdAppnpPropagation(
  a: CsrParts,
  h: Float32Array,
  cols: number,
  numSteps: number,
  alpha: number,
  target?: Float32Array,
): Float32Array {
  const n = a.numRows;
  const stride = paddedCols(cols);
  const bufferBytes = align16(n * stride * 4);
  const offH = csrBytes(a);
  const offZ = offH + bufferBytes;
  const offOther = offZ + bufferBytes;
  const wasm = sharedInstance(offOther + bufferBytes);
  const m = writeCsr(wasm, a, 0);
  wasm.writeRows(offH, h, n, cols, stride);
  let src = offH;
  let dst = offZ;
  for (let k = 0; k < numSteps; k++) {
    // biome-ignore format: the module's argument order
    wasm.kernels.pprStep(m.indptr, m.indices, m.values, src, offH, dst, stride, 1 - alpha, alpha, 0, n);
    src = dst;
    dst = dst === offZ ? offOther : offZ;
  }
  return wasm.readRows(src, n, cols, stride, target);
}
