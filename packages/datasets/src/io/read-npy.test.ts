import { DatasetError } from '@coin-gnn/graph';
import { describe, expect, it } from 'vitest';
import { readNpy } from './read-npy.js';

/** A .npy file written by hand: magic, version, header length, dict header padded to 64 bytes, data. */
function npy(
  descr: string,
  shape: number[],
  data: Uint8Array,
  options: { fortran?: boolean; major?: number } = {},
) {
  const major = options.major ?? 1;
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': (${dims}), }`;
  const prefix = major === 1 ? 10 : 12;
  header += `${' '.repeat(63 - ((prefix + header.length) % 64))}\n`;
  const len = Buffer.alloc(major === 1 ? 2 : 4);
  if (major === 1) len.writeUInt16LE(header.length);
  else len.writeUInt32LE(header.length);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x93]),
      Buffer.from('NUMPY'),
      Buffer.from([major, 0]),
      len,
      Buffer.from(header),
      data,
    ]),
  );
}

/** Element bytes of `values` as `size`-byte numbers in the given byte order. */
function encode(values: number[] | bigint[], kind: 'f' | 'i' | 'u', size: number, big: boolean): Uint8Array {
  const b = Buffer.alloc(values.length * size);
  values.forEach((v, k) => {
    const o = k * size;
    if (kind === 'f' && size === 4) big ? b.writeFloatBE(v as number, o) : b.writeFloatLE(v as number, o);
    else if (kind === 'f') big ? b.writeDoubleBE(v as number, o) : b.writeDoubleLE(v as number, o);
    else if (size === 8) big ? b.writeBigInt64BE(BigInt(v), o) : b.writeBigInt64LE(BigInt(v), o);
    else if (kind === 'u') b.writeUIntLE(v as number, o, size);
    else big ? b.writeIntBE(v as number, o, size) : b.writeIntLE(v as number, o, size);
  });
  return new Uint8Array(b);
}

describe('readNpy', () => {
  const values = [1, -2, 3, -4, 5, -6];
  it.each([
    ['<f4', 'float32', 'f', 4, [1.5, -2.25, 3, 0, 1e-3, -7]],
    ['>f4', 'float32', 'f', 4, [1.5, -2.25, 3, 0, 1e-3, -7]],
    ['<f8', 'float64', 'f', 8, [0.1, -2.5, 1e300, 0, 5, -6]],
    ['>f8', 'float64', 'f', 8, [0.1, -2.5, 1e300, 0, 5, -6]],
    ['|i1', 'int8', 'i', 1, values],
    ['<i2', 'int16', 'i', 2, [1000, -2000, 3, -4, 5, -32768]],
    ['>i2', 'int16', 'i', 2, [1000, -2000, 3, -4, 5, -32768]],
    ['<i4', 'int32', 'i', 4, [100000, -2, 3, -4, 5, -2147483648]],
    ['>i4', 'int32', 'i', 4, [100000, -2, 3, -4, 5, -2147483648]],
    ['|u1', 'uint8', 'u', 1, [0, 255, 3, 4, 5, 6]],
  ] as const)('reads %s as %s', (descr, dtype, kind, size, data) => {
    const array = readNpy(npy(descr, [2, 3], encode([...data], kind, size, descr[0] === '>')), 'a.npy');
    expect(array.dtype).toBe(dtype);
    expect(array.shape).toEqual([2, 3]);
    expect(Array.from(array.data as ArrayLike<number>)).toEqual(
      kind === 'f' && size === 4 ? Array.from(Float32Array.from(data)) : data,
    );
  });

  it.each(['<i8', '>i8'])('reads %s as BigInt64Array', (descr) => {
    const data = [2n ** 40n, -3n, 0n];
    const array = readNpy(npy(descr, [3], encode(data, 'i', 8, descr[0] === '>')), 'a.npy');
    expect(array.dtype).toBe('int64');
    expect(Array.from(array.data as BigInt64Array)).toEqual(data);
  });

  it('reads |b1 as 0/1 bytes', () => {
    const array = readNpy(npy('|b1', [4], Uint8Array.of(1, 0, 0, 1)), 'b.npy');
    expect(array).toEqual({ dtype: 'bool', shape: [4], data: Uint8Array.of(1, 0, 0, 1) });
  });

  it.each([false, true])('reads unicode strings (big-endian %s), trailing NULs removed', (big) => {
    const words = ['ab', 'é', '𝄞x'];
    const chars = 3;
    const b = Buffer.alloc(words.length * chars * 4);
    words.forEach((w, i) => {
      [...w].forEach((ch, c) => {
        const o = 4 * (i * chars + c);
        big ? b.writeUInt32BE(ch.codePointAt(0)!, o) : b.writeUInt32LE(ch.codePointAt(0)!, o);
      });
    });
    const array = readNpy(npy(`${big ? '>' : '<'}U3`, [3], new Uint8Array(b)), 's.npy');
    expect(array).toEqual({ dtype: 'unicode', shape: [3], data: words });
  });

  it('reorders Fortran-order data to C order (2-d and 3-d)', () => {
    // Column-major storage of [[1, 2, 3], [4, 5, 6]] is 1 4 2 5 3 6.
    const a = readNpy(
      npy('<i4', [2, 3], encode([1, 4, 2, 5, 3, 6], 'i', 4, false), { fortran: true }),
      'f.npy',
    );
    expect(Array.from(a.data as Int32Array)).toEqual([1, 2, 3, 4, 5, 6]);
    // x[i, j, k] = 100 i + 10 j + k, shape (2, 3, 2), stored with i fastest.
    const fortran: number[] = [];
    for (let k = 0; k < 2; k++)
      for (let j = 0; j < 3; j++) for (let i = 0; i < 2; i++) fortran.push(100 * i + 10 * j + k);
    const b = readNpy(npy('>i2', [2, 3, 2], encode(fortran, 'i', 2, true), { fortran: true }), 'f3.npy');
    const c: number[] = [];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) for (let k = 0; k < 2; k++) c.push(100 * i + 10 * j + k);
    expect(Array.from(b.data as Int16Array)).toEqual(c);
  });

  it('reads format version 2.0 headers and 0-d arrays', () => {
    const a = readNpy(npy('<f8', [], encode([2.5], 'f', 8, false), { major: 2 }), 'v2.npy');
    expect(a).toEqual({ dtype: 'float64', shape: [], data: Float64Array.of(2.5) });
  });

  it('agrees with files written by numpy.save', () => {
    // np.save(f, np.array([[1.5, -2], [3, 4]], dtype='>f4'))
    const f4 =
      '934e554d5059010076007b276465736372273a20273e6634272c2027666f727472616e5f6f72646572273a2046616c73' +
      '652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020' +
      '202020202020202020202020202020202020202020202020202020202020200a3fc00000c00000004040000040800000';
    expect(readNpy(Buffer.from(f4, 'hex'), 'f4.npy')).toEqual({
      dtype: 'float32',
      shape: [2, 2],
      data: Float32Array.of(1.5, -2, 3, 4),
    });
    // np.save(f, np.array(['ab', 'c']))
    const u2 =
      '934e554d5059010076007b276465736372273a20273c5532272c2027666f727472616e5f6f72646572273a2046616c73' +
      '652c20277368617065273a2028322c292c207d2020202020202020202020202020202020202020202020202020202020' +
      '202020202020202020202020202020202020202020202020202020202020200a61000000620000006300000000000000';
    expect(readNpy(Buffer.from(u2, 'hex'), 'u2.npy')).toEqual({
      dtype: 'unicode',
      shape: [2],
      data: ['ab', 'c'],
    });
  });

  const good = npy('<i4', [3], encode([1, 2, 3], 'i', 4, false));
  it.each([
    ['a bad magic', Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x00, 1, 0, 0, 0]), /bad magic/],
    ['a truncated header', good.subarray(0, 30), /truncated header/],
    ['truncated data', good.subarray(0, good.length - 2), /truncated data, 10 of 12 bytes/],
    ['an object dtype', npy('|O', [1], new Uint8Array(8)), /unsupported dtype '\|O'/],
    ['a malformed header', npy('<i4', [3], new Uint8Array(12)).fill(0x41, 10, 20), /malformed header/],
    ['a bool that is not 0/1', npy('|b1', [2], Uint8Array.of(1, 7)), /bool element 1 is 7/],
    ['an inherited property as dtype code', npy('<constructor', [1], new Uint8Array(8)), /unsupported dtype/],
    [
      'a code point beyond U+10FFFF',
      npy('<U1', [1], Uint8Array.of(0, 0, 0x11, 0)),
      /invalid code point 0x110000/,
    ],
    ['unicode elements of 70000 characters', npy('<U70000', [0], new Uint8Array(0)), /1 to 65536 characters/],
    [
      'a shape whose byte count is not a safe integer',
      npy('<f8', [2 ** 40, 2 ** 40], new Uint8Array(8)),
      /more elements than any file can hold/,
    ],
  ])('throws DatasetError for %s', (_, file, message) => {
    expect(() => readNpy(file, 'bad.npy')).toThrow(DatasetError);
    expect(() => readNpy(file, 'bad.npy')).toThrow(message);
  });

  it('refuses <U0 with shape (1e8,) in a 128-byte file before allocating anything (issue 16, item 7)', () => {
    const file = npy('<U0', [1e8], new Uint8Array(0));
    expect(file.length).toBe(128);
    const before = process.memoryUsage().rss;
    expect(() => readNpy(file, 'u0.npy')).toThrow(DatasetError);
    expect(() => readNpy(file, 'u0.npy')).toThrow(/u0\.npy: unsupported dtype '<U0'/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 2 ** 20);
  });

  it('checks the declared size prod(shape) · itemsize against the bytes present', () => {
    const file = npy('<f8', [1e8], new Uint8Array(16));
    expect(() => readNpy(file, 'big.npy')).toThrow(/big\.npy: truncated data, 16 of 800000000 bytes present/);
  });
});
