import { Rng } from '@coin-gnn/graph';
import { randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, residualClassifier } from '../../index.js';
import { withReusedOutputs } from './output-reuse.js';

// Large enough (F = 40 > the 32 columns of a tile, 70 rows) that every pass runs its split kernels.
const n = 70;
const f = 40;
const c = 5;
const rng = new Rng(3);
const uniform = (length: number) => Float32Array.from({ length }, () => 2 * rng.uniform() - 1);

describe('CoinResidualClassifier on cpu with H and dW₁ left in the block memory', () => {
  let x: CsrTensor;
  let r: tf.Tensor;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    x = CsrTensor.fromCsr(randomCsr(n, f, 0.3, 4));
    r = tf.tensor2d(uniform(n * c), [n, c]);
  });
  afterAll(() => {
    x.dispose();
    r.dispose();
  });

  /** Two weight sets [W₁, b₁, W₂, b₂]. */
  const weightSets = () =>
    [0, 1].map(() => [
      tf.tensor2d(uniform(f * f), [f, f]),
      tf.tensor1d(uniform(f)),
      tf.tensor2d(uniform(f * c), [f, c]),
      tf.tensor1d(uniform(c)),
    ]);

  /**
   * The gradients (copied out) of Σ r ⊙ (Z_A + Z_B) for two blocks in one tape: the second forward runs while
   * the first H lives, and the first gradient while the second dW₁ lives, so both move to fresh memories.
   */
  const gradients = (sets: tf.Tensor[][]) =>
    tf.tidy(() => {
      type Four = [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
      const grads = tf.grads((...w: tf.Tensor[]) =>
        tf.sum(
          tf.mul(
            tf.add(
              residualClassifier(x, ...(w.slice(0, 4) as Four)),
              residualClassifier(x, ...(w.slice(4) as Four)),
            ),
            r,
          ),
        ),
      )(sets.flat());
      return grads.map((g) => g.dataSync().slice());
    });

  it('gives the gradients of the copying kernels bit for bit, two blocks alive at once, step after step', () => {
    const sets = weightSets();
    const want = gradients(sets);
    const got = withReusedOutputs(() => [gradients(sets), gradients(sets)]);
    for (const run of got) {
      for (const [i, g] of run.entries()) expect(Array.from(g)).toEqual(Array.from(want[i]));
    }
    tf.dispose(sets.flat());
  });

  it('keeps a view of dW₁ intact while its tensor lives and another gradient runs', () => {
    const [w1, b1, w2, b2] = weightSets()[0];
    // With W₂ doubled every entry of dR, hence of dW₁ = Xᵀ dR, doubles exactly.
    const dw1Of = (scale: number) =>
      tf.tidy(() => {
        const w2s = tf.mul(w2, scale) as tf.Tensor2D;
        const loss = (w: tf.Tensor) =>
          tf.sum(
            tf.mul(residualClassifier(x, w as tf.Tensor2D, b1 as tf.Tensor1D, w2s, b2 as tf.Tensor1D), r),
          );
        return tf.grads(loss)([w1])[0];
      });
    const want = tf.tidy(() => dw1Of(1).dataSync().slice());
    withReusedOutputs(() => {
      const kept = dw1Of(1);
      const other = dw1Of(2);
      expect(Array.from(kept.dataSync())).toEqual(Array.from(want));
      expect(Array.from(other.dataSync())).toEqual(Array.from(want, (v) => 2 * v));
      tf.dispose([kept, other]);
    });
    tf.dispose([w1, b1, w2, b2]);
  });
});
