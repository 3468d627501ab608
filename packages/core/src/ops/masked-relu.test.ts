import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMask, maskedRelu } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

describe.each(testBackends())('maskedRelu on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('is m ⊙ max(x, 0)', () => {
    const x = tf.tensor2d([
      [-1, 2, 0],
      [3, -4, 5],
    ]);
    const m = tf.tensor2d([
      [2, 2, 2],
      [0, 2, 0.5],
    ]);
    expect(tf.tidy(() => maskedRelu(x, m).arraySync())).toEqual([
      [0, 4, 0],
      [0, 0, 2.5],
    ]);
    tf.dispose([x, m]);
  });

  it('equals applyMask(relu(x), m) and its gradient (bit for bit on cpu)', () => {
    const x = tf.variable(tf.randomUniform([31, 17], -3, 3, 'float32', 4));
    const m = tf.tidy(() =>
      tf.mul(tf.cast(tf.greater(tf.randomUniform([31, 17], 0, 1, 'float32', 5), 0.4), 'float32'), 1 / 0.6),
    );
    const w = tf.randomUniform([31, 17], -1, 1, 'float32', 6);
    const run = (f: () => tf.Tensor) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(f(), w)) as tf.Scalar, [x]);
        return [value.dataSync()[0], Array.from(grads[x.name].dataSync())] as const;
      });
    const ours = run(() => maskedRelu(x, m));
    const theirs = run(() => applyMask(tf.relu(x), m));
    if (backend === 'cpu') expect(ours).toEqual(theirs);
    else {
      expect(ours[0]).toBeCloseTo(theirs[0], 4);
      expect(ours[1]).toEqual(theirs[1].map((g) => expect.closeTo(g, 6)));
    }
    tf.dispose([x, m, w]);
  });

  it('is relu(x) without a mask, with its gradient (bit for bit on cpu)', () => {
    const x = tf.variable(
      tf.tensor2d([
        [-1, 2, 0],
        [3, -4, Number.NaN],
      ]),
    );
    expect(tf.tidy(() => maskedRelu(x).arraySync())).toEqual([
      [0, 2, 0],
      [3, 0, Number.NaN],
    ]);
    const w = tf.tensor2d([
      [1.5, -2, 3],
      [-0.25, 5, 1],
    ]);
    const grad = (f: () => tf.Tensor) =>
      tf.tidy(() =>
        tf.variableGrads(() => tf.sum(tf.mul(f(), w)) as tf.Scalar, [x]).grads[x.name].arraySync(),
      );
    expect(grad(() => maskedRelu(x))).toEqual([
      [0, -2, 0],
      [-0.25, 0, Number.NaN],
    ]);
    if (backend === 'cpu') expect(grad(() => maskedRelu(x))).toEqual(grad(() => tf.relu(x)));
    tf.dispose([x, w]);
  });

  it('has the gradient finite differences give, away from the kink', () => {
    const x = tf.tensor2d([
      [-1.5, 2, 0.7],
      [3, -0.4, 1.2],
    ]);
    const m = tf.tensor2d([
      [2, 0, 2],
      [2, 2, 0.5],
    ]);
    checkGradients((v) => maskedRelu(v, m), [x]);
    tf.dispose([x, m]);
  });

  it('names the bad argument', () => {
    const x = tf.zeros([2, 3]);
    expect(() => maskedRelu(x, tf.zeros([3, 2]))).toThrow(ShapeMismatchError);
    expect(() => maskedRelu(x, tf.zeros([2, 3], 'int32'))).toThrow(InvalidArgumentError);
    expect(() => maskedRelu(tf.zeros([2, 3], 'int32'))).toThrow(InvalidArgumentError);
    x.dispose();
  });
});
