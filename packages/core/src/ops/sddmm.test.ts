import { InvalidArgumentError, ShapeMismatchError } from '@coin-gnn/graph';
import { denseMatMul, expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgeIndex, sddmm } from '../index.js';
import { checkGradients, randomEdges, randomMatrix, testBackends } from '../testing/index.js';

const g = randomEdges(6, 14, 1, [4]);
const [n, width] = [g.numNodes, 6];

/** Dense reference of the 'dot' mode: S_h = A_h B_hᵀ per block of columns, sampled at (src_e, dst_e). */
function denseSddmm(a: Float32Array, b: Float32Array, numHeads: number): number[] {
  const d = width / numHeads;
  const block = (m: Float32Array, h: number) =>
    Float32Array.from({ length: n * d }, (_, k) => m[Math.floor(k / d) * width + h * d + (k % d)]);
  const blockT = (m: Float32Array, h: number) =>
    Float32Array.from({ length: d * n }, (_, k) => m[(k % n) * width + h * d + Math.floor(k / n)]);
  const products = Array.from({ length: numHeads }, (_, h) =>
    denseMatMul(block(a, h), n, d, blockT(b, h), n),
  );
  return Array.from(g.src).flatMap((s, e) => products.map((p) => p[s * n + g.dst[e]]));
}

describe.each(testBackends())('sddmm on %s', (backend) => {
  let edges: EdgeIndex;
  const a = randomMatrix(n, width, 2);
  const b = randomMatrix(n, width, 3);
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromArrays(n, g.src, g.dst);
  });
  afterAll(() => edges.dispose());

  it("'dot' matches A Bᵀ sampled at the edges, for 1, 2 and 3 heads", () => {
    for (const numHeads of [1, 2, 3]) {
      const s = tf.tidy(() =>
        sddmm(tf.tensor2d(a, [n, width]), tf.tensor2d(b, [n, width]), edges, { numHeads }),
      );
      expect(s.shape).toEqual([g.src.length, numHeads]);
      expectClose(s.dataSync(), denseSddmm(a, b, numHeads), 1e-5);
      s.dispose();
    }
  });

  it("'add' sums the source part and the destination part", () => {
    const s = tf.tidy(() =>
      sddmm(tf.tensor2d(a, [n, width]), tf.tensor2d(b, [n, width]), edges, { mode: 'add' }).dataSync(),
    );
    const expected = Array.from(g.src).flatMap((j, e) =>
      Array.from({ length: width }, (_, h) => a[j * width + h] + b[g.dst[e] * width + h]),
    );
    expectClose(s, expected, 1e-6);
  });

  it('gives an empty result for a graph without edges', () => {
    const none = EdgeIndex.fromArrays(3, new Int32Array(0), new Int32Array(0));
    expect(tf.tidy(() => sddmm(tf.ones([3, 2]), tf.ones([3, 2]), none).shape)).toEqual([0, 1]);
    none.dispose();
  });

  it('has gradients for a and b that match finite differences, in both modes', () => {
    const ta = tf.tensor2d(a, [n, width]);
    const tb = tf.tensor2d(b, [n, width]);
    checkGradients((x, y) => sddmm(x as tf.Tensor2D, y as tf.Tensor2D, edges, { numHeads: 2 }), [ta, tb]);
    checkGradients((x, y) => sddmm(x as tf.Tensor2D, y as tf.Tensor2D, edges, { mode: 'add' }), [ta, tb]);
    tf.dispose([ta, tb]);
  });

  it('rejects bad shapes, modes, head counts and disposed edges', () => {
    const t = tf.zeros([n, width]) as tf.Tensor2D;
    expect(() => sddmm(tf.zeros([n + 1, width]), t, edges)).toThrow(ShapeMismatchError);
    expect(() => sddmm(t, tf.zeros([n, width - 1]), edges)).toThrow(ShapeMismatchError);
    expect(() => sddmm(t, t, edges, { numHeads: 4 })).toThrow(/numHeads/);
    expect(() => sddmm(t, t, edges, { numHeads: 0 })).toThrow(InvalidArgumentError);
    expect(() => sddmm(t, t, edges, { mode: 'max' as 'dot' })).toThrow(/mode/);
    expect(() => sddmm(t, t, edges, { mode: 'add', numHeads: 2 })).toThrow(InvalidArgumentError);
    expect(() => sddmm(t, tf.zeros([n, width], 'int32') as tf.Tensor2D, edges)).toThrow(InvalidArgumentError);
    const gone = EdgeIndex.fromArrays(n, g.src, g.dst);
    gone.dispose();
    expect(() => sddmm(t, t, gone)).toThrow(/disposed/);
    t.dispose();
  });

  it('leaks no tensor', () => {
    const ta = tf.tensor2d(a, [n, width]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((x: tf.Tensor) => tf.sum(sddmm(x as tf.Tensor2D, x as tf.Tensor2D, edges, { numHeads: 3 })))([
        ta,
      ]);
    });
    expect(tf.memory().numTensors).toBe(before);
    ta.dispose();
  });
});

describe('EdgeIndex', () => {
  it('rejects bad edge lists, naming the edge', () => {
    expect(() => EdgeIndex.fromArrays(3, Int32Array.of(0, 3), Int32Array.of(1, 1))).toThrow(/src\[1\]/);
    expect(() => EdgeIndex.fromArrays(3, Int32Array.of(0), Int32Array.of(-1))).toThrow(/dst\[0\]/);
    expect(() => EdgeIndex.fromArrays(3, Int32Array.of(0), Int32Array.of(1, 2))).toThrow(
      InvalidArgumentError,
    );
    expect(() => EdgeIndex.fromArrays(-1, new Int32Array(0), new Int32Array(0))).toThrow(/numNodes/);
    expect(() => EdgeIndex.fromArrays(3, [0] as unknown as Int32Array, Int32Array.of(1))).toThrow(
      /Int32Array/,
    );
  });

  it('knows 1/in-degree (0 for a node without incoming edges) and reverses as a view', () => {
    const edges = EdgeIndex.fromArrays(4, Int32Array.of(0, 1, 2, 0), Int32Array.of(1, 1, 1, 2));
    expect(Array.from(edges.inDegreeInverse().dataSync())).toEqual([0, 1 / 3, 1, 0].map(Math.fround));
    expect(edges.reversed().src).toBe(edges.dst);
    expect(Array.from(edges.reversed().hostArrays().dst)).toEqual([0, 1, 2, 0]);
    edges.dispose();
  });
});
