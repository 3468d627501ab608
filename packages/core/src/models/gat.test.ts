import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@coin-gnn/graph';
import { denseMatMul, expectClose } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createModel,
  type Gat,
  loadModel,
  modelPreset,
  resolveModelOptions,
  saveModel,
  trainingDefaults,
} from '../index.js';
import { denseGraph } from '../testing/index.js';

// 5 nodes, node 4 isolated; 3 features, 2 classes.
const adjacency = [
  [0, 1, 1, 0, 0],
  [1, 0, 0, 1, 0],
  [1, 0, 0, 1, 0],
  [0, 1, 1, 0, 0],
  [0, 0, 0, 0, 0],
];
const [n, numFeatures, numClasses] = [5, 3, 2];
const { graph, features, meanOperator } = denseGraph(adjacency, numFeatures, 51);
afterAll(() => graph.dispose());

const values = (p: { variable: tf.Variable }) => Float64Array.from(p.variable.dataSync());
const addRow = (m: Float64Array, cols: number, b: Float64Array) => m.map((v, k) => v + b[k % cols]);

describe('Gat', () => {
  it('with zero attention vectors is the mean over N(i) ∪ {i}, ELU between, output heads averaged', () => {
    const options = { hidden: 2, heads: 3, outputHeads: 2 };
    const model = createModel('gat', { numFeatures, numClasses, options, seed: 1 }) as Gat;
    for (const conv of [model.conv1, model.conv2]) {
      for (const p of [conv.attSource, conv.attTarget])
        tf.tidy(() => p.variable.assign(tf.zerosLike(p.variable)));
      if (conv.bias)
        tf.tidy(() => conv.bias?.variable.assign(tf.randomUniform(conv.bias.shape as number[], -1, 1)));
    }
    // M = D̃⁻¹(A + I): uniform attention over each node's neighbours and itself.
    const m = meanOperator(true);
    const hiddenWidth = 6;
    const elu = (v: number) => (v > 0 ? v : Math.expm1(v));
    const h = addRow(
      denseMatMul(
        m,
        n,
        n,
        denseMatMul(features, n, numFeatures, values(model.conv1.weight), hiddenWidth),
        hiddenWidth,
      ),
      hiddenWidth,
      values(model.conv1.bias as never),
    ).map(elu);
    const z = denseMatMul(
      m,
      n,
      n,
      denseMatMul(h, n, hiddenWidth, values(model.conv2.weight), 2 * numClasses),
      2 * numClasses,
    );
    const averaged = Float64Array.from({ length: n * numClasses }, (_, k) => {
      const [i, c] = [Math.floor(k / numClasses), k % numClasses];
      return (z[i * 2 * numClasses + c] + z[i * 2 * numClasses + numClasses + c]) / 2;
    });
    const expected = addRow(averaged, numClasses, values(model.conv2.bias as never));
    const y = tf.tidy(() => model.eval().forward(graph).dataSync());
    expectClose(y, expected, 1e-5);
    model.dispose();
  });

  it("has the paper's defaults and the official reproduction's preset", () => {
    expect(resolveModelOptions('gat')).toEqual({
      hidden: 8,
      heads: 8,
      outputHeads: 1,
      dropout: 0.6,
      attentionDropout: 0.6,
      negativeSlope: 0.2,
    });
    expect(trainingDefaults('gat')).toEqual({ optimizer: 'adam', lr: 0.005, weightDecay: 5e-4 });
    expect(modelPreset('gat', 'official', 'cora')).toMatchObject({
      options: { hidden: 64, heads: 8, dropout: 0.6, attentionDropout: 0.3 },
      lr: 0.01,
    });
    const model = createModel('gat', { numFeatures: 1433, numClasses: 7 });
    expect(model.namedWeights().map((w) => [w.name, w.variable.shape])).toEqual([
      ['conv1.weight', [1433, 64]],
      ['conv1.attSource', [8, 8]],
      ['conv1.attTarget', [8, 8]],
      ['conv1.bias', [64]],
      ['conv2.weight', [64, 7]],
      ['conv2.attSource', [1, 7]],
      ['conv2.attTarget', [1, 7]],
      ['conv2.bias', [7]],
    ]);
    model.dispose();
  });

  it('saves and loads (GAT and GraphSAGE) with identical outputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coin-gat-'));
    for (const name of ['gat', 'graphsage'] as const) {
      const model = createModel(name, { numFeatures, numClasses, options: { hidden: 4 }, seed: 3 });
      await saveModel(model, join(dir, name));
      const loaded = await loadModel(join(dir, name));
      const [a, b] = tf.tidy(() => [
        model.eval().forward(graph).dataSync(),
        loaded.eval().forward(graph).dataSync(),
      ]);
      expect(Array.from(b)).toEqual(Array.from(a));
      model.dispose();
      loaded.dispose();
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects every bad option with a clear error', () => {
    const bad: [string, unknown, RegExp][] = [
      ['heads', 0, /heads.*integer/],
      ['heads', 65, /heads/],
      ['outputHeads', 1.5, /outputHeads/],
      ['hidden', 0, /hidden/],
      ['dropout', 1, /dropout/],
      ['attentionDropout', -0.1, /attentionDropout/],
      ['negativeSlope', -1, /negativeSlope/],
      ['aggregation', 'mean', /does not apply to gat/],
    ];
    for (const [option, value, message] of bad) {
      const create = () => createModel('gat', { numFeatures, numClasses, options: { [option]: value } });
      expect(create).toThrow(InvalidArgumentError);
      expect(create).toThrow(message);
    }
  });
});
