import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { expectClose } from '../testing/expect-close.js';
import { fromCoo } from './from-coo.js';
import { toDense } from './to-dense.js';

describe('fromCoo', () => {
  it('matches a dense accumulation of random triplets with duplicates (sum and max)', () => {
    const rng = new Rng(11);
    const numRows = 9;
    const numCols = 6;
    const nnz = 80;
    const rows = Array.from({ length: nnz }, () => rng.int(numRows));
    const cols = Array.from({ length: nnz }, () => rng.int(numCols));
    const values = Array.from({ length: nnz }, () => rng.uniform() * 2 - 1);
    const sum = new Float64Array(numRows * numCols);
    const max = new Float64Array(numRows * numCols).fill(Number.NEGATIVE_INFINITY);
    for (let k = 0; k < nnz; k++) {
      sum[rows[k] * numCols + cols[k]] += values[k];
      max[rows[k] * numCols + cols[k]] = Math.max(max[rows[k] * numCols + cols[k]], values[k]);
    }
    const a = fromCoo(rows, cols, values, [numRows, numCols]);
    expect(a.hasSortedIndices()).toBe(true);
    expectClose(toDense(a), sum, 1e-6);
    const b = fromCoo(rows, cols, values, [numRows, numCols], { duplicates: 'max' });
    expect(b.hasSortedIndices()).toBe(true);
    expectClose(
      toDense(b),
      max.map((v) => (v === Number.NEGATIVE_INFINITY ? 0 : v)),
      1e-6,
    );
    expect(b.nnz).toBe(a.nnz);
  });

  it('defaults values to ones and allows empty matrices', () => {
    const a = fromCoo([1, 0], [0, 1], undefined, [2, 2]);
    expect(Array.from(a.indptr)).toEqual([0, 1, 2]);
    expect(Array.from(a.values)).toEqual([1, 1]);
    expect(fromCoo([], [], undefined, [0, 0]).nnz).toBe(0);
    expect(fromCoo([], [], [], [3, 4]).shape).toEqual([3, 4]);
  });

  it('rejects bad input', () => {
    expect(() => fromCoo([0], [2], undefined, [2, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([-1], [0], undefined, [2, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([0.5], [0], undefined, [2, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([0], [0], [Number.NaN], [2, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([0], [0], [Number.POSITIVE_INFINITY], [2, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([0], [0], undefined, [-3, 2])).toThrow(InvalidArgumentError);
    expect(() => fromCoo([0, 1], [0], undefined, [2, 2])).toThrow(ShapeMismatchError);
    expect(() => fromCoo([0], [0], [1, 2], [2, 2])).toThrow(ShapeMismatchError);
    expect(() => fromCoo([0], [2], undefined, [2, 2])).toThrow(/cols\[0\]/);
  });
});
