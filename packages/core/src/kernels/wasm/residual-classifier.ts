/**
 * The gradient of COIN's classifier on its residual block, Z = H W₂ + b₂ with H = X + relu(X W₁ + b₁), in
 * WebAssembly SIMD: `residualClassifierGradCols` of `assembly/classifier.ts` (dW₂, db₁ and the masked dR in
 * one pass over the rows of H, dH = dZ W₂ᵀ never stored), and dW₁ = Xᵀ dR in one of two ways, chosen by the
 * width F of H ({@link TILED_MIN_COLS}), with the same numbers (each entry of dW₁ sums its rows in ascending
 * order either way):
 * - F < 512 (dW₁ fits a core's cache; a 10⁶-node graph of 100 features): scattered by the same pass, row by
 *   row of X, so that dR exists one row at a time and neither a numRows × F dR nor Xᵀ is stored (400 MB and
 *   150 MB fewer on that graph);
 * - F ≥ 512 (Cora's 1433, Citeseer's 3703: scattering into a dW₁ of 8 or 55 MB misses the cache on every
 *   row; Citeseer's epoch took 40 % longer so): dR is stored over H, one row behind the row of H the pass
 *   reads, and dW₁ = Xᵀ dR runs as `csrTiled` of `assembly/residual.ts` over Xᵀ by blocks of 32 columns of
 *   dW₁, split over the kernel threads ({@link runSplit}). That consumes the H the gradient is given.
 * The pass over H stays one call on the calling thread: it is bound by memory traffic, and split by column
 * blocks it took twice as long on 2 threads as on one (Cora, quiet 2-core machine).
 *
 * Both passes run in a memory of their own (a {@link WasmInstance} that no other kernel writes to, laid out
 * by {@link blockLayout}): H and dW₁ can stay there as the outputs themselves (views into the memory) instead
 * of being copied out and H copied back in: on Cora (2485 × 1433) two 14.2 MB copies of H and one 8.2 MB copy
 * of dW₁ fewer per epoch, and no H or dW₁ array of the backend besides the memory. A caller that hands such a
 * view to a tensor says how long it lives ({@link holdResident}); while it does, a pass that would overwrite
 * it moves to a fresh memory, and the view keeps the former one alive until it is dropped.
 *
 * The memory holds two large regions only, H (numRows × cols) and dW₁ (cols × cols), besides X (and Xᵀ for
 * F ≥ 512): the forward pass reads W₁ from dW₁'s region (free between a gradient's Adam step and the next
 * forward), and dR takes no region of its own. On Cora the memory is 22.4 MB instead of 36.6 MB, on Citeseer
 * (2110 × 3703) 86 MB instead of 141 MB.
 */
import { type CsrOffsets, type CsrParts, writeCsr } from './csr-memory.js';
import { releaseKernelMemory, runSplit } from './kernel-threads.js';
import { simdDenseMatMul, THIN_COLS, thinInMemory } from './mat-mul.js';
import { residualTiles, TILE_COLS, transposeOf } from './residual.js';
import { align16, WasmInstance } from './runtime.js';

/** Classes per register group of the module's pass (W₂ᵀ and the rows of dZ are padded with zeros to it). */
const CLASS_GROUP = 8;

/**
 * Width F of H from which dW₁ = Xᵀ dR runs as a tiled product over Xᵀ on the kernel threads instead of being
 * scattered row by row by the gradient pass (dW₁ of 1 MB and more, past a core's L2 cache).
 */
export const TILED_MIN_COLS = 512;

/** Byte offsets of the operands of both passes in the block's memory ({@link blockLayout}). */
interface BlockLayout {
  /** X (CSR), and Xᵀ when F ≥ {@link TILED_MIN_COLS} (null below). */
  readonly x: CsrOffsets;
  readonly xt: CsrOffsets | null;
  /** W₂ padded to 8 columns (forward) or W₂ᵀ padded to a whole class group (gradient). */
  readonly w2: number;
  /** dW₂ᵀ, class-group rows × cols. */
  readonly dw2t: number;
  /** b₁ (forward) and db₁ (gradient), cols each. */
  readonly b1: number;
  readonly db: number;
  /** Z, numRows × 8 (forward), or dZ, numRows × class groups (gradient). */
  readonly z: number;
  /**
   * One row of dR, cols floats (gradient), right before H: with F ≥ {@link TILED_MIN_COLS} the start of dR
   * stored one row behind H.
   */
  readonly dr: number;
  /**
   * H, numRows × cols, and dW₁ (gradient) or W₁ (forward), cols × cols: the regions that may be outputs
   * ({@link holdResident}).
   */
  readonly h: number;
  readonly dw: number;
  /** Bytes in all. */
  readonly bytes: number;
}

/**
 * The layout of the block's memory for X (numRows × cols, `nnz` stored entries) and `groups` padded classes,
 * each region 16-byte aligned; X (and Xᵀ) come first, then the small operands, a row for dR, H and dW₁ last.
 */
function blockLayout(numRows: number, nnz: number, cols: number, groups: number): BlockLayout {
  const csr = (rows: number, at: number): CsrOffsets => {
    const indices = at + align16((rows + 1) * 4);
    return { indptr: at, indices, values: indices + align16(nnz * 4), numRows: rows };
  };
  const x = csr(numRows, 0);
  const xt = cols >= TILED_MIN_COLS ? csr(cols, x.values + align16(nnz * 4)) : null;
  const w2 = (xt ?? x).values + align16(nnz * 4);
  const dw2t = w2 + align16(Math.max(THIN_COLS, groups) * cols * 4);
  const b1 = dw2t + align16(groups * cols * 4);
  const db = b1 + align16(cols * 4);
  const z = db + align16(cols * 4);
  const h = z + align16(numRows * Math.max(THIN_COLS, groups) * 4) + align16(cols * 4);
  const dw = h + align16(numRows * cols * 4);
  return { x, xt, w2, dw2t, b1, db, z, dr: h - cols * 4, h, dw, bytes: dw + cols * cols * 4 };
}

/** How long a view handed out as an output lives: true while a tensor still holds it. */
export type Liveness = () => boolean;

/** A memory of the block's own, its layout, and the outputs that live in it. */
class BlockMemory {
  readonly wasm: WasmInstance;
  /** The views handed out of H and dW₁, and while they live (null: the region is free). */
  h: Float32Array | null = null;
  hAlive: Liveness | null = null;
  dw: Float32Array | null = null;
  dwAlive: Liveness | null = null;

  constructor(
    readonly key: string,
    readonly layout: BlockLayout,
  ) {
    this.wasm = new WasmInstance(layout.bytes);
  }

  /** Whether H's region may be overwritten (no tensor holds the view of it). */
  hFree(): boolean {
    return this.hAlive === null || !this.hAlive();
  }

  /** Whether dW₁'s region may be overwritten. */
  dwFree(): boolean {
    return this.dwAlive === null || !this.dwAlive();
  }
}

let block: BlockMemory | null = null;

/** Views of H that a gradient pass has overwritten with dR (F ≥ {@link TILED_MIN_COLS}, see above). */
const consumed = new WeakSet<Float32Array>();

/**
 * The block's memory for these shapes: the current one when its layout fits and `usable` accepts it, else
 * a fresh one (the kernel threads drop the former; views into it keep it alive until they are dropped).
 */
function blockMemory(
  x: CsrParts,
  cols: number,
  groups: number,
  usable: (m: BlockMemory) => boolean,
): BlockMemory {
  const key = `${x.numRows} ${x.indices.length} ${cols} ${groups}`;
  if (block !== null && block.key === key && usable(block)) return block;
  if (block !== null) releaseKernelMemory(block.wasm);
  block = new BlockMemory(key, blockLayout(x.numRows, x.indices.length, cols, groups));
  return block;
}

/**
 * Declares that `view`, an H or dW₁ returned without a target by {@link simdResidualClassifierForward} or
 * {@link simdResidualClassifierBackward}, is held while `alive()` is true: until then no pass overwrites it.
 * A view not returned by the last pass is ignored.
 */
export function holdResident(view: Float32Array, alive: Liveness): void {
  if (block === null) return;
  if (view === block.h) block.hAlive = alive;
  else if (view === block.dw) block.dwAlive = alive;
}

/**
 * COIN's residual block and classifier (a pure typed-array kernel; it trusts its inputs):
 * $$ H = X + \operatorname{relu}(X W_1 + b_1),\qquad Z = H W_2 + b_2 $$
 * the numbers of `simdResidualForward` then {@link simdDenseMatMul} (b₂ added row by row in float32). With
 * at most 8 classes the product runs on H where the block left it in the memory. X numRows × cols (CSR), W₁
 * cols × cols, W₂ cols × classes, all row-major.
 * @param zTarget - receives Z (numRows · classes entries)
 * @param hTarget - receives H (numRows · cols entries); without it H stays in the block's memory
 * @returns H: `hTarget`, or a view into the block's memory, valid until the next pass unless held
 *   ({@link holdResident})
 */
export function simdResidualClassifierForward(
  x: CsrParts,
  w1: Float32Array,
  b1: Float32Array,
  w2: Float32Array,
  b2: Float32Array,
  cols: number,
  classes: number,
  zTarget: Float32Array,
  hTarget?: Float32Array,
): Float32Array {
  const n = x.numRows;
  const groups = Math.ceil(classes / CLASS_GROUP) * CLASS_GROUP;
  const mem = blockMemory(x, cols, groups, (m) => m.hFree() && m.dwFree());
  const { wasm, layout: l } = mem;
  const a = writeCsr(wasm, x, l.x.indptr);
  wasm.write(l.dw, w1);
  mem.dw = null;
  wasm.write(l.b1, b1);
  residualTiles(wasm, a, x.indices.length, l.dw, l.b1, l.h, cols);
  const h = wasm.f32(l.h, n * cols);
  if (classes > THIN_COLS) {
    simdDenseMatMul(h, n, cols, w2, classes, false, zTarget);
  } else {
    wasm.writeRows(l.w2, w2, cols, classes, THIN_COLS);
    thinInMemory(wasm, l.h, n, cols, l.w2, l.z);
    wasm.readRows(l.z, n, classes, THIN_COLS, zTarget);
  }
  for (let r = 0; r < zTarget.length; r += classes) for (let c = 0; c < classes; c++) zTarget[r + c] += b2[c];
  if (hTarget !== undefined) {
    hTarget.set(h);
    mem.h = null;
    return hTarget;
  }
  mem.h = h;
  mem.hAlive = null;
  return h;
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
 * all row-major. H returned by the last forward pass is read where it is (no copy); with cols ≥
 * {@link TILED_MIN_COLS} it is overwritten with dR: such a view of H is consumed, and passing it again throws.
 * @param target - receives dW₁ (cols · cols entries); without it dW₁ stays in the block's memory
 * @returns the gradients, dW₁ `target` or a view valid until the next pass unless held ({@link holdResident})
 * @throws Error when `h` is a view of H that an earlier gradient pass consumed
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
  if (consumed.has(h)) {
    throw new Error(
      'simdResidualClassifierBackward: this H was overwritten by the gradient pass that read it',
    );
  }
  const n = x.numRows;
  const groups = Math.ceil(classes / CLASS_GROUP) * CLASS_GROUP;
  const mem = blockMemory(x, cols, groups, (m) => m.dwFree() && (h === m.h || m.hFree()));
  const { wasm, layout: l } = mem;
  const a = writeCsr(wasm, x, l.x.indptr);
  if (h !== mem.h) {
    wasm.write(l.h, h);
    mem.h = null;
  } else if (l.xt !== null) {
    consumed.add(h);
    mem.h = null;
    mem.hAlive = null;
  }
  wasm.writeRows(l.z, dz, n, classes, groups);
  const w2t = wasm.f32(l.w2, groups * cols);
  w2t.fill(0);
  for (let j = 0; j < cols; j++) for (let c = 0; c < classes; c++) w2t[c * cols + j] = w2[j * classes + c];
  wasm.f32(l.dw2t, groups * cols).fill(0);
  wasm.f32(l.db, cols).fill(0);
  if (l.xt !== null) {
    // biome-ignore format: the module's argument order
    wasm.kernels.residualClassifierGradCols(a.indptr, a.indices, a.values, l.h, l.w2, l.z, l.dr, cols * 4,
      l.dw2t, l.db, 0, cols, groups, n, 0, cols);
    const at = writeCsr(wasm, transposeOf(x, cols), l.xt.indptr);
    // biome-ignore format: the module's argument order
    runSplit(wasm, 'csrTiled', cols, TILE_COLS, x.indices.length * cols, (start, end) => [at.indptr, at.indices,
      at.values, at.numRows, l.dr, l.dw, cols, 0, start, end]);
  } else {
    wasm.f32(l.dw, cols * cols).fill(0);
    // biome-ignore format: the module's argument order
    wasm.kernels.residualClassifierGradCols(a.indptr, a.indices, a.values, l.h, l.w2, l.z, l.dr, 0, l.dw2t, l.db,
      l.dw, cols, groups, n, 0, cols);
  }
  const dwView = wasm.f32(l.dw, cols * cols);
  let dw1 = dwView;
  if (target !== undefined) {
    target.set(dwView);
    dw1 = target;
  } else {
    mem.dw = dwView;
    mem.dwAlive = null;
  }
  const dw2t = wasm.f32(l.dw2t, classes * cols);
  const dw2 = new Float32Array(cols * classes);
  for (let j = 0; j < cols; j++) for (let c = 0; c < classes; c++) dw2[j * classes + c] = dw2t[c * cols + j];
  return { dw1, db1: wasm.f32(l.db, cols).slice(), dw2 };
}
