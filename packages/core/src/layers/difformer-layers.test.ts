import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { checkGradients } from '../testing/check-gradients.js';
import { simpleAttention } from './difformer-conv.js';
import { LayerNorm } from './layer-norm.js';

const normal = (shape: [number, number], seed: number) =>
  tf.randomNormal(shape, 0, 1, 'float32', seed) as tf.Tensor2D;

describe('simpleAttention', () => {
  it('equals the quadratic form with the N × N matrix 1 + q̃ᵢ·k̃ⱼ, rows normalised', () => {
    const [q, k, v] = [normal([7, 3], 1), normal([7, 3], 2), normal([7, 4], 3)];
    const expected = tf.tidy(() => {
      const scores = tf.add(tf.matMul(tf.div(q, tf.norm(q)), tf.div(k, tf.norm(k)), false, true), 1);
      return tf.matMul(tf.div(scores, tf.sum(scores, 1, true)), v);
    });
    const actual = simpleAttention(q, k, v);
    const [a, e] = [actual.dataSync(), expected.dataSync()];
    for (let i = 0; i < e.length; i++) expect(a[i]).toBeCloseTo(e[i], 5);
  });

  it('has the gradients of central finite differences in Q, K and V', () => {
    const inputs = [normal([5, 3], 4), normal([5, 3], 5), normal([5, 2], 6)];
    const { numChecked } = checkGradients(
      (q, k, v) => simpleAttention(q as tf.Tensor2D, k as tf.Tensor2D, v as tf.Tensor2D),
      inputs,
    );
    expect(numChecked).toBe(40);
  });
});

describe('LayerNorm', () => {
  it('normalises each row to mean 0 and variance 1 (ε = 1e-5) at initialisation', () => {
    const norm = new LayerNorm(6).resetParameters(0);
    const y = norm.forward(tf.tensor2d([1, 2, 3, 4, 5, 9, -1, 0, 0, 0, 0, 1], [2, 6]));
    const rows = y.arraySync();
    // row 0: mean 4, variance (9 + 4 + 1 + 0 + 1 + 25)/6 = 40/6; (1 − 4)/√(40/6 + 1e-5)
    expect(rows[0][0]).toBeCloseTo(-3 / Math.sqrt(40 / 6 + 1e-5), 5);
    for (const row of rows) {
      const mean = row.reduce((s, x) => s + x, 0) / 6;
      expect(mean).toBeCloseTo(0, 6);
      expect(row.reduce((s, x) => s + (x - mean) ** 2, 0) / 6).toBeCloseTo(1, 3);
    }
  });

  it('has the gradients of central finite differences in x', () => {
    const norm = new LayerNorm(4).resetParameters(0);
    checkGradients((x) => norm.forward(x as tf.Tensor2D), [normal([3, 4], 7)], { eps: 1e-2, rtol: 2e-2 });
  });

  it('refuses a feature count that is not a positive integer', () => {
    expect(() => new LayerNorm(0)).toThrow(/features/);
  });
});
