import { InvalidArgumentError } from '@coin-gnn/graph';
import { expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Aggregation,
  CsrTensor,
  csrMatMul,
  EdgeIndex,
  type MessageInputs,
  MessagePassing,
} from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

/** The default message, w_e x_src (or x_src), under a chosen aggregation. */
class WeightedConv extends MessagePassing<[tf.Tensor2D, EdgeIndex, tf.Tensor2D | null]> {
  forward(x: tf.Tensor2D, edges: EdgeIndex, weights: tf.Tensor2D | null): tf.Tensor2D {
    return this.propagate(edges, x, weights);
  }
}

/** A written-out message, m_e = relu(x_src − x_dst) · w_e, and an update adding 2x. */
class DifferenceConv extends MessagePassing<[tf.Tensor2D, EdgeIndex, tf.Tensor2D | null]> {
  forward(x: tf.Tensor2D, edges: EdgeIndex, weights: tf.Tensor2D | null): tf.Tensor2D {
    return this.propagate(edges, x, weights);
  }
  protected override message(m: MessageInputs): tf.Tensor2D {
    const diff = tf.relu(tf.sub(m.sourceRows(), m.targetRows()));
    return (m.edgeWeights ? tf.mul(diff, m.edgeWeights) : diff) as tf.Tensor2D;
  }
  protected override update(aggregated: tf.Tensor2D, m: MessageInputs): tf.Tensor2D {
    return tf.add(aggregated, tf.mul(m.x, 2)) as tf.Tensor2D;
  }
}

const g = randomEdges(6, 15, 21, [1]);
const [n, numEdges, width] = [g.numNodes, g.src.length, 3];
const x = randomMatrix(n, width, 22);
const w = randomMatrix(numEdges, 1, 23);

/** Reference: per node, sum, mean or max over its incoming edges of message(e), written as loops. */
function reference(aggregation: Aggregation, message: (e: number, c: number) => number): number[] {
  return Array.from({ length: n * width }, (_, k) => {
    const [i, c] = [Math.floor(k / width), k % width];
    const values = [...g.dst.keys()].filter((e) => g.dst[e] === i).map((e) => message(e, c));
    if (values.length === 0) return 0;
    const sum = values.reduce((a, b) => a + b, 0);
    return { sum, mean: sum / values.length, max: Math.max(...values) }[aggregation];
  });
}

const aggregations = ['sum', 'mean', 'max'] as const;

describe.each(testBackends())('MessagePassing on %s', (backend) => {
  let edges: EdgeIndex;
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromArrays(n, g.src, g.dst);
  });
  afterAll(() => edges.dispose());

  it('aggregates weighted source rows by sum, mean (the fused path) and max', () => {
    for (const aggregation of aggregations) {
      const layer = new WeightedConv(aggregation);
      const y = tf.tidy(() =>
        layer.forward(tf.tensor2d(x, [n, width]), edges, tf.tensor2d(w, [numEdges, 1])).dataSync(),
      );
      expectClose(
        y,
        reference(aggregation, (e, c) => w[e] * x[g.src[e] * width + c]),
        1e-5,
      );
      const unweighted = tf.tidy(() => layer.forward(tf.tensor2d(x, [n, width]), edges, null).dataSync());
      expectClose(
        unweighted,
        reference(aggregation, (e, c) => x[g.src[e] * width + c]),
        1e-5,
      );
    }
  });

  it('with a custom message and update, sums, averages or maxes the written-out messages', () => {
    const relu = (v: number) => Math.max(v, 0);
    for (const aggregation of aggregations) {
      const y = tf.tidy(() =>
        new DifferenceConv(aggregation)
          .forward(tf.tensor2d(x, [n, width]), edges, tf.tensor2d(w, [numEdges, 1]))
          .dataSync(),
      );
      const msg = (e: number, c: number) => w[e] * relu(x[g.src[e] * width + c] - x[g.dst[e] * width + c]);
      expectClose(
        y,
        reference(aggregation, msg).map((v, k) => v + 2 * x[k]),
        1e-5,
      );
    }
  });

  it('sum aggregation with the values of A as weights is A·X', () => {
    const m = randomCsr(5, 5, 0.5, 24);
    const fromCsr = EdgeIndex.fromCsr(m);
    const a = CsrTensor.fromCsr(m);
    const b = randomMatrix(5, 2, 25);
    const [ours, product] = tf.tidy(() => [
      new WeightedConv()
        .forward(tf.tensor2d(b, [5, 2]), fromCsr, tf.tensor2d(m.values, [m.nnz, 1]))
        .dataSync(),
      csrMatMul(a, tf.tensor2d(b, [5, 2])).dataSync(),
    ]);
    expectClose(ours, product, 1e-6);
    fromCsr.dispose();
    a.dispose();
  });

  it('is differentiable in x and the edge weights on both paths', () => {
    const tx = tf.tensor2d(x, [n, width]);
    const tw = tf.tensor2d(w, [numEdges, 1]);
    for (const aggregation of aggregations) {
      checkGradients(
        (a, b) => new WeightedConv(aggregation).forward(a as tf.Tensor2D, edges, b as tf.Tensor2D),
        [tx, tw],
      );
      checkGradients(
        (a, b) => new DifferenceConv(aggregation).forward(a as tf.Tensor2D, edges, b as tf.Tensor2D),
        [tx, tw],
      );
    }
    tf.dispose([tx, tw]);
  });
});

describe('MessagePassing', () => {
  it('rejects edge weights of the wrong shape under every aggregation', () => {
    const edges = EdgeIndex.fromArrays(n, g.src, g.dst);
    for (const aggregation of aggregations) {
      const layer = new WeightedConv(aggregation);
      const tx = tf.tensor2d(x, [n, width]);
      expect(() => layer.forward(tx, edges, tf.ones([numEdges - 1, 1]))).toThrow(/weights of shape/);
      expect(() => layer.forward(tx, edges, tf.ones([numEdges, 2]))).toThrow(/numHeads/);
    }
    edges.dispose();
  });

  it('rejects an unknown aggregation, naming the layer', () => {
    expect(() => new WeightedConv('min' as Aggregation)).toThrow(InvalidArgumentError);
    expect(() => new WeightedConv('min' as Aggregation)).toThrow(/WeightedConv.*aggregation.*min/);
  });
});
