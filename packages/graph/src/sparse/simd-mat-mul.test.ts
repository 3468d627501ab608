import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng.js';
import { denseMatMul } from '../testing/dense-mat-mul.js';
import { expectClose } from '../testing/expect-close.js';
import { randomCsr } from '../testing/fixtures.js';
import { simdCsrMatMul, simdDenseMatMul } from './simd-mat-mul.js';
import { toDense } from './to-dense.js';
import { transpose } from './transpose.js';

describe('simdCsrMatMul', () => {
  const rng = new Rng(3);
  it.each([1, 4, 5, 8, 13])('matches a dense product, A B and Aᵀ B, with %i columns', (bCols) => {
    const m = randomCsr(9, 7, 0.35, bCols);
    const b = Float32Array.from({ length: 7 * bCols }, () => rng.uniform() - 0.5);
    const c = Float32Array.from({ length: 9 * bCols }, () => rng.uniform() - 0.5);
    expectClose(
      simdCsrMatMul(m.indptr, m.indices, m.values, 9, 7, b, bCols, false),
      denseMatMul(toDense(m), 9, 7, b, bCols),
    );
    expectClose(
      simdCsrMatMul(m.indptr, m.indices, m.values, 9, 7, c, bCols, true),
      denseMatMul(toDense(transpose(m)), 7, 9, c, bCols),
    );
  });

  it('sums the columns of a B given by a function', () => {
    const m = randomCsr(9, 7, 0.35, 2);
    for (const bCols of [5, 6]) {
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

  it('handles empty matrices and zero columns, and grows its memory for large operands', () => {
    const empty = randomCsr(3, 2, 0, 1);
    expect(
      Array.from(
        simdCsrMatMul(empty.indptr, empty.indices, empty.values, 3, 2, new Float32Array(8), 4, false),
      ),
    ).toEqual(new Array(12).fill(0));
    expect(
      simdCsrMatMul(empty.indptr, empty.indices, empty.values, 3, 2, new Float32Array(0), 0, false),
    ).toHaveLength(0);
    const big = randomCsr(300, 200, 0.05, 2);
    const b = Float32Array.from({ length: 200 * 300 }, () => rng.uniform());
    expectClose(
      simdCsrMatMul(big.indptr, big.indices, big.values, 300, 200, b, 300, false),
      denseMatMul(toDense(big), 300, 200, b, 300),
      1e-4,
    );
  });
});

describe('a target for C', () => {
  const rng = new Rng(5);
  it.each([4, 7])('receives C entirely, over stale values, with %i columns', (bCols) => {
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
  it.each([1, 3, 4, 6, 7, 8, 9])(
    'matches a dense product, A B and Aᵀ B, with %i columns and zeros in A',
    (bCols) => {
      const a = Float32Array.from({ length: 6 * 5 }, () => (rng.uniform() < 0.4 ? 0 : rng.uniform() - 0.5));
      const at = Float32Array.from(a, (_, p) => a[(p % 6) * 5 + Math.floor(p / 6)]);
      const b = Float32Array.from({ length: 5 * bCols }, () => rng.uniform() - 0.5);
      const c = Float32Array.from({ length: 6 * bCols }, () => rng.uniform() - 0.5);
      expectClose(simdDenseMatMul(a, 6, 5, b, bCols, false), denseMatMul(a, 6, 5, b, bCols));
      expectClose(simdDenseMatMul(a, 6, 5, c, bCols, true), denseMatMul(at, 5, 6, c, bCols));
    },
  );
});
