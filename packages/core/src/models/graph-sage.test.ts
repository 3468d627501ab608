import { InvalidArgumentError } from '@coin-gnn/graph';
import { denseMatMul, expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel, type GraphSage, modelPreset, resolveModelOptions } from '../index.js';
import { denseGraph } from '../testing/index.js';

// 5 nodes, node 4 isolated; 3 features, 2 classes.
const adjacency = [
  [0, 1, 1, 1, 0],
  [1, 0, 0, 1, 0],
  [1, 0, 0, 0, 0],
  [1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0],
];
const [n, numFeatures, numClasses, hidden] = [5, 3, 2, 4];
const { graph, features, meanOperator } = denseGraph(adjacency, numFeatures, 61);
afterAll(() => graph.dispose());

const values = (p: { variable: tf.Variable } | null) => Float64Array.from(p?.variable.dataSync() ?? []);

describe('GraphSage', () => {
  it('is R relu(R X W₁ + X R₁ + b₁) W₂ + H R₂ + b₂ with R = D⁻¹A, in evaluation mode', () => {
    const model = createModel('graphsage', {
      numFeatures,
      numClasses,
      options: { hidden },
      seed: 2,
    }) as GraphSage;
    const r = meanOperator(false);
    const layer = (x: Float64Array, fIn: number, fOut: number, conv: GraphSage['conv1']) => {
      const neighbours = denseMatMul(r, n, n, denseMatMul(x, n, fIn, values(conv.weight), fOut), fOut);
      const root = denseMatMul(x, n, fIn, values(conv.rootWeight), fOut);
      const bias = values(conv.bias);
      return neighbours.map((v, k) => v + root[k] + bias[k % fOut]);
    };
    const h = layer(Float64Array.from(features), numFeatures, hidden, model.conv1).map((v) => Math.max(v, 0));
    const expected = layer(h, hidden, numClasses, model.conv2);
    expectClose(
      tf.tidy(() => model.eval().forward(graph).dataSync()),
      expected,
      1e-5,
    );
    model.dispose();
  });

  it("has the reproduction's settings as defaults and official preset, and rejects bad options", () => {
    expect(resolveModelOptions('graphsage')).toEqual({
      hidden: 32,
      dropout: 0.4,
      aggregation: 'mean',
      rootWeight: true,
    });
    expect(modelPreset('graphsage', 'official', 'citeseer')).toEqual({});
    const bad: [string, unknown, RegExp][] = [
      ['aggregation', 'max', /aggregation.*one of mean, sum/],
      ['hidden', -1, /hidden/],
      ['dropout', 1.5, /dropout/],
      ['rootWeight', 'yes', /rootWeight.*boolean/],
      ['heads', 2, /does not apply to graphsage/],
    ];
    for (const [option, value, message] of bad) {
      const create = () =>
        createModel('graphsage', { numFeatures, numClasses, options: { [option]: value } });
      expect(create).toThrow(InvalidArgumentError);
      expect(create).toThrow(message);
    }
  });
});
