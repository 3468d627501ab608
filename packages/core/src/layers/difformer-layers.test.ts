import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { checkGradients } from '../testing/check-gradients.js';
import { LayerNorm } from './layer-norm.js';

const normal = (shape: [number, number], seed: number) =>
  tf.randomNormal(shape, 0, 1, 'float32', seed) as tf.Tensor2D;

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
