import { InvalidArgumentError, Rng, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { odeErrorNorm } from '../index.js';
import { testBackends } from '../testing/index.js';

const random = (length: number, seed: number): Float32Array => {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => 4 * rng.uniform() - 2);
};

describe.each(testBackends())('odeErrorNorm on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const [e, y, y1] = [random(12, 1), random(12, 2), random(12, 3)].map((v) => v.map((x, i) => x * (i + 1)));

  it('is the RMS of e / (atol + rtol·max(|y|, |ŷ|)), as a float64 reference', () => {
    for (const [rtol, atol] of [
      [1e-3, 1e-6],
      [0, 0.5],
      [2, 0],
    ]) {
      let sum = 0;
      for (let i = 0; i < e.length; i++) {
        sum += (e[i] / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i])))) ** 2;
      }
      const got = tf.tidy(() =>
        odeErrorNorm(
          tf.tensor2d(e, [3, 4]),
          tf.tensor2d(y, [3, 4]),
          tf.tensor2d(y1, [3, 4]),
          rtol,
          atol,
        ).dataSync(),
      );
      expect(got[0]).toBeCloseTo(Math.sqrt(sum / e.length), 4 - Math.log10(Math.sqrt(sum / e.length)));
    }
  });

  it('is not finite for a non-finite error', () => {
    const bad = e.slice();
    bad[5] = Number.NaN;
    const got = tf.tidy(() =>
      odeErrorNorm(tf.tensor1d(bad), tf.tensor1d(y), tf.tensor1d(y1), 1e-3, 1e-6).dataSync(),
    );
    expect(Number.isFinite(got[0])).toBe(false);
  });

  it('rejects a bad tolerance, a shape or a dtype, naming it', () => {
    const x = tf.tensor1d(e);
    expect(() => odeErrorNorm(x, x, x, -1, 1e-6)).toThrow(/rtol/);
    expect(() => odeErrorNorm(x, x, x, 1e-3, Number.NaN)).toThrow(/atol/);
    expect(() => odeErrorNorm(x, x, x, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => odeErrorNorm(x, tf.zeros([11]), x, 1e-3, 1e-6)).toThrow(ShapeMismatchError);
    expect(() => odeErrorNorm(x, x, tf.zeros([12], 'int32'), 1e-3, 1e-6)).toThrow(/yNext\.dtype/);
    x.dispose();
  });
});
