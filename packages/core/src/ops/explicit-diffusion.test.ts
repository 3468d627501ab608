import { InvalidArgumentError, Rng, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, explicitDiffusion } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

const n = 6;
const k = 3;
// A non-symmetric L, so that the gradient's use of Lᵀ is tested.
const m = randomCsr(n, n, 0.4, 7);
const u0 = Float32Array.from(
  { length: n * k },
  (
    (rng) => () =>
      rng.uniform()
  )(new Rng(2)),
);

/** Dense reference: u ← u − τ L u, or with Lᵀ. */
function reference(stepSizes: number[], transposeL: boolean): Float64Array {
  const dense = toDense(m);
  const l = transposeL ? Float64Array.from(dense, (_, p) => dense[(p % n) * n + Math.floor(p / n)]) : dense;
  let u = Float64Array.from(u0);
  for (const tau of stepSizes) {
    const lu = denseMatMul(l, n, n, u, k);
    u = u.map((v, p) => v - tau * lu[p]);
  }
  return u;
}

describe.each(testBackends())('explicitDiffusion on %s', (backend) => {
  let laplacian: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    laplacian = CsrTensor.fromCsr(m);
  });
  afterAll(() => laplacian.dispose());

  it('matches dense steps with varying τ, with L and Lᵀ', () => {
    const steps = [0.3, 0.1, 0.25];
    for (const transposeL of [false, true]) {
      const u = tf.tidy(() =>
        explicitDiffusion(tf.tensor2d(u0, [n, k]), laplacian, steps, transposeL).dataSync(),
      );
      expectClose(u, reference(steps, transposeL), 1e-5);
    }
  });

  it('is the identity for K = 0 and returns a new tensor', () => {
    const u = tf.tensor2d(u0, [n, k]);
    const v = explicitDiffusion(u, laplacian, []);
    expect(v).not.toBe(u);
    expectClose(v.dataSync(), u0);
    tf.dispose([u, v]);
  });

  it('rejects bad shapes and step sizes', () => {
    const u = tf.tensor2d(u0, [n, k]);
    expect(() => explicitDiffusion(tf.zeros([n - 1, k]), laplacian, [0.1])).toThrow(ShapeMismatchError);
    const rect = CsrTensor.fromCsr(randomCsr(n, n + 1, 0.3, 1));
    expect(() => explicitDiffusion(u, rect, [0.1])).toThrow(ShapeMismatchError);
    rect.dispose();
    expect(() => explicitDiffusion(u, laplacian, [0.1, Number.NaN])).toThrow(InvalidArgumentError);
    expect(() => explicitDiffusion(tf.zeros([n, k], 'int32'), laplacian, [0.1])).toThrow(
      InvalidArgumentError,
    );
    u.dispose();
  });

  it('has a gradient (reverse steps with Lᵀ) matching finite differences', () => {
    const u = tf.tensor2d(u0, [n, k]);
    checkGradients((v) => explicitDiffusion(v as tf.Tensor2D, laplacian, [0.3, 0.1, 0.25]), [u]);
    checkGradients((v) => explicitDiffusion(v as tf.Tensor2D, laplacian, [0.2, 0.05], true), [u]);
    u.dispose();
  });

  it('leaks no tensor', () => {
    const u = tf.tensor2d(u0, [n, k]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grad((v: tf.Tensor) => tf.sum(explicitDiffusion(v as tf.Tensor2D, laplacian, [0.2, 0.2])))(u);
    });
    expect(tf.memory().numTensors).toBe(before);
    u.dispose();
  });
});
