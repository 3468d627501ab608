import { InvalidArgumentError, Rng, ShapeMismatchError } from '@coin-gnn/graph';
import { denseMatMul, expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { matMul2d } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

function randomMatrix(rows: number, cols: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  // Some exact zeros, as in relu outputs, exercise the zero skipping.
  return Float32Array.from({ length: rows * cols }, () => (rng.uniform() < 0.3 ? 0 : 2 * rng.uniform() - 1));
}

function transposed(x: Float32Array, rows: number, cols: number): Float32Array {
  return Float32Array.from(x, (_, p) => x[(p % rows) * cols + Math.floor(p / rows)]);
}

describe.each(testBackends())('matMul2d on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const [m, k, n] = [5, 4, 3];
  const a = randomMatrix(m, k, 1);
  const b = randomMatrix(k, n, 2);
  const expected = denseMatMul(a, m, k, b, n);

  it('matches a dense product for the four transpose cases', () => {
    const at = transposed(a, m, k);
    const bt = transposed(b, k, n);
    for (const [ta, tb] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      const c = tf.tidy(() =>
        matMul2d(
          tf.tensor2d(ta ? at : a, ta ? [k, m] : [m, k]),
          tf.tensor2d(tb ? bt : b, tb ? [n, k] : [k, n]),
          ta,
          tb,
        ).dataSync(),
      );
      expectClose(c, expected);
    }
  });

  it('rejects bad shapes and dtypes', () => {
    expect(() => matMul2d(tf.zeros([2, 3]), tf.zeros([2, 3]))).toThrow(ShapeMismatchError);
    expect(() => matMul2d(tf.zeros([2, 3]), tf.zeros([2, 3]), true, false)).not.toThrow();
    expect(() => matMul2d(tf.zeros([3]) as unknown as tf.Tensor2D, tf.zeros([3, 2]))).toThrow(
      ShapeMismatchError,
    );
    expect(() => matMul2d(tf.zeros([2, 3], 'int32'), tf.zeros([3, 2]))).toThrow(InvalidArgumentError);
  });

  it('has gradients matching finite differences in all transpose cases', () => {
    for (const [ta, tb] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      // inner 4 > 2 output columns (thin dC), then inner 2 < 5
      for (const [rows, inner, cols] of [
        [3, 4, 2],
        [3, 2, 5],
      ]) {
        const x = tf.tensor2d(randomMatrix(rows, inner, 3), ta ? [inner, rows] : [rows, inner]);
        const y = tf.tensor2d(randomMatrix(inner, cols, 4), tb ? [cols, inner] : [inner, cols]);
        checkGradients((p, q) => matMul2d(p as tf.Tensor2D, q as tf.Tensor2D, ta, tb), [x, y]);
        tf.dispose([x, y]);
      }
    }
  });

  it('leaks no tensor', () => {
    const x = tf.tensor2d(a, [m, k]);
    const y = tf.tensor2d(b, [k, n]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((p: tf.Tensor, q: tf.Tensor) => tf.sum(matMul2d(p as tf.Tensor2D, q as tf.Tensor2D)))([x, y]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});
