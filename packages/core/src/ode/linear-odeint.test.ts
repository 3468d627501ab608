import { addSelfLoops, Rng } from '@coin-gnn/graph';
import { randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { CsrTensor } from '../ops/csr-tensor.js';
import { checkGradients } from '../testing/check-gradients.js';
import { isLinearField, linearField, linearOdeint } from './linear-odeint.js';
import type { OdeintOptions } from './ode-options.js';
import { odeint } from './odeint.js';

// y′ = L y + s on a random 6-node pattern with every diagonal entry, L's values of both signs.
const n = 6;
const pattern = CsrTensor.fromCsr(addSelfLoops(randomCsr(n, n, 0.4, 4), -1));
const random = (length: number, seed: number, scale = 1): Float32Array => {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => scale * (2 * rng.uniform() - 1));
};
const values = tf.tensor1d(random(pattern.nnz, 1, 0.6));
const source = tf.tensor2d(random(n * 2, 2), [n, 2]);
const y0 = tf.tensor2d(random(n * 2, 3), [n, 2]);
const operator = (v: tf.Tensor) =>
  new CsrTensor(pattern.shape, pattern.indptr, pattern.indices, v as tf.Tensor1D, pattern.rowIds);

const solvers: [string, OdeintOptions][] = [
  ['euler', { method: 'euler', numSteps: 7 }],
  ['rk4', { method: 'rk4', stepSize: 0.25 }],
  ['dopri5', { method: 'dopri5', rtol: 1e-5, atol: 1e-7 }],
];

describe('linearOdeint', () => {
  it('is odeint on the field Ly + s: the same solution and counts, bit for bit', () => {
    for (const [, options] of solvers) {
      const f = linearField(operator(values), source);
      expect(isLinearField(f)).toBe(true);
      const want = odeint(f, y0, 1.3, options);
      const got = linearOdeint(operator(values), source, y0, 1.3, options);
      expect(got.stats).toEqual(want.stats);
      expect(Array.from(got.y.dataSync())).toEqual(Array.from(want.y.dataSync()));
      tf.dispose([want.y, got.y]);
    }
  });

  it.each(solvers)(
    'has the tape’s gradients for L’s values, s and y₀ (%s, discrete adjoint)',
    (_, options) => {
      const probe = tf.tensor2d(random(n * 2, 5), [n, 2]);
      const loss = (solve: (v: tf.Tensor, s: tf.Tensor, y: tf.Tensor) => tf.Tensor) =>
        tf.grads((v: tf.Tensor, s: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(solve(v, s, y), probe)));
      const tape = loss(
        (v, s, y) => odeint(linearField(operator(v), s as tf.Tensor2D), y as tf.Tensor2D, 1.3, options).y,
      );
      const adjoint = loss(
        (v, s, y) => linearOdeint(operator(v), s as tf.Tensor2D, y as tf.Tensor2D, 1.3, options).y,
      );
      const want = tape([values, source, y0]);
      const got = adjoint([values, source, y0]);
      got.forEach((g, i) => {
        const [a, b] = [g.dataSync(), want[i].dataSync()];
        const scale = Math.max(...Array.from(b, Math.abs));
        for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-5 * scale);
      });
      tf.dispose([...want, ...got, probe]);
    },
  );

  it('has gradients that match finite differences (rk4)', () => {
    checkGradients(
      (v, s, y) =>
        linearOdeint(operator(v), s as tf.Tensor2D, y as tf.Tensor2D, 1.3, { method: 'rk4', numSteps: 4 }).y,
      [values, source, y0],
    );
  });

  it('returns y₀ and passes the gradient through when t₁ = t₀, and leaks no tensor', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const { y, stats } = linearOdeint(operator(values), source, y0, 0);
      expect(Array.from(y.dataSync())).toEqual(Array.from(y0.dataSync()));
      expect(stats.functionEvaluations).toBe(0);
      const [g] = tf.grads((x: tf.Tensor) =>
        tf.sum(linearOdeint(operator(values), source, x as tf.Tensor2D, 0).y),
      )([y0]);
      expect(Array.from(g.dataSync())).toEqual(new Array(n * 2).fill(1));
      tf.grads((v: tf.Tensor) => tf.sum(linearOdeint(operator(v), source, y0, 1, { rtol: 1e-4 }).y))([
        values,
      ]);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
