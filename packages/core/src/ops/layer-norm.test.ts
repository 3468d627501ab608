import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerNorm } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

/** y_ij = (x_ij − μ_i)/√(σ_i² + ε)·γ_j + β_j in float64, row by row. */
function reference(x: number[][], gamma: number[], beta: number[], epsilon: number): number[][] {
  return x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
    return row.map((v, j) => ((v - mean) / Math.sqrt(variance + epsilon)) * gamma[j] + beta[j]);
  });
}

describe.each(testBackends())('layerNorm on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const x = [
    [1, -2, 3, 0.5],
    [4, 5, -6, 2],
    [0.1, 0.2, 0.3, -0.4],
  ];
  const gamma = [1.5, -0.5, 2, 1];
  const beta = [0.1, 0, -1, 0.3];

  it('normalises each row, then scales and shifts by column, as a float64 reference', () => {
    const y = tf.tidy(() =>
      layerNorm(tf.tensor2d(x), tf.tensor1d(gamma), tf.tensor1d(beta), 1e-5).arraySync(),
    );
    const expected = reference(x, gamma, beta, 1e-5);
    y.forEach((row, i) => {
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(expected[i][j], 5);
      });
    });
  });

  it('has the gradients to x, γ and β that finite differences give', () => {
    const inputs = [tf.tensor2d(x), tf.tensor1d(gamma), tf.tensor1d(beta)];
    const probe = tf.tensor2d([
      [1, 2, -3, 0.5],
      [-1, 0.5, 2, 1],
      [0.3, -2, 1, 4],
    ]);
    checkGradients((u, g, b) => tf.sum(tf.mul(layerNorm(u as tf.Tensor2D, g, b, 0.1), probe)), inputs);
    tf.dispose([...inputs, probe]);
  });

  it('rejects a bad rank, a γ or β of the wrong length, a dtype or ε, naming it', () => {
    const t = tf.tensor2d(x);
    const g = tf.tensor1d(gamma);
    expect(() => layerNorm(tf.zeros([4]) as unknown as tf.Tensor2D, g, g, 1e-5)).toThrow(ShapeMismatchError);
    expect(() => layerNorm(t, tf.zeros([3]), g, 1e-5)).toThrow(/gamma of shape \[4\]/);
    expect(() => layerNorm(t, g, tf.zeros([4], 'int32'), 1e-5)).toThrow(/beta\.dtype/);
    expect(() => layerNorm(t, g, g, 0)).toThrow(InvalidArgumentError);
    tf.dispose([t, g]);
  });
});
