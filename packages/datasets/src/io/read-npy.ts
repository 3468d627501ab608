import { DatasetError } from '@coin-gnn/graph';
import { decodeArray } from './decode-array.js';
import type { NpyArray } from './npy-array.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Reads a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0).
 *
 * Layout: the magic `\x93NUMPY`, major and minor version bytes, the header length (uint16 in 1.0, uint32 in
 * 2.0/3.0, little-endian), a Python dict literal `{'descr': …, 'fortran_order': …, 'shape': (…), }`, then the
 * raw elements. Supported dtypes: f4 f8 i1 i2 i4 i8 u1 b1 and U*n*, in either byte order, C or Fortran order
 * (see {@link decodeArray}). Object arrays (pickles) are refused.
 *
 * @param bytes - the whole file
 * @param source - file name for error messages
 * @throws {@link DatasetError} for a bad magic, a truncated file, a malformed header, an unsupported dtype or a
 *   data size that does not match the header
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
    throw new DatasetError(`readNpy: ${source}: malformed header ${JSON.stringify(header.trim())}`);
  }
  const dims = shape[1]
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => (/^\d+L?$/.test(d) ? Number.parseInt(d, 10) : Number.NaN));
  if (dims.some((d) => !Number.isSafeInteger(d))) {
    throw new DatasetError(`readNpy: ${source}: bad shape (${shape[1]}) in the header`);
  }
  const count = dims.reduce((a, b) => a * b, 1);
  const data = bytes.subarray(start + headerLen);
  const itemSize = /^.U(\d+)$/.test(descr[1]) ? 4 * Number(descr[1].slice(2)) : Number(descr[1].slice(2));
  if (Number.isFinite(itemSize) && data.length < count * itemSize) {
    throw new DatasetError(
      `readNpy: ${source}: truncated data, ${data.length} of ${count * itemSize} bytes present`,
    );
  }
  return decodeArray(
    {
      descr: descr[1],
      shape: dims,
      fortranOrder: fortran[1] === 'True',
      bytes: Number.isFinite(itemSize) ? data.subarray(0, count * itemSize) : data,
    },
    `readNpy: ${source}`,
  );
}
