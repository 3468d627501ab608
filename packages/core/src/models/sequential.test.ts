import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coinLaplacian, InvalidArgumentError, toDense } from '@coin-gnn/graph';
import { denseMatMul, expectClose, randomCsr, randomGraph } from '@coin-gnn/graph/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import '../index.js';
import { GraphTensors } from '../graph/graph-tensors.js';
import { loadModel, loadWeights } from '../io/load-model.js';
import { saveModel } from '../io/save-model.js';
import { Dropout } from '../layers/dropout.js';
import { GcnConv } from '../layers/gcn-conv.js';
import { GraphDiffusion } from '../layers/graph-diffusion.js';
import { registerLayer } from '../layers/layer-registry.js';
import { Linear } from '../layers/linear.js';
import { zeros } from '../module/initializers.js';
import { Module } from '../module/module.js';
import { Parameter } from '../module/parameter.js';
import { train } from '../training/train.js';
import { Gcn } from './gcn.js';
import { createModel, modelConfig, registerModel } from './registry.js';
import { Sequential, sequential } from './sequential.js';

const n = 12;
const f = 5;
const graph = new GraphTensors({
  numNodes: n,
  numFeatures: f,
  adjacency: randomGraph(n, 0.3, 1),
  features: randomCsr(n, f, 0.5, 2),
});
const dir = await mkdtemp(join(tmpdir(), 'coin-sequential-'));
afterAll(async () => {
  graph.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** The values of a model's weight by name. */
const weight = (model: Module, name: string) =>
  model
    .namedWeights()
    .find((w) => w.name === name)!
    .variable.dataSync() as Float32Array;

describe('sequential', () => {
  it('names weights by position and computes the built-in GCN exactly (same draws, same forward)', () => {
    const model = sequential([
      new GcnConv(f, 4),
      'relu',
      new GcnConv(4, 3, { decay: false }),
    ]).resetParameters(7);
    expect(model.namedWeights().map((w) => `${w.name}:${w.decay}`)).toEqual([
      'layers.0.weight:true',
      'layers.0.bias:true',
      'layers.2.weight:false',
      'layers.2.bias:false',
    ]);
    const gcn = new Gcn(f, 3, { hidden: 4, dropout: 0, decayLayers: 'first' }).resetParameters(7);
    expectClose(model.eval().forward(graph).dataSync(), gcn.eval().forward(graph).dataSync(), 1e-6);
    model.dispose();
    gcn.dispose();
  });

  it('applies GCN, K explicit steps of COIN’s Laplacian and a linear map as the dense formula does', () => {
    const sigma2 = 0.3;
    const model = sequential([
      new GcnConv(f, 4),
      new GraphDiffusion({ numSteps: 3, sigma2 }),
      new Linear(4, 2),
    ]).resetParameters(3);
    const x = toDense(graph.data.features);
    const a = toDense(graph.operatorMatrix('gcn-norm'));
    const l = toDense(coinLaplacian(graph.data.adjacency));
    const w1 = weight(model, 'layers.0.weight');
    const b1 = weight(model, 'layers.0.bias');
    let h = denseMatMul(a, n, n, denseMatMul(x, n, f, w1, 4), 4).map((v, i) => v + b1[i % 4]);
    for (let k = 0; k < 3; k++) {
      const lh = denseMatMul(l, n, n, h, 4);
      h = h.map((v, i) => v - sigma2 * lh[i]);
    }
    const w3 = weight(model, 'layers.2.weight');
    const b3 = weight(model, 'layers.2.bias');
    const y = denseMatMul(h, n, 4, w3, 2).map((v, i) => v + b3[i % 2]);
    expectClose(model.forward(graph).dataSync(), y, 1e-5);
    model.dispose();
  });

  it('densifies the sparse features for a layer that takes dense input (after a leading dropout)', () => {
    const model = sequential([new Dropout(0.5), 'tanh', new Linear(f, 2)])
      .resetParameters(1)
      .eval();
    const x = toDense(graph.data.features).map(Math.tanh);
    const w = weight(model, 'layers.2.weight');
    const b = weight(model, 'layers.2.bias');
    const y = denseMatMul(x, n, f, w, 2).map((v, i) => v + b[i % 2]);
    expectClose(model.forward(graph).dataSync(), y, 1e-5);
    model.dispose();
  });

  it('refuses an empty list and names an unknown activation', () => {
    expect(() => sequential([])).toThrow(InvalidArgumentError);
    expect(() => sequential([new Linear(2, 2), 'relux' as 'relu'])).toThrow(
      /layers\[1\].*relu, tanh.*relux/s,
    );
  });

  it('saves its architecture and loadModel rebuilds it with identical outputs', async () => {
    const model = sequential(
      [
        new GcnConv(f, 4),
        'relu',
        new GraphDiffusion({ numSteps: 2, sigma2: 0.2, scheme: 'implicit' }),
        new Linear(4, 3),
      ],
      { output: 'logits' },
    ).resetParameters(5);
    expect(modelConfig(model)).toMatchObject({ model: 'sequential', numFeatures: f, numClasses: 3 });
    await saveModel(model, join(dir, 'seq'));
    const config = JSON.parse(await readFile(join(dir, 'seq', 'config.json'), 'utf8'));
    expect(JSON.parse(config.options.layers).map((l: { type: string }) => l.type)).toEqual([
      'gcn-conv',
      'activation',
      'graph-diffusion',
      'linear',
    ]);
    const loaded = await loadModel(join(dir, 'seq'));
    expect(loaded).toBeInstanceOf(Sequential);
    expectClose(loaded.eval().forward(graph).dataSync(), model.eval().forward(graph).dataSync(), 0);
    model.dispose();
    loaded.dispose();
  });

  it('with a layer class not registered with a config, saves only weights and loadModel says what it needs', async () => {
    class Scale extends Module<[tf.Tensor2D], tf.Tensor2D> {
      readonly gain = new Parameter([1], zeros);
      forward(h: tf.Tensor2D): tf.Tensor2D {
        return tf.mul(h, tf.add(this.gain.variable, 1));
      }
    }
    const model = sequential([new Linear(f, 2), new Scale()]).resetParameters(2);
    expect(modelConfig(model)).toBeUndefined();
    await saveModel(model, join(dir, 'scale'));
    await expect(loadModel(join(dir, 'scale'))).rejects.toThrow(/Sequential.*registerLayer.*loadWeights/s);
    const copy = sequential([new Linear(f, 2), new Scale()]).resetParameters(9);
    await loadWeights(copy, join(dir, 'scale'));
    expectClose(copy.forward(graph).dataSync(), model.forward(graph).dataSync(), 0);
    model.dispose();
    copy.dispose();
  });

  it('calls a registered user layer with its declared input, and registration refuses a taken class or name', () => {
    class Propagate extends Module<[tf.Tensor2D, unknown], tf.Tensor2D> {
      forward(h: tf.Tensor2D, operator: unknown): tf.Tensor2D {
        expect(operator).toBe(graph.operator('coin-laplacian'));
        return h;
      }
    }
    registerLayer('propagate-test', { type: Propagate, input: { operator: 'coin-laplacian' } });
    const model = sequential([new Linear(f, 2), new Propagate()]).resetParameters(0);
    expect(model.forward(graph).shape).toEqual([n, 2]);
    expect(() => registerLayer('other', { type: Propagate, input: 'features' })).toThrow(/propagate-test/);
    expect(() => registerLayer('linear', { type: class extends Linear {}, input: 'features' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => registerModel('sequential', () => model, { defaults: {} })).toThrow(/name/);
    expect(() =>
      Sequential.fromConfig({
        model: 'sequential',
        numFeatures: 1,
        numClasses: 1,
        options: { layers: '[{"type":"my-conv"}]', output: 'logits' },
      }),
    ).toThrow(/registerLayer\('my-conv'/);
    model.dispose();
  });

  it('trains with train() and, registered through a factory, is a registry model that saves under its name', () => {
    registerModel(
      'sequential-test',
      ({ numFeatures, numClasses, options }) =>
        sequential([new Linear(numFeatures, options.hidden), 'relu', new Linear(options.hidden, numClasses)]),
      { defaults: { hidden: 4 } },
    );
    const model = createModel('sequential-test', { numFeatures: f, numClasses: 2, seed: 1 });
    expect(modelConfig(model)).toMatchObject({ model: 'sequential-test', options: { hidden: 4 } });
    const labels = Int32Array.from({ length: n }, (_, i) => i % 2);
    const split = {
      train: Int32Array.of(0, 1, 2, 3),
      val: Int32Array.of(4, 5),
      test: Int32Array.of(6, 7, 8),
    };
    const before = weight(model, 'layers.0.weight').slice();
    const result = train(model, { graph, labels, split }, { epochs: 3 });
    expect(result.epochs).toBe(3);
    expect(weight(model, 'layers.0.weight')).not.toEqual(before);
    model.dispose();
  });
});
