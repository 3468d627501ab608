import { InvalidArgumentError, Rng, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMask, CsrTensor, Dropout, dropoutDiffusion, explicitDiffusion } from '../index.js';
import { checkGradients, randomMatrix, testBackends } from '../testing/index.js';

const n = 7;
// A non-symmetric L, so that the adjoint's use of Lᵀ is tested.
const m = randomCsr(n, n, 0.4, 9);
const taus = [0.3, 0.1, 0.25];

/** Random keep flags (K × n × k), about 70 % kept. */
function keepFlags(count: number, cols: number, seed: number): Uint8Array {
  const rng = new Rng(seed);
  return Uint8Array.from({ length: count * n * cols }, () => (rng.uniform() < 0.7 ? 1 : 0));
}

describe.each(testBackends())('dropoutDiffusion on %s', (backend) => {
  let laplacian: CsrTensor;
  beforeAll(async () => {
    await tf.setBackend(backend);
    laplacian = CsrTensor.fromCsr(m);
  });
  afterAll(() => laplacian.dispose());

  it.each([3, 5, 64, 66])('matches dense masked steps (float64) for %i columns', (cols) => {
    const u0 = randomMatrix(n, cols, cols);
    const flags = keepFlags(taus.length, cols, cols + 1);
    const dense = toDense(m);
    let u = Float64Array.from(u0);
    taus.forEach((tau, s) => {
      const masked = u.map((v, p) => (flags[s * n * cols + p] ? v * 2 : 0));
      const lu = denseMatMul(dense, n, n, masked, cols);
      u = masked.map((v, p) => v - tau * lu[p]);
    });
    const keep = tf.tensor(flags, [taus.length, n, cols], 'bool');
    const got = tf.tidy(() =>
      dropoutDiffusion(tf.tensor2d(u0, [n, cols]), laplacian, keep, 2, taus).dataSync(),
    );
    expectClose(got, u);
    keep.dispose();
  });

  it('equals applyMask then explicitDiffusion per step, value and gradient (bit for bit on cpu)', () => {
    const cols = 6;
    const u = tf.variable(tf.tensor2d(randomMatrix(n, cols, 3), [n, cols]));
    const w = tf.tensor2d(randomMatrix(n, cols, 4), [n, cols]);
    const keep = tf.tensor(keepFlags(taus.length, cols, 5), [taus.length, n, cols], 'bool');
    const masks = tf.unstack(tf.mul(tf.cast(keep, 'float32'), 1 / 0.7));
    const run = (f: () => tf.Tensor) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(f(), w)) as tf.Scalar, [u]);
        return [value.dataSync()[0], Array.from(grads[u.name].dataSync())] as const;
      });
    const ours = run(() => dropoutDiffusion(u as tf.Tensor2D, laplacian, keep, 1 / 0.7, taus));
    const theirs = run(() =>
      taus.reduce(
        (h, tau, s) => explicitDiffusion(applyMask(h, masks[s]), laplacian, [tau]),
        u as tf.Tensor2D,
      ),
    );
    if (backend === 'cpu') expect(ours).toEqual(theirs);
    else {
      expect(ours[0]).toBeCloseTo(theirs[0], 4);
      expectClose(ours[1], theirs[1]);
    }
    tf.dispose([u, w, keep, ...masks]);
  });

  it('has the gradient finite differences give (the adjoint), and the adjoint’s is the forward map', () => {
    const u = tf.tensor2d(randomMatrix(n, 4, 8), [n, 4]);
    const keep = tf.tensor(keepFlags(taus.length, 4, 9), [taus.length, n, 4], 'bool');
    checkGradients((x) => dropoutDiffusion(x as tf.Tensor2D, laplacian, keep, 1.5, taus), [u]);
    checkGradients((x) => dropoutDiffusion(x as tf.Tensor2D, laplacian, keep, 1.5, taus, true), [u]);
    tf.dispose([u, keep]);
  });

  it('with Dropout.keepMasks, draws the masks that K calls of Dropout.forward draw', () => {
    const shape = [n, 5];
    const fused = new Dropout(0.4).train(new Rng(3)).keepMasks(4, shape)!;
    const dropout = new Dropout(0.4).train(new Rng(3));
    const loop = tf.tidy(() =>
      Array.from({ length: 4 }, () => Array.from(dropout.forward(tf.ones(shape)).dataSync())).flat(),
    );
    expect(Array.from(fused.dataSync(), (k) => (k ? Math.fround(1 / 0.6) : 0))).toEqual(loop);
    expect(new Dropout(0.4).eval().keepMasks(4, shape)).toBeNull();
    fused.dispose();
  });

  it('names the bad argument', () => {
    const u = tf.zeros([n, 2]) as tf.Tensor2D;
    const keep = tf.zeros([3, n, 2], 'bool');
    expect(() => dropoutDiffusion(u, laplacian, keep, 2, [0.1, 0.1])).toThrow(ShapeMismatchError);
    expect(() => dropoutDiffusion(u, laplacian, tf.zeros([3, n, 2]), 2, taus)).toThrow(/keep\.dtype/);
    expect(() => dropoutDiffusion(u, laplacian, keep, Number.NaN, taus)).toThrow(/scale/);
    expect(() => dropoutDiffusion(u, laplacian, keep, 2, [0.1, Number.POSITIVE_INFINITY, 0.1])).toThrow(
      InvalidArgumentError,
    );
    tf.dispose([u, keep]);
  });
});
