import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { segmentMean } from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

const g = randomEdges(6, 15, 14, [3]);
const [m, width, numSegments] = [g.dst.length, 4, g.numNodes];

describe.each(testBackends())('segmentMean on %s', (backend) => {
  const x = randomMatrix(m, width, 15);
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('averages the rows of each segment, 0 for an empty one', () => {
    const y = tf.tidy(() => segmentMean(tf.tensor2d(x, [m, width]), g.dst, numSegments).dataSync());
    const expected = Array.from({ length: numSegments * width }, (_, k) => {
      const [s, c] = [Math.floor(k / width), k % width];
      const rows = [...g.dst.keys()].filter((r) => g.dst[r] === s);
      return rows.length === 0 ? 0 : rows.reduce((acc, r) => acc + x[r * width + c], 0) / rows.length;
    });
    expectClose(y, expected, 1e-6);
    expect(Array.from(y.slice(3 * width, 4 * width))).toEqual([0, 0, 0, 0]);
  });

  it('has a gradient that matches finite differences', () => {
    const t = tf.tensor2d(x, [m, width]);
    checkGradients((v) => segmentMean(v as tf.Tensor2D, g.dst, numSegments), [t]);
    t.dispose();
  });

  it('rejects bad ids, counts and shapes', () => {
    const t = tf.zeros([m, width]) as tf.Tensor2D;
    expect(() => segmentMean(t, g.dst, 2)).toThrow(InvalidArgumentError);
    expect(() => segmentMean(t, g.dst, -1)).toThrow(/numSegments/);
    expect(() => segmentMean(t, g.dst.subarray(1), numSegments)).toThrow(ShapeMismatchError);
    expect(() => segmentMean(tf.zeros([m, width], 'int32'), g.dst, numSegments)).toThrow(/dtype/);
    t.dispose();
  });
});
