import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatherRows, scatterRows } from '../index.js';
import { checkGradients, testBackends } from '../testing/index.js';

describe.each(testBackends())('gatherRows and scatterRows on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  const x = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];
  const rows = Int32Array.from([2, 0, 2]);

  it('gatherRows picks rows, repeats allowed', () => {
    expect(tf.tidy(() => gatherRows(tf.tensor2d(x), rows).arraySync())).toEqual([x[2], x[0], x[2]]);
    expect(tf.tidy(() => gatherRows(tf.tensor2d(x), new Int32Array(0)).shape)).toEqual([0, 2]);
  });

  it('scatterRows sums repeated rows into zeros', () => {
    const y = tf.tidy(() =>
      scatterRows(
        tf.tensor2d([
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
        rows,
        4,
      ).arraySync(),
    );
    expect(y).toEqual([
      [2, 2],
      [0, 0],
      [4, 4],
      [0, 0],
    ]);
  });

  it('rejects bad rows and shapes', () => {
    const t = tf.tensor2d(x);
    expect(() => gatherRows(t, Int32Array.from([3]))).toThrow(InvalidArgumentError);
    expect(() => gatherRows(t, Int32Array.from([-1]))).toThrow(InvalidArgumentError);
    expect(() => gatherRows(t, [0] as unknown as Int32Array)).toThrow(InvalidArgumentError);
    expect(() => gatherRows(tf.zeros([3]) as unknown as tf.Tensor2D, rows)).toThrow(ShapeMismatchError);
    expect(() => scatterRows(t, Int32Array.from([0, 1]), 3)).toThrow(ShapeMismatchError);
    expect(() => scatterRows(t, rows, 2)).toThrow(InvalidArgumentError);
    expect(() => scatterRows(t, rows, -1)).toThrow(InvalidArgumentError);
    t.dispose();
  });

  it('gradients are each other and match finite differences', () => {
    const t = tf.tensor2d(x);
    checkGradients((v) => gatherRows(v as tf.Tensor2D, rows), [t]);
    checkGradients((v) => scatterRows(v as tf.Tensor2D, rows, 4), [t]);
    t.dispose();
  });

  it('leaks no tensor', () => {
    const t = tf.tensor2d(x);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grad((v: tf.Tensor) => tf.sum(scatterRows(gatherRows(v as tf.Tensor2D, rows), rows, 3)))(t);
    });
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
