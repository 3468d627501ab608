import { InvalidArgumentError, Rng, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, explicitDiffusion, softmaxDiffusion } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

const n = 7;
const rng = new Rng(3);
// A non-symmetric L, so that the gradient's use of Lᵀ is tested.
const m = randomCsr(n, n, 0.4, 9);
const logitsOf = (c: number) => Float32Array.from({ length: n * c }, () => 4 * rng.uniform() - 2);

/** Dense float64 reference: softmax of the rows, then u ← u − τ op(L) u. */
function reference(z: Float32Array, c: number, stepSizes: number[], transposeL: boolean): Float64Array {
  const dense = toDense(m);
  const l = transposeL ? Float64Array.from(dense, (_, p) => dense[(p % n) * n + Math.floor(p / n)]) : dense;
  let u = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    const row = Array.from(z.subarray(i * c, (i + 1) * c));
    const max = Math.max(...row);
    const sum = row.reduce((s, v) => s + Math.exp(v - max), 0);
    row.forEach((v, k) => {
      u[i * c + k] = Math.exp(v - max) / sum;
    });
  }
  for (const tau of stepSizes) {
    const lu = denseMatMul(l, n, n, u, c);
    u = u.map((v, p) => v - tau * lu[p]);
  }
  return u;
}

describe.each(testBackends())('softmaxDiffusion on %s', (backend) => {
  let laplacian: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    laplacian = CsrTensor.fromCsr(m);
  });
  afterAll(() => laplacian.dispose());

  it('matches softmax then dense steps, with L and Lᵀ, for 3 and 6 classes (below and past one SIMD lane)', () => {
    const steps = [0.3, 0.1, 0.25];
    for (const c of [3, 6]) {
      const z = logitsOf(c);
      for (const transposeL of [false, true]) {
        const u = tf.tidy(() =>
          softmaxDiffusion(tf.tensor2d(z, [n, c]), laplacian, steps, transposeL).dataSync(),
        );
        expectClose(u, reference(z, c, steps, transposeL), 1e-5);
      }
    }
  });

  it('gives the numbers of tf.softmax then explicitDiffusion, forward and gradient, bit for bit', () => {
    const c = 5;
    const z = tf.tensor2d(logitsOf(c), [n, c]);
    const r = tf.randomUniform([n, c], -1, 1, 'float32', 4);
    const steps = [0.35, 0.35, 0.2, 0.35];
    const fused = (x: tf.Tensor) => softmaxDiffusion(x as tf.Tensor2D, laplacian, steps);
    const unfused = (x: tf.Tensor) => explicitDiffusion(tf.softmax(x as tf.Tensor2D), laplacian, steps);
    for (const [a, b] of [
      [fused(z), unfused(z)],
      [tf.grad((x) => tf.sum(tf.mul(fused(x), r)))(z), tf.grad((x) => tf.sum(tf.mul(unfused(x), r)))(z)],
    ]) {
      expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
      tf.dispose([a, b]);
    }
    tf.dispose([z, r]);
  });

  it('is the softmax for K = 0', () => {
    const z = logitsOf(4);
    const u = tf.tidy(() => softmaxDiffusion(tf.tensor2d(z, [n, 4]), laplacian, []).dataSync());
    expectClose(u, reference(z, 4, [], false), 1e-6);
  });

  it('has gradients matching finite differences, with L and Lᵀ, for 3 and 6 classes', () => {
    for (const c of [3, 6]) {
      const z = tf.tensor2d(logitsOf(c), [n, c]);
      for (const transposeL of [false, true]) {
        checkGradients((x) => softmaxDiffusion(x as tf.Tensor2D, laplacian, [0.2, 0.3], transposeL), [z], {
          eps: 1e-2,
          atol: 2e-3,
        });
      }
      z.dispose();
    }
  });

  it('rejects bad shapes, dtypes and step sizes, naming the logits', () => {
    const z = tf.tensor2d(logitsOf(3), [n, 3]);
    expect(() => softmaxDiffusion(tf.zeros([n - 1, 3]), laplacian, [0.1])).toThrow(/logits of shape/);
    expect(() => softmaxDiffusion(tf.zeros([n, 3], 'int32'), laplacian, [0.1])).toThrow(InvalidArgumentError);
    expect(() => softmaxDiffusion(z, laplacian, [0.1, Number.NaN])).toThrow(InvalidArgumentError);
    const rect = CsrTensor.fromCsr(randomCsr(n, n + 1, 0.3, 1));
    expect(() => softmaxDiffusion(z, rect, [0.1])).toThrow(ShapeMismatchError);
    tf.dispose([z]);
    rect.dispose();
  });

  it('leaks no tensor', () => {
    const z = tf.tensor2d(logitsOf(3), [n, 3]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grad((x: tf.Tensor) => tf.sum(softmaxDiffusion(x as tf.Tensor2D, laplacian, [0.1, 0.2])))(z);
    });
    expect(tf.memory().numTensors).toBe(before);
    z.dispose();
  });
});
