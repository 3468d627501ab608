import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaledSum } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

describe.each(testBackends())('scaledSum on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const a = [
    [1, -2, 3],
    [4, 5, -6],
  ];
  const b = [
    [0.5, 2, -1],
    [2, 0, 0.25],
  ];
  const c = [
    [-1, 1, 2],
    [3, -4, 8],
  ];

  it('sums w_j X_j entry by entry, as a dense reference', () => {
    const w = [2, -0.5, 0.25];
    const y = tf.tidy(() => scaledSum([tf.tensor2d(a), tf.tensor2d(b), tf.tensor2d(c)], w).arraySync());
    const expected = a.map((row, i) => row.map((_, k) => w[0] * a[i][k] + w[1] * b[i][k] + w[2] * c[i][k]));
    y.forEach((row, i) => {
      row.forEach((v, k) => {
        expect(v).toBeCloseTo(expected[i][k], 6);
      });
    });
  });

  it('sums seven terms (a Runge–Kutta combination) as float32 partial sums in order, bit for bit', () => {
    const terms = Array.from({ length: 7 }, (_, j) =>
      Float32Array.from({ length: 10 }, (_, i) => Math.sin(1.3 * i + j) * (j + 1)),
    );
    const w = [1, 0.1, -1 / 3, 2.5, 1e-3, -0.7, 1 / 7];
    const want = terms[0].map((_, i) =>
      terms.reduce((acc, x, j) => (j === 0 ? Math.fround(w[0] * x[i]) : Math.fround(acc + w[j] * x[i])), 0),
    );
    const got = tf.tidy(() =>
      scaledSum(
        terms.map((x) => tf.tensor1d(x)),
        w,
      ).dataSync(),
    );
    if (backend === 'cpu') expect(Array.from(got)).toEqual(Array.from(want));
    else expectClose(got, want, 1e-5);
  });

  it('gives w_j dy to each term (a tensor used twice gets both), as finite differences say', () => {
    const x = tf.tensor2d(a);
    const z = tf.tensor2d(b);
    const probe = tf.tensor2d(c);
    checkGradients((u, v) => tf.sum(tf.mul(scaledSum([u, v, u], [1.5, -2, 0.5]), probe)), [x, z]);
    const [gx, gz] = tf.tidy(() =>
      tf
        .grads((u: tf.Tensor, v: tf.Tensor) => tf.sum(scaledSum([u, v, u], [1.5, -2, 0.5])))([x, z])
        .map((g) => g.arraySync()),
    );
    expect(gx).toEqual(a.map((row) => row.map(() => 2)));
    expect(gz).toEqual(a.map((row) => row.map(() => -2)));
    tf.dispose([x, z, probe]);
  });

  it('rejects no terms, a weight count, a non-finite weight, a shape or a dtype, naming it', () => {
    const x = tf.tensor2d(a);
    expect(() => scaledSum([], [])).toThrow(InvalidArgumentError);
    expect(() => scaledSum([x, x], [1])).toThrow(/weights\.length/);
    expect(() => scaledSum([x], [Number.NaN])).toThrow(/weights\[0\]/);
    expect(() => scaledSum([x, tf.zeros([3, 2])], [1, 1])).toThrow(ShapeMismatchError);
    expect(() => scaledSum([x, tf.zeros([2, 3], 'int32')], [1, 1])).toThrow(/xs\[1\]\.dtype/);
    x.dispose();
  });
});
