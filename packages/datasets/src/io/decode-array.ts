import { DatasetError } from '@coin-gnn/graph';
import type { NpyArray, NpyDtype } from './npy-array.js';

/** Raw array parts as stored by `.npy` files and by pickled NumPy arrays. */
export interface RawArray {
  /** NumPy type string with byte order, e.g. `<f4`, `>i8`, `|b1`, `<U7`. */
  readonly descr: string;
  readonly shape: readonly number[];
  /** True when the bytes are in column-major (Fortran) order. */
  readonly fortranOrder: boolean;
  /** The element bytes, exactly `prod(shape) · itemsize` of them. */
  readonly bytes: Uint8Array;
}

const KINDS: Record<string, { dtype: NpyDtype; size: number }> = {
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
  i1: { dtype: 'int8', size: 1 },
  i2: { dtype: 'int16', size: 2 },
  i4: { dtype: 'int32', size: 4 },
  i8: { dtype: 'int64', size: 8 },
  u1: { dtype: 'uint8', size: 1 },
  b1: { dtype: 'bool', size: 1 },
};

/** The entry of KINDS for a type code, never an inherited property (`constructor`, `__proto__`). */
function kindOf(code: string): { dtype: NpyDtype; size: number } | undefined {
  return Object.hasOwn(KINDS, code) ? KINDS[code] : undefined;
}

/** The most characters one `U`*n* element may have (NumPy allows more, no dataset file needs them). */
export const MAX_UNICODE_CHARS = 1 << 16;

/**
 * Checks a dtype and a shape before any allocation: the dtype is one {@link decodeArray} supports with a
 * positive item size (`U0` has none, so a shape of 10⁸ elements would cost no bytes in the file yet 10⁸ strings
 * in memory), every dimension is a non-negative safe integer and the element count
 * $$ \textstyle\prod_k d_k $$ and the byte count $$ \textstyle\prod_k d_k \cdot \text{itemsize} $$ are safe
 * integers.
 *
 * @param descr - NumPy type string with byte order, e.g. `<f4`, `<U7`
 * @param shape - the declared shape
 * @param source - file (and entry) name for error messages
 * @returns the item size in bytes and the element count
 * @throws {@link DatasetError} for an unsupported dtype, a zero item size or a bad shape
 */
export function checkArrayLayout(
  descr: string,
  shape: readonly number[],
  source: string,
): { itemSize: number; count: number } {
  if (descr.length < 2 || !'<>|='.includes(descr[0]))
    throw new DatasetError(`${source}: unsupported dtype '${descr}'`);
  const code = descr.slice(1);
  const unicode = /^U(\d{1,12})$/.exec(code);
  const kind = kindOf(code);
  if (!unicode && !kind) throw new DatasetError(`${source}: unsupported dtype '${descr}'`);
  const chars = unicode ? Number(unicode[1]) : 0;
  if (unicode && (chars < 1 || chars > MAX_UNICODE_CHARS)) {
    throw new DatasetError(
      `${source}: unsupported dtype '${descr}' (unicode elements need 1 to ${MAX_UNICODE_CHARS} characters)`,
    );
  }
  const itemSize = unicode ? 4 * chars : (kind as { size: number }).size;
  let count = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new DatasetError(`${source}: bad array shape (${shape})`);
    count *= d;
  }
  if (!Number.isSafeInteger(count * itemSize)) {
    throw new DatasetError(`${source}: array shape (${shape}) has more elements than any file can hold`);
  }
  return { itemSize, count };
}

/**
 * Decodes raw NumPy array bytes into an {@link NpyArray} in C order and native (little-endian) byte order.
 *
 * Byte order: `<` little, `>` big (bytes swapped), `|` not applicable, `=` native. Fortran-ordered data of
 * shape (d₀, …, d_{n−1}) is reordered so that element (i₀, …, i_{n−1}) lands at
 * $$ \textstyle\sum_k i_k \prod_{l>k} d_l. $$
 *
 * @param raw - descriptor, shape, order flag and bytes
 * @param source - file (and entry) name for error messages
 * @throws {@link DatasetError} for an unsupported dtype (see {@link checkArrayLayout}), a bad shape or a byte
 *   count that does not match
 */
export function decodeArray(raw: RawArray, source: string): NpyArray {
  const { descr, shape } = raw;
  const { itemSize, count } = checkArrayLayout(descr, shape, source);
  const bigEndian = descr[0] === '>';
  const code = descr.slice(1);
  const unicode = /^U(\d+)$/.exec(code);
  const kind = kindOf(code) as { dtype: NpyDtype; size: number };
  if (raw.bytes.length !== count * itemSize) {
    throw new DatasetError(
      `${source}: array data has ${raw.bytes.length} bytes, expected ${count * itemSize} ` +
        `for dtype '${descr}' and shape (${shape})`,
    );
  }
  // A private, aligned copy in C order.
  let bytes =
    raw.fortranOrder && shape.length > 1 ? fortranToC(raw.bytes, shape, itemSize) : new Uint8Array(raw.bytes); // a copy, also for Buffers (whose slice() shares memory)
  if (unicode)
    return {
      dtype: 'unicode',
      shape,
      data: decodeUnicode(bytes, count, Number(unicode[1]), bigEndian, source),
    };
  if (bigEndian && kind.size > 1) bytes = swapBytes(bytes, kind.size);
  const buf = bytes.buffer;
  switch (kind.dtype) {
    case 'float32':
      return { dtype: 'float32', shape, data: new Float32Array(buf, 0, count) };
    case 'float64':
      return { dtype: 'float64', shape, data: new Float64Array(buf, 0, count) };
    case 'int8':
      return { dtype: 'int8', shape, data: new Int8Array(buf, 0, count) };
    case 'int16':
      return { dtype: 'int16', shape, data: new Int16Array(buf, 0, count) };
    case 'int32':
      return { dtype: 'int32', shape, data: new Int32Array(buf, 0, count) };
    case 'int64':
      return { dtype: 'int64', shape, data: new BigInt64Array(buf, 0, count) };
    case 'uint8':
      return { dtype: 'uint8', shape, data: bytes };
    default:
      for (let i = 0; i < count; i++) {
        if (bytes[i] > 1)
          throw new DatasetError(`${source}: bool element ${i} is ${bytes[i]}, expected 0 or 1`);
      }
      return { dtype: 'bool', shape, data: bytes };
  }
}

function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  for (let p = 0; p < bytes.length; p += size) {
    for (let a = p, b = p + size - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
  return bytes;
}

function fortranToC(src: Uint8Array, shape: readonly number[], itemSize: number): Uint8Array {
  const n = shape.length;
  const count = src.length / itemSize;
  const fStride = new Array<number>(n);
  let s = 1;
  for (let k = 0; k < n; k++) {
    fStride[k] = s;
    s *= shape[k];
  }
  const out = new Uint8Array(src.length);
  const index = new Array<number>(n).fill(0);
  let fOffset = 0;
  for (let c = 0; c < count; c++) {
    out.set(src.subarray(fOffset * itemSize, (fOffset + 1) * itemSize), c * itemSize);
    // Advance the C-order multi-index (last axis fastest), keeping the Fortran offset in step.
    for (let k = n - 1; k >= 0; k--) {
      index[k]++;
      fOffset += fStride[k];
      if (index[k] < shape[k]) break;
      fOffset -= fStride[k] * shape[k];
      index[k] = 0;
    }
  }
  return out;
}

/** U*n* elements: n UTF-32 code units each, trailing NULs dropped; built one code point at a time (no spread). */
function decodeUnicode(bytes: Uint8Array, count: number, chars: number, bigEndian: boolean, source: string) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let end = chars;
    while (end > 0 && view.getUint32(4 * (i * chars + end - 1), !bigEndian) === 0) end--;
    let text = '';
    for (let c = 0; c < end; c++) {
      const code = view.getUint32(4 * (i * chars + c), !bigEndian);
      if (code > 0x10ffff) {
        throw new DatasetError(
          `${source}: unicode element ${i} has an invalid code point 0x${code.toString(16)}`,
        );
      }
      text += String.fromCodePoint(code);
    }
    out[i] = text;
  }
  return out;
}
