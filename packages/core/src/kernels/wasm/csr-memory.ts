/**
 * CSR matrices in the memory of a {@link WasmInstance}: the layout the kernels of `assembly/` read (row
 * pointers, then column indices, then values, each 16-byte aligned) and the copy into it.
 */
import { align16, type WasmInstance } from './runtime.js';

/** A CSR matrix's arrays: numRows rows, row pointers (numRows + 1), column indices and values. */
export interface CsrParts {
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly numRows: number;
}

/** Byte offsets of a CSR matrix written into the memory. */
export interface CsrOffsets {
  readonly indptr: number;
  readonly indices: number;
  readonly values: number;
  readonly numRows: number;
}

/** Bytes {@link writeCsr} takes for `x` (each array 16-byte aligned). */
export function csrBytes(x: CsrParts): number {
  return align16(x.indptr.length * 4) + 2 * align16(x.indices.length * 4);
}

/** Writes the CSR arrays of `x` at byte offset `at` (16-byte aligned); returns their offsets. */
export function writeCsr(wasm: WasmInstance, x: CsrParts, at: number): CsrOffsets {
  const indices = at + align16(x.indptr.length * 4);
  const values = indices + align16(x.indices.length * 4);
  wasm.write(at, x.indptr);
  wasm.write(indices, x.indices);
  wasm.write(values, x.values);
  return { indptr: at, indices, values, numRows: x.numRows };
}
