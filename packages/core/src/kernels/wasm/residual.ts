/**
 * The sparse residual block H = X + relu(X W + b) and its gradient to W and b in WebAssembly SIMD (functions
 * `csrTiled`, `addCsr` and `residualGrad` of `assembly/residual.ts`): bias and relu fused into the
 * product's register tiles, the relu mask into the pass that sums db. The gradient dW = Xᵀ dZ runs as the
 * product of X's transpose (CSR, built once per X and cached; it also finds X's stored entries of a
 * column for the mask) with dZ, so that it too sums in registers;
 * each entry's sum keeps the order of the scalar loops (bit-identical results). The operands are copied into
 * the memory of the shared {@link WasmInstance} and the results out. Both products are split by blocks of
 * 32 output columns over the kernel threads ({@link runSplit}); the gradient's block also masks its columns
 * of dZ and sums them into db, so no sum spans two blocks.
 */
import { CsrMatrix, transpose } from '@coin-gnn/graph';
import { type CsrOffsets, type CsrParts, csrBytes, writeCsr } from './csr-memory.js';
import { runSplit } from './kernel-threads.js';
import { align16, sharedInstance, type WasmInstance } from './runtime.js';

/** Output columns of a block of the split products: one register tile of the module's `csrTiled`. */
export const TILE_COLS = 32;

/** Transposes of the X's seen, keyed by X's `values` array (tensor data, never written to). */
const transposes = new WeakMap<Float32Array, CsrParts>();

/** Xᵀ (cols rows) in CSR, rows of X in ascending order within each row of Xᵀ; cached per X. */
export function transposeOf(x: CsrParts, cols: number): CsrParts {
  let t = transposes.get(x.values);
  if (t === undefined) {
    const m = transpose(CsrMatrix.trusted([x.numRows, cols], x.indptr, x.indices, x.values));
    t = { indptr: m.indptr, indices: m.indices, values: m.values as Float32Array, numRows: cols };
    transposes.set(x.values, t);
  }
  return t;
}

/**
 * H = X + relu(X W + b) of {@link simdResidualForward} with X, W and b already in the memory of `wasm`
 * (X at the offsets `a`, with `nnz` stored entries), H (numRows × cols, row-major) written at `offH`.
 */
export function residualTiles(
  wasm: WasmInstance,
  a: CsrOffsets,
  nnz: number,
  offW: number,
  offBias: number,
  offH: number,
  cols: number,
): void {
  // biome-ignore format: the module's argument order
  runSplit(wasm, 'csrTiled', cols, TILE_COLS, nnz * cols, (start, end) => [a.indptr, a.indices, a.values,
    a.numRows, offW, offH, cols, offBias, start, end]);
  wasm.kernels.addCsr(a.indptr, a.indices, a.values, a.numRows, offH, cols);
}

/**
 * Sparse residual block (a pure typed-array kernel; it trusts its inputs):
 * $$ H = X + \operatorname{relu}(X W + b) $$
 * X numRows × cols (CSR; stored zeros add nothing), W cols × cols and H row-major, b of cols entries.
 * @param target - receives H (numRows · cols entries) instead of a new array
 * @returns H
 */
export function simdResidualForward(
  x: CsrParts,
  w: Float32Array,
  bias: Float32Array,
  cols: number,
  target?: Float32Array,
): Float32Array {
  const size = x.numRows * cols;
  const offW = csrBytes(x);
  const offBias = offW + align16(w.length * 4);
  const offH = offBias + align16(cols * 4);
  const wasm = sharedInstance(offH + align16(size * 4));
  const a = writeCsr(wasm, x, 0);
  wasm.write(offW, w);
  wasm.write(offBias, bias);
  residualTiles(wasm, a, x.indices.length, offW, offBias, offH, cols);
  const out = target ?? new Float32Array(size);
  out.set(wasm.f32(offH, size));
  return out;
}

/**
 * Gradient of {@link simdResidualForward} to W and b, from its output H and the gradient dH:
 * $$ dZ_{ik} = dH_{ik}\,[H_{ik} - X_{ik} > 0],\qquad dW = X^\top dZ,\qquad db = \mathbf 1^\top dZ $$
 * (H − X is the relu output; X_{ik} = 0 off X's pattern.)
 * @param target - receives dW (cols · cols entries) instead of a new array
 * @returns dW (cols × cols) and db (cols)
 */
export function simdResidualBackward(
  x: CsrParts,
  h: Float32Array,
  dh: Float32Array,
  cols: number,
  target?: Float32Array,
): { dw: Float32Array; db: Float32Array } {
  const size = x.numRows * cols;
  const xt = transposeOf(x, cols);
  const offH = csrBytes(xt);
  const offDz = offH + align16(size * 4);
  const offDb = offDz + align16(size * 4);
  const offDw = offDb + align16(cols * 4);
  const wasm = sharedInstance(offDw + cols * cols * 4);
  const at = writeCsr(wasm, xt, 0);
  wasm.write(offH, h);
  wasm.write(offDz, dh);
  // biome-ignore format: the module's argument order
  runSplit(wasm, 'residualGrad', cols, TILE_COLS, x.indices.length * cols + size, (start, end) => [at.indptr,
    at.indices, at.values, x.numRows, offH, offDz, offDb, offDw, cols, start, end]);
  const dw = target ?? new Float32Array(cols * cols);
  dw.set(wasm.f32(offDw, cols * cols));
  return { dw, db: wasm.f32(offDb, cols).slice() };
}
