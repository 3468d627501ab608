import { coinLaplacian, fedSchedule, InvalidArgumentError, Rng, stableStep } from '@coin-gnn/graph';
import { cycleGraph, expectClose, expmAction, pathGraph, randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, explicitDiffusion, fedDiffusion } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

function randomSignal(n: number, c: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n * c }, () => 2 * rng.uniform() - 1);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const norm = (a: ArrayLike<number>): number => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));

const graphs = [
  ['path P10', pathGraph(10)],
  ['cycle C9', cycleGraph(9)],
  ['random G(16, 0.25)', randomGraph(16, 0.25, 5)],
] as const;

describe.each(testBackends())('fedDiffusion and explicit steps on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  describe.each(graphs)('%s with COIN’s L', (_, adjacency) => {
    const m = coinLaplacian(adjacency);
    const n = m.numRows;
    const { l2 } = stableStep(m);
    const u0 = randomSignal(n, 2, 1);
    const run = (f: (u: tf.Tensor2D, l: CsrTensor) => tf.Tensor2D): Float32Array => {
      const l = CsrTensor.fromCsr(m);
      const out = tf.tidy(() => f(tf.tensor2d(u0, [n, 2]), l).dataSync() as Float32Array);
      l.dispose();
      return out;
    };

    it('explicit steps approach exp(−T L) u₀ with first order as σ² = T/K halves', () => {
      const exact = expmAction(m, u0, 2, 2);
      const errors = [16, 32, 64, 128].map((k) =>
        maxAbsDiff(
          run((u, l) => explicitDiffusion(u, l, new Array(k).fill(2 / k))),
          exact,
        ),
      );
      for (let i = 1; i < errors.length; i++) {
        expect(errors[i - 1] / errors[i]).toBeGreaterThan(1.7);
        expect(errors[i - 1] / errors[i]).toBeLessThan(2.3);
      }
    });

    it('FED reaches the same time T and approaches exp(−T L) u₀ with first order as τmax shrinks', () => {
      const exact = expmAction(m, u0, 2, 2);
      const errors = [1, 1 / 8, 1 / 64, 1 / 512].map((f) =>
        maxAbsDiff(
          run((u, l) => fedDiffusion(u, l, 2, f * l2)),
          exact,
        ),
      );
      for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1]);
      // once there are many cycles the error is first order in τmax: ÷8 for τmax ÷ 8
      expect(errors[2] / errors[3]).toBeGreaterThan(6);
      expect(errors[3]).toBeLessThan(0.01);
    });

    it('FED stays stable at the end of each cycle where explicit steps with the same time blow up', () => {
      // T = 20 · 3·τmax: plain explicit steps of 3·τmax amplify the top eigenmode by |1 − 3·2|ᴷ
      const time = 20 * 3 * l2;
      const fed = run((u, l) => fedDiffusion(u, l, time, 0.99 * l2));
      const explicit = run((u, l) => explicitDiffusion(u, l, new Array(20).fill(3 * l2)));
      expect(norm(fed)).toBeLessThanOrEqual(norm(u0) * (1 + 1e-4));
      expectClose(fed, expmAction(m, u0, 2, time), 0.05);
      expect(norm(explicit)).toBeGreaterThan(1e6 * norm(u0));
      expect(fedSchedule(time, 0.99 * l2).stepSizes.length).toBeLessThan(20 * 3);
    });
  });

  it('has gradients that match finite differences, and rejects bad input', () => {
    const m = coinLaplacian(pathGraph(6));
    const l = CsrTensor.fromCsr(m);
    const { l2 } = stableStep(m);
    const x = tf.tensor2d(randomSignal(6, 2, 3), [6, 2]);
    checkGradients((v) => fedDiffusion(v as tf.Tensor2D, l, 3, l2), [x]);
    expect(() => fedDiffusion(x, l, -1, l2)).toThrow(InvalidArgumentError);
    expect(() => fedDiffusion(x, l, 1, 0)).toThrow(InvalidArgumentError);
    expect(() => fedDiffusion(x, l, 1, l2, { maxCycleLength: 0 })).toThrow(InvalidArgumentError);
    x.dispose();
    l.dispose();
  });
});
