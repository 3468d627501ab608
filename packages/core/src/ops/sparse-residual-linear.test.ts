import { InvalidArgumentError, Rng, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, sparseResidualLinear } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

const n = 6;
const f = 4;
const m = randomCsr(n, f, 0.5, 11);
const rng = new Rng(5);
const w = Float32Array.from({ length: f * f }, () => 2 * rng.uniform() - 1);
const b = Float32Array.from({ length: f }, () => rng.uniform() - 0.5);

function reference(): Float64Array {
  const x = toDense(m);
  const z = denseMatMul(x, n, f, w, f);
  return z.map((v, p) => x[p] + Math.max(v + b[p % f], 0));
}

describe.each(testBackends())('sparseResidualLinear on %s', (backend) => {
  let x: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    x = CsrTensor.fromCsr(m);
  });
  afterAll(() => x.dispose());

  it('matches X + relu(X W + b) computed densely, with bias [F] or [1, F]', () => {
    for (const bias of [() => tf.tensor1d(b), () => tf.tensor2d(b, [1, f])]) {
      const h = tf.tidy(() => sparseResidualLinear(x, tf.tensor2d(w, [f, f]), bias()));
      expectClose(h.dataSync(), reference());
      h.dispose();
    }
  });

  it('rejects bad shapes and dtypes', () => {
    const w2 = tf.tensor2d(w, [f, f]);
    const b1 = tf.tensor1d(b);
    expect(() => sparseResidualLinear(x, tf.zeros([f, f + 1]), b1)).toThrow(ShapeMismatchError);
    expect(() => sparseResidualLinear(x, w2, tf.zeros([f + 1]) as tf.Tensor1D)).toThrow(ShapeMismatchError);
    expect(() => sparseResidualLinear(x, w2, tf.zeros([2, f / 2]) as unknown as tf.Tensor1D)).toThrow(
      ShapeMismatchError,
    );
    expect(() => sparseResidualLinear(x, tf.zeros([f, f], 'int32'), b1)).toThrow(InvalidArgumentError);
    tf.dispose([w2, b1]);
  });

  it('has gradients for W and b matching finite differences (eps below the smallest |z|)', () => {
    const w2 = tf.tensor2d(w, [f, f]);
    const b1 = tf.tensor1d(b);
    checkGradients((ww, bb) => sparseResidualLinear(x, ww as tf.Tensor2D, bb as tf.Tensor1D), [w2, b1], {
      eps: 1e-3,
      atol: 2e-3,
    });
    tf.dispose([w2, b1]);
  });

  it('has finite-difference gradients for widths below and past one SIMD lane (F = 3, 6)', () => {
    for (const width of [3, 6]) {
      const xm = CsrTensor.fromCsr(randomCsr(5, width, 0.5, 3 + width));
      const r = new Rng(width);
      const ww = tf.tensor2d(
        Array.from({ length: width * width }, () => 2 * r.uniform() - 1),
        [width, width],
      );
      const bb = tf.tensor1d(Array.from({ length: width }, () => r.uniform() - 0.5));
      checkGradients((a, c) => sparseResidualLinear(xm, a as tf.Tensor2D, c as tf.Tensor1D), [ww, bb], {
        eps: 1e-3,
        atol: 2e-3,
      });
      tf.dispose([ww, bb]);
      xm.dispose();
    }
  });

  it('leaks no tensor', () => {
    const w2 = tf.tensor2d(w, [f, f]);
    const b1 = tf.tensor1d(b);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(sparseResidualLinear(x, ww as tf.Tensor2D, bb as tf.Tensor1D)),
      )([w2, b1]);
      tf.grad((ww: tf.Tensor) => tf.sum(sparseResidualLinear(x, ww as tf.Tensor2D, b1)))(w2);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([w2, b1]);
  });
});
