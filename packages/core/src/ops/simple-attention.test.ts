import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleAttention } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

const normal = (shape: [number, number], seed: number) =>
  tf.randomNormal(shape, 0, 1, 'float32', seed) as tf.Tensor2D;

/** The attention written with the N × N matrix A_ij = 1 + q̃_i·k̃_j, rows normalised, times V, in float64. */
function quadratic(q: number[][], k: number[][], v: number[][]): number[][] {
  const normalize = (x: number[][]) => {
    const norm = Math.sqrt(x.flat().reduce((s, e) => s + e * e, 0));
    return x.map((row) => row.map((e) => e / norm));
  };
  const [qt, kt] = [normalize(q), normalize(k)];
  return qt.map((qi) => {
    const scores = kt.map((kj) => 1 + qi.reduce((s, e, m) => s + e * kj[m], 0));
    const total = scores.reduce((s, e) => s + e, 0);
    return v[0].map((_, d) => scores.reduce((s, a, j) => s + a * v[j][d], 0) / total);
  });
}

describe.each(testBackends())('simpleAttention on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it.each([
    [7, 3, 4],
    [37, 5, 6],
  ])('equals the quadratic form 1 + q̃ᵢ·k̃ⱼ, rows normalised, times V (N = %i, M = %i, D = %i)', (n, m, d) => {
    const [q, k, v] = [normal([n, m], 1), normal([n, m], 2), normal([n, d], 3)];
    const expected = quadratic(q.arraySync(), k.arraySync(), v.arraySync());
    const actual = simpleAttention(q, k, v).arraySync();
    actual.forEach((row, i) => {
      row.forEach((e, j) => {
        expect(e).toBeCloseTo(expected[i][j], 5);
      });
    });
    tf.dispose([q, k, v]);
  });

  it('has the gradients of central finite differences in Q, K and V', () => {
    const inputs = [normal([5, 3], 4), normal([5, 3], 5), normal([5, 2], 6)];
    const probe = normal([5, 2], 7);
    const { numChecked } = checkGradients(
      (q, k, v) =>
        tf.sum(tf.mul(simpleAttention(q as tf.Tensor2D, k as tf.Tensor2D, v as tf.Tensor2D), probe)),
      inputs,
    );
    expect(numChecked).toBe(40);
    tf.dispose([...inputs, probe]);
  });

  it('rejects mismatched shapes and non-float32 inputs, naming them', () => {
    const [q, v] = [normal([4, 3], 8), normal([4, 2], 9)];
    expect(() => simpleAttention(q, normal([4, 2], 1), v)).toThrow(ShapeMismatchError);
    expect(() => simpleAttention(q, q, normal([5, 2], 1))).toThrow(/v with 4 rows/);
    expect(() => simpleAttention(q, tf.zeros([4, 3], 'int32') as tf.Tensor2D, v)).toThrow(
      InvalidArgumentError,
    );
    expect(() => simpleAttention(q, q, tf.zeros([4]) as unknown as tf.Tensor2D)).toThrow(/v of rank 2/);
    tf.dispose([q, v]);
  });
});
