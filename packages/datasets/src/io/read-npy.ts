import { DatasetError } from '@coin-gnn/graph';
import { checkArrayLayout, decodeArray } from './decode-array.js';
import type { NpyArray } from './npy-array.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Reads a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0).
 *
 * Layout: the magic `\x93NUMPY`, major and minor version bytes, the header length (uint16 in 1.0, uint32 in
 * 2.0/3.0, little-endian), a Python dict literal `{'descr': …, 'fortran_order': …, 'shape': (…), }`, then the
 * raw elements. Supported dtypes: f4 f8 i1 i2 i4 i8 u1 b1 and U*n* (1 ≤ n ≤ 65536), in either byte order, C
 * or Fortran order (see `decodeArray`). Object arrays (pickles) and `U0` are refused.
 *
 * Work is bounded by the file: the declared size prod(shape) · itemsize (`checkArrayLayout`) must be
 * present in the file before anything is allocated, so the result is never larger than a small multiple of
 * the input (a `U1` element is 4 bytes in the file and one string in memory).
 *
 * @param bytes - the whole file
 * @param source - file name for error messages
 * @throws {@link DatasetError} for a bad magic, a truncated file, a malformed header, an unsupported dtype or a
 *   zero item size, or fewer data bytes than the header declares; the message names `source`
 * @example
 * const labels = readNpy(await readFile('labels.npy'), 'labels.npy'); // { dtype: 'int8', shape: [2708], data }
 */
export function readNpy(bytes: Uint8Array, source: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DatasetError(`readNpy: ${source}: not a .npy file (bad magic bytes)`);
  }
  const major = bytes[6];
  if (major < 1 || major > 3)
    throw new DatasetError(`readNpy: ${source}: unsupported format version ${major}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw new DatasetError(`readNpy: ${source}: truncated header`);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenBytes;
  if (start + headerLen > bytes.length) {
    throw new DatasetError(`readNpy: ${source}: truncated header (needs ${headerLen} bytes)`);
  }
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(start, start + headerLen),
  );
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) {
    throw new DatasetError(`readNpy: ${source}: malformed header ${clip(JSON.stringify(header.trim()))}`);
  }
  const dims = shape[1]
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => (/^\d+L?$/.test(d) ? Number.parseInt(d, 10) : Number.NaN));
  if (dims.some((d) => !Number.isSafeInteger(d))) {
    throw new DatasetError(`readNpy: ${source}: bad shape (${clip(shape[1])}) in the header`);
  }
  // Dtype, shape and byte count are checked before anything is allocated: the declared size must be present.
  const { itemSize, count } = checkArrayLayout(descr[1], dims, `readNpy: ${source}`);
  const data = bytes.subarray(start + headerLen);
  if (data.length < count * itemSize) {
    throw new DatasetError(
      `readNpy: ${source}: truncated data, ${data.length} of ${count * itemSize} bytes present ` +
        `(dtype '${descr[1]}', shape (${dims}))`,
    );
  }
  return decodeArray(
    {
      descr: descr[1],
      shape: dims,
      fortranOrder: fortran[1] === 'True',
      bytes: data.subarray(0, count * itemSize),
    },
    `readNpy: ${source}`,
  );
}

/** At most 120 characters of `text`, for error messages about hostile headers. */
function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
