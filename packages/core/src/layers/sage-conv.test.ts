import { fromDense, InvalidArgumentError } from '@coin-gnn/graph';
import { expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Aggregation, EdgeIndex, SageConv } from '../index.js';
import { checkGradients, randomMatrix, testBackends } from '../testing/index.js';

// Node 3 has no neighbours.
const adjacency = [
  [0, 1, 1, 0],
  [1, 0, 1, 0],
  [1, 1, 0, 0],
  [0, 0, 0, 0],
];
const [n, fIn, fOut] = [4, 3, 2];
const x = randomMatrix(n, fIn, 41);

/** GraphSAGE written out: x_i W_root + agg_{j ∈ N(i)} x_j W + b, in float64. */
function denseSage(layer: SageConv, aggregation: Aggregation): number[] {
  const get = (p: { variable: tf.Variable } | null) => (p ? Array.from(p.variable.dataSync()) : null);
  const [w, root, bias] = [get(layer.weight) ?? [], get(layer.rootWeight), get(layer.bias)];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const nbrs = [0, 1, 2, 3].filter((j) => adjacency[i][j] === 1);
    for (let c = 0; c < fOut; c++) {
      let v = bias ? bias[c] : 0;
      for (let k = 0; k < fIn; k++) {
        const agg = nbrs.reduce((acc, j) => acc + x[j * fIn + k], 0);
        v += (aggregation === 'mean' && nbrs.length > 0 ? agg / nbrs.length : agg) * w[k * fOut + c];
        if (root) v += x[i * fIn + k] * root[k * fOut + c];
      }
      out.push(v);
    }
  }
  return out;
}

describe.each(testBackends())('SageConv on %s', (backend) => {
  let edges: EdgeIndex;
  beforeAll(async () => {
    await tf.setBackend(backend);
    edges = EdgeIndex.fromCsr(fromDense(adjacency.flat(), n, n));
  });
  afterAll(() => edges.dispose());

  it('matches the mean (or sum) of the neighbours plus the root term; an isolated node keeps root and bias', () => {
    for (const [aggregation, rootWeight] of [
      ['mean', true],
      ['sum', true],
      ['mean', false],
    ] as const) {
      const layer = new SageConv(fIn, fOut, { aggregation, rootWeight }).resetParameters(7);
      const y = tf.tidy(() => layer.forward(tf.tensor2d(x, [n, fIn]), edges).dataSync());
      expectClose(y, denseSage(layer, aggregation), 1e-5);
      layer.dispose();
    }
  });

  it('has gradients in x that match finite differences', () => {
    const layer = new SageConv(fIn, fOut).resetParameters(8);
    const tx = tf.tensor2d(x, [n, fIn]);
    checkGradients((v) => layer.forward(v as tf.Tensor2D, edges), [tx]);
    tx.dispose();
    layer.dispose();
  });

  it('names its parameters and rejects bad options', () => {
    expect(new SageConv(3, 2).namedParameters().map(([name]) => name)).toEqual([
      'weight',
      'rootWeight',
      'bias',
    ]);
    expect(new SageConv(3, 2, { rootWeight: false, bias: false }).namedParameters().map(([k]) => k)).toEqual([
      'weight',
    ]);
    expect(() => new SageConv(3, 0)).toThrow(InvalidArgumentError);
    expect(() => new SageConv(3, 2, { aggregation: 'max' as 'sum' })).toThrow(/aggregation.*max/);
  });
});
