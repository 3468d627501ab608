import { InvalidArgumentError, ShapeMismatchError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, csrMatMul, EdgeIndex, edgeSpmm } from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

const g = randomEdges(7, 16, 4, [2, 5]);
const [n, numEdges, width] = [g.numNodes, g.src.length, 6];

/** Dense reference: per head h, Y_h = W_h X_h with (W_h)_{ij} = Σ_{e: j → i} w_{e,h}. */
function denseEdgeSpmm(w: Float32Array, numHeads: number, x: Float32Array): Float64Array {
  const d = width / numHeads;
  const y = new Float64Array(n * width);
  for (let h = 0; h < numHeads; h++) {
    const dense = new Float64Array(n * n);
    for (let e = 0; e < numEdges; e++) dense[g.dst[e] * n + g.src[e]] += w[e * numHeads + h];
    const xh = Float32Array.from({ length: n * d }, (_, k) => x[Math.floor(k / d) * width + h * d + (k % d)]);
    const yh = denseMatMul(dense, n, n, xh, d);
    for (let k = 0; k < n * d; k++) y[Math.floor(k / d) * width + h * d + (k % d)] = yh[k];
  }
  return y;
}

describe.each(testBackends())('edgeSpmm on %s', (backend) => {
  let edges: EdgeIndex;
  const x = randomMatrix(n, width, 5);
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromArrays(n, g.src, g.dst);
  });
  afterAll(() => edges.dispose());

  it('matches the dense weighted adjacency times X, per head, with zero rows for isolated nodes', () => {
    for (const numHeads of [1, 2, 3]) {
      const w = randomMatrix(numEdges, numHeads, 6 + numHeads);
      const y = tf.tidy(() =>
        edgeSpmm(tf.tensor2d(w, [numEdges, numHeads]), tf.tensor2d(x, [n, width]), edges).dataSync(),
      );
      expectClose(y, denseEdgeSpmm(w, numHeads, x), 1e-5);
      for (const i of [2, 5])
        expect(Array.from(y.slice(i * width, (i + 1) * width))).toEqual(new Array(width).fill(0));
    }
  });

  it("is csrMatMul on a CSR matrix's edges with its values as weights", () => {
    const m = randomCsr(5, 5, 0.4, 8);
    const fromCsr = EdgeIndex.fromCsr(m);
    const a = CsrTensor.fromCsr(m);
    const b = randomMatrix(5, 3, 9);
    const [ours, reference] = tf.tidy(() => [
      edgeSpmm(tf.tensor2d(m.values, [m.nnz, 1]), tf.tensor2d(b, [5, 3]), fromCsr).dataSync(),
      csrMatMul(a, tf.tensor2d(b, [5, 3])).dataSync(),
    ]);
    expectClose(ours, reference, 1e-6);
    expectClose(ours, denseMatMul(toDense(m), 5, 5, b, 3), 1e-5);
    fromCsr.dispose();
    a.dispose();
  });

  it('has gradients for the weights and X that match finite differences', () => {
    const w = tf.tensor2d(randomMatrix(numEdges, 2, 10), [numEdges, 2]);
    const tx = tf.tensor2d(x, [n, width]);
    checkGradients((a, b) => edgeSpmm(a as tf.Tensor2D, b as tf.Tensor2D, edges), [w, tx]);
    tf.dispose([w, tx]);
  });

  it('has second derivatives (its gradients are edge ops themselves)', () => {
    const w = tf.tensor2d(randomMatrix(numEdges, 1, 11), [numEdges, 1]);
    const tx = tf.tensor2d(x, [n, width]);
    const dW = (v: tf.Tensor) =>
      tf.grad((ww: tf.Tensor) => tf.sum(tf.square(edgeSpmm(ww as tf.Tensor2D, v as tf.Tensor2D, edges))))(w);
    checkGradients((v) => dW(v), [tx], { rtol: 2e-2 });
    tf.dispose([w, tx]);
  });

  it('rejects bad shapes, head counts and disposed edges', () => {
    const tx = tf.zeros([n, width]) as tf.Tensor2D;
    expect(() => edgeSpmm(tf.zeros([numEdges + 1, 1]), tx, edges)).toThrow(ShapeMismatchError);
    expect(() => edgeSpmm(tf.zeros([numEdges]) as unknown as tf.Tensor2D, tx, edges)).toThrow(
      ShapeMismatchError,
    );
    expect(() => edgeSpmm(tf.zeros([numEdges, 1]), tf.zeros([n - 1, width]), edges)).toThrow(
      ShapeMismatchError,
    );
    expect(() => edgeSpmm(tf.zeros([numEdges, 4]), tx, edges)).toThrow(/numHeads.*4/);
    expect(() => edgeSpmm(tf.zeros([numEdges, 1], 'int32'), tx, edges)).toThrow(InvalidArgumentError);
    const gone = EdgeIndex.fromArrays(n, g.src, g.dst);
    gone.dispose();
    expect(() => edgeSpmm(tf.zeros([numEdges, 1]), tx, gone)).toThrow(/disposed/);
    tx.dispose();
  });

  it('leaks no tensor', () => {
    const w = tf.ones([numEdges, 2]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(edgeSpmm(a as tf.Tensor2D, b as tf.Tensor2D, edges)))([
        w,
        tf.ones([n, width]),
      ]);
    });
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  });
});
