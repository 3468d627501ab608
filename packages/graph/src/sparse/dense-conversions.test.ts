import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors.js';
import { randomCsr } from '../testing/fixtures.js';
import { CsrMatrix } from './csr-matrix.js';
import { fromCoo } from './from-coo.js';
import { fromDense } from './from-dense.js';
import { toCoo } from './to-coo.js';
import { toDense } from './to-dense.js';

describe('toCoo / toDense / fromDense', () => {
  it('round-trips a random matrix through COO and dense forms', () => {
    const a = randomCsr(7, 5, 0.4, 3);
    const coo = toCoo(a);
    expect(coo.rows.length).toBe(a.nnz);
    const b = fromCoo(coo.rows, coo.cols, coo.values, [7, 5]);
    expect(b.indptr).toEqual(a.indptr);
    expect(b.indices).toEqual(a.indices);
    expect(b.values).toEqual(a.values);
    const dense = toDense(a);
    for (let p = 0; p < a.nnz; p++) expect(dense[coo.rows[p] * 5 + coo.cols[p]]).toBe(coo.values[p]);
    const c = fromDense(dense, 7, 5);
    expect(c.indices).toEqual(a.indices);
    expect(c.values).toEqual(a.values);
  });

  it('toDense sums duplicates and toCoo keeps storage order', () => {
    const a = new CsrMatrix([1, 3], Int32Array.of(0, 3), Int32Array.of(2, 0, 2), Float32Array.of(1, 5, 2));
    expect(Array.from(toDense(a))).toEqual([5, 0, 3]);
    expect(Array.from(toCoo(a).cols)).toEqual([2, 0, 2]);
  });

  it('fromDense rejects bad input', () => {
    expect(() => fromDense([1, 2, 3], 2, 2)).toThrow(ShapeMismatchError);
    expect(() => fromDense([1, Number.NaN], 1, 2)).toThrow(InvalidArgumentError);
    expect(() => fromDense([], -1, 0)).toThrow(InvalidArgumentError);
  });
});
