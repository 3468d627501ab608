import {
  CsrMatrix,
  InvalidArgumentError,
  Rng,
  ShapeMismatchError,
  toDense,
  transpose,
} from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, csrMatMul } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

function randomDense(rows: number, cols: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: rows * cols }, () => 2 * rng.uniform() - 1);
}

describe.each(testBackends())('csrMatMul on %s', (backend) => {
  const m = randomCsr(7, 5, 0.4, 3);
  let a: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    a = CsrTensor.fromCsr(m);
  });
  afterAll(() => a.dispose());

  it('matches a dense product, A B and Aᵀ B', () => {
    const b = randomDense(5, 3, 1);
    const c = randomDense(7, 3, 2);
    const ab = tf.tidy(() => csrMatMul(a, tf.tensor2d(b, [5, 3])).dataSync());
    expectClose(ab, denseMatMul(toDense(m), 7, 5, b, 3));
    const atc = tf.tidy(() => csrMatMul(a, tf.tensor2d(c, [7, 3]), true).dataSync());
    expectClose(atc, denseMatMul(toDense(transpose(m)), 5, 7, c, 3));
  });

  it('computes with the arrays as they were given: editing them afterwards does not reach the kernel', () => {
    const indptr = Int32Array.of(0, 2, 3);
    const indices = Int32Array.of(0, 2, 1);
    const values = Float32Array.of(1, 2, 3);
    const matrix = new CsrMatrix([2, 3], indptr, indices, values);
    // once a `memory access out of bounds` in a kernel: an index far past the 3 columns
    indices[1] = 1 << 30;
    indptr[2] = 1000;
    const sparse = CsrTensor.fromCsr(matrix);
    const b = randomDense(3, 2, 4);
    const got = tf.tidy(() => csrMatMul(sparse, tf.tensor2d(b, [3, 2])).dataSync());
    expectClose(got, denseMatMul(Float32Array.of(1, 0, 2, 0, 3, 0), 2, 3, b, 2));
    sparse.dispose();
  });

  it('handles empty rows and a zero-column B', () => {
    const e = CsrTensor.fromCsr(randomCsr(4, 3, 0, 1));
    expect(Array.from(tf.tidy(() => csrMatMul(e, tf.ones([3, 2])).dataSync()))).toEqual(new Array(8).fill(0));
    expect(tf.tidy(() => csrMatMul(e, tf.zeros([3, 0]) as tf.Tensor2D).shape)).toEqual([4, 0]);
    e.dispose();
  });

  it('rejects shape mismatches, wrong dtype and a disposed matrix', () => {
    expect(() => csrMatMul(a, tf.zeros([4, 3]))).toThrow(ShapeMismatchError);
    expect(() => csrMatMul(a, tf.zeros([5, 3]), true)).toThrow(ShapeMismatchError);
    expect(() => csrMatMul(a, tf.zeros([5]) as unknown as tf.Tensor2D)).toThrow(ShapeMismatchError);
    expect(() => csrMatMul(a, tf.zeros([5, 3], 'int32'))).toThrow(InvalidArgumentError);
    const d = CsrTensor.fromCsr(m);
    d.dispose();
    expect(() => csrMatMul(d, tf.zeros([5, 3]))).toThrow(InvalidArgumentError);
  });

  it('has gradients for b and values that match finite differences', () => {
    for (const transposeA of [false, true]) {
      const b = tf.tensor2d(randomDense(transposeA ? 7 : 5, 3, 4), [transposeA ? 7 : 5, 3]);
      checkGradients((x) => csrMatMul(a, x as tf.Tensor2D, transposeA), [b]);
      checkGradients(
        (values, x) =>
          csrMatMul(
            new CsrTensor(a.shape, a.indptr, a.indices, values as tf.Tensor1D, a.rowIds),
            x as tf.Tensor2D,
            transposeA,
          ),
        [a.values.clone(), b],
      );
      b.dispose();
    }
  });

  it('has a values gradient for a square A (one sddmm) that matches finite differences, A and Aᵀ', () => {
    const sq = CsrTensor.fromCsr(randomCsr(6, 6, 0.4, 8));
    const b = tf.tensor2d(randomDense(6, 3, 9), [6, 3]);
    for (const transposeA of [false, true]) {
      checkGradients(
        (values, x) =>
          csrMatMul(
            new CsrTensor(sq.shape, sq.indptr, sq.indices, values as tf.Tensor1D, sq.rowIds),
            x as tf.Tensor2D,
            transposeA,
          ),
        [sq.values.clone(), b],
      );
    }
    b.dispose();
    sq.dispose();
  });

  it('leaks no tensor', () => {
    const b = tf.tensor2d(randomDense(5, 3, 5), [5, 3]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((x: tf.Tensor) => tf.sum(csrMatMul(a, x as tf.Tensor2D, true)))([tf.zeros([7, 3])]);
      tf.grads((x: tf.Tensor) => tf.sum(csrMatMul(a, x as tf.Tensor2D)))([b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    b.dispose();
  });
});
