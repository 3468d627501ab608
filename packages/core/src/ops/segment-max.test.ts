import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentMax } from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

const g = randomEdges(6, 15, 16, [2]);
const [m, width, numSegments] = [g.dst.length, 3, g.numNodes];

describe.each(testBackends())('segmentMax on %s', (backend) => {
  const x = randomMatrix(m, width, 17);
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('takes the column-wise maximum of each segment, 0 for an empty one', () => {
    const y = tf.tidy(() => segmentMax(tf.tensor2d(x, [m, width]), g.dst, numSegments).dataSync());
    const expected = Array.from({ length: numSegments * width }, (_, k) => {
      const [s, c] = [Math.floor(k / width), k % width];
      const rows = [...g.dst.keys()].filter((r) => g.dst[r] === s);
      return rows.length === 0 ? 0 : Math.max(...rows.map((r) => x[r * width + c]));
    });
    expectClose(y, expected, 0);
    expect(Array.from(y.slice(2 * width, 3 * width))).toEqual([0, 0, 0]);
  });

  it('has a gradient that matches finite differences, and splits it among tied rows', () => {
    const t = tf.tensor2d(x, [m, width]);
    checkGradients((v) => segmentMax(v as tf.Tensor2D, g.dst, numSegments), [t]);
    t.dispose();
    const tied = tf.tidy(() =>
      tf
        .grad((v: tf.Tensor) => tf.sum(segmentMax(v as tf.Tensor2D, Int32Array.of(0, 0, 0), 1)))(
          tf.tensor2d([[1], [3], [3]]),
        )
        .dataSync(),
    );
    expect(Array.from(tied)).toEqual([0, 0.5, 0.5]);
  });

  it('rejects bad ids, counts and shapes', () => {
    const t = tf.zeros([m, width]) as tf.Tensor2D;
    expect(() => segmentMax(t, g.dst, 1)).toThrow(/segmentIds\[/);
    expect(() => segmentMax(t, g.dst, 1.5)).toThrow(InvalidArgumentError);
    expect(() => segmentMax(t, g.dst.subarray(2), numSegments)).toThrow(ShapeMismatchError);
    expect(() => segmentMax(tf.zeros([m, width], 'int32'), g.dst, numSegments)).toThrow(/dtype/);
    t.dispose();
  });
});
