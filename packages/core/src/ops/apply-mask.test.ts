import { ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMask } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

describe.each(testBackends())('applyMask on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const x = [
    [1, -2, 3],
    [4, 5, -6],
  ];
  const m = [
    [0, 2, 2],
    [2, 0, 0.5],
  ];

  it('multiplies entry by entry', () => {
    const y = tf.tidy(() => applyMask(tf.tensor2d(x), tf.tensor2d(m)).arraySync());
    expect(y).toEqual([
      [0, -4, 6],
      [8, 0, -3],
    ]);
  });

  it('passes the gradient m ⊙ dy to x, as finite differences say', () => {
    const t = tf.tensor2d(x);
    const mask = tf.tensor2d(m);
    checkGradients(
      (v) =>
        tf.sum(
          tf.mul(
            applyMask(v, mask),
            tf.tensor2d([
              [1, 2, 3],
              [4, 5, 6],
            ]),
          ),
        ),
      [t],
    );
    const g = tf.tidy(() =>
      tf
        .grad((v: tf.Tensor) => tf.sum(applyMask(v, mask)))(t)
        .arraySync(),
    );
    expect(g).toEqual(m);
    tf.dispose([t, mask]);
  });

  it('rejects a mask of another shape (no broadcasting)', () => {
    const t = tf.tensor2d(x);
    expect(() => applyMask(t, tf.ones([3]))).toThrow(ShapeMismatchError);
    expect(() => applyMask(t, tf.ones([3, 2]))).toThrow(ShapeMismatchError);
    t.dispose();
  });
});
