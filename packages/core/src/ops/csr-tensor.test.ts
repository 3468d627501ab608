import { CsrMatrix } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor } from '../index.js';

describe('CsrTensor.withValues', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('keeps the pattern, takes the new values, and each matrix is disposed on its own', () => {
    const a = CsrTensor.fromCsr(
      CsrMatrix.trusted(
        [2, 3],
        Int32Array.from([0, 2, 3]),
        Int32Array.from([0, 2, 1]),
        Float32Array.from([1, 2, 3]),
      ),
    );
    const b = a.withValues(Float32Array.from([4, 0, 6]));
    expect(b.shape).toEqual([2, 3]);
    expect(Array.from(b.values.dataSync())).toEqual([4, 0, 6]);
    b.dispose();
    expect(a.isDisposed).toBe(false);
    expect(Array.from(a.indices.dataSync())).toEqual([0, 2, 1]);
    expect(Array.from(a.rowIds.dataSync())).toEqual([0, 0, 1]);
    const c = a.withValues(Float32Array.from([7, 8, 9]));
    a.dispose();
    expect(Array.from(c.indptr.dataSync())).toEqual([0, 2, 3]);
    expect(Array.from(c.rowIds.dataSync())).toEqual([0, 0, 1]);
    c.dispose();
  });

  it('rejects values of another length', () => {
    const a = CsrTensor.fromCsr(
      CsrMatrix.trusted([1, 1], Int32Array.from([0, 1]), Int32Array.from([0]), Float32Array.from([1])),
    );
    expect(() => a.withValues(new Float32Array(2))).toThrow(/1 values/);
    a.dispose();
  });
});
