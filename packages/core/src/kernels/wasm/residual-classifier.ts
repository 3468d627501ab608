/**
 * The gradient of COIN's classifier on its residual block, Z = H W₂ + b₂ with H = X + relu(X W₁ + b₁), in
 * WebAssembly SIMD: `residualClassifierGradCols` of `assembly/classifier.ts` (dW₂, db₁ and the masked dR in one
 * pass over the rows of H, dH = dZ W₂ᵀ never stored), then `csrTiled` of `assembly/residual.ts` for
 * dW₁ = Xᵀ dR, split by blocks of 32 columns of dW₁ over the kernel threads ({@link runSplit}). The pass over
 * H stays one call on the calling thread: it is bound by memory traffic, and split by column blocks it took
 * twice as long on 2 threads as on one (Cora, quiet 2-core machine). The operands are copied into the memory
 * of the shared {@link WasmInstance} once and the results out once; dR stays in the memory between the calls.
 */
import { type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { runSplit } from './kernel-threads.js';
import { simdDenseMatMul, THIN_COLS, thinInMemory } from './mat-mul.js';
import { residualInMemory, simdResidualForward, TILE_COLS, transposeOf } from './residual.js';
import { align16, sharedInstance } from './runtime.js';

/** Classes per register group of the module's pass (W₂ᵀ and the rows of dZ are padded with zeros to it). */
const CLASS_GROUP = 8;

/**
 * COIN's residual block and classifier (a pure typed-array kernel; it trusts its inputs):
 * $$ H = X + \operatorname{relu}(X W_1 + b_1),\qquad Z = H W_2 + b_2 $$
 * the numbers of {@link simdResidualForward} then {@link simdDenseMatMul} (b₂ added row by row in float32).
 * With at most 8 classes the product runs on H where the block left it in the module's memory (no copy of H
 * back in). X numRows × cols (CSR), W₁ cols × cols, W₂ cols × classes, all row-major.
 * @param hTarget - receives H (numRows · cols entries)
 * @param zTarget - receives Z (numRows · classes entries)
 */
export function simdResidualClassifierForward(
  x: CsrParts,
  w1: Float32Array,
  b1: Float32Array,
  w2: Float32Array,
  b2: Float32Array,
  cols: number,
  classes: number,
  hTarget: Float32Array,
  zTarget: Float32Array,
): void {
  const n = x.numRows;
  if (classes > THIN_COLS) {
    simdResidualForward(x, w1, b1, cols, hTarget);
    simdDenseMatMul(hTarget, n, cols, w2, classes, false, zTarget);
  } else {
    const extra = align16(cols * THIN_COLS * 4) + n * THIN_COLS * 4;
    const { wasm, offH, free: offW2 } = residualInMemory(x, w1, b1, cols, extra);
    const offZ = offW2 + align16(cols * THIN_COLS * 4);
    wasm.writeRows(offW2, w2, cols, classes, THIN_COLS);
    thinInMemory(wasm, offH, n, cols, offW2, offZ);
    hTarget.set(wasm.f32(offH, n * cols));
    wasm.readRows(offZ, n, classes, THIN_COLS, zTarget);
  }
  for (let r = 0; r < zTarget.length; r += classes) for (let c = 0; c < classes; c++) zTarget[r + c] += b2[c];
}

/** The weight gradients of {@link simdResidualClassifierBackward}. */
export interface ResidualClassifierGrads {
  /** ∂ℓ/∂W₁ = Xᵀ dR, cols × cols. */
  readonly dw1: Float32Array;
  /** ∂ℓ/∂b₁ = 1ᵀ dR, cols. */
  readonly db1: Float32Array;
  /** ∂ℓ/∂W₂ = Hᵀ dZ, cols × classes. */
  readonly dw2: Float32Array;
}

/**
 * Gradient of Z = H W₂ + b₂, H = X + relu(X W₁ + b₁), to W₁, b₁ and W₂ from H and dZ (a pure typed-array
 * kernel; it trusts its inputs):
 * $$ dR = (dZ\, W_2^\top) \odot [H - X > 0],\quad \frac{\partial\ell}{\partial W_1} = X^\top dR,\quad
 *    \frac{\partial\ell}{\partial b_1} = \mathbf 1^\top dR,\quad \frac{\partial\ell}{\partial W_2} = H^\top dZ $$
 * The numbers of the unfused kernels (dZ W₂ᵀ and dZᵀH as `simdDenseMatMul`, the mask and db₁ as
 * `simdResidualBackward`). X numRows × cols (CSR), H numRows × cols, W₂ cols × classes, dZ numRows × classes,
 * all row-major.
 * @param target - receives dW₁ (cols · cols entries) instead of a new array
 */
export function simdResidualClassifierBackward(
  x: CsrParts,
  h: Float32Array,
  w2: Float32Array,
  dz: Float32Array,
  cols: number,
  classes: number,
  target?: Float32Array,
): ResidualClassifierGrads {
  const n = x.numRows;
  const size = n * cols;
  const groups = Math.ceil(classes / CLASS_GROUP) * CLASS_GROUP;
  const xt = transposeOf(x, cols);
  const offXt = csrBytes(x);
  const offH = offXt + csrBytes(xt);
  const offDr = offH + align16(size * 4);
  const offDz = offDr + align16(size * 4);
  const offW2t = offDz + align16(n * groups * 4);
  const offDw2t = offW2t + align16(groups * cols * 4);
  const offDb = offDw2t + align16(groups * cols * 4);
  const offDw = offDb + align16(cols * 4);
  const wasm = sharedInstance(offDw + cols * cols * 4);
  const a = writeCsr(wasm, x, 0);
  const at = writeCsr(wasm, xt, offXt);
  wasm.write(offH, h);
  wasm.writeRows(offDz, dz, n, classes, groups);
  const w2t = wasm.f32(offW2t, groups * cols);
  w2t.fill(0);
  for (let j = 0; j < cols; j++) for (let c = 0; c < classes; c++) w2t[c * cols + j] = w2[j * classes + c];
  wasm.f32(offDw2t, groups * cols).fill(0);
  wasm.f32(offDb, cols).fill(0);
  // biome-ignore format: the module's argument order
  wasm.kernels.residualClassifierGradCols(a.indptr, a.indices, a.values, offH, offW2t, offDz, offDr, offDw2t, offDb,
    cols, groups, n, 0, cols);
  // biome-ignore format: the module's argument order
  runSplit(wasm, 'csrTiled', cols, TILE_COLS, x.indices.length * cols, (start, end) => [at.indptr, at.indices,
    at.values, at.numRows, offDr, offDw, cols, 0, start, end]);
  const dw1 = target ?? new Float32Array(cols * cols);
  dw1.set(wasm.f32(offDw, cols * cols));
  const dw2t = wasm.f32(offDw2t, classes * cols);
  const dw2 = new Float32Array(cols * classes);
  for (let j = 0; j < cols; j++) for (let c = 0; c < classes; c++) dw2[j * classes + c] = dw2t[c * cols + j];
  return { dw1, db1: wasm.f32(offDb, cols).slice(), dw2 };
}
