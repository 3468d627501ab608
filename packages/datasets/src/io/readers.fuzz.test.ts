/**
 * Fuzz suite of the raw readers (issue 16): seeded mutations of a valid input of each reader (bit flips,
 * truncations, byte insertions and overwrites, size-field edits) must each end in a DatasetError or load data
 * equal to the original (or, for formats without a checksum, data that is valid but different), within a time
 * bound per case and a memory cap. Any other exception, or npz data that differs silently, fails the property.
 */
import { readFileSync } from 'node:fs';
import { CoinError, DatasetError } from '@coin-gnn/graph';
import { byteMutation, mutateBytes, sizeFieldValue } from '@coin-gnn/graph/testing';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanetoidPart } from '../registry.js';
import { checkArrayLayout } from './decode-array.js';
import type { NpyArray } from './npy-array.js';
import { readNpy } from './read-npy.js';
import { readNpz } from './read-npz.js';
import { PICKLE_LIMITS, readPickle } from './read-pickle.js';
import { readPlanetoid } from './read-planetoid.js';
import { zipBudget } from './read-zip.js';

const SEED = 16;
const RUNS = 300;
/** Most wall time one case may take (generous: the machine is shared); the slowest case is reported. */
const CASE_MS = 3000;
/** Most the resident set may grow over the whole suite. */
const RSS_CAP = 300 * 2 ** 20;

// --- mutations --------------------------------------------------------------------------------------------

// --- outcome tally ----------------------------------------------------------------------------------------

type Outcome = 'equal' | 'different' | `error:${string}`;

/** Counts outcomes, the slowest case and the peak resident set of one fuzzed reader. */
class Tally {
  readonly counts = new Map<string, number>();
  cases = 0;
  slowestMs = 0;
  peakRss = 0;

  constructor(readonly reader: string) {}

  /**
   * Runs one case: `read` must return the data (compared with `same`) or throw a DatasetError; anything else
   * is rethrown as a failure. Records time and memory.
   */
  run<T>(read: () => T, same: (value: T) => boolean, allowDifferent: boolean): Outcome {
    const started = performance.now();
    let outcome: Outcome;
    try {
      const value = read();
      outcome = same(value) ? 'equal' : 'different';
    } catch (error) {
      if (!(error instanceof DatasetError)) {
        throw new Error(`${this.reader}: not a DatasetError: ${String(error)}`, { cause: error });
      }
      if (!/\S+: /.test(error.message))
        throw new Error(`${this.reader}: message names no file: ${error.message}`);
      outcome = `error:${error.constructor.name}`;
    }
    const ms = performance.now() - started;
    this.slowestMs = Math.max(this.slowestMs, ms);
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
    this.cases++;
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    if (ms > CASE_MS) throw new Error(`${this.reader}: one case took ${ms.toFixed(0)} ms`);
    if (process.memoryUsage().rss - baselineRss > RSS_CAP) {
      throw new Error(`${this.reader}: resident set grew by more than ${RSS_CAP} bytes`);
    }
    if (outcome === 'different' && !allowDifferent) throw new Error(`${this.reader}: loaded different data`);
    return outcome;
  }

  summary(): string {
    const counts = [...this.counts].map(([k, v]) => `${k} ${v}`).join(', ');
    return (
      `${this.reader}: ${this.cases} cases (${counts}); slowest ${this.slowestMs.toFixed(1)} ms; ` +
      `peak rss +${((this.peakRss - baselineRss) / 2 ** 20).toFixed(0)} MiB`
    );
  }
}

const baselineRss = process.memoryUsage().rss;
const tallies: Tally[] = [];
afterAll(() => {
  console.info(`readers fuzz (seed ${SEED}):\n${tallies.map((t) => `  ${t.summary()}`).join('\n')}`);
});

// --- fixtures ---------------------------------------------------------------------------------------------

/** A .npy file: magic, version 1.0, header padded to a multiple of 64, data. */
function npy(
  descr: string,
  shape: readonly (number | string)[],
  data: Uint8Array,
  fortran = false,
): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${dims}), }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const len = Buffer.alloc(2);
  len.writeUInt16LE(header.length);
  return new Uint8Array(
    Buffer.concat([Buffer.from('\x93NUMPY\x01\x00', 'latin1'), len, Buffer.from(header), data]),
  );
}

const le = (array: { buffer: ArrayBufferLike }) => new Uint8Array(array.buffer as ArrayBuffer);
const utf32 = (words: string[], chars: number) => {
  const b = Buffer.alloc(words.length * chars * 4);
  words.forEach((w, i) => {
    [...w].forEach((ch, c) => {
      b.writeUInt32LE(ch.codePointAt(0)!, 4 * (i * chars + c));
    });
  });
  return new Uint8Array(b);
};

const NPY_FIXTURES: Uint8Array[] = [
  npy('<f4', [3, 4], le(Float32Array.from({ length: 12 }, (_, i) => i / 4 - 1))),
  npy('<i8', [5], le(BigInt64Array.of(1n, -2n, 2n ** 40n, 0n, 7n))),
  npy('<U3', [3], utf32(['ab', 'é', '𝄞x'], 3)),
  npy('|b1', [2, 3], Uint8Array.of(1, 0, 0, 1, 1, 0), true),
  npy('<i4', [4], le(Int32Array.of(10, -20, 30, 2 ** 31 - 1))),
];

function sameArray(a: NpyArray, b: NpyArray): boolean {
  if (a.dtype !== b.dtype || a.shape.join() !== b.shape.join() || a.data.length !== b.data.length)
    return false;
  for (let i = 0; i < a.data.length; i++) if (!Object.is(a.data[i], b.data[i])) return false;
  return true;
}

/** Valid but different arrays must still be consistent: prod(shape) elements of the declared dtype. */
function wellFormed(a: NpyArray): boolean {
  return a.shape.reduce((x, y) => x * y, 1) === a.data.length;
}

// --- npy ----------------------------------------------------------------------------------------------

describe('fuzz: readNpy', () => {
  const tally = new Tally('readNpy');
  tallies.push(tally);

  /** Size-field edit of the header: the shape tuple replaced by other dimensions (as text). */
  const shapeEdit = fc.record({
    fixture: fc.nat({ max: NPY_FIXTURES.length - 1 }),
    dims: fc.array(
      fc.oneof(
        fc.nat({ max: 20 }),
        fc.constantFrom(1e8, 2 ** 31, 2 ** 32 + 3, 2 ** 53, '99999999999999999999'),
      ),
      { maxLength: 4 },
    ),
  });

  it(`ends each of ${RUNS} byte mutations in a DatasetError or a well-formed array`, () => {
    const originals = NPY_FIXTURES.map((f) => readNpy(f, 'fixture.npy'));
    fc.assert(
      fc.property(fc.nat({ max: NPY_FIXTURES.length - 1 }), byteMutation, (k, m) => {
        let read: NpyArray | undefined;
        tally.run(
          () => {
            read = readNpy(mutateBytes(NPY_FIXTURES[k], m), 'fuzz.npy');
            return read;
          },
          (a) => sameArray(a, originals[k]),
          true,
        );
        if (read) expect(wellFormed(read)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('ends each of 100 shape edits in a DatasetError or an array of exactly that shape', () => {
    fc.assert(
      fc.property(shapeEdit, ({ fixture, dims }) => {
        const source = NPY_FIXTURES[fixture];
        const original = readNpy(source, 'fixture.npy');
        const dataStart = 10 + new DataView(source.buffer).getUint16(8, true);
        const descr = /'descr': '([^']*)'/.exec(Buffer.from(source).toString('latin1'))![1];
        const edited = npy(descr, dims, source.subarray(dataStart));
        tally.run(
          () => readNpy(edited, 'shape.npy'),
          (a) => sameArray(a, original),
          true,
        );
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});

// --- npz ----------------------------------------------------------------------------------------------

describe('fuzz: readNpz', () => {
  const tally = new Tally('readNpz');
  tallies.push(tally);
  const entries = {
    'a.npy': NPY_FIXTURES[0],
    'b.npy': NPY_FIXTURES[1],
    'names.npy': NPY_FIXTURES[2],
  };
  const zips = [
    zipSync(entries, { level: 6 }),
    zipSync(entries, { level: 0 }),
    new Uint8Array(readFileSync(new URL('../../data/gnn-benchmark/cora.npz', import.meta.url))),
  ];

  /** All arrays of an archive, decoded. */
  const load = (bytes: Uint8Array, source: string) => {
    const npz = readNpz(bytes, source);
    return new Map(npz.names.map((name) => [name, npz.get(name)]));
  };
  const originals = zips.map((z) => load(z, 'fixture.npz'));

  /**
   * Equal when the same names hold the same arrays. Zip has no checksum over names, so a mutated name may
   * load: that counts as different, and is accepted only when every array is bit-identical to an original one.
   */
  const compare = (loaded: Map<string, NpyArray>, k: number) => {
    const original = originals[k];
    for (const array of loaded.values()) {
      if (![...original.values()].some((o) => sameArray(o, array))) {
        throw new Error(`readNpz: loaded an array that is in no original entry (CRC not effective)`);
      }
    }
    return (
      loaded.size === original.size &&
      [...loaded].every(([n, a]) => original.has(n) && sameArray(original.get(n)!, a))
    );
  };

  /** Size-field edit of the zip structures: a field of a central directory entry or of the end record. */
  const zipFieldEdit = fc.record({
    fixture: fc.nat({ max: zips.length - 1 }),
    entry: fc.nat(),
    field: fc.constantFrom<[number, 2 | 4]>(
      [16, 4],
      [20, 4],
      [24, 4],
      [28, 2],
      [30, 2],
      [32, 2],
      [42, 4],
      [-10, 2], // end record: entry count
      [-12, 4], // end record: directory size
      [-16, 4], // end record: directory offset
    ),
    value: sizeFieldValue,
  });

  it(`ends each of ${RUNS} byte mutations in a DatasetError or equal arrays (CRC-32 checked)`, () => {
    fc.assert(
      fc.property(fc.nat({ max: zips.length - 1 }), byteMutation, (k, m) => {
        tally.run(
          () => load(mutateBytes(zips[k], m), 'fuzz.npz'),
          (loaded) => compare(loaded, k),
          true,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('ends each of 200 central-directory and end-record field edits in a DatasetError or equal arrays', () => {
    fc.assert(
      fc.property(zipFieldEdit, ({ fixture, entry, field: [offset, width], value }) => {
        const bytes = zips[fixture].slice();
        const view = new DataView(bytes.buffer);
        const eocd = bytes.length - 22;
        let at: number;
        if (offset < 0) at = eocd - offset;
        else {
          const centrals: number[] = [];
          for (let p = view.getUint32(eocd + 16, true); p + 4 <= eocd; p++) {
            if (view.getUint32(p, true) === 0x02014b50) centrals.push(p);
          }
          at = centrals[entry % centrals.length] + offset;
        }
        if (width === 2) view.setUint16(at, value & 0xffff, true);
        else view.setUint32(at, value >>> 0, true);
        tally.run(
          () => load(bytes, 'field.npz'),
          (loaded) => compare(loaded, fixture),
          true,
        );
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
  });
});

// --- Planetoid: pickles and test.index ----------------------------------------------------------------

/** Pickle opcodes, protocol 2, for the tiny Planetoid fixture (the shapes of the real `ind.*` files). */
const P = {
  cat: (...parts: (Uint8Array | string | number)[]) =>
    new Uint8Array(
      Buffer.concat(
        parts.map((p) =>
          typeof p === 'number' ? Buffer.of(p) : typeof p === 'string' ? Buffer.from(p, 'latin1') : p,
        ),
      ),
    ),
  int(n: number) {
    if (n < 256) return P.cat('K', n);
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    return P.cat('J', b);
  },
  str(s: string) {
    if (s.length < 256) return P.cat('U', s.length, s);
    const b = Buffer.alloc(4);
    b.writeInt32LE(s.length);
    return P.cat('T', b, s);
  },
  tuple: (...items: Uint8Array[]) => P.cat('(', ...items, 't'),
  /** numpy.core.multiarray._reconstruct(ndarray, (0,), 'b') + BUILD (1, shape, dtype, False, rawdata). */
  ndarray(code: string, shape: number[], data: Uint8Array) {
    return P.cat(
      'cnumpy.core.multiarray\n_reconstruct\n',
      'cnumpy\nndarray\n',
      P.tuple(P.int(0)),
      P.str('b'),
      0x87,
      'R',
      P.tuple(
        P.int(1),
        P.tuple(...shape.map((d) => P.int(d))),
        P.cat(
          'cnumpy\ndtype\n',
          P.tuple(P.str(code.slice(1)), P.int(0), P.int(1)),
          'R',
          P.tuple(P.int(3), P.str(code[0])),
          'b',
        ),
        P.cat(0x89),
        P.str(Buffer.from(data).toString('latin1')),
      ),
      'b',
    );
  },
  /** scipy.sparse.csr.csr_matrix.__new__ + BUILD {'_shape', 'indptr', 'indices', 'data'}. */
  csr(rows: number[][], cols: number) {
    const indptr = [0];
    const indices: number[] = [];
    for (const r of rows) {
      indices.push(...r);
      indptr.push(indices.length);
    }
    return P.cat(
      0x80,
      2,
      'cscipy.sparse.csr\ncsr_matrix\n',
      ')',
      0x81,
      '}',
      '(',
      P.str('_shape'),
      P.tuple(P.int(rows.length), P.int(cols)),
      P.str('indptr'),
      P.ndarray('<i4', [indptr.length], le(Int32Array.from(indptr))),
      P.str('indices'),
      P.ndarray('<i4', [indices.length], le(Int32Array.from(indices))),
      P.str('data'),
      P.ndarray('<f4', [indices.length], le(new Float32Array(indices.length).fill(1))),
      'u',
      'b',
      '.',
    );
  },
  oneHot(labels: number[], classes: number) {
    const data = new Int32Array(labels.length * classes);
    labels.forEach((c, i) => {
      data[i * classes + c] = 1;
    });
    return P.cat(0x80, 2, P.ndarray('<i4', [labels.length, classes], le(data)), '.');
  },
  graph(adjacency: number[][]) {
    return P.cat(
      0x80,
      2,
      'ccollections\ndefaultdict\n',
      'c__builtin__\nlist\n',
      0x85,
      'R',
      '(',
      ...adjacency.map((ns, k) => P.cat(P.int(k), ']', '(', ...ns.map((j) => P.int(j)), 'e')),
      'u',
      '.',
    );
  },
};

/** A tiny Planetoid set: allx rows 0–5 (y = rows 0–1), test rows for nodes 8, 6, 7; 4 features, 3 classes. */
const TINY: Record<PlanetoidPart, Uint8Array> = {
  x: P.csr([[0], [1, 2]], 4),
  y: P.oneHot([0, 1], 3),
  allx: P.csr([[0], [1, 2], [3], [0, 3], [2], [1]], 4),
  ally: P.oneHot([0, 1, 2, 0, 1, 2], 3),
  tx: P.csr([[2, 3], [0], [1]], 4),
  ty: P.oneHot([1, 0, 2], 3),
  graph: P.graph([
    [1, 2],
    [0, 3],
    [0, 8],
    [1, 4],
    [3, 5],
    [4, 6],
    [5, 7],
    [6, 8],
    [7, 2],
  ]),
  'test.index': new Uint8Array(Buffer.from('8\n6\n7\n')),
};
const PARTS = Object.keys(TINY) as PlanetoidPart[];
type Planetoid = ReturnType<typeof readPlanetoid>;

function samePlanetoid(a: Planetoid, b: Planetoid): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) =>
    x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  const sameCsr = (x: Planetoid['features'], y: Planetoid['features']) =>
    x.numRows === y.numRows &&
    x.numCols === y.numCols &&
    same(x.indptr, y.indptr) &&
    same(x.indices, y.indices) &&
    same(x.values, y.values);
  return (
    a.numClasses === b.numClasses &&
    same(a.labels as Int32Array, b.labels as Int32Array) &&
    sameCsr(a.features, b.features) &&
    sameCsr(a.adjacency, b.adjacency) &&
    same(a.publicSplit!.train, b.publicSplit!.train) &&
    same(a.publicSplit!.val, b.publicSplit!.val) &&
    same(a.publicSplit!.test, b.publicSplit!.test)
  );
}

describe('fuzz: readPlanetoid (pickles and test.index)', () => {
  const tally = new Tally('readPlanetoid');
  tallies.push(tally);
  const original = readPlanetoid('tiny', TINY);

  it('reads the tiny fixture as built', () => {
    expect(original.labels).toEqual(Int32Array.of(0, 1, 2, 0, 1, 2, 0, 2, 1));
    expect(original.publicSplit!.test).toEqual(Int32Array.of(6, 7, 8));
    expect(original.adjacency.indices.length).toBe(18);
  });

  it(`ends each of ${RUNS} byte mutations of one file in a DatasetError or a consistent dataset`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARTS), byteMutation, (part, m) => {
        const files = { ...TINY, [part]: mutateBytes(TINY[part], m) };
        tally.run(
          () => readPlanetoid('tiny', files),
          (d) => samePlanetoid(d, original),
          true,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  /** A test.index line replaced: overflowing, negative, huge or malformed numbers among valid ones. */
  const line = fc.oneof(
    fc.bigInt({ min: -(2n ** 40n), max: 2n ** 70n }).map(String),
    fc.constantFrom('2147483647', '2147483648', '9999999999', String(8 + 2 ** 32), '-0', '1e3', ' 7 ', '0x8'),
    fc.nat({ max: 20 }).map(String),
    fc.string({ maxLength: 12 }),
  );

  it('ends each of 200 test.index line edits in a DatasetError or a dataset within the node bound', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 }), line, (k, text) => {
        const lines = ['8', '6', '7'];
        lines[k] = text;
        const files = { ...TINY, 'test.index': new Uint8Array(Buffer.from(`${lines.join('\n')}\n`)) };
        let loaded: Planetoid | undefined;
        tally.run(
          () => {
            loaded = readPlanetoid('tiny', files);
            return loaded;
          },
          (d) => samePlanetoid(d, original),
          true,
        );
        // |allx| + 2·|tx| = 6 + 2·3 nodes at most, whatever the line says.
        if (loaded) expect((loaded.labels as Int32Array).length).toBeLessThanOrEqual(12);
      }),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});

// --- properties of the numeric bounds -----------------------------------------------------------------

describe('properties: numeric bounds of the readers', () => {
  it('checkArrayLayout accepts a shape iff every dim is a safe non-negative integer and prod · itemsize is safe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.maxSafeNat(), fc.integer({ min: -5, max: -1 })), {
          maxLength: 5,
        }),
        fc.constantFrom(['<f8', 8], ['|u1', 1], ['<U3', 12], ['>i4', 4]) as fc.Arbitrary<[string, number]>,
        (shape, [descr, size]) => {
          const product = shape.reduce((a, b) => a * b, 1);
          const ok = shape.every((d) => d >= 0) && Number.isSafeInteger(product * size);
          if (ok) expect(checkArrayLayout(descr, shape, 's')).toEqual({ itemSize: size, count: product });
          else expect(() => checkArrayLayout(descr, shape, 's')).toThrow(DatasetError);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('zipBudget is min(maxBytes, max(64 MiB, maxRatio · size)): never above maxBytes, monotone in the size', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 40 }),
        fc.nat({ max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 5000 }),
        (a, b, maxBytes, maxRatio) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const budget = zipBudget(large, { maxBytes, maxRatio });
          expect(budget).toBeLessThanOrEqual(maxBytes);
          expect(budget).toBeGreaterThanOrEqual(Math.min(maxBytes, 64 * 2 ** 20));
          expect(zipBudget(small, { maxBytes, maxRatio })).toBeLessThanOrEqual(budget);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('LONG1 round-trips every integer of up to 64 bytes (two’s complement) and refuses longer ones', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 511n), max: 2n ** 511n - 1n }), (value) => {
        const bytes: number[] = [];
        let v = value;
        do {
          bytes.push(Number(BigInt.asUintN(8, v)));
          v >>= 8n;
        } while (
          !(v === 0n && (bytes[bytes.length - 1] & 0x80) === 0) &&
          !(v === -1n && (bytes[bytes.length - 1] & 0x80) !== 0)
        );
        const read = readPickle(Uint8Array.of(0x8a, bytes.length, ...bytes, 0x2e), 'long.pkl');
        expect(BigInt(read as number | bigint)).toBe(value);
      }),
      { seed: SEED, numRuns: 300 },
    );
    const n = PICKLE_LIMITS.maxLongBytes + 1;
    expect(() => readPickle(Uint8Array.of(0x8a, n, ...new Uint8Array(n), 0x2e), 'long.pkl')).toThrow(
      DatasetError,
    );
  });

  it('test.index lines are accepted iff 0 ≤ value < min(2^31, |allx| + 2·|tx|) and unused by another line', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n }), (value) => {
        const files = { ...TINY, 'test.index': new Uint8Array(Buffer.from(`8\n6\n${value}\n`)) };
        const ok = value >= 6n && value < 12n && value !== 8n && value !== 6n;
        if (ok)
          expect((readPlanetoid('tiny', files).labels as Int32Array).length).toBe(
            Math.max(9, Number(value) + 1),
          );
        else {
          let error: unknown;
          try {
            readPlanetoid('tiny', files);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DatasetError);
          expect(CoinError.isInstance(error) && (error as Error).message).toMatch(
            /ind\.tiny\.test\.index: .*line 3/,
          );
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
