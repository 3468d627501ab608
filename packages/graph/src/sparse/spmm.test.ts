import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { denseMatMul } from '../testing/dense-mat-mul.js';
import { expectClose } from '../testing/expect-close.js';
import { randomCsr } from '../testing/fixtures.js';
import { CsrMatrix } from './csr-matrix.js';
import { csrMatMulImpl, csrTransposeMatMulImpl, spmm } from './spmm.js';
import { spmv } from './spmv.js';
import { toDense } from './to-dense.js';

function randomDense(length: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

function denseTranspose(a: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

// A 30 × 17 matrix with some empty rows, and a matrix with duplicate entries.
const numRows = 30;
const numCols = 17;
const a = randomCsr(numRows, numCols, 0.15, 31);
const withDuplicates = new CsrMatrix(
  [3, 4],
  Int32Array.of(0, 3, 3, 5),
  Int32Array.of(1, 1, 3, 0, 0),
  Float32Array.of(1, 2, -1, 0.5, 0.25),
);

describe('csrMatMulImpl / csrTransposeMatMulImpl', () => {
  it('has empty rows in the fixture', () => {
    let empty = 0;
    for (let i = 0; i < numRows; i++) if (a.indptr[i] === a.indptr[i + 1]) empty++;
    expect(empty).toBeGreaterThan(0);
  });

  for (const bCols of [1, 2, 7, 64]) {
    it(`matches the dense product A·B and Aᵀ·B for bCols = ${bCols}`, () => {
      const dense = toDense(a);
      const b = randomDense(numCols * bCols, bCols);
      const c = csrMatMulImpl(a.indptr, a.indices, a.values, numRows, b, bCols);
      expectClose(c, denseMatMul(dense, numRows, numCols, b, bCols), 1e-5);
      const bt = randomDense(numRows * bCols, bCols + 100);
      const ct = csrTransposeMatMulImpl(a.indptr, a.indices, a.values, numRows, numCols, bt, bCols);
      expectClose(
        ct,
        denseMatMul(denseTranspose(dense, numRows, numCols), numCols, numRows, bt, bCols),
        1e-5,
      );
    });
  }

  it('overwrites a dirty output buffer and sums duplicates', () => {
    for (const bCols of [1, 3]) {
      const b = randomDense(4 * bCols, 5);
      const out = new Float32Array(3 * bCols).fill(Number.NaN);
      const c = csrMatMulImpl(
        withDuplicates.indptr,
        withDuplicates.indices,
        withDuplicates.values,
        3,
        b,
        bCols,
        out,
      );
      expect(c).toBe(out);
      expectClose(c, denseMatMul(toDense(withDuplicates), 3, 4, b, bCols), 1e-6);
      const bt = randomDense(3 * bCols, 6);
      const outT = new Float32Array(4 * bCols).fill(Number.NaN);
      const { indptr, indices, values } = withDuplicates;
      csrTransposeMatMulImpl(indptr, indices, values, 3, 4, bt, bCols, outT);
      expectClose(outT, denseMatMul(denseTranspose(toDense(withDuplicates), 3, 4), 4, 3, bt, bCols), 1e-6);
    }
  });
});

describe('spmm', () => {
  it('dispatches on transposeA and writes into out', () => {
    const b = randomDense(numCols * 3, 8);
    expectClose(spmm(a, b, 3), denseMatMul(toDense(a), numRows, numCols, b, 3), 1e-5);
    const bt = randomDense(numRows * 3, 9);
    const out = new Float32Array(numCols * 3);
    expect(spmm(a, bt, 3, { transposeA: true, out })).toBe(out);
    expectClose(
      out,
      denseMatMul(denseTranspose(toDense(a), numRows, numCols), numCols, numRows, bt, 3),
      1e-5,
    );
    expect(spmm(a, new Float32Array(0), 0).length).toBe(0);
  });

  it('rejects shape mismatches', () => {
    expect(() => spmm(a, new Float32Array(numCols * 2 + 1), 2)).toThrow(ShapeMismatchError);
    expect(() => spmm(a, new Float32Array(numCols * 2), 2, { transposeA: true })).toThrow(ShapeMismatchError);
    expect(() => spmm(a, new Float32Array(numCols * 2), 2, { out: new Float32Array(3) })).toThrow(
      ShapeMismatchError,
    );
    expect(() => spmm(a, new Float32Array(numCols), 1.5)).toThrow(InvalidArgumentError);
  });
});

describe('spmv', () => {
  it('matches the dense matrix-vector product', () => {
    const x = randomDense(numCols, 10);
    expectClose(spmv(a, x), denseMatMul(toDense(a), numRows, numCols, x, 1), 1e-6);
    const out = new Float32Array(numRows);
    expect(spmv(a, x, out)).toBe(out);
  });

  it('rejects shape mismatches', () => {
    expect(() => spmv(a, new Float32Array(numCols + 1))).toThrow(ShapeMismatchError);
    expect(() => spmv(a, new Float32Array(numCols), new Float32Array(1))).toThrow(ShapeMismatchError);
  });
});
