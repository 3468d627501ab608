import { DatasetError } from '@coin-gnn/graph';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { readNpz } from './read-npz.js';
import { readZipDirectory, zipBudget } from './read-zip.js';

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
    expect(() => readNpz(corrupt, 'bad.npz')).toThrow(/bad\.npz\/a\.npy: CRC-32 mismatch/);
  });

  it.each([0, 6])(
    'checks the CRC-32 of every entry: each single bit flip in the data is caught (level %i)',
    (level) => {
      const values = Array.from({ length: 64 }, (_, i) => i * 7919);
      const zip = zipSync({ 'a.npy': npyInt32(values) }, { level: level as 0 | 6 });
      const [entry] = readZipDirectory(zip, 'x.npz');
      let caught = 0;
      for (let byte = entry.dataOffset; byte < entry.dataOffset + entry.compressedSize; byte++) {
        const bad = zip.slice();
        bad[byte] ^= 1 << (byte % 8);
        try {
          readNpz(bad, 'flip.npz');
        } catch (error) {
          expect(error).toBeInstanceOf(DatasetError);
          caught++;
        }
      }
      expect(caught).toBe(entry.compressedSize);
    },
  );

  it('refuses an archive that declares more than min(maxBytes, max(64 MiB, maxRatio · size)) before inflating', () => {
    expect(zipBudget(1000)).toBe(64 * 2 ** 20);
    expect(zipBudget(1e6)).toBe(2e8);
    expect(zipBudget(1e8)).toBe(2 ** 30);
    expect(zipBudget(1e6, { maxRatio: 10, maxBytes: 1e6 })).toBe(1e6);
    // 80 MiB of zeros deflate to ~80 KB: a ratio of 1000 (a zip bomb in miniature).
    const bomb = bomb80();
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(() => readNpz(bomb, 'bomb.npz')).toThrow(DatasetError);
    expect(() => readNpz(bomb, 'bomb.npz')).toThrow(
      /bomb\.npz: its arrays declare 83886080 bytes uncompressed, more than the limit of 67108864 .*nothing was inflated/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(() => readNpz(bomb, 'bomb.npz', { maxBytes: 2 ** 20 })).toThrow(/more than the limit of 1048576/);
  });

  it('stops an entry that inflates past its declared size at the first chunk that crosses it', () => {
    const zip = bomb80();
    const [entry] = readZipDirectory(zip, 'x.npz');
    expect(entry.compressedSize).toBeGreaterThan(3 * 16384);
    const lying = zip.slice();
    const view = new DataView(lying.buffer);
    const central = findSignature(lying, 0x02014b50);
    view.setUint32(central + 24, 1000, true); // declared uncompressed size 1000
    expect(() => readNpz(lying, 'lie.npz')).toThrow(
      new RegExp(
        `lie\\.npz/zeros\\.npy: inflates past its declared 1000 bytes \\(stopped after 16384 of ${entry.compressedSize}`,
      ),
    );
    view.setUint32(central + 24, 80 * 2 ** 20 + 1, true);
    expect(() => readNpz(lying, 'lie.npz', { maxRatio: 2000 })).toThrow(
      /inflates to 83886080 bytes, its header declares 83886081/,
    );
  });

  it('refuses offsets and sizes outside the file, naming the entry', () => {
    const zip = zipSync({ 'a.npy': npyInt32([1, 2, 3]) }, { level: 0 });
    const central = findSignature(zip, 0x02014b50);
    const cases: [number, number, RegExp][] = [
      [20, 0xfffffff0, /stored but declares/],
      [42, 0x7fffffff, /entry "a\.npy": no local header at offset 2147483647/],
      [10, 12, /compression method 12 is not supported/],
    ];
    for (const [field, value, message] of cases) {
      const bad = zip.slice();
      new DataView(bad.buffer).setUint32(central + field, value, true);
      expect(() => readNpz(bad, 'off.npz')).toThrow(message);
    }
  });
});

describe('crc32', () => {
  it('gives the check value 0xCBF43926 for "123456789" and composes over chunks', () => {
    const text = new TextEncoder().encode('123456789');
    expect(crc32(text)).toBe(0xcbf43926);
    expect(crc32(text.subarray(4), crc32(text.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

let bomb: Uint8Array | undefined;
/** 80 MiB of zeros in one deflated entry, about 80 KB of zip (built once). */
function bomb80(): Uint8Array {
  bomb ??= streamedZip('zeros.npy', 80 * 2 ** 20);
  return bomb;
}

/** A zip with one deflated entry of `size` zero bytes, written by fflate's streaming Zip 1 MiB at a time. */
function streamedZip(name: string, size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const file = new ZipDeflate(name, { level: 9 });
  zip.add(file);
  const zeros = new Uint8Array(2 ** 20);
  for (let at = 0; at < size; at += zeros.length) file.push(zeros, at + zeros.length >= size);
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}

/** Offset of the first little-endian 32-bit `signature` in `bytes`. */
function findSignature(bytes: Uint8Array, signature: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === signature) return i;
  throw new Error('signature not found');
}
