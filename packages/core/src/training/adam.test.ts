import { InvalidArgumentError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '../index.js';
import { Adam } from './adam.js';

/** PyTorch's Adam with L2 weight decay, written out in float64 for a scalar parameter. */
function reference(theta: number, grads: number[], lr: number, wd: number): number[] {
  let m = 0;
  let v = 0;
  const out: number[] = [];
  grads.forEach((g0, k) => {
    const t = k + 1;
    const g = g0 + wd * theta;
    m = 0.9 * m + 0.1 * g;
    v = 0.999 * v + 0.001 * g * g;
    theta -= (lr / (1 - 0.9 ** t)) * (m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 ** t) + 1e-8));
    out.push(theta);
  });
  return out;
}

describe('Adam', () => {
  for (const fused of [true, false]) {
    it(`matches hand-computed PyTorch steps (${fused ? 'fused' : 'composed'} update)`, () => {
      const variable = tf.variable(tf.tensor1d([0.5, -1.2]));
      const adam = new Adam([{ name: 'w', variable, decay: true }], { lr: 0.01, weightDecay: 5e-4, fused });
      const grads = [
        [0.3, -0.1],
        [0.25, 0.4],
        [-0.2, 0.05],
      ];
      for (const g of grads) {
        const t = tf.tensor1d(g);
        adam.step([t]);
        t.dispose();
      }
      const got = Array.from(variable.dataSync());
      for (let i = 0; i < 2; i++) {
        const want = reference(
          [0.5, -1.2][i],
          grads.map((g) => g[i]),
          0.01,
          5e-4,
        );
        expect(got[i]).toBeCloseTo(want[2], 6);
      }
      expect(adam.iterations).toBe(3);
      adam.dispose();
      variable.dispose();
    });
  }

  it('leaves a clone of a weight untouched (the fused update writes in place only when unshared)', () => {
    const variable = tf.variable(tf.tensor1d([0.5, -1.2]));
    const adam = new Adam([{ name: 'w', variable, decay: true }], {
      lr: 0.01,
      weightDecay: 5e-4,
      fused: true,
    });
    adam.step([tf.tensor1d([0.3, -0.1])]);
    const saved = tf.clone(variable);
    const before = Array.from(saved.dataSync());
    adam.step([tf.tensor1d([0.25, 0.4])]);
    expect(Array.from(saved.dataSync())).toEqual(before);
    saved.dispose();
    adam.step([tf.tensor1d([-0.2, 0.05])]);
    const got = variable.dataSync();
    for (let i = 0; i < 2; i++) {
      const want = reference(
        [0.5, -1.2][i],
        [
          [0.3, 0.25, -0.2],
          [-0.1, 0.4, 0.05],
        ][i],
        0.01,
        5e-4,
      );
      expect(got[i]).toBeCloseTo(want[2], 6);
    }
    adam.dispose();
    variable.dispose();
  });

  it('skips weight decay for weights marked decay: false', () => {
    const a = tf.variable(tf.scalar(2));
    const b = tf.variable(tf.scalar(2));
    const adam = new Adam(
      [
        { name: 'a', variable: a, decay: true },
        { name: 'b', variable: b, decay: false },
      ],
      { lr: 0.1, weightDecay: 0.5 },
    );
    adam.step([tf.scalar(0), tf.scalar(0)]);
    expect(a.dataSync()[0]).toBeCloseTo(reference(2, [0], 0.1, 0.5)[0], 6);
    expect(b.dataSync()[0]).toBe(2);
    adam.dispose();
  });

  it('rejects bad options', () => {
    const v = tf.variable(tf.scalar(1));
    expect(() => new Adam([{ name: 'v', variable: v, decay: true }], { lr: -1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new Adam([{ name: 'v', variable: v, decay: true }], { beta1: 1 })).toThrow(
      InvalidArgumentError,
    );
  });
});
