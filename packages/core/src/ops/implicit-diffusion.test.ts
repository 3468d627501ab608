import {
  type CsrMatrix,
  coinLaplacian,
  fromDense,
  InvalidArgumentError,
  implicitDiffusionImpl,
  Rng,
  ShapeMismatchError,
  toDense,
} from '@coin-gnn/graph';
import { cycleGraph, expectClose, expmAction, pathGraph, randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, type ImplicitDiffusionStats, implicitDiffusion } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

/** Random probability rows (n, c). */
function probabilities(n: number, c: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const u = Float32Array.from({ length: n * c }, () => rng.uniform() + 0.01);
  for (let i = 0; i < n; i++) {
    const row = u.subarray(i * c, (i + 1) * c);
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((v, j) => {
      row[j] = v / sum;
    });
  }
  return u;
}

/** The random-walk Laplacian I − D⁻¹A of an adjacency matrix, written out densely (non-symmetric). */
function randomWalkLaplacian(adjacency: CsrMatrix): CsrMatrix {
  const n = adjacency.numRows;
  const a = toDense(adjacency);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const d = a.slice(i * n, (i + 1) * n).reduce((x, y) => x + y, 0);
    for (let j = 0; j < n; j++) l[i * n + j] = (i === j ? 1 : 0) - a[i * n + j] / d;
  }
  return fromDense(l, n, n);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const graphs: Array<[string, CsrMatrix]> = [
  ['path P10', pathGraph(10)],
  ['cycle C9', cycleGraph(9)],
  ['random G(16, 0.25)', randomGraph(16, 0.25, 5)],
];

describe.each(testBackends())('implicitDiffusion on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  describe.each(graphs)('%s with COIN’s L', (_, adjacency) => {
    const m = coinLaplacian(adjacency);
    const n = m.numRows;
    let l: CsrTensor;
    beforeAll(() => {
      l = CsrTensor.fromCsr(m);
    });
    afterAll(() => l.dispose());

    it('matches the typed-array solver and reports iterations per step', () => {
      const u0 = probabilities(n, 3, 1);
      let stats: ImplicitDiffusionStats | undefined;
      const u = tf.tidy(() =>
        implicitDiffusion(tf.tensor2d(u0, [n, 3]), l, 0.9, 4, { onStats: (s) => (stats = s) }).dataSync(),
      );
      const reference = implicitDiffusionImpl(m.indptr, m.indices, m.values, n, u0, 3, 0.9, 4);
      expectClose(u, reference.u, 1e-5);
      expect(stats?.iterations.length).toBe(4);
      expect(stats?.iterations.every((it) => it >= 1 && it <= n + 2)).toBe(true);
      expect(stats?.converged).toBe(true);
      expect(Math.max(...(stats?.relativeResiduals ?? [1]))).toBeLessThanOrEqual(1e-6);
    });

    it('approaches exp(−T L) u₀ with first order: the error halves when σ² = T/K halves', () => {
      const u0 = probabilities(n, 2, 2);
      const exact = expmAction(m, u0, 2, 3);
      const errors = [6, 12, 24, 48].map((k) =>
        maxAbsDiff(
          tf.tidy(() => implicitDiffusion(tf.tensor2d(u0, [n, 2]), l, 3 / k, k, { tol: 1e-7 }).dataSync()),
          exact,
        ),
      );
      for (let i = 1; i < errors.length; i++) {
        expect(errors[i - 1] / errors[i]).toBeGreaterThan(1.7);
        expect(errors[i - 1] / errors[i]).toBeLessThan(2.3);
      }
    });

    it('keeps probabilities non-negative with rows summing to one at σ² = 5, K = 20', () => {
      const u0 = probabilities(n, 4, 3);
      const u = tf.tidy(() => implicitDiffusion(tf.tensor2d(u0, [n, 4]), l, 5, 20).dataSync());
      expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < n; i++) expectClose(u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3], 1, 1e-5);
    });

    it('has a gradient (the transposed solves) that matches finite differences', () => {
      const u0 = tf.tensor2d(probabilities(n, 2, 4), [n, 2]);
      checkGradients((x) => implicitDiffusion(x as tf.Tensor2D, l, 0.8, 3, { tol: 1e-7 }), [u0]);
      u0.dispose();
    });
  });

  it('solves and differentiates with the non-symmetric random-walk Laplacian I − D⁻¹A', () => {
    const adjacency = randomGraph(12, 0.35, 9);
    const m = randomWalkLaplacian(adjacency);
    const l = CsrTensor.fromCsr(m);
    const u0 = probabilities(12, 2, 5);
    const u = tf.tidy(() => implicitDiffusion(tf.tensor2d(u0, [12, 2]), l, 0.7, 3).dataSync());
    // reference: (I + σ²L)³ u = u0 checked by applying the dense matrix three times
    const dense = toDense(m);
    let back = Float64Array.from(u);
    for (let step = 0; step < 3; step++) {
      const next = new Float64Array(24);
      for (let i = 0; i < 12; i++) {
        for (let c = 0; c < 2; c++) {
          let s = back[i * 2 + c];
          for (let j = 0; j < 12; j++) s += 0.7 * dense[i * 12 + j] * back[j * 2 + c];
          next[i * 2 + c] = s;
        }
      }
      back = next;
    }
    expectClose(back, u0, 1e-4);
    const x = tf.tensor2d(u0, [12, 2]);
    checkGradients((v) => implicitDiffusion(v as tf.Tensor2D, l, 0.7, 3, { tol: 1e-7 }), [x]);
    x.dispose();
    l.dispose();
  });

  it('is the identity for σ² = 0 or K = 0, and leaks no tensor', () => {
    const m = coinLaplacian(pathGraph(5));
    const l = CsrTensor.fromCsr(m);
    const u0 = probabilities(5, 2, 6);
    const x = tf.tensor2d(u0, [5, 2]);
    expectClose(
      tf.tidy(() => implicitDiffusion(x, l, 0, 3).dataSync()),
      u0,
      0,
    );
    expectClose(
      tf.tidy(() => implicitDiffusion(x, l, 0.5, 0).dataSync()),
      u0,
      0,
    );
    const step = () =>
      tf.tidy(() => {
        tf.grad((v: tf.Tensor) => tf.sum(implicitDiffusion(v as tf.Tensor2D, l, 0.5, 2)))(x);
      });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    l.dispose();
  });

  it('rejects bad input with typed errors', () => {
    const l = CsrTensor.fromCsr(coinLaplacian(pathGraph(4)));
    const u = tf.zeros([4, 2]) as tf.Tensor2D;
    expect(() => implicitDiffusion(u, l, -0.1, 2)).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(u, l, Number.NaN, 2)).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(u, l, 0.5, 1.5)).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(u, l, 0.5, -1)).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(u, l, 0.5, 2, { tol: 0 })).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(u, l, 0.5, 2, { maxIter: 0 })).toThrow(InvalidArgumentError);
    expect(() => implicitDiffusion(tf.zeros([3, 2]) as tf.Tensor2D, l, 0.5, 2)).toThrow(ShapeMismatchError);
    expect(() => implicitDiffusion(tf.zeros([4, 2], 'int32') as tf.Tensor2D, l, 0.5, 2)).toThrow(
      InvalidArgumentError,
    );
    const rect = CsrTensor.fromCsr(fromDense([1, 0, 0, 0, 1, 0], 2, 3));
    expect(() => implicitDiffusion(tf.zeros([2, 1]) as tf.Tensor2D, rect, 0.5, 2)).toThrow(
      ShapeMismatchError,
    );
    const oneSided = CsrTensor.fromCsr(fromDense([1, -1, 0, 1], 2, 2));
    expect(() => implicitDiffusion(tf.ones([2, 1]) as tf.Tensor2D, oneSided, 0.5, 1)).toThrow(
      InvalidArgumentError,
    );
    tf.dispose(u);
    for (const t of [l, rect, oneSided]) t.dispose();
  });
});
