/**
 * Sparse × dense and dense × dense products in WebAssembly SIMD (f32x4), the cpu hot path of the kernels:
 * 4 columns per instruction where the scalar loops of `csrMatMulImpl` (`@coin-gnn/graph`) do one.
 * $$ C_{i,:} \mathrel{+}= \sum_{p} \mathrm{values}_p\, B_{\mathrm{indices}_p,:} \quad\text{or, transposed,}\quad
 *    C_{\mathrm{indices}_p,:} \mathrel{+}= \mathrm{values}_p\, B_{i,:} \quad (\mathrm{indptr}_i \le p < \mathrm{indptr}_{i+1}) $$
 * The loops are `spmm`, `dense` and `thin` of `assembly/mat-mul.ts`; they work in the memory of one shared
 * {@link WasmInstance}, and {@link simdCsrMatMul} and {@link simdDenseMatMul} copy the operands in and the
 * result out (memcpy-speed copies, O(size)), into a new array or the caller's `target`. The products are
 * split by blocks of rows of C over the kernel threads ({@link runSplit}), except the transposed sparse one
 * (its rows of C gather from all rows of A).
 */
import { storedSymmetric } from './csr-symmetry.js';
import { NARROW_TAIL_MIN_BYTES } from './diffusion.js';
import { runSplit } from './kernel-threads.js';
import { align16, sharedInstance, type WasmInstance } from './runtime.js';

/** Rows of C per block when a product is split over the kernel threads ({@link runSplit}). */
const ROW_GRAIN = 64;

/**
 * Rows of C per block of a split dense Aᵀ·B: a block reads a strip of that many columns from every row of
 * A, so wider strips keep A's reads closer to a stream.
 */
const TRANSPOSED_GRAIN = 256;

/**
 * The dense right operand B (row-major): an array, or a function that writes B's `length` entries into the
 * array it is given (the module's memory, saving a copy of an intermediate that is only needed here); then
 * `columnSums`, if given (bCols entries), receives $$ \mathbf 1^\top B $$ summed by the module in float32.
 */
export type DenseOperand =
  | Float32Array
  | {
      readonly length: number;
      /** Writes B's `length` entries, row-major, into `target`. */
      readonly write: (target: Float32Array) => void;
      readonly columnSums?: Float32Array;
    };

/**
 * Sparse × dense product with the SIMD module (a pure typed-array kernel; it trusts its inputs):
 * $$ C = A B,\ C_{ik} = \sum_{p=\mathrm{indptr}_i}^{\mathrm{indptr}_{i+1}-1} \mathrm{values}_p\, B_{\mathrm{indices}_p, k}
 *    \quad\text{or}\quad C = A^\top B,\ C_{jk} = \sum_i A_{ij} B_{ik} \ (\texttt{transposeA}) $$
 * Same contract as `csrMatMulImpl` / `csrTransposeMatMulImpl` (A numRows × numCols in CSR, B and C
 * row-major; float32 accumulation in another order, so results agree to rounding). Stored zeros are skipped.
 * A B is split by rows of C over the kernel threads; Aᵀ B scatters into rows of C that any row of A may
 * reach, so it stays on the calling thread, unless A is stored as its own transpose (`storedSymmetric`:
 * Â of an undirected graph, in GCN's backward), where it runs as A B with the same bits.
 * A large B of more than 4 columns, not a multiple of 4 (GCN's 5 classes), runs as two products
 * (`narrowTailProduct`).
 * @param b - B, (numCols or, transposed, numRows) × bCols: an array, or a function that writes it
 *   ({@link DenseOperand})
 * @param transposeA - multiply by Aᵀ instead of A
 * @param target - receives C instead of a new array (its (numRows or numCols) × bCols entries overwritten)
 * @returns C, (numRows or numCols) × bCols: `target` when given
 */
export function simdCsrMatMul(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numRows: number,
  numCols: number,
  b: DenseOperand,
  bCols: number,
  transposeA: boolean,
  target?: Float32Array,
): Float32Array {
  const outRows = transposeA ? numCols : numRows;
  const scatter =
    transposeA && !(numRows === numCols && storedSymmetric({ indptr, indices, values, numRows }));
  const tail = bCols % 4;
  if (
    !scatter &&
    b instanceof Float32Array &&
    bCols > 4 &&
    tail !== 0 &&
    outRows * paddedCols(bCols) * 4 >= NARROW_TAIL_MIN_BYTES
  ) {
    return narrowTailProduct(indptr, indices, values, numRows, outRows, b, bCols, target);
  }
  const nnz = indices.length;
  const offIndices = align16((numRows + 1) * 4);
  const offValues = offIndices + align16(nnz * 4);
  const offB = offValues + align16(nnz * 4);
  return run(offB, b, bCols, outRows, target, (wasm, offOut, cols) => {
    wasm.write(0, indptr);
    wasm.write(offIndices, indices);
    wasm.write(offValues, values);
    wasm.f32(offOut, outRows * cols).fill(0);
    // Aᵀ B by scatter stays on the calling thread (work 0): each row of A adds into rows of C of any block.
    // biome-ignore format: the module's argument order
    runSplit(wasm, 'spmm', numRows, ROW_GRAIN, scatter ? 0 : nnz * cols, (start, end) => [0, offIndices,
      offValues, numRows, offB, offOut, cols, scatter ? 1 : 0, 0, start, end]);
  });
}

/**
 * A B (row split) with the columns of B and C in two parts, as independent products in the module's memory:
 * the first 4·⌊bCols/4⌋ columns, then the last bCols mod 4 unpadded (rows of 4 to 12 bytes gathered at
 * random instead of 16, on a large B); each entry summed as in the padded product, the same bits.
 */
function narrowTailProduct(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float32Array,
  numRows: number,
  outRows: number,
  b: Float32Array,
  bCols: number,
  target?: Float32Array,
): Float32Array {
  const out = target ?? new Float32Array(outRows * bCols);
  const bRows = b.length / bCols;
  const tail = bCols % 4;
  const head = bCols - tail;
  const nnz = indices.length;
  const offIndices = align16((numRows + 1) * 4);
  const offValues = offIndices + align16(nnz * 4);
  const offB = offValues + align16(nnz * 4);
  const offOut = offB + align16(bRows * head * 4);
  const wasm = sharedInstance(offOut + outRows * head * 4);
  wasm.write(0, indptr);
  wasm.write(offIndices, indices);
  wasm.write(offValues, values);
  for (const [start, width] of [
    [0, head],
    [head, tail],
  ]) {
    const mb = wasm.f32(offB, bRows * width);
    for (let r = 0; r < bRows; r++)
      for (let c = 0; c < width; c++) mb[r * width + c] = b[r * bCols + start + c];
    const mc = wasm.f32(offOut, outRows * width);
    mc.fill(0);
    // biome-ignore format: the module's argument order
    runSplit(wasm, 'spmm', numRows, ROW_GRAIN, nnz * width, (rowStart, rowEnd) => [0, offIndices, offValues,
      numRows, offB, offOut, width, 0, 0, rowStart, rowEnd]);
    for (let r = 0; r < outRows; r++)
      for (let c = 0; c < width; c++) out[r * bCols + start + c] = mc[r * width + c];
  }
  return out;
}

/** Width of B (padded) for which A·B runs the module's `thin` function. */
export const THIN_COLS = 8;

/**
 * Dense × dense product with the SIMD module (a pure typed-array kernel; it trusts its inputs):
 * $$ C = A B,\ C_{i,:} = \sum_j A_{ij} B_{j,:} \quad\text{or}\quad C = A^\top B,\ C_{j,:} = \sum_i A_{ij} B_{i,:}
 *    \ (\texttt{transposeA}) $$
 * skipping zero entries of A (relu outputs); fast when B is thin. For A·B with 5 to 8 columns (a
 * classifier's), the `thin` function instead keeps each row of C in two f32x4 registers (j in order, zeros
 * included: per entry, the loop of `dense` costs more than the product). A numRows × inner, row-major;
 * B inner × bCols (or numRows × bCols when transposed), row-major.
 * @param transposeA - multiply by Aᵀ instead of A
 * @param target - receives C instead of a new array (its (numRows or inner) × bCols entries overwritten)
 * @returns C, (numRows or inner) × bCols: `target` when given
 */
export function simdDenseMatMul(
  a: Float32Array,
  numRows: number,
  inner: number,
  b: Float32Array,
  bCols: number,
  transposeA: boolean,
  target?: Float32Array,
): Float32Array {
  const outRows = transposeA ? inner : numRows;
  const offB = align16(a.length * 4);
  return run(offB, b, bCols, outRows, target, (wasm, offOut, cols) => {
    wasm.write(0, a);
    const work = numRows * inner * cols;
    if (cols === THIN_COLS && !transposeA) {
      thinInMemory(wasm, 0, numRows, inner, offB, offOut);
    } else {
      // biome-ignore format: the module's argument order
      runSplit(wasm, 'dense', outRows, transposeA ? TRANSPOSED_GRAIN : ROW_GRAIN, work, (start, end) => [0, 0, 0, numRows, offB, offOut, cols,
        transposeA ? 1 : 0, inner, start, end]);
    }
  });
}

/**
 * C = A B for a B of exactly {@link THIN_COLS} columns with A, B and C already in the memory of `wasm` (the
 * module's `thin`, split by blocks of rows of C over the kernel threads): A numRows × inner at `offA`, B
 * inner × 8 at `offB`, C numRows × 8 written at `offOut`, all row-major.
 */
export function thinInMemory(
  wasm: WasmInstance,
  offA: number,
  numRows: number,
  inner: number,
  offB: number,
  offOut: number,
): void {
  // biome-ignore format: the module's argument order
  runSplit(wasm, 'thin', numRows, ROW_GRAIN, numRows * inner * THIN_COLS, (start, end) => [offA + start * inner * 4,
    end - start, inner, offB, offOut + start * THIN_COLS * 4]);
}

/** Widest B that is padded to a multiple of 4 columns, so that thin rows need no scalar tail. */
const PAD_MAX_COLS = 64;

/**
 * Row width (floats) of a dense operand of `cols` columns in the module's memory: cols rounded up to a
 * multiple of 4 when below 64 (thin rows then need no scalar tail), else cols (a copy with padding would
 * cost more than the tail).
 */
export function paddedCols(cols: number): number {
  return cols % 4 !== 0 && cols < PAD_MAX_COLS ? Math.ceil(cols / 4) * 4 : cols;
}

/**
 * Copies B to offB (rows padded to a multiple of 4 floats when B is thin), lets `call` fill the rest and
 * compute C after it (overwriting C) with the row width it is given, and returns C without the padding (in
 * `target` if given).
 */
function run(
  offB: number,
  b: DenseOperand,
  bCols: number,
  outRows: number,
  target: Float32Array | undefined,
  call: (wasm: WasmInstance, offOut: number, cols: number) => void,
): Float32Array {
  if (outRows === 0 || bCols === 0) return target ?? new Float32Array(0);
  const cols = paddedCols(bCols);
  const bRows = b.length / bCols;
  const offOut = offB + align16(bRows * cols * 4);
  const columnSums = b instanceof Float32Array ? undefined : b.columnSums;
  const offOnes = offOut + align16(outRows * cols * 4);
  const offSums = offOnes + align16(bRows * 4);
  const wasm = sharedInstance(columnSums === undefined ? offOut + outRows * cols * 4 : offSums + cols * 4);
  if (b instanceof Float32Array) wasm.writeRows(offB, b, bRows, bCols, cols);
  else if (cols === bCols) b.write(wasm.f32(offB, bRows * cols));
  else {
    const rowMajor = new Float32Array(b.length);
    b.write(rowMajor);
    wasm.writeRows(offB, rowMajor, bRows, bCols, cols);
  }
  call(wasm, offOut, cols);
  if (columnSums !== undefined) {
    // 1ᵀB as Aᵀ·B with A a column of ones (bRows × 1).
    wasm.f32(offOnes, bRows).fill(1);
    wasm.kernels.dense(0, 0, offOnes, bRows, offB, offSums, cols, 1, 1, 0, 1);
    columnSums.set(wasm.f32(offSums, bCols));
  }
  return wasm.readRows(offOut, outRows, bCols, cols, target);
}
