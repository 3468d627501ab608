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
import type { CsrParts } from './csr-memory.js';
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
 * Most bytes that one chunk of a sparse product copies into the module's memory: its rows' pointers (4 bytes
 * each) and entries (indices and values, 8 bytes each) and, split by rows, its rows of C (see
 * {@link csrRowChunks}).
 */
export const SPARSE_CHUNK_BYTES = 1 << 25;

/**
 * Sparse × dense product with the SIMD module (a pure typed-array kernel; it trusts its inputs):
 * $$ C = A B,\ C_{ik} = \sum_{p=\mathrm{indptr}_i}^{\mathrm{indptr}_{i+1}-1} \mathrm{values}_p\, B_{\mathrm{indices}_p, k}
 *    \quad\text{or}\quad C = A^\top B,\ C_{jk} = \sum_i A_{ij} B_{ik} \ (\texttt{transposeA}) $$
 * Same contract as `csrMatMulImpl` / `csrTransposeMatMulImpl` (A numRows × numCols in CSR, B and C
 * row-major; float32 accumulation in another order, so results agree to rounding). Stored zeros are skipped.
 * A B is split by rows of C over the kernel threads; Aᵀ B scatters into rows of C that any row of A may
 * reach, so it stays on the calling thread, unless A is stored as its own transpose (`storedSymmetric`:
 * Â of an undirected graph, in GCN's backward), where it runs as A B with the same bits.
 * A large B of more than 4 columns, not a multiple of 4 (GCN's 5 classes), runs as two products (the first
 * 4·⌊bCols/4⌋ columns, then the rest unpadded: rows of 4 to 12 bytes gathered at random instead of 16).
 * The module's memory holds B whole but A and C by chunks of rows of at most 32 MiB (`csrRowChunks`; C whole
 * for a scatter), each copied in and out in turn: GCN's Â H on a graph of 10⁶ nodes (Â 92 MB, H and C 64 MB
 * each) takes 98 MB of it instead of 220. Each entry of C is summed as in one pass, the same bits.
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
  return chunkedCsrMatMul(
    { indptr, indices, values, numRows },
    numCols,
    b,
    bCols,
    transposeA,
    target,
    SPARSE_CHUNK_BYTES,
  );
}

/**
 * Columns [first, first + count) of B and C in the memory: B at `offB`, C's rows of a chunk (all of C for a
 * scatter) at `offOut`, both with rows of `stride` floats.
 */
interface ColumnPart {
  readonly first: number;
  readonly count: number;
  readonly stride: number;
  readonly offB: number;
  readonly offOut: number;
}

/**
 * {@link simdCsrMatMul} with chunks of at most `chunkBytes` (exported for the tests, which take small chunks).
 */
export function chunkedCsrMatMul(
  a: CsrParts,
  numCols: number,
  b: DenseOperand,
  bCols: number,
  transposeA: boolean,
  target: Float32Array | undefined,
  chunkBytes: number,
): Float32Array {
  const { indptr, indices, values, numRows } = a;
  const outRows = transposeA ? numCols : numRows;
  if (outRows === 0 || bCols === 0) return target ?? new Float32Array(0);
  const out = target ?? new Float32Array(outRows * bCols);
  const scatter = transposeA && !(numRows === numCols && storedSymmetric(a));
  const bRows = b.length / bCols;
  const tail = bCols % 4;
  const narrowTail =
    !scatter &&
    b instanceof Float32Array &&
    bCols > 4 &&
    tail !== 0 &&
    outRows * paddedCols(bCols) * 4 >= NARROW_TAIL_MIN_BYTES;
  const widths = narrowTail ? [bCols - tail, tail] : [paddedCols(bCols)];
  const rowFloats = widths.reduce((sum, w) => sum + w, 0);
  const chunks = csrRowChunks(indptr, numRows, scatter ? 0 : rowFloats * 4, chunkBytes);
  const outRegionRows = scatter ? outRows : chunks.maxRows;
  const parts: ColumnPart[] = [];
  let offset = 0;
  let first = 0;
  for (const stride of widths) {
    const offB = offset;
    const offOut = offB + align16(bRows * stride * 4);
    parts.push({ first, count: Math.min(stride, bCols - first), stride, offB, offOut });
    offset = offOut + align16(outRegionRows * stride * 4);
    first += stride;
  }
  const offIndptr = offset;
  const offIndices = offIndptr + align16((chunks.maxRows + 1) * 4);
  const offValues = offIndices + align16(chunks.maxEntries * 4);
  const columnSums = b instanceof Float32Array ? undefined : b.columnSums;
  const offOnes = offValues + align16(chunks.maxEntries * 4);
  const offSums = offOnes + align16(bRows * 4);
  const wasm = sharedInstance(columnSums === undefined ? offOnes : offSums + widths[0] * 4);
  writeOperand(wasm, b, bCols, parts);
  if (scatter) wasm.f32(parts[0].offOut, outRows * widths[0]).fill(0);
  for (const [r0, r1] of chunks.ranges) {
    const p0 = indptr[r0];
    const p1 = indptr[r1];
    wasm.write(offIndptr, indptr.subarray(r0, r1 + 1));
    wasm.write(offIndices, indices.subarray(p0, p1));
    wasm.write(offValues, values.subarray(p0, p1));
    // Pointers as if the chunk's arrays started at row 0 and entry 0: the kernel reads rows [r0, r1) only,
    // and the module's 32-bit address arithmetic wraps around.
    const csr = [offIndptr - r0 * 4, offIndices - p0 * 4, offValues - p0 * 4, numRows];
    for (const part of parts) {
      const { stride, offB, offOut } = part;
      if (scatter) {
        wasm.kernels.spmm(...(csr as [number, number, number, number]), offB, offOut, stride, 1, 0, r0, r1);
        continue;
      }
      const rows = r1 - r0;
      wasm.f32(offOut, rows * stride).fill(0);
      const base = offOut - r0 * stride * 4;
      // biome-ignore format: the module's argument order
      runSplit(wasm, 'spmm', rows, ROW_GRAIN, (p1 - p0) * stride, (start, end) => [...csr, offB, base, stride,
        0, 0, r0 + start, r0 + end]);
      wasm.readColumns(
        offOut,
        rows,
        bCols,
        part.first,
        part.count,
        stride,
        out.subarray(r0 * bCols, r1 * bCols),
      );
    }
  }
  if (scatter) {
    const { offOut, first, count, stride } = parts[0];
    wasm.readColumns(offOut, outRows, bCols, first, count, stride, out);
  }
  if (columnSums !== undefined) {
    // 1ᵀB as Aᵀ·B with A a column of ones (bRows × 1).
    wasm.f32(offOnes, bRows).fill(1);
    wasm.kernels.dense(0, 0, offOnes, bRows, parts[0].offB, offSums, widths[0], 1, 1, 0, 1);
    columnSums.set(wasm.f32(offSums, bCols));
  }
  return out;
}

/** Row ranges [start, end) of a CSR matrix that {@link csrRowChunks} cuts, with the largest chunk's sizes. */
export interface CsrChunks {
  readonly ranges: readonly (readonly [number, number])[];
  /** Rows of the longest chunk. */
  readonly maxRows: number;
  /** Stored entries of the fullest chunk. */
  readonly maxEntries: number;
}

/**
 * Consecutive row ranges of a CSR matrix of `numRows` rows, each as long as its bytes stay within
 * `chunkBytes` (at least one row): 4 per row pointer, 8 per stored entry, `outRowBytes` per row of C that the
 * chunk writes (0 when C is not split by rows):
 * $$ 4\,(r_1 - r_0 + 1) + 8\,(\mathrm{indptr}_{r_1} - \mathrm{indptr}_{r_0}) + \mathrm{outRowBytes}\,(r_1 - r_0) \le \mathrm{chunkBytes} $$
 */
export function csrRowChunks(
  indptr: Int32Array,
  numRows: number,
  outRowBytes: number,
  chunkBytes: number,
): CsrChunks {
  const ranges: [number, number][] = [];
  let maxRows = 0;
  let maxEntries = 0;
  const bytes = (r0: number, r1: number): number =>
    4 * (r1 - r0 + 1) + 8 * (indptr[r1] - indptr[r0]) + outRowBytes * (r1 - r0);
  for (let r0 = 0; r0 < numRows; ) {
    let r1 = r0 + 1;
    while (r1 < numRows && bytes(r0, r1 + 1) <= chunkBytes) r1++;
    ranges.push([r0, r1]);
    maxRows = Math.max(maxRows, r1 - r0);
    maxEntries = Math.max(maxEntries, indptr[r1] - indptr[r0]);
    r0 = r1;
  }
  return { ranges, maxRows, maxEntries };
}

/** Writes B's columns of each part at its `offB`, rows `stride` floats apart, zero-padded. */
function writeOperand(
  wasm: WasmInstance,
  b: DenseOperand,
  bCols: number,
  parts: readonly ColumnPart[],
): void {
  const bRows = b.length / bCols;
  if (!(b instanceof Float32Array)) {
    // one part (a B given by a function is never split by columns)
    const { stride, offB } = parts[0];
    if (stride === bCols) b.write(wasm.f32(offB, bRows * stride));
    else {
      const rowMajor = new Float32Array(b.length);
      b.write(rowMajor);
      wasm.writeRows(offB, rowMajor, bRows, bCols, stride);
    }
    return;
  }
  for (const { first, count, stride, offB } of parts)
    wasm.writeColumns(offB, b, bRows, bCols, first, count, stride);
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
