import { InvalidArgumentError, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appnpPropagation, CsrTensor, csrMatMul } from '../index.js';
import { checkGradients, randomMatrix, testBackends } from '../testing/index.js';

/** Dense float64 reference: K times Z ← (1 − α) A Z + α H (A n × n row-major). */
function referencePropagation(
  a: Float32Array,
  n: number,
  h: Float32Array,
  k: number,
  steps: number,
  alpha: number,
) {
  let z = Float64Array.from(h);
  for (let s = 0; s < steps; s++) {
    const az = denseMatMul(a, n, n, Float32Array.from(z), k);
    z = z.map((_, i) => (1 - alpha) * az[i] + alpha * h[i]);
  }
  return z;
}

/** Transpose of a dense n × n row-major matrix. */
function transposeDense(a: Float32Array, n: number): Float32Array {
  return Float32Array.from(a, (_, i) => a[(i % n) * n + Math.floor(i / n)]);
}

describe.each(testBackends())('appnpPropagation on %s', (backend) => {
  // Not symmetric, with rows of several lengths, so that a mix-up of A and Aᵀ shows.
  const m = randomCsr(9, 9, 0.35, 4);
  let a: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    a = CsrTensor.fromCsr(m);
  });
  afterAll(() => a.dispose());

  it.each([
    [7, 10, 0.1],
    [5, 3, 0.25],
    [1, 1, 1],
    [3, 0, 0.5],
  ])('matches the dense recursion for %i columns, K = %i, α = %s, with A and Aᵀ', (k, steps, alpha) => {
    const h = randomMatrix(9, k, 7 + k);
    const dense = toDense(m);
    for (const [transposeA, matrix] of [
      [false, dense],
      [true, transposeDense(dense, 9)],
    ] as const) {
      const z = tf.tidy(() =>
        appnpPropagation(tf.tensor2d(h, [9, k]), a, steps, alpha, transposeA).dataSync(),
      );
      expectClose(z, referencePropagation(matrix, 9, h, k, steps, alpha));
    }
  });

  it('rounds each step as the composed tfjs ops do (bit for bit on cpu)', () => {
    const h = tf.tensor2d(randomMatrix(9, 7, 3), [9, 7]);
    const ours = tf.tidy(() => appnpPropagation(h, a, 10, 0.1).dataSync());
    const theirs = tf.tidy(() => {
      const teleport = tf.mul(h, 0.1);
      let z = h;
      for (let s = 0; s < 10; s++) z = tf.add(tf.mul(csrMatMul(a, z), 0.9), teleport);
      return z.dataSync();
    });
    if (backend === 'cpu') expect(Array.from(ours)).toEqual(Array.from(theirs));
    else expectClose(ours, theirs);
    h.dispose();
  });

  it('has the gradient finite differences give (the recursion with Aᵀ)', () => {
    const h = tf.tensor2d(randomMatrix(9, 5, 11), [9, 5]);
    checkGradients((x) => appnpPropagation(x as tf.Tensor2D, a, 4, 0.2), [h]);
    checkGradients((x) => appnpPropagation(x as tf.Tensor2D, a, 3, 0.3, true), [h]);
    h.dispose();
  });

  it('names the bad argument', () => {
    const h = tf.zeros([9, 2]) as tf.Tensor2D;
    const rect = CsrTensor.fromCsr(randomCsr(9, 4, 0.5, 1));
    expect(() => appnpPropagation(h, rect, 2, 0.1)).toThrow(ShapeMismatchError);
    expect(() => appnpPropagation(tf.zeros([8, 2]) as tf.Tensor2D, a, 2, 0.1)).toThrow(ShapeMismatchError);
    expect(() => appnpPropagation(h, a, -1, 0.1)).toThrow(/numSteps/);
    expect(() => appnpPropagation(h, a, 2, 1.5)).toThrow(/alpha/);
    expect(() => appnpPropagation(tf.zeros([9, 2], 'int32') as tf.Tensor2D, a, 2, 0.1)).toThrow(
      InvalidArgumentError,
    );
    rect.dispose();
    h.dispose();
  });
});
