import { DatasetError } from '@coin-gnn/graph';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readNpz } from './read-npz.js';

/** A minimal .npy of little-endian int32 values, shape (n,). */
function npyInt32(values: number[]): Uint8Array {
  let header = `{'descr': '<i4', 'fortran_order': False, 'shape': (${values.length},), }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const head = Buffer.concat([
    Buffer.from([0x93]),
    Buffer.from('NUMPY'),
    Buffer.from([1, 0, header.length, 0]),
    Buffer.from(header),
  ]);
  return new Uint8Array(Buffer.concat([head, Buffer.from(Int32Array.from(values).buffer)]));
}

describe('readNpz', () => {
  it.each([0, 6])('reads the arrays of a zip (deflate level %i), decoding on access', (level) => {
    const zip = zipSync(
      { 'a.npy': npyInt32([1, 2, 3]), 'b.npy': npyInt32([-4]), 'note.txt': new Uint8Array(1) },
      { level: level as 0 | 6 },
    );
    const npz = readNpz(zip, 'x.npz');
    expect(npz.names).toEqual(['a', 'b']);
    expect(npz.has('a')).toBe(true);
    expect(npz.get('a').data).toEqual(Int32Array.of(1, 2, 3));
    expect(npz.get('b').data).toEqual(Int32Array.of(-4));
    expect(npz.get('a')).toBe(npz.get('a'));
  });

  it('throws DatasetError for a missing array, a truncated or a corrupted archive', () => {
    const zip = zipSync({ 'a.npy': npyInt32([1, 2, 3]) }, { level: 0 });
    expect(() => readNpz(zip, 'x.npz').get('c')).toThrow(/no array 'c' \(has a\)/);
    expect(() => readNpz(zip.subarray(0, zip.length - 30), 'cut.npz')).toThrow(DatasetError);
    const corrupt = zip.slice();
    corrupt.set(Buffer.from('XXXXXX'), 30 + 'a.npy'.length); // over the .npy magic inside the entry
    expect(() => readNpz(corrupt, 'bad.npz').get('a')).toThrow(/bad\.npz\/a\.npy: not a \.npy file/);
  });
});
