import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBias, columnSums } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

describe.each(testBackends())('addBias and columnSums on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const x = [
    [1, -2, 3],
    [4, 5, -6],
  ];

  it('adds b to every row, for b of shape [F] and [1, F]', () => {
    for (const b of [tf.tensor1d([10, 20, 30]), tf.tensor2d([[10, 20, 30]])]) {
      const y = tf.tidy(() => addBias(tf.tensor2d(x), b).arraySync());
      expect(y).toEqual([
        [11, 18, 33],
        [14, 25, 24],
      ]);
      b.dispose();
    }
  });

  it('rounds each sum as tfjs broadcasting add does (bit for bit)', () => {
    const rows = tf.randomUniform([37, 13], -1e3, 1e3, 'float32', 5) as tf.Tensor2D;
    const b = tf.randomUniform([13], -1, 1, 'float32', 6) as tf.Tensor1D;
    const ours = tf.tidy(() => addBias(rows, b).dataSync());
    const theirs = tf.tidy(() => tf.add(rows, b).dataSync());
    expect(Array.from(ours)).toEqual(Array.from(theirs));
    tf.dispose([rows, b]);
  });

  it('sums columns, rows in order, as tfjs sum over axis 0 (bit for bit)', () => {
    expect(tf.tidy(() => columnSums(tf.tensor2d(x)).arraySync())).toEqual([5, 3, -3]);
    const rows = tf.randomUniform([101, 9], -1, 1, 'float32', 7) as tf.Tensor2D;
    const ours = tf.tidy(() => columnSums(rows).dataSync());
    const theirs = tf.tidy(() => tf.sum(rows, 0).dataSync());
    expect(Array.from(ours)).toEqual(Array.from(theirs));
    rows.dispose();
  });

  it('has gradients dX = dY and db = 1ᵀ dY, as finite differences say', () => {
    const t = tf.tensor2d(x);
    const b = tf.tensor1d([0.5, -1, 2]);
    const weights = tf.tensor2d([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    checkGradients((v, c) => tf.sum(tf.mul(addBias(v as tf.Tensor2D, c), weights)), [t, b]);
    const [gx, gb] = tf.tidy(() =>
      tf
        .grads((v: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(addBias(v as tf.Tensor2D, c), weights)))([t, b])
        .map((g) => g.arraySync()),
    );
    expect(gx).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(gb).toEqual([5, 7, 9]);
    tf.dispose([t, b, weights]);
  });

  it('rejects a bias of another width, a rank-1 x and int32 inputs, naming them', () => {
    const t = tf.tensor2d(x);
    expect(() => addBias(t, tf.ones([2]))).toThrow(/bias of shape \[2\]/);
    expect(() => addBias(t, tf.ones([2, 3]))).toThrow(ShapeMismatchError);
    expect(() => addBias(tf.ones([3]) as unknown as tf.Tensor2D, tf.ones([3]))).toThrow(ShapeMismatchError);
    expect(() => addBias(t, tf.ones([3], 'int32'))).toThrow(InvalidArgumentError);
    expect(() => columnSums(tf.ones([3]) as unknown as tf.Tensor2D)).toThrow(/x of shape \[3\]/);
    t.dispose();
  });

  it('leaks no tensor', () => {
    const t = tf.tensor2d(x);
    const b = tf.tensor1d([1, 2, 3]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((v: tf.Tensor, c: tf.Tensor) => tf.sum(addBias(v as tf.Tensor2D, c)))([t, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([t, b]);
  });
});
