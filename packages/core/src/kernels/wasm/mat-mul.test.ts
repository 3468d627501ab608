import { csrMatMulImpl, csrTransposeMatMulImpl, gcnNorm, Rng, toDense, transpose } from '@coin-gnn/graph';
import { cycleGraph, denseMatMul, expectClose, randomCsr, randomGraph } from '@coin-gnn/graph/testing';
import { describe, expect, it } from 'vitest';
import { NARROW_TAIL_MIN_BYTES } from './diffusion.js';
import { MIN_PARALLEL_WORK } from './kernel-threads.js';
import { chunkedCsrMatMul, csrRowChunks, simdCsrMatMul, simdDenseMatMul } from './mat-mul.js';

/** Column counts: below 4, padded thin widths (5–8, 13), multiples of 4, and wide ones with a scalar tail. */
const COLUMN_COUNTS = [1, 3, 4, 5, 7, 8, 13, 16, 64, 65, 67, 70];

describe('simdCsrMatMul', () => {
  const rng = new Rng(3);
  it.each(COLUMN_COUNTS)(
    'matches the scalar kernels and a float64 product, A B and Aᵀ B, with %i columns',
    (bCols) => {
      const m = randomCsr(9, 7, 0.35, bCols);
      const b = Float32Array.from({ length: 7 * bCols }, () => rng.uniform() - 0.5);
      const c = Float32Array.from({ length: 9 * bCols }, () => rng.uniform() - 0.5);
      const ab = simdCsrMatMul(m.indptr, m.indices, m.values, 9, 7, b, bCols, false);
      expectClose(ab, csrMatMulImpl(m.indptr, m.indices, m.values, 9, b, bCols));
      expectClose(ab, denseMatMul(toDense(m), 9, 7, b, bCols));
      const atc = simdCsrMatMul(m.indptr, m.indices, m.values, 9, 7, c, bCols, true);
      expectClose(atc, csrTransposeMatMulImpl(m.indptr, m.indices, m.values, 9, 7, c, bCols));
      expectClose(atc, denseMatMul(toDense(transpose(m)), 7, 9, c, bCols));
    },
  );

  it.each([16, 67])(
    'runs Aᵀ B of a symmetric A (Â) as A B, split, with the bits of the scatter, %i columns',
    (bCols) => {
      const a = gcnNorm(randomGraph(3000, 0.01, bCols));
      const n = a.numRows;
      expect(a.nnz * bCols).toBeGreaterThan(MIN_PARALLEL_WORK); // so that A B is split
      const b = Float32Array.from({ length: n * bCols }, () => rng.uniform() - 0.5);
      const at = simdCsrMatMul(a.indptr, a.indices, a.values, n, n, b, bCols, true);
      // The same A as n × (n + 1) (an empty last column): not square, so Aᵀ B scatters on one thread.
      const scattered = simdCsrMatMul(a.indptr, a.indices, a.values, n, n + 1, b, bCols, true);
      expect(Array.from(at)).toEqual(Array.from(scattered.subarray(0, n * bCols)));
    },
  );

  it.each([5, 7])(
    'runs a large B of %i columns as 4 + the rest, unpadded, with the bits of the padded product',
    (bCols) => {
      const n = NARROW_TAIL_MIN_BYTES / 32 + 1;
      const a = gcnNorm(cycleGraph(n));
      const b = Float32Array.from({ length: n * bCols }, () => rng.uniform() - 0.5);
      const padded = new Float32Array(n * 8);
      for (let r = 0; r < n; r++) for (let c = 0; c < bCols; c++) padded[r * 8 + c] = b[r * bCols + c];
      for (const transposeA of [false, true]) {
        const want = simdCsrMatMul(a.indptr, a.indices, a.values, n, n, padded, 8, transposeA);
        const got = simdCsrMatMul(a.indptr, a.indices, a.values, n, n, b, bCols, transposeA);
        expect(got.every((x, k) => Object.is(x, want[Math.floor(k / bCols) * 8 + (k % bCols)]))).toBe(true);
      }
    },
  );

  it.each([7, 16, 67])('skips stored zeros (0 · ∞ never computed), with %i columns', (bCols) => {
    // Row 0: a stored zero at column 1, whose row of B is infinite, and 2 at column 0; row 1: a zero only.
    const indptr = Int32Array.from([0, 2, 3]);
    const indices = Int32Array.from([0, 1, 1]);
    const values = Float32Array.from([2, 0, 0]);
    const b = Float32Array.from({ length: 2 * bCols }, (_, k) =>
      k < bCols ? k + 1 : Number.POSITIVE_INFINITY,
    );
    const c = simdCsrMatMul(indptr, indices, values, 2, 2, b, bCols, false);
    expect(Array.from(c)).toEqual([
      ...Array.from({ length: bCols }, (_, k) => 2 * (k + 1)),
      ...new Array(bCols).fill(0),
    ]);
    const ct = simdCsrMatMul(indptr, indices, values, 2, 2, b, bCols, true);
    expect(Array.from(ct)).toEqual([
      ...Array.from({ length: bCols }, (_, k) => 2 * (k + 1)),
      ...new Array(bCols).fill(0),
    ]);
  });

  it('sums the columns of a B given by a function', () => {
    const m = randomCsr(9, 7, 0.35, 2);
    for (const bCols of [5, 6, 8, 66]) {
      const c = Float32Array.from({ length: 9 * bCols }, () => rng.uniform() - 0.5);
      const columnSums = new Float32Array(bCols);
      const product = simdCsrMatMul(
        m.indptr,
        m.indices,
        m.values,
        9,
        7,
        { length: c.length, write: (target) => target.set(c), columnSums },
        bCols,
        true,
      );
      expectClose(product, denseMatMul(toDense(transpose(m)), 7, 9, c, bCols));
      expectClose(columnSums, denseMatMul(new Float32Array(9).fill(1), 1, 9, c, bCols));
    }
  });

  it('handles empty matrices and zero columns', () => {
    const empty = randomCsr(3, 2, 0, 1);
    expect(
      Array.from(
        simdCsrMatMul(empty.indptr, empty.indices, empty.values, 3, 2, new Float32Array(8), 4, false),
      ),
    ).toEqual(new Array(12).fill(0));
    expect(
      simdCsrMatMul(empty.indptr, empty.indices, empty.values, 3, 2, new Float32Array(0), 0, false),
    ).toHaveLength(0);
  });

  it('grows its memory for an operand larger than it, and stays correct for smaller ones after', () => {
    // B alone is 2000 × 300 floats (2.4 MB, 37 pages), more than the memory holds before.
    const big = randomCsr(300, 2000, 0.01, 2);
    const b = Float32Array.from({ length: 2000 * 300 }, () => rng.uniform());
    expectClose(
      simdCsrMatMul(big.indptr, big.indices, big.values, 300, 2000, b, 300, false),
      csrMatMulImpl(big.indptr, big.indices, big.values, 300, b, 300),
      1e-4,
    );
    const small = randomCsr(5, 4, 0.5, 3);
    const bs = Float32Array.from({ length: 4 * 6 }, () => rng.uniform());
    expectClose(
      simdCsrMatMul(small.indptr, small.indices, small.values, 5, 4, bs, 6, false),
      denseMatMul(toDense(small), 5, 4, bs, 6),
    );
  });
});

describe('sparse products by chunks of rows', () => {
  const rng = new Rng(11);
  const bitsEqual = (got: Float32Array, want: Float32Array): boolean =>
    got.length === want.length && got.every((x, k) => Object.is(x, want[k]));

  it('cuts consecutive row ranges within the byte budget, a longer row alone', () => {
    // Rows of 0, 3, 1, 9, 0, 2 entries.
    const indptr = Int32Array.from([0, 0, 3, 4, 13, 13, 15]);
    const { ranges, maxRows, maxEntries } = csrRowChunks(indptr, 6, 8, 60);
    expect(ranges).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 6],
    ]);
    for (const [r0, r1] of ranges) {
      const bytes = 4 * (r1 - r0 + 1) + 8 * (indptr[r1] - indptr[r0]) + 8 * (r1 - r0);
      expect(bytes <= 60 || r1 - r0 === 1).toBe(true);
    }
    expect([maxRows, maxEntries]).toEqual([2, 9]);
    expect(csrRowChunks(indptr, 6, 8, Number.POSITIVE_INFINITY).ranges).toEqual([[0, 6]]);
  });

  it.each([1, 5, 16, 67])(
    'gives the bits of one chunk, A B split over threads, Aᵀ B as A B and scattered, %i columns',
    (bCols) => {
      const a = gcnNorm(randomGraph(3000, 0.01, bCols));
      const n = a.numRows;
      const b = Float32Array.from({ length: n * bCols }, () => rng.uniform() - 0.5);
      // n × (n + 1): Aᵀ B scatters (not square)
      for (const [numCols, transposeA] of [
        [n, false],
        [n, true],
        [n + 1, true],
      ] as const) {
        const whole = chunkedCsrMatMul(a, numCols, b, bCols, transposeA, undefined, Number.POSITIVE_INFINITY);
        for (const chunkBytes of [64, 4096, 100_000]) {
          const got = chunkedCsrMatMul(a, numCols, b, bCols, transposeA, undefined, chunkBytes);
          expect(bitsEqual(got, whole)).toBe(true);
        }
        const impl = transposeA
          ? csrTransposeMatMulImpl(a.indptr, a.indices, a.values, n, numCols, b, bCols)
          : csrMatMulImpl(a.indptr, a.indices, a.values, n, b, bCols);
        expectClose(whole, impl);
      }
    },
  );

  it('gives the bits of one chunk for a large B of 5 columns (4 + 1 unpadded)', () => {
    const n = NARROW_TAIL_MIN_BYTES / 32 + 1;
    const a = gcnNorm(cycleGraph(n));
    const b = Float32Array.from({ length: n * 5 }, () => rng.uniform() - 0.5);
    const whole = chunkedCsrMatMul(a, n, b, 5, false, undefined, Number.POSITIVE_INFINITY);
    const target = new Float32Array(n * 5).fill(Number.NaN);
    expect(chunkedCsrMatMul(a, n, b, 5, false, target, 1 << 16)).toBe(target);
    expect(bitsEqual(target, whole)).toBe(true);
    expectClose(whole, csrMatMulImpl(a.indptr, a.indices, a.values, n, b, 5));
  });

  it('sums the columns of a B given by a function, scattered by chunks', () => {
    const m = randomCsr(40, 30, 0.2, 4);
    const c = Float32Array.from({ length: 40 * 6 }, () => rng.uniform() - 0.5);
    const columnSums = new Float32Array(6);
    const operand = { length: c.length, write: (t: Float32Array) => t.set(c), columnSums };
    const product = chunkedCsrMatMul(m, 30, operand, 6, true, undefined, 100);
    expectClose(product, denseMatMul(toDense(transpose(m)), 30, 40, c, 6));
    expectClose(columnSums, denseMatMul(new Float32Array(40).fill(1), 1, 40, c, 6));
  });
});

describe('a target for C', () => {
  const rng = new Rng(5);
  it.each([4, 7, 65])('receives C entirely, over stale values, with %i columns', (bCols) => {
    const m = randomCsr(9, 7, 0.35, bCols);
    const a = Float32Array.from({ length: 9 * 7 }, () => (rng.uniform() < 0.4 ? 0 : rng.uniform() - 0.5));
    const b = Float32Array.from({ length: 7 * bCols }, () => rng.uniform() - 0.5);
    const target = new Float32Array(9 * bCols).fill(Number.NaN);
    expect(simdCsrMatMul(m.indptr, m.indices, m.values, 9, 7, b, bCols, false, target)).toBe(target);
    expectClose(target, denseMatMul(toDense(m), 9, 7, b, bCols));
    target.fill(Number.NaN);
    expect(simdDenseMatMul(a, 9, 7, b, bCols, false, target)).toBe(target);
    expectClose(target, denseMatMul(a, 9, 7, b, bCols));
  });
});

describe('simdDenseMatMul', () => {
  const rng = new Rng(8);
  it.each(COLUMN_COUNTS)(
    'matches a float64 product, A B and Aᵀ B, with %i columns and zeros in A',
    (bCols) => {
      const a = Float32Array.from({ length: 6 * 5 }, () => (rng.uniform() < 0.4 ? 0 : rng.uniform() - 0.5));
      const at = Float32Array.from(a, (_, p) => a[(p % 6) * 5 + Math.floor(p / 6)]);
      const b = Float32Array.from({ length: 5 * bCols }, () => rng.uniform() - 0.5);
      const c = Float32Array.from({ length: 6 * bCols }, () => rng.uniform() - 0.5);
      expectClose(simdDenseMatMul(a, 6, 5, b, bCols, false), denseMatMul(a, 6, 5, b, bCols));
      expectClose(simdDenseMatMul(a, 6, 5, c, bCols, true), denseMatMul(at, 5, 6, c, bCols));
    },
  );

  it('skips zeros of A (0 · ∞ never computed), except A·B with 5 to 8 columns (`thin`), which sums them in', () => {
    const a = Float32Array.from([1, 0, 0, 3]);
    for (const bCols of [4, 9, 67]) {
      const b = Float32Array.from({ length: 2 * bCols }, (_, k) => (k === 1 ? Number.POSITIVE_INFINITY : 1));
      // Row 0 of B has an ∞ at column 1; A's zero at (1, 0) multiplies that row in A·B, (0, 1) in Aᵀ·B.
      const ab = simdDenseMatMul(a, 2, 2, b, bCols, false);
      expect(ab[bCols + 1]).toBe(3);
      const atb = simdDenseMatMul(a, 2, 2, b, bCols, true);
      expect(atb[bCols + 1]).toBe(3);
    }
    for (const bCols of [5, 7, 8]) {
      const b = Float32Array.from({ length: 2 * bCols }, (_, k) => (k === 1 ? Number.POSITIVE_INFINITY : 1));
      expect(simdDenseMatMul(a, 2, 2, b, bCols, false)[bCols + 1]).toBeNaN();
      expect(simdDenseMatMul(a, 2, 2, b, bCols, true)[bCols + 1]).toBe(3);
    }
  });
});
