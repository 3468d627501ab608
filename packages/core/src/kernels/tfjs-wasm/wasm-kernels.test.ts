import { coinLaplacian, fromCoo, Rng } from '@coin-gnn/graph';
import { expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CsrTensor,
  csrMatMul,
  explicitDiffusion,
  implicitDiffusion,
  selectBackend,
  sparseResidualLinear,
} from '../../index.js';
import { runOnCpuAnd } from '../testing/run-on-backends.js';

/**
 * The 'wasm' backend's own kernels (the cpu kernels' typed-array code on its heap) against the cpu
 * backend: the same op on the same inputs, forward and gradient, at widths below and past one SIMD lane.
 */
const n = 9;
const rng = new Rng(3);
const random = (size: number): Float32Array =>
  Float32Array.from({ length: size }, () => 2 * rng.uniform() - 1);
const features = randomCsr(n, 6, 0.4, 5);
const square = randomCsr(n, n, 0.4, 8);

/** Runs `f` on cpu and wasm: both outputs' arrays. */
async function onBoth(f: () => tf.Tensor[]): Promise<[Float32Array[], Float32Array[]]> {
  const { cpu, other } = await runOnCpuAnd('wasm', f);
  return [cpu, other];
}

function expectSame(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, want] of expected.entries()) expectClose(actual[i], Float64Array.from(want), 1e-5);
}

describe('the wasm kernels against cpu', () => {
  afterAll(async () => {
    await selectBackend('cpu');
  });

  it.each([3, 8])('csrMatMul, A B and Aᵀ B, and its gradient (B of %i columns)', async (cols) => {
    const b = random(features.numCols * cols);
    const bt = random(features.numRows * cols);
    const [cpu, wasm] = await onBoth(() => {
      const a = CsrTensor.fromCsr(features);
      const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.square(csrMatMul(a, x as tf.Tensor2D))));
      const out = [
        csrMatMul(a, tf.tensor2d(b, [features.numCols, cols])),
        csrMatMul(a, tf.tensor2d(bt, [features.numRows, cols]), true),
        grad(tf.tensor2d(b, [features.numCols, cols])),
      ];
      a.dispose();
      return out;
    });
    expectSame(wasm, cpu);
  });

  it.each([3, 6])('sparseResidualLinear and its gradients to W and b (width %i)', async (width) => {
    const x = randomCsr(n, width, 0.5, 2);
    const w = random(width * width);
    const bias = random(width);
    const [cpu, wasm] = await onBoth(() => {
      const a = CsrTensor.fromCsr(x);
      const loss = (ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.square(sparseResidualLinear(a, ww as tf.Tensor2D, bb as tf.Tensor1D)));
      const [dw, db] = tf.grads(loss)([tf.tensor2d(w, [width, width]), tf.tensor1d(bias)]);
      const h = sparseResidualLinear(a, tf.tensor2d(w, [width, width]), tf.tensor1d(bias));
      a.dispose();
      return [h, dw, db];
    });
    expectSame(wasm, cpu);
  });

  it.each([false, true])(
    'explicitDiffusion with varying τ (transposeL %s) and its gradient',
    async (transposeL) => {
      const u = random(n * 5);
      const [cpu, wasm] = await onBoth(() => {
        const l = CsrTensor.fromCsr(square);
        const f = (x: tf.Tensor2D) => explicitDiffusion(x, l, [0.3, 0.1, 0.2], transposeL);
        const out = [
          f(tf.tensor2d(u, [n, 5])),
          tf.grad((x: tf.Tensor) => tf.sum(tf.square(f(x as tf.Tensor2D))))(tf.tensor2d(u, [n, 5])),
        ];
        l.dispose();
        return out;
      });
      expectSame(wasm, cpu);
    },
  );

  it('implicitDiffusion: the same solves and iteration counts', async () => {
    // COIN's L of a ring with chords
    const rows = Array.from({ length: n }, (_, i) => [i, i, (i + 1) % n, (i + 3) % n]).flat();
    const cols = Array.from({ length: n }, (_, i) => [(i + 1) % n, (i + 3) % n, i, i]).flat();
    const laplacian = coinLaplacian(fromCoo(rows, cols, undefined, [n, n], { duplicates: 'max' }));
    const u = random(n * 4);
    const stats: unknown[] = [];
    const [cpu, wasm] = await onBoth(() => {
      const l = CsrTensor.fromCsr(laplacian);
      const out = implicitDiffusion(tf.tensor2d(u, [n, 4]), l, 0.7, 3, {
        onStats: (s) => stats.push(s.iterations),
      });
      l.dispose();
      return [out];
    });
    expectSame(wasm, cpu);
    expect(stats[1]).toEqual(stats[0]);
  });
});
