import { fromDense, InvalidArgumentError, Rng } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrTensor, EdgeIndex, GatConv } from '../index.js';
import { checkGradients, randomMatrix, testBackends } from '../testing/index.js';

// A 5-node graph with self loops; node 4 has only its self loop.
const mask = [
  [1, 1, 0, 1, 0],
  [1, 1, 1, 0, 0],
  [0, 1, 1, 1, 0],
  [1, 0, 1, 1, 0],
  [0, 0, 0, 0, 1],
];
const [n, fIn, fOut, heads] = [5, 4, 3, 2];
const x = randomMatrix(n, fIn, 31);

/** GAT written out per node, head and neighbour in float64 from the layer's parameters (eqs. 1–4, 6). */
function denseGat(layer: GatConv, concat: boolean): number[] {
  const get = (p: { variable: tf.Variable }) => Array.from(p.variable.dataSync());
  const [w, aS, aD] = [get(layer.weight), get(layer.attSource), get(layer.attTarget)];
  const bias = layer.bias ? get(layer.bias) : [];
  const z = (j: number, h: number, c: number) => {
    let s = 0;
    for (let k = 0; k < fIn; k++) s += x[j * fIn + k] * w[k * heads * fOut + h * fOut + c];
    return s;
  };
  const part = (a: number[], j: number, h: number) => {
    let s = 0;
    for (let c = 0; c < fOut; c++) s += a[h * fOut + c] * z(j, h, c);
    return s;
  };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const perHead = Array.from({ length: heads }, (_, h) => {
      const nbrs = [0, 1, 2, 3, 4].filter((j) => mask[i][j] === 1);
      const e = nbrs.map((j) => {
        const s = part(aS, j, h) + part(aD, i, h);
        return s > 0 ? s : 0.2 * s;
      });
      const total = e.reduce((acc, v) => acc + Math.exp(v), 0);
      return Array.from({ length: fOut }, (_, c) =>
        nbrs.reduce((acc, j, k) => acc + (Math.exp(e[k]) / total) * z(j, h, c), 0),
      );
    });
    const row = concat
      ? perHead.flat()
      : Array.from({ length: fOut }, (_, c) => perHead.reduce((acc, r) => acc + r[c], 0) / heads);
    out.push(...row.map((v, k) => v + (bias[k] ?? 0)));
  }
  return out;
}

describe.each(testBackends())('GatConv on %s', (backend) => {
  let edges: EdgeIndex;
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromCsr(fromDense(mask.flat(), n, n));
  });
  afterAll(() => edges.dispose());

  it('matches the attention written out per head, heads concatenated or averaged', () => {
    for (const concat of [true, false]) {
      const layer = new GatConv(fIn, fOut, { heads, concat }).resetParameters(new Rng(1));
      tf.tidy(() =>
        layer.bias?.variable.assign(tf.randomUniform(layer.bias.shape as number[], -1, 1, 'float32', 2)),
      );
      const y = tf.tidy(() => layer.eval().forward(tf.tensor2d(x, [n, fIn]), edges));
      expect(y.shape).toEqual([n, concat ? heads * fOut : fOut]);
      expectClose(y.dataSync(), denseGat(layer, concat), 1e-5);
      y.dispose();
      layer.dispose();
    }
  });

  it('takes sparse features and gives the dense result', () => {
    const layer = new GatConv(fIn, fOut, { heads }).resetParameters(3);
    const sparse = CsrTensor.fromCsr(fromDense(x, n, fIn));
    const [a, b] = tf.tidy(() => [
      layer.forward(tf.tensor2d(x, [n, fIn]), edges).dataSync(),
      layer.forward(sparse, edges).dataSync(),
    ]);
    expectClose(b, a, 1e-6);
    sparse.dispose();
    layer.dispose();
  });

  it('has gradients in x that match finite differences', () => {
    const layer = new GatConv(fIn, fOut, { heads }).resetParameters(4).eval();
    const tx = tf.tensor2d(x, [n, fIn]);
    checkGradients((v) => layer.forward(v as tf.Tensor2D, edges), [tx]);
    tx.dispose();
    layer.dispose();
  });

  it('drops attention coefficients in training mode only', () => {
    const layer = new GatConv(fIn, fOut, { heads, attentionDropout: 0.5 }).resetParameters(5);
    const tx = tf.tensor2d(x, [n, fIn]);
    const evalOut = tf.tidy(() => layer.eval().forward(tx, edges).dataSync());
    const trainOut = tf.tidy(() => layer.train(new Rng(6)).forward(tx, edges).dataSync());
    expect(Array.from(trainOut)).not.toEqual(Array.from(evalOut));
    expect(layer.deterministic).toBe(false);
    tx.dispose();
    layer.dispose();
  });

  it('rejects bad sizes, heads, slopes and dropout rates', () => {
    expect(() => new GatConv(0, 2)).toThrow(InvalidArgumentError);
    expect(() => new GatConv(2, 2, { heads: 0 })).toThrow(/heads/);
    expect(() => new GatConv(2, 2, { heads: 1.5 })).toThrow(/heads/);
    expect(() => new GatConv(2, 2, { negativeSlope: -0.1 })).toThrow(/negativeSlope/);
    expect(() => new GatConv(2, 2, { attentionDropout: 1 })).toThrow(/rate/);
  });
});
