import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgeIndex, edgeSoftmax } from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

const g = randomEdges(8, 20, 12, [0, 6]);
const [n, numEdges, numHeads] = [g.numNodes, g.src.length, 3];

/** Reference in float64, softmax over the edges of each destination written out with no shift. */
function referenceSoftmax(scores: Float32Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let e = 0; e < numEdges; e++) {
    for (let h = 0; h < numHeads; h++) {
      let sum = 0;
      for (let f = 0; f < numEdges; f++) if (g.dst[f] === g.dst[e]) sum += Math.exp(scores[f * numHeads + h]);
      out[e * numHeads + h] = Math.exp(scores[e * numHeads + h]) / sum;
    }
  }
  return out;
}

describe.each(testBackends())('edgeSoftmax on %s', (backend) => {
  let edges: EdgeIndex;
  const scores = randomMatrix(numEdges, numHeads, 13, 3);
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromArrays(n, g.src, g.dst);
  });
  afterAll(() => edges.dispose());

  it('matches the softmax over the edges entering each node, per head', () => {
    const alpha = tf.tidy(() => edgeSoftmax(tf.tensor2d(scores, [numEdges, numHeads]), edges).dataSync());
    expectClose(alpha, referenceSoftmax(scores), 1e-5);
  });

  it('is stable for huge scores: the same weights after a shift by 1000 per destination', () => {
    const shifted = scores.map((s, k) => s + 1000 + 500 * g.dst[Math.floor(k / numHeads)]);
    const alpha = tf.tidy(() => edgeSoftmax(tf.tensor2d(shifted, [numEdges, numHeads]), edges).dataSync());
    expect(alpha.every(Number.isFinite)).toBe(true);
    expectClose(alpha, referenceSoftmax(scores), 1e-4);
    const tiny = scores.map((s) => s - 1e4);
    const beta = tf.tidy(() => edgeSoftmax(tf.tensor2d(tiny, [numEdges, numHeads]), edges).dataSync());
    expectClose(beta, referenceSoftmax(scores), 1e-3);
  });

  it('handles a graph without edges', () => {
    const none = EdgeIndex.fromArrays(3, new Int32Array(0), new Int32Array(0));
    expect(tf.tidy(() => edgeSoftmax(tf.zeros([0, 2]), none).shape)).toEqual([0, 2]);
    none.dispose();
  });

  it('has a gradient that matches finite differences', () => {
    const s = tf.tensor2d(scores, [numEdges, numHeads]);
    checkGradients((x) => edgeSoftmax(x as tf.Tensor2D, edges), [s]);
    s.dispose();
  });

  it('rejects bad shapes and dtypes', () => {
    expect(() => edgeSoftmax(tf.zeros([numEdges - 1, 1]), edges)).toThrow(ShapeMismatchError);
    expect(() => edgeSoftmax(tf.zeros([numEdges]) as unknown as tf.Tensor2D, edges)).toThrow(
      ShapeMismatchError,
    );
    expect(() => edgeSoftmax(tf.zeros([numEdges, 1], 'int32'), edges)).toThrow(InvalidArgumentError);
  });

  it('leaks no tensor', () => {
    const s = tf.tensor2d(scores, [numEdges, numHeads]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grad((x: tf.Tensor) => tf.sum(tf.square(edgeSoftmax(x as tf.Tensor2D, edges))))(s);
    });
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });
});
